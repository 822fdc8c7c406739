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

    [Fact]
    public void SixtyFourProcessesStartExitAndGiveBackEveryFrame()
    {
        const int count = 64;
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers($"exit*{count}", memoryMiB: 32));

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

        long after = long.Parse(frames.Groups["after"].Value);
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
