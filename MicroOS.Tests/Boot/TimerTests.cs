using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// notification_signal_after (syscall 53, MicroOS.Kernel/Objects/NotificationTimer.cs), end to end:
// the probe's `timer` roles (MicroOS.Servers/Probe/TimerProbe.cs). Error codes: -2 InvalidArgument,
// -5 InvalidCapability, -6 WrongType, -7 MissingRight, -9 ObjectGone, -10 WouldBlock.
public sealed class TimerTests
{
    private readonly ITestOutputHelper _output;

    public TimerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ATimerWakesAWaiterOnceAndIsReplacedCancelledAndEndedWithItsSetter()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("timer-owner,timer"));
        string[] expected =
        {
            // A waiting thread wakes, with the bits, no sooner than asked.
            "timer: arm 50 ms -> 0, wait -> 0 bits 5, at least 50 ms later: True",
            // A thread whose Recv the notification is bound to wakes from the Recv (1 = a signal).
            "timer: bound -> 0, receive -> 1 bits 8",
            // The second call replaced the first (whose sooner deadline would have delivered 1).
            "timer: replaced -> bits 2, nothing later: -10",
            "timer: cancel -> 0, poll 60 ms later -> -10",
            "timer: errors: empty slot -5, endpoint -6, read-only -7, 0 bits -2, over a day -2, slot ~0 -5",
            "timer: set by timer-owner -> call 0, its arm 0, wait -> 0 bits 16",
            // Killed before its timer fired: the timer went with it.
            "timer: setter killed -> call 0, its arm 0, kill 0, poll 100 ms later -> -10",
            "timer: dead notification -> -9",
            "timer: after the cap's delete -> bits 64",
        };
        int at = 0;
        foreach (string line in expected)
            at = machine.WaitForLineIndex(ServerLog.Said("timer", line), at) + 1;
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("timer")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
