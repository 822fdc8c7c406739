using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// A ring-3 server cannot reach the kernel, another server's memory, or privileged instructions;
// the kernel kills it (or refuses its bad syscall) and everything else keeps running.
public sealed class ServerIsolationTests
{
    private const string KernelImage = "0xFFFFFFFF80101000";        // Rogue.KernelAddress (kernel text; the boot stub page below it is no longer mapped)
    private const string WitnessHeap = "0x0000001000200000";        // Rogue.OtherServersHeap
    private const ulong WitnessHeapAddress = 0x0000_0010_0020_0000;

    // The witness is a busy server that maps 3 MiB first: `[witness] busy witness: holding 3072 KiB at 0x...`.
    private static readonly Regex WitnessHolding = new(@"^\[witness\] busy witness: holding (?<kib>\d+) KiB at 0x(?<start>[0-9A-Fa-f]+)$");
    private static readonly Regex WitnessProgress = ServerLog.Progress("witness", "witness");

    private readonly ITestOutputHelper _output;

    public ServerIsolationTests(ITestOutputHelper output) => _output = output;

    // The expected kill report after `process rogue-X (pid N) killed: `; `rip` and `address` are captured.
    private static readonly Dictionary<string, string> ExpectedKill = new()
    {
        ["kernel-write"] = @"#PF Page Fault at rip 0x(?<rip>[0-9A-F]{16}) address (?<address>" + KernelImage + @") \(protection violation, write, user\)",
        ["kernel-read"] = @"#PF Page Fault at rip 0x(?<rip>[0-9A-F]{16}) address (?<address>" + KernelImage + @") \(protection violation, read, user\)",
        // Not present: the witness's heap is not in the rogue's page tables at all.
        ["other-read"] = @"#PF Page Fault at rip 0x(?<rip>[0-9A-F]{16}) address (?<address>" + WitnessHeap + @") \(page not present, read, user\)",
        // The rogue's own, present but no-execute, data page: the fault is at the jump target itself.
        ["nx"] = @"#PF Page Fault at rip 0x(?<rip>[0-9A-F]{16}) address 0x(?<address>\k<rip>) \(protection violation, read, user, instruction fetch\)",
        ["cli"] = @"#GP General Protection Fault at rip 0x(?<rip>[0-9A-F]{16})",
        ["hlt"] = @"#GP General Protection Fault at rip 0x(?<rip>[0-9A-F]{16})",
        ["out"] = @"#GP General Protection Fault at rip 0x(?<rip>[0-9A-F]{16})",
        ["mov-cr3"] = @"#GP General Protection Fault at rip 0x(?<rip>[0-9A-F]{16})",
        ["ud"] = @"#UD Invalid Opcode at rip 0x(?<rip>[0-9A-F]{16})",
        ["divide"] = @"#DE Divide Error at rip 0x(?<rip>[0-9A-F]{16})",
    };

    [Theory]
    [InlineData("kernel-write")]
    [InlineData("kernel-read")]
    [InlineData("other-read")]
    [InlineData("nx")]
    [InlineData("cli")]
    [InlineData("hlt")]
    [InlineData("out")]
    [InlineData("mov-cr3")]
    [InlineData("ud")]
    [InlineData("divide")]
    public void RogueServerIsKilledWithTheRightFaultWhileTheWitnessRunsOn(string attack)
    {
        string fault = ExpectedKill[attack];
        string rogue = "rogue-" + attack;
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers($"witness,{rogue}"));
        int witnessPid = ServerLog.WaitForStart(machine, "witness");
        int roguePid = ServerLog.WaitForStart(machine, rogue);

        int attempt = machine.WaitForLineIndex(ServerLog.Said(rogue, $"rogue: attempting {attack}"));
        var killed = new Regex($@"^process {Regex.Escape(rogue)} \(pid {roguePid}\) killed: {fault}$");
        // Any kill line for the rogue, so a wrong fault fails on the comparison below, not by timeout.
        int kill = machine.WaitForLineIndex(new Regex($@"^process {Regex.Escape(rogue)} \(pid \d+\) (killed|exited)"));
        string killLine = machine.Lines[kill];
        Match report = killed.Match(killLine);
        Assert.True(report.Success, $"rogue-{attack} ended with\n  {killLine}\nexpected a line matching\n  {killed}");
        Assert.True(attempt < kill, "the kill came before the rogue's attempt line");
        Assert.True(ServerLog.Hex(report.Groups["rip"].Value) < ServerLog.UserHalfEnd,
            $"the fault was taken at a kernel-half rip: {killLine}");

        // The witness goes on: three more progress lines after the kill.
        ServerLog.WaitForLinesAfter(machine, WitnessProgress, kill, 3);

