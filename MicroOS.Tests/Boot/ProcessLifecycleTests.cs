using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Processes are created, run to their exit and torn down, returning every frame they took.
public sealed class ProcessLifecycleTests
{
    private readonly ITestOutputHelper _output;

    public ProcessLifecycleTests(ITestOutputHelper output) => _output = output;

    private static readonly Regex WaveEnded =
        new(@"^wave (?<wave>\d+) ended: free frames (?<frames>\d+), kernel heap (?<heap>\d+) bytes, (?<kept>\d+) frames kept by the kernel heap$");

    [Fact]
    public void RestartWavesLeakNeitherFramesNorKernelHeap()
    {
        // Four waves of 64 exiting processes, a killed rogue, refused syscalls and a memory hog: a
        // supervisor's restart loop in miniature. After the first wave has filled the kernel's object
        // pools, nothing may grow: frames and kernel heap bytes are the same at the end of every wave.
        using var machine = QemuMachine.Boot(_output,
            // 64 MiB: the limits of the processes alive at once must fit the machine (budgets, docs/capabilities.md).
            ServerLog.TestServers("exit*64,rogue-kernel-write,rogue-syscall-args,memhog waves=4", memoryMiB: 64));
        Match frames = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());

        IReadOnlyList<string> lines = machine.Lines;
        List<Match> waves = lines.Select(line => WaveEnded.Match(line)).Where(m => m.Success).ToList();
        Assert.Equal(new[] { "1", "2", "3" }, waves.Select(m => m.Groups["wave"].Value));
        Assert.All(waves, m => Assert.Equal(waves[0].Groups["frames"].Value, m.Groups["frames"].Value));
        Assert.All(waves, m => Assert.Equal(waves[0].Groups["heap"].Value, m.Groups["heap"].Value));
        Assert.Equal(frames.Groups["before"].Value, ServerLog.FramesBack(frames));
        Assert.Equal(4 * 67, ServerLog.IndicesOf(lines, ServerLog.Exited("exit")).Count
            + ServerLog.IndicesOf(lines, ServerLog.Exited("rogue-syscall-args")).Count
            + ServerLog.IndicesOf(lines, ServerLog.Exited("memhog")).Count
            + ServerLog.IndicesOf(lines, new Regex(@"^process rogue-kernel-write \(pid \d+\) killed: ")).Count);
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void RestartWavesWithRefusedImagesLeakNeitherFramesNorKernelHeap()
    {
        // Every wave asks the loader for three malformed images besides two good servers and a
        // rogue; the refusals happen again in every wave, so a refusal path that allocates (an
        // error string, a log line built with Concat) grows the kernel heap wave after wave. An
        // unknown server name, a bad copy count and an unknown option are refused once, at boot.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers(
            "exit*2,bad-truncated,bad-machine,bad-kernel-half,no-such-server,exit*0,rogue-kernel-write waves=4 no-such-option=1",
            memoryMiB: 32));
        Match frames = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());

        IReadOnlyList<string> lines = machine.Lines;
        Assert.Single(lines, "warning: unknown kernel option 'no-such-option=1' ignored");
        Assert.Single(lines, "warning: no server 'no-such-server' in the test manifest");
        Assert.Single(lines, l => l.StartsWith("warning: bad server count in 'exit*0'", StringComparison.Ordinal));
        foreach (string bad in new[] { "bad-truncated", "bad-machine", "bad-kernel-half" })
        {
            // Refused once per wave, and never started.
            Assert.Equal(4, lines.Count(l => l.StartsWith($"loader: refused image '{bad}': ", StringComparison.Ordinal)));
            Assert.DoesNotContain(lines, l => ServerLog.Started(bad).IsMatch(l));
        }
        Assert.Equal(4 * 2, ServerLog.IndicesOf(lines, ServerLog.Exited("exit")).Count);
        Assert.Equal(4, ServerLog.IndicesOf(lines, new Regex(@"^process rogue-kernel-write \(pid \d+\) killed: #PF Page Fault ")).Count);

        List<Match> waves = lines.Select(line => WaveEnded.Match(line)).Where(m => m.Success).ToList();
        Assert.Equal(new[] { "1", "2", "3" }, waves.Select(m => m.Groups["wave"].Value));
        string report = string.Join("\n  ", waves.Select(m => m.Value));
        Assert.True(waves.All(m => m.Groups["heap"].Value == waves[0].Groups["heap"].Value),
            $"the kernel heap grew between waves (a refusal path allocates):\n  {report}");
        Assert.True(waves.All(m => m.Groups["frames"].Value == waves[0].Groups["frames"].Value),
            $"free frames changed between waves:\n  {report}");
        Assert.Equal(frames.Groups["before"].Value, ServerLog.FramesBack(frames));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void ServerCollectorFreesGarbageAndKeepsLiveData()
    {
        // gc-stress (1.5 MiB limit, of which the probe image takes ~0.5 MiB) allocates tens of MiB while keeping a changing set of objects, a
        // dictionary and a 1,500-node chain alive, checking them as it goes; busy-a runs alongside.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("gc-stress,busy-a"));
        var summary = new Regex(@"^\[gc-stress\] gc: (?<garbage>\d+) KiB of garbage, (?<collections>\d+) collections, (?<collected>\d+) KiB collected, (?<overflows>\d+) mark-stack overflows recovered, live data intact$");
        int exitIndex = machine.WaitForLineIndex(ServerLog.Exited("gc-stress"));
        Match exited = ServerLog.Exited("gc-stress").Match(machine.Lines[exitIndex]);
        Assert.Equal("0", exited.Groups["code"].Value);
        Match line = machine.Lines.Select(l => summary.Match(l)).FirstOrDefault(m => m.Success)
            ?? throw new Xunit.Sdk.XunitException("no gc summary line (a CORRUPTED line or an out-of-memory end instead?)");
        Assert.True(long.Parse(line.Groups["garbage"].Value) > 15 * 1024, line.Value);      // ten times its limit
        Assert.True(long.Parse(line.Groups["collections"].Value) > 0, line.Value);
        Assert.True(long.Parse(line.Groups["collected"].Value) > 15 * 1024, line.Value);
        Assert.True(long.Parse(line.Groups["overflows"].Value) > 0, line.Value);
        Assert.DoesNotContain(machine.Lines, l => l.Contains("CORRUPTED", StringComparison.Ordinal));
        ServerLog.WaitForLinesAfter(machine, ServerLog.Progress("busy-a", "a"), exitIndex, 2);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    private static readonly Regex SteadyHeap =
        new(@"^\[gc-shrink\] heap: steady (?<allocations>\d+) allocations of 32 bytes, peak heap (?<peak>\d+) KiB, (?<collections>\d+) collections, (?<released>\d+) KiB given back$");

    private static readonly Regex ShrinkRound =
        new(@"^\[gc-shrink\] heap: round (?<round>\d): live (?<live>\d+) KiB; frames (?<before>\d+) before, (?<grown>\d+) grown, (?<after>\d+) after the drop; heap (?<mapped>\d+) KiB mapped, (?<released>\d+) KiB given back so far$");

    [Fact]
    public void ServerHeapShrinksWhenItsLiveSetFallsAndGrowsAgain()
    {
        // gc-shrink (32 MiB limit): 1,000,000 small allocations with 1,000 alive at a time, then
        // twice a 20 MiB live set (16 MiB of arrays, 50,000 small nodes) built, checked, dropped and
        // collected. Frames are the kernel's own count (memory_usage), page tables included.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("gc-shrink"));
        int exitIndex = machine.WaitForLineIndex(ServerLog.Exited("gc-shrink"));
        Assert.Equal("0", ServerLog.Exited("gc-shrink").Match(machine.Lines[exitIndex]).Groups["code"].Value);
        Match frames = machine.WaitForMatch(ServerLog.AllExited);
        IReadOnlyList<string> lines = machine.Lines;
        Assert.DoesNotContain(lines, l => l.Contains("CORRUPTED", StringComparison.Ordinal));
        Assert.Contains("[gc-shrink] heap: done, live data intact", lines);

        // Steady state: 32 MB allocated through a heap that never passed 4 MiB, so it was collected
        // at least 8 times, and nothing was unmapped only to be mapped again (hysteresis).
        Match steady = lines.Select(l => SteadyHeap.Match(l)).Single(m => m.Success);
        Assert.Equal("1000000", steady.Groups["allocations"].Value);
        Assert.True(long.Parse(steady.Groups["peak"].Value) <= 4 * 1024, steady.Value);
        Assert.True(long.Parse(steady.Groups["collections"].Value) >= 8, steady.Value);
        Assert.Equal("0", steady.Groups["released"].Value);

        List<Match> rounds = lines.Select(l => ShrinkRound.Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(new[] { "1", "2" }, rounds.Select(m => m.Groups["round"].Value));
        foreach (Match round in rounds)
        {
            long live = long.Parse(round.Groups["live"].Value);
            long before = long.Parse(round.Groups["before"].Value);
            long grown = long.Parse(round.Groups["grown"].Value);
            long after = long.Parse(round.Groups["after"].Value);
            long livePages = live / 4;
            Assert.True(live >= 20 * 1024, round.Value);
            Assert.True(grown >= livePages, round.Value);                         // the live set was really mapped
            Assert.True(grown - after >= livePages * 9 / 10, round.Value);       // and at least 90% of it given back
            Assert.True(after <= before + 512, round.Value);                     // back near where it started (2 MiB slack)
            Assert.True(long.Parse(round.Groups["mapped"].Value) <= 4 * 1024, round.Value);
        }
        // The second live set goes into the first one's holes (remapped at their addresses): no more
        // frames than the first, page tables included (fresh addresses would have needed new tables).
        Assert.True(long.Parse(rounds[1].Groups["grown"].Value) <= long.Parse(rounds[0].Groups["grown"].Value), rounds[1].Value);
        Assert.Equal(rounds[0].Groups["after"].Value, rounds[1].Groups["after"].Value);
        // The runtime's side of the same story: the second drop gave back at least 90% of its live set too.
        Assert.True(long.Parse(rounds[1].Groups["released"].Value) - long.Parse(rounds[0].Groups["released"].Value)
            >= long.Parse(rounds[1].Groups["live"].Value) * 9 / 10, rounds[1].Value);
        Assert.Equal(frames.Groups["before"].Value, ServerLog.FramesBack(frames));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void SixtyFourProcessesStartExitAndGiveBackEveryFrame()
    {
        const int count = 64;
        // 64 × 512 KiB of limits: they must fit the machine (budgets, docs/capabilities.md).
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers($"exit*{count}", memoryMiB: 64));

        Match frames = machine.WaitForMatch(ServerLog.AllExited);
        machine.WaitForLine(ServerLog.Idle);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());

        IReadOnlyList<string> lines = machine.Lines;
        List<int> started = Pids(lines, ServerLog.Started("exit"));
        List<int> exited = Pids(lines, ServerLog.Exited("exit"));
        Assert.Equal(count, started.Count);
        Assert.Equal(count, started.Distinct().Count());
        Assert.Equal(count, exited.Count);
        Assert.Equal(count, exited.Distinct().Count());
        Assert.Equal(started.Order(), exited.Order());
        Assert.All(lines.Select(line => ServerLog.Exited("exit").Match(line)).Where(m => m.Success),
            m => Assert.Equal("0", m.Groups["code"].Value));
        Assert.DoesNotContain(lines, line => line.StartsWith("process exit", StringComparison.Ordinal) && line.Contains("killed"));

        long after = long.Parse(ServerLog.FramesBack(frames));
        long before = long.Parse(frames.Groups["before"].Value);
        Assert.True(after == before, $"free frames after all processes exited: {after}, before the first process: {before} ({before - after} frames leaked)");
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void DefaultBootRunsInitInRingThreeAndExitsCleanly()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit quiet", MemoryMiB = 32 });

        int pid = ServerLog.WaitForStart(machine, "init", kind: "system");
        Assert.Equal(1, pid);
        machine.WaitForLine(ServerLog.Said("init", "init: running in ring 3 as pid 1"));
        Match exited = machine.WaitForMatch(ServerLog.Exited("init"));
        Assert.Equal("1", exited.Groups["pid"].Value);
        Assert.Equal("0", exited.Groups["code"].Value);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());

        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    private static List<int> Pids(IReadOnlyList<string> lines, Regex pattern) =>
        lines.Select(line => pattern.Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups["pid"].Value)).ToList();
}
