using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The kernel's IPC trace ring (MicroOS.Kernel/Diagnostics/IpcTrace.cs) behind the Trace capability,
// syscalls 55 trace_control and 56 trace_read, and the shell's `ipctrace` (IpcTraceCommand.cs).
// Two boots: the probe pair (pong and the tracer, plus trace-none without the capability), and the
// whole system with the kernel option `trace`, driven through the shell.
public sealed class IpcTraceTests
{
    private const int Ring = 4096;              // IpcTraceControl.RingEntries
    private const int Burst = 100_000;          // the tracer's manifest line: trace check 100000

    // One `ipctrace` line (IpcTraceCommand.Line).
    private static readonly Regex TraceLine = new(
        @"^\+\d+ (us|cyc)  (?<from>[a-z-]+|pid \d+) -> (?<to>[a-z-]+|ep#\d+|ntfn#\d+|pid \d+)  (?<kind>call|send|reply|signal)  " +
        @"(label (?<label>\d+|0x[0-9a-f]+)( (?<method>I[A-Za-z]+\.[A-Za-z]+))?|bits 0x[0-9a-f]+)  (?<length>\d+) B(?<cap>  cap)?  (?<result>ok|[A-Za-z]+|error\(-?\d+\))(  queued)?(?<rtt>  rtt \d+ (us|cyc))?$");

    private readonly ITestOutputHelper _output;

