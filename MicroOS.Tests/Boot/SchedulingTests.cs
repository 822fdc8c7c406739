using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Timer preemption of ring-3 servers. The busy and spin servers never yield and never make a
// blocking call, so only the PIT interrupt can move the CPU from one to the other.
public sealed class SchedulingTests
{
    private readonly ITestOutputHelper _output;

    public SchedulingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TwoBusyServersBothRunInterleavedByTimerPreemption()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("busy-a,busy-b"));
        ServerLog.WaitForStart(machine, "busy-a");
        ServerLog.WaitForStart(machine, "busy-b");

        int a5 = machine.WaitForLineIndex(ServerLog.Said("busy-a", "busy a: 5"));
        int b5 = machine.WaitForLineIndex(ServerLog.Said("busy-b", "busy b: 5"));

        IReadOnlyList<string> lines = machine.Lines;
        int a1 = ServerLog.IndexOf(lines, ServerLog.Progress("busy-a", "a"));
        int b1 = ServerLog.IndexOf(lines, ServerLog.Progress("busy-b", "b"));
        Assert.True(b1 < a5, $"busy-b printed nothing before busy-a's 5th line (line {a5}): no preemption of busy-a");
        Assert.True(a1 < b5, $"busy-a printed nothing before busy-b's 5th line (line {b5}): no preemption of busy-b");
        AssertCountsClimbOneByOne(lines, ServerLog.Progress("busy-a", "a"));
        AssertCountsClimbOneByOne(lines, ServerLog.Progress("busy-b", "b"));
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("busy-a")));
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("busy-b")));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void EndlessLoopDoesNotStarveAnotherServer()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("spin,busy-a"));
        int spinPid = ServerLog.WaitForStart(machine, "spin");
        int busyPid = ServerLog.WaitForStart(machine, "busy-a");
        Assert.NotEqual(spinPid, busyPid);

        machine.WaitForLine(ServerLog.Said("busy-a", "busy a: 5"));

        IReadOnlyList<string> lines = machine.Lines;
        int spinEnd = ServerLog.IndexOf(lines, ServerLog.Ended("spin"));
        Assert.True(spinEnd == -1, $"spin ended (killed or exited) instead of looping: {(spinEnd >= 0 ? lines[spinEnd] : "")}");
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("busy-a")));
        AssertCountsClimbOneByOne(lines, ServerLog.Progress("busy-a", "a"));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void HighPriorityServerRunsAloneUntilItExits()
    {
        // busy-a (normal) starts first; hog (high priority, 8 reports then exit) must take the CPU and
        // keep it: strict priority, so busy-a prints nothing between hog's start and hog's exit.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("busy-a,hog"));
        ServerLog.WaitForStart(machine, "busy-a");
        int hogPid = ServerLog.WaitForStart(machine, "hog");

        Match exited = machine.WaitForMatch(ServerLog.Exited("hog"));
        Assert.Equal(hogPid.ToString(), exited.Groups["pid"].Value);
        Assert.Equal("0", exited.Groups["code"].Value);
        int hogExit = machine.WaitForLineIndex(ServerLog.Exited("hog"));
        // The normal-priority server runs again once the high one is gone.
        ServerLog.WaitForLinesAfter(machine, ServerLog.Progress("busy-a", "a"), hogExit, 3);

        IReadOnlyList<string> lines = machine.Lines;
        int hogFirst = ServerLog.IndexOf(lines, ServerLog.Progress("hog", "hog"));
        Assert.True(hogFirst >= 0 && hogFirst < hogExit, "hog printed no progress before it exited");
        int busyDuringHog = ServerLog.IndexOf(lines, ServerLog.Progress("busy-a", "a"), hogFirst);
        Assert.True(busyDuringHog > hogExit,
            $"busy-a ran while the high-priority hog was runnable: {(busyDuringHog >= 0 ? lines[busyDuringHog] : "")}");
        Assert.Equal(8, ServerLog.IndicesOf(lines, ServerLog.Progress("hog", "hog")).Count);
        ServerLog.AssertKernelHealthy(lines);
    }

    // A busy server's counter goes 1, 2, 3, ... with no line lost or repeated.
    private static void AssertCountsClimbOneByOne(IReadOnlyList<string> lines, Regex progress)
    {
        List<int> counts = lines.Select(line => progress.Match(line)).Where(m => m.Success)
                                .Select(m => int.Parse(m.Groups["count"].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, counts.Count), counts);
    }
}
