using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// notification_signal_after (syscall 53, MicroOS.Kernel/Objects/NotificationTimer.cs), end to end:
// the probe's `timer` roles (MicroOS.Servers/Tests/Probe/TimerProbe.cs). Error codes: -2 InvalidArgument,
// -5 InvalidCapability, -6 WrongType, -7 MissingRight, -9 ObjectGone, -10 WouldBlock.
public sealed class TimerTests
{
    private readonly ITestOutputHelper _output;

    public TimerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ATimerWakesAWaiterOnceAndIsReplacedCancelledAndEndedWithItsSetter()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("timer-owner,timer"));
        // The probe's report (TestReport.cs): every check ok, and what it observed, value by value.
        TestReport.WaitForObserved(machine, "timer", new Dictionary<string, string>
        {
            // A waiting thread wakes, with the bits, no sooner than asked.
            ["wait"] = "arm=0 wait=0 bits=5 at-least-50ms=true",
            // A thread whose Recv the notification is bound to wakes from the Recv (1 = a signal).
            ["bound"] = "bind=0 receive=1 bits=8",
            // The second call replaced the first (whose sooner deadline would have delivered 1).
            ["replaced"] = "bits=2 later=-10",
            ["cancel"] = "cancel=0 poll-60ms-later=-10",
            ["errors"] = "empty-slot=-5 endpoint=-6 read-only=-7 zero-bits=-2 over-a-day=-2 slot-max=-5",
            ["set-by-another"] = "call=0 its-arm=0 wait=0 bits=16",
            // Killed before its timer fired: the timer went with it.
            ["setter-killed"] = "call=0 its-arm=0 kill=0 poll-100ms-later=-10",
            ["dead-notification"] = "arm=-9",
            ["after-delete"] = "bits=64",
        });
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("timer")).Groups["code"].Value);
        ServerLog.AssertCleanShutdown(machine);
    }
}