    public IpcTraceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheRingRecordsExactlyNothingWhenOffRefusesBadArgumentsAndOverwritesTheOldestUnderABurst()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("pong,tracer,trace-none"));
        // The known exchange: three calls, each recorded as the call then its reply, in order, with
        // the pids of both sides, the contract labels (EchoContract Ping 1, Pong 2), and a round trip.
        machine.WaitForLine(ServerLog.Said("tracer", "trace: control on -> was 0; read 6, lost 0"));
        for (int i = 0; i < 3; i++)
        {
            machine.WaitForLine(ServerLog.Said("tracer", $"trace: entry {2 * i} call self -> pong label 1 len 0 ok"));
            machine.WaitForLine(ServerLog.Said("tracer", $"trace: entry {2 * i + 1} reply pong -> self label 2 len 0 ok rtt"));
        }
        machine.WaitForLine(ServerLog.Said("tracer", "trace: exchange exact"));
        machine.WaitForLine(ServerLog.Said("tracer", "trace: off recorded 0, lost 0"));
        // Bad pointers and lengths are errors (BadAddress, InvalidArgument), never a kernel fault.
        machine.WaitForLine(ServerLog.Said("tracer", "trace: bad reads: null BadAddress, kernel BadAddress, non-canonical BadAddress, " +
            "length 0 InvalidArgument, length 41 InvalidArgument, length 8200 InvalidArgument, cursor ahead InvalidArgument, mode 7 InvalidArgument"));
        machine.WaitForLine(ServerLog.Said("tracer", "trace: read-only cap: control MissingRight, read ok 0; endpoint cap: read WrongType"));
        // A process without the capability is refused on every slot of its table.
        machine.WaitForLine(ServerLog.Said("trace-none", "trace-none: 128 of 128 slots refused; endpoint WrongType, empty InvalidCapability"));
        // The burst: 2 * Burst messages into a ring of Ring entries. Every call was answered (the
        // ring never holds a sender up), the newest Ring entries are there and every older one is
        // counted as lost; the last entry is the last reply.
        machine.WaitForLine(ServerLog.Said("tracer",
            $"trace: burst {Burst} calls finished, 0 failed; read {Ring}, lost {2 * Burst - Ring}, last reply pong -> self label 2 len 0 ok rtt"),
            TimeSpan.FromSeconds(300));
        machine.WaitForLine(ServerLog.Said("tracer", "trace: done"));
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("tracer")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void IpctraceShowsWhatPingSetsOffByNameAndNothingWhenOff()
    {
        // `trace` (./microos run --trace): recording from the kernel's first message.
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet manifest=system trace", SerialConsole = true });
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));

        // What booting the system set off: every line a trace line (names resolved), or the counts after them.
        List<string> boot = ShellTests.Run(machine, "ipctrace");
        Assert.True(boot.Count > 10, $"only {boot.Count} lines recorded during boot");
        foreach (string line in boot)
            Assert.True(TraceLine.IsMatch(line) || Regex.IsMatch(line, @"^ipctrace: \d+ (more not shown|lost \(the ring overwrote them before this read\))$"),
                $"not an ipctrace line: '{line}'");
        Assert.Contains(boot, line => TraceLine.Match(line) is { Success: true } m && m.Groups["kind"].Value == "reply" && m.Groups["rtt"].Success);

        // Off: nothing recorded, whatever runs. (What came before `off` is still there to read once.)
        Assert.Equal(new[] { "ipctrace: off" }, ShellTests.Run(machine, "ipctrace off"));
        Assert.All(ShellTests.Run(machine, "ipctrace"),
            line => Assert.True(TraceLine.IsMatch(line) || line == "ipctrace: nothing recorded (tracing is off: ipctrace on)", line));
        Assert.Matches(@"^serial answered in \d+ us$", Assert.Single(ShellTests.Run(machine, "ping serial")));
        Assert.Equal(new[] { "ipctrace: nothing recorded (tracing is off: ipctrace on)" }, ShellTests.Run(machine, "ipctrace"));

        // Only names and serial: `ping serial` is a Lookup call to names (INames label 2, the name as
        // payload) answered with serial's endpoint (a capability), then IDebug.Ping (0xdb01) to serial
        // and its reply, each with its round trip.
        Assert.Equal(new[] { "ipctrace: on for names serial" }, ShellTests.Run(machine, "ipctrace names serial"));
        Assert.Matches(@"^serial answered in \d+ us$", Assert.Single(ShellTests.Run(machine, "ping serial")));
        List<string> lines = ShellTests.Run(machine, "ipctrace");
        List<Match> trace = lines.Select(l => TraceLine.Match(l)).ToList();
        Assert.All(trace.Zip(lines), t => Assert.True(t.First.Success, $"not an ipctrace line: '{t.Second}'"));
        // (A call finds its server busy now and then: then it waits on the endpoint, `ep#N ... queued`.)
        int lookup = trace.FindIndex(m => IsCall(m, "names", "2"));
        Assert.True(lookup >= 0, "no Lookup call from the shell to names:\n" + string.Join("\n", lines));
        Assert.True(int.Parse(trace[lookup].Groups["length"].Value) >= "serial".Length, trace[lookup].Value);
        Assert.Equal("ok", trace[lookup].Groups["result"].Value);
        Assert.Equal("INames.Lookup", trace[lookup].Groups["method"].Value);     // the generated contract description names it
        AssertAnswered(trace, lines, lookup, "names", withCap: true);
        int ping = trace.FindIndex(lookup + 1, m => IsCall(m, "serial", "0xdb01"));
        Assert.True(ping > lookup, "no Ping call from the shell to serial after the lookup:\n" + string.Join("\n", lines));
        Assert.Equal("0", trace[ping].Groups["length"].Value);
        Assert.Equal("IDebug.Ping", trace[ping].Groups["method"].Value);
        Assert.Equal("ok", trace[ping].Groups["result"].Value);
        AssertAnswered(trace, lines, ping, "serial", withCap: false);
        // Nothing of anyone else: every line has names or serial on one side.
        Assert.All(trace, m => Assert.True(m.Groups["from"].Value is "names" or "serial" || m.Groups["to"].Value is "names" or "serial"
                                           || m.Groups["to"].Value.StartsWith("ep#", StringComparison.Ordinal), m.Value));

        Assert.Equal(new[] { "ipctrace: no server named 'nosuch' (ps lists them)" }, ShellTests.Run(machine, "ipctrace nosuch"));
        Assert.Equal(new[] { "ipctrace: at most 4 names", "usage: ipctrace [on | off | NAME...]" }, ShellTests.Run(machine, "ipctrace a b c d e"));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    private static bool IsCall(Match m, string server, string label) =>
        m.Groups["from"].Value == "shell" && m.Groups["kind"].Value == "call" && m.Groups["label"].Value == label
        && (m.Groups["to"].Value == server || m.Groups["to"].Value.StartsWith("ep#", StringComparison.Ordinal));

    // The first message from `server` back to the shell after `call` is its reply: ok, with a round trip,
    // and no other message from the shell came in between (a call blocks its sender).
    private static void AssertAnswered(List<Match> trace, List<string> lines, int call, string server, bool withCap)
    {
        int reply = trace.FindIndex(call + 1, m => m.Groups["from"].Value == server && m.Groups["to"].Value == "shell");
        Assert.True(reply > call, $"no answer from {server} after line {call}:\n" + string.Join("\n", lines));
        Match r = trace[reply];
        Assert.Equal("reply", r.Groups["kind"].Value);
        Assert.Equal("ok", r.Groups["result"].Value);
        Assert.True(r.Groups["rtt"].Success, $"a reply without its round trip: '{r.Value}'");
        Assert.Equal(withCap, r.Groups["cap"].Success);
        for (int i = call + 1; i < reply; i++)
            Assert.NotEqual("shell", trace[i].Groups["from"].Value);
    }
}
