using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// A server written with async/await (MicroOS.Servers/Tests/Conformance/AsyncServer.cs on MicroOS.Shared/User/EventLoop.cs):
// its one wait serves its endpoint while its async flow awaits a timer (notification_signal_after),
// IPC calls made by worker threads (one, then three at once), a notification source (what an IRQ
// line is routed to) and a CancelAfter; an IPC error surfaces at the await as an exception.
public sealed class AsyncServerTests
{
    private readonly ITestOutputHelper _output;

    public AsyncServerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AnAsyncServerServesItsEndpointWhileAwaitingTimersCallsAndSignals()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,async-server,async-client"));
        string[] server =
        {
            "async-server: serving",
            "async-server: delay 50 ms, at least 50 ms later: True",
            "async-server: awaited call -> 42",                          // pong answers Ping(n) with n + 1
            "async-server: three calls at once -> 101,201,301",
            "async-server: call on an empty slot -> call failed: InvalidCapability (-5)",
            "async-server: source pending -> False",
            "async-server: source signalled",
            "async-server: CancelAfter(30) -> A task was canceled.",
            // The client's five calls (20 ms apart) were answered by the loop while the flow awaited.
            "async-server: client done after 5 calls; served 5 while awaiting; events True",
        };
        int at = 0;
        foreach (string line in server)
            at = machine.WaitForLineIndex(ServerLog.Said("async-server", line), at) + 1;
        machine.WaitForLine("[async-client] async-client: answers 2,4,6,8,10; done -> 0");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("async-server")).Groups["code"].Value);
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("async-client")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // The `awaited ipc call` bench role (MicroOS.Servers/Tests/AsyncBench; ./microos bench prints its figures):
    // it runs to its end, every reply checked (W0 + 1), and reports both figures. The numbers
    // themselves are the bench's (instruction counts under -icount), not asserted here.
    [Fact]
    public void TheAsyncBenchAwaitsEveryCallAndReportsBothFigures()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("async-bench-partner,async-bench"));
        int at = machine.WaitForLineIndex(new Regex(@"^\[async-bench\] bench: blocking-call \d+$"));
        machine.WaitForLineIndex(new Regex(@"^\[async-bench\] bench: awaited-ipc-call \d+$"), at + 1);
        machine.WaitForLine("[async-bench] bench: async done");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("async-bench")).Groups["code"].Value);
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("async-bench-partner")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
