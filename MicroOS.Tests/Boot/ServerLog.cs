using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Boot;

// The log lines of ring-3 servers and the process manager, and the checks the server boot tests share.
internal static class ServerLog
{
    // Boot options for a test that starts only the named manifest entries (`a,b,c*N`). `nosystem`
    // keeps init out, so the test's servers are the only processes and get pids 1, 2, ...
    public static QemuOptions TestServers(string servers, int memoryMiB = 64) => new()
    {
        CommandLine = $"exit quiet nosystem servers={servers}",
        MemoryMiB = memoryMiB,
    };

    // Boot options for the same servers started by Init, not the kernel (`testroot`,
    // MicroOS.Servers/Init/TestRoot.cs): Init is pid 1, the test's servers 2, 3, ...
    public static QemuOptions TestRoot(string servers, int memoryMiB = 64) => new()
    {
        CommandLine = $"exit quiet testroot servers={servers}",
        MemoryMiB = memoryMiB,
    };

    // `servers: started NAME (pid N, test|system, limit K KiB)`: the kernel's, or the test root's
    // (the same line, written by Init: `[init] servers: started ...`).
    public static Regex Started(string name) =>
        new($@"^(\[init\] )?servers: started {Regex.Escape(name)} \(pid (?<pid>\d+), (?<kind>test|system), limit (?<kib>\d+) KiB\)$");

    // `process NAME (pid N) exited with code C`.
    public static Regex Exited(string name) =>
        new($@"^process {Regex.Escape(name)} \(pid (?<pid>\d+)\) exited with code (?<code>-?\d+)$");

    // Any end of the process: a kill or an exit.
    public static Regex Ended(string name) =>
        new($@"^process {Regex.Escape(name)} \(pid \d+\) (killed|exited)");

    // A line the server printed itself, exactly: `[NAME] text`.
    public static Regex Said(string name, string text) =>
        new($"^{Regex.Escape($"[{name}] {text}")}$");

    // A busy server's progress line: `[busy-a] busy a: K`, `[witness] busy witness: K`.
    public static Regex Progress(string name, string label) =>
        new($@"^{Regex.Escape($"[{name}] busy {label}: ")}(?<count>\d+)$");

    // `processes: all exited; free frames X + K kept by the kernel heap (before the first process: Y)`.
    public static readonly Regex AllExited =
        new(@"^processes: all exited; free frames (?<after>\d+) \+ (?<kept>\d+) kept by the kernel heap \(before the first process: (?<before>\d+)\)$");

    // From an AllExited match: the free frames plus those the kernel heap kept for good since the
    // first process started (its pools warming up). Equal to "before" unless a process leaked.
    public static string FramesBack(Match allExited) =>
        (long.Parse(allExited.Groups["after"].Value) + long.Parse(allExited.Groups["kept"].Value)).ToString();

    public const string Idle = "idle: nothing left to run";

    // The kernel's own failure reports: a panic, or a CPU exception taken in ring 0.
    public static void AssertKernelHealthy(IReadOnlyList<string> lines)
    {
        string? bad = lines.FirstOrDefault(line => line.Contains("KERNEL PANIC", StringComparison.Ordinal)
                                                  || line.Contains("FAULT:", StringComparison.Ordinal));
        Assert.True(bad == null, $"the kernel reported a failure: {bad}");
    }

    // The one check of a clean shutdown under `exit`: QEMU ended with Success, which the kernel's idle
    // thread writes only after its `idle: nothing left to run` line (every process ended), and the
    // kernel reported no panic or ring-0 fault on the way.
    public static void AssertCleanShutdown(QemuMachine machine, TimeSpan? timeout = null)
    {
        Assert.Equal(KernelExit.Success, machine.WaitForExit(timeout));
        Assert.Contains(Idle, machine.Lines);
        AssertKernelHealthy(machine.Lines);
    }

    public static int IndexOf(IReadOnlyList<string> lines, Regex pattern, int from = 0)
    {
        for (int i = Math.Max(from, 0); i < lines.Count; i++)
        {
            if (pattern.IsMatch(lines[i]))
                return i;
        }
        return -1;
    }

    public static List<int> IndicesOf(IReadOnlyList<string> lines, Regex pattern) =>
        Enumerable.Range(0, lines.Count).Where(i => pattern.IsMatch(lines[i])).ToList();

    // Waits until `pattern` has matched `count` lines after position `after` and returns the
    // position of the last of them.
    public static int WaitForLinesAfter(QemuMachine machine, Regex pattern, int after, int count)
    {
        int index = after;
        for (int i = 0; i < count; i++)
            index = machine.WaitForLineIndex(pattern, index + 1);
        return index;
    }

    // The pid the process manager gave `name` (its one `started` line).
    public static int WaitForStart(QemuMachine machine, string name, string kind = "test")
    {
        Match started = machine.WaitForMatch(Started(name));
        Assert.Equal(kind, started.Groups["kind"].Value);
        return int.Parse(started.Groups["pid"].Value);
    }

    public static ulong Hex(string digits) => ulong.Parse(digits, System.Globalization.NumberStyles.HexNumber);

    // Lower half of the canonical address space: where every user mapping must live.
    public const ulong UserHalfEnd = 0x0000_8000_0000_0000;
}
