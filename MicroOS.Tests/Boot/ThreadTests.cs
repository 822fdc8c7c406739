using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Thread capabilities and multi-threaded servers: the probe's `threads` roles (MicroOS.Servers/
// Threads/ThreadsServer.cs). Worker threads are ServerThreads (MicroOS.Shared/User/ServerThread.cs) in
// the server's own address space; the kernel logs `process NAME (pid N) thread T killed|exited`.
public sealed class ThreadTests
{
    private readonly ITestOutputHelper _output;

    public ThreadTests(ITestOutputHelper output) => _output = output;

    private static readonly Regex ThreadEnded = new(@"^process (?<name>[\w-]+) \(pid \d+\) thread \d+ (?<how>killed|exited)$");

    private static void AssertAllExitedWithFramesBack(QemuMachine machine)
    {
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    private static string Said(QemuMachine machine, string name, string prefix) =>
        machine.WaitForLine(new Regex($"^{Regex.Escape($"[{name}] {prefix}")}"));

    [Fact]
    public void TwoWorkerThreadsServeTwoClientsWhileTheMainThreadWaitsOnANotification()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("mt-server,mt-client-a,mt-client-b"));
        Assert.Equal("[mt-client-a] client: 20 of 20 calls answered correctly (20 by a worker)", Said(machine, "mt-client-a", "client:"));
        Assert.Equal("[mt-client-b] client: 20 of 20 calls answered correctly (20 by a worker)", Said(machine, "mt-client-b", "client:"));
        // 40 calls served exactly: each answered once. Both workers served some, and the data each
        // kept across its Recv survived the other's collections.
        Assert.Equal("[mt-server] threads: served 40 calls (worker 0: some, worker 1: some), notification 0 bits 1, both back in recv yes, live data intact",
            Said(machine, "mt-server", "threads: served"));
        // Worker 0 killed in Recv leaves the endpoint's queue: the next message reaches worker 1.
        Assert.Equal("[mt-server] threads: killed worker 0 in recv 0, its cap ObjectGone, send after the kill 0, worker 1 got it yes",
            Said(machine, "mt-server", "threads: killed worker 0"));
        Assert.Equal("[mt-server] worker 1: got the message sent after the kill", Said(machine, "mt-server", "worker 1: got"));
        Assert.Equal("[mt-server] threads: killed worker 1 in recv 0; exiting", Said(machine, "mt-server", "threads: killed worker 1"));
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("mt-server")).Groups["code"].Value);
        AssertAllExitedWithFramesBack(machine);
        Assert.Equal(2, machine.Lines.Count(l => ThreadEnded.Match(l) is { Success: true } m && m.Groups["name"].Value == "mt-server" && m.Groups["how"].Value == "killed"));
        Assert.DoesNotContain(machine.Lines, l => l.Contains("receive failed", StringComparison.Ordinal));
    }

    [Fact]
    public void AThreadKilledInAnyIpcWaitLeavesItsPartnersAndQueuesConsistent()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("thread-kill"));
        Assert.Equal("[thread-kill] kill: caller blocked in call killed 0; the queue then gave 200 (0), reply 0, the other caller got 0 201",
            Said(machine, "thread-kill", "kill: caller blocked"));
        Assert.Equal("[thread-kill] kill: caller killed in its reply wait 0 (its call 300 0), the reply then ObjectGone",
            Said(machine, "thread-kill", "kill: caller killed"));
        Assert.Equal("[thread-kill] kill: server thread killed holding a call 0, the caller got ObjectGone",
            Said(machine, "thread-kill", "kill: server thread"));
        Assert.Equal("[thread-kill] kill: waiter killed in notification wait 0, signal 0, poll 0 bits 1",
            Said(machine, "thread-kill", "kill: waiter"));
        Assert.Equal("[thread-kill] kill: a returned thread's cap ObjectGone, a killed thread killed again ObjectGone",
            Said(machine, "thread-kill", "kill: a returned"));
        Assert.Equal("[thread-kill] kill: a worker's IPC buffer registered yes, unmapped while it waits InvalidArgument, killed 0, unmapped then 0",
            Said(machine, "thread-kill", "kill: a worker's"));
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("thread-kill")).Groups["code"].Value);
        AssertAllExitedWithFramesBack(machine);
        // A killed thread never runs again.
        Assert.DoesNotContain(machine.Lines, l => l.Contains("came back", StringComparison.Ordinal));
        Assert.Equal(5, machine.Lines.Count(l => ThreadEnded.Match(l) is { Success: true } m && m.Groups["how"].Value == "killed"));
    }

    [Fact]
    public void AThreadCreateLoopEndsInOutOfMemoryAndEndedThreadsGiveTheirMemoryBack()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("thread-loop"));
        Match m = machine.WaitForMatch(new Regex(@"^\[thread-loop\] create-loop: (?<made>\d+) threads, then (?<error>\w+); after they exited \(all gone (?<gone>\w+)\) (?<again>\d+) again, after the kills \((?<killed>\w+)\) (?<third>\d+) again$"));
        int made = int.Parse(m.Groups["made"].Value);
        Assert.InRange(made, 2, 100);
        Assert.Equal("OutOfMemory", m.Groups["error"].Value);
        Assert.Equal("yes", m.Groups["gone"].Value);
        Assert.Equal(made, int.Parse(m.Groups["again"].Value));
        Assert.Equal("0", m.Groups["killed"].Value);
        Assert.Equal(made, int.Parse(m.Groups["third"].Value));
        AssertAllExitedWithFramesBack(machine);
    }

    [Fact]
    public void ThreadSyscallsRefuseBadArgumentsWrongCapsMissingRightsAndStaleCaps()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("thread-args"));
        Assert.Equal("[thread-args] bad-args: entry 0 BadAddress, kernel entry BadAddress, non-canonical entry BadAddress, entry in data BadAddress",
            Said(machine, "thread-args", "bad-args: entry"));
        Assert.Equal("[thread-args] bad-args: stack misaligned BadAddress, kernel stack BadAddress, unmapped stack BadAddress, non-canonical stack BadAddress",
            Said(machine, "thread-args", "bad-args: stack"));
        Assert.Equal("[thread-args] bad-args: occupied slot SlotOccupied, slot out of range InvalidCapability",
            Said(machine, "thread-args", "bad-args: occupied"));
        Assert.Equal("[thread-args] bad-args: created yes, inspect with read tid, kill with read only MissingRight, resume with read only MissingRight",
            Said(machine, "thread-args", "bad-args: created"));
        Assert.Equal("[thread-args] bad-args: resume an endpoint WrongType, kill an empty slot InvalidCapability, inspect slot -1 InvalidCapability",
            Said(machine, "thread-args", "bad-args: resume an"));
        Assert.Equal("[thread-args] bad-args: resume 0, then (it exited yes) resume ObjectGone, kill ObjectGone, inspect ObjectGone",
            Said(machine, "thread-args", "bad-args: resume 0"));
        Assert.Equal("[thread-args] bad-args: resume twice 0 InvalidArgument", Said(machine, "thread-args", "bad-args: resume twice"));
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("thread-args")).Groups["code"].Value);
        AssertAllExitedWithFramesBack(machine);
    }

    [Fact]
    public void TheProcessEndsWhenItsMainThreadReturnsWhileAWorkerWaitsInRecv()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("thread-main-exit"));
        Assert.Equal("[thread-main-exit] main-exit: worker waits in recv yes; main returns 7", Said(machine, "thread-main-exit", "main-exit:"));
        Assert.Equal("7", machine.WaitForMatch(ServerLog.Exited("thread-main-exit")).Groups["code"].Value);
        AssertAllExitedWithFramesBack(machine);
        Assert.DoesNotContain(machine.Lines, l => l.Contains("worker came back", StringComparison.Ordinal));
    }

    [Fact]
    public void ExceptionsUnwindAWorkersStackAndAnUnhandledOneEndsTheServer()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("thread-exc"));
        Assert.Equal("[thread-exc] exceptions: caught 'on a worker', fault NullReferenceException", Said(machine, "thread-exc", "exceptions:"));
        Assert.StartsWith("[thread-exc] unhandled exception System.InvalidOperationException: unhandled on a worker",
            Said(machine, "thread-exc", "unhandled exception"));
        Assert.Equal("-1", machine.WaitForMatch(ServerLog.Exited("thread-exc")).Groups["code"].Value);
        AssertAllExitedWithFramesBack(machine);
        Assert.DoesNotContain(machine.Lines, l => l.Contains("still here", StringComparison.Ordinal));
    }
}