        IReadOnlyList<string> lines = machine.Lines;
        string? survived = lines.FirstOrDefault(line => line.Contains("SURVIVED", StringComparison.Ordinal));
        Assert.True(survived == null, $"an attack succeeded: {survived}");
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("witness")));
        Assert.Single(ServerLog.IndicesOf(lines, ServerLog.Ended(rogue)));
        Assert.NotEqual(witnessPid, roguePid);
        ServerLog.AssertKernelHealthy(lines);

        if (attack == "other-read")
        {
            // The address the rogue read really is inside the witness's heap (in the witness's space).
            Match holding = WitnessHolding.Match(lines[machine.WaitForLineIndex(WitnessHolding)]);
            ulong start = ServerLog.Hex(holding.Groups["start"].Value);
            ulong kib = ulong.Parse(holding.Groups["kib"].Value);
            Assert.Equal(3072UL, kib);
            // The rogue waits before reading, so the memory existed (in the witness's space) at that moment.
            Assert.True(machine.WaitForLineIndex(WitnessHolding) < kill, "the witness had not mapped its heap before the rogue's read");
            Assert.True(start <= WitnessHeapAddress && WitnessHeapAddress + 8 <= start + kib * 1024,
                $"the witness holds 0x{start:X}..0x{start + kib * 1024:X}, which does not contain {WitnessHeap}");
        }
    }

    [Fact]
    public void RandomSyscallsNeverHurtTheKernelOrOtherServers()
    {
        // Two fuzzers make 10,000 random syscalls each (random numbers and kernel, non-canonical,
        // unmapped, misaligned and valid pointers), interleaved; each is the other's witness, and a
        // server started after them must still run normally. (No busy server alongside: every fuzzed
        // yield would hand it a whole time slice and the run would take minutes.)
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("fuzz-1,fuzz-2,exit"));
        var summary = new Regex(@"^\[(?<name>fuzz-[12])\] fuzz: 10000 calls, (?<values>\d+) values, (?<errors>\d+) error codes; still alive$");
        foreach (string name in new[] { "fuzz-1", "fuzz-2" })
        {
            Match exited = machine.WaitForMatch(ServerLog.Exited(name));
            Assert.Equal("0", exited.Groups["code"].Value);
        }
        List<Match> summaries = machine.Lines.Select(line => summary.Match(line)).Where(m => m.Success).ToList();
        Assert.Equal(2, summaries.Count);
        // Both kinds of answer happened: the fuzzing reached real work and real refusals.
        Assert.All(summaries, m => Assert.True(int.Parse(m.Groups["values"].Value) > 0 && int.Parse(m.Groups["errors"].Value) > 0, m.Value));
        Match other = machine.WaitForMatch(ServerLog.Exited("exit"));
        Assert.Equal("0", other.Groups["code"].Value);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        Assert.DoesNotContain(machine.Lines, line => line.Contains(") killed: ", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void BadSyscallArgumentsAreRefusedWithErrorCodesAndTheServerLivesOn()
    {
        const string name = "rogue-syscall-args";
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers(name));
        int pid = ServerLog.WaitForStart(machine, name);

        // In the order the server makes the calls.
        string[] expected =
        {
            "rogue: attempting syscall-args",
            "rogue: kernel pointer -> -3",
            "rogue: unmapped pointer -> -3",
            "rogue: non-canonical pointer -> -3",
            "rogue: overflowing length -> -2",
            "rogue: unknown syscall -> -1",
            "rogue: zero-length map -> -2",
            "rogue: huge map -> -2",
            "rogue: unmap kernel -> -3",
            "rogue: unmap image -> -3",
            "rogue: unmap past heap end -> -3",
            "rogue: unmap unaligned -> -2",
            "rogue: unmap partial page -> -2",
            "rogue: unmap overflowing length -> -2",
            "rogue: unmap own page -> 0",
            "rogue: unmap it again -> -3",
            "rogue: map over a mapped page -> -2",
            "rogue: map past heap end -> -3",
            "rogue: refill own hole -> 0",
            "rogue: still alive after bad syscalls",
        };
        int previous = -1;
        foreach (string text in expected)
        {
            // Any `rogue: <what> -> <code>` line, so a wrong code fails with the line itself.
            int index = machine.WaitForLineIndex(new Regex($"^{Regex.Escape($"[{name}] {text.Split(" -> ")[0]}")}( -> |$)"));
            Assert.Equal($"[{name}] {text}", machine.Lines[index]);
            Assert.True(index > previous, $"`{text}` came out of order");
            previous = index;
        }

        Match exited = machine.WaitForMatch(ServerLog.Exited(name));
        Assert.Equal(pid.ToString(), exited.Groups["pid"].Value);
        Assert.Equal("0", exited.Groups["code"].Value);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());

        IReadOnlyList<string> lines = machine.Lines;
        Assert.DoesNotContain(lines, line => line.StartsWith($"process {name} (pid {pid}) killed", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void MemoryLimitRefusesMapMemoryAndOtherServersRunOn()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("memhog,busy-a"));
        int pid = ServerLog.WaitForStart(machine, "memhog");
        ServerLog.WaitForStart(machine, "busy-a");

        var refused = new Regex(@"^\[memhog\] memhog: map_memory refused with OutOfMemory after (?<kib>\d+) KiB$");
        Match refusal = machine.WaitForMatch(refused);
        int kib = int.Parse(refusal.Groups["kib"].Value);
        // The limit is 1 MiB for everything: image, stack and page tables take their share first.
        Assert.True(kib >= 256 && kib < 1024, $"memhog got {kib} KiB before OutOfMemory; expected 256..1023 under its 1024 KiB limit");

        int exit = machine.WaitForLineIndex(ServerLog.Exited("memhog"));
        Match exited = ServerLog.Exited("memhog").Match(machine.Lines[exit]);
        Assert.Equal(pid.ToString(), exited.Groups["pid"].Value);
        Assert.Equal("0", exited.Groups["code"].Value);

        ServerLog.WaitForLinesAfter(machine, ServerLog.Progress("busy-a", "a"), exit, 3);

        IReadOnlyList<string> lines = machine.Lines;
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("busy-a")));
        Assert.DoesNotContain(lines, line => line.StartsWith("process memhog", StringComparison.Ordinal) && line.Contains("killed"));
        ServerLog.AssertKernelHealthy(lines);
    }
}
