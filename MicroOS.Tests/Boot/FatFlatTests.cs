using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// A long-running fat server keeps nothing per client past its use (issue 17 item 3): through 10,000
// open/read/close cycles of one client, and then 100 client processes coming and going (half of them
// ending with their file still open), its kernel-object frames (process_inspect) stay what they were
// after the first 100 cycles, and its pages (what `ps` shows as use) stop growing once its collected
// heap has reached its working size. The storage stack runs as test entries
// (ff-names, ff-ata, ff-fat) so the probe (MicroOS.Servers/Tests/Probe/FatFlat.cs) can hold fat's Process cap
// and start clients. Counts: MICROOS_FATFLAT_CYCLES (default 10000), MICROOS_FATFLAT_CLIENTS (100),
// handed to the probe in /FLATCFG.TXT on the disk.
public sealed class FatFlatTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(15);
    private readonly ITestOutputHelper _output;

    public FatFlatTests(ITestOutputHelper output) => _output = output;

    private static readonly Regex Checkpoint = new(@"^\[fat-flat\] fat-flat: at (?<n>\d+) cycles: (?<p>\d+) pages, (?<o>\d+) object frames$");

    private static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out int n) && n > 0 ? n : fallback;

    [Fact]
    public void TheFatServersFramesStayFlatThroughOpenCloseCyclesAndClientsComingAndGoing()
    {
        int cycles = Count("MICROOS_FATFLAT_CYCLES", 10000), clients = Count("MICROOS_FATFLAT_CLIENTS", 100);
        Assert.True(cycles > 100, "MICROOS_FATFLAT_CYCLES must exceed the 100 warm-up cycles");
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 64L << 20);
        image.PutText("/HELLO.TXT", "Hello from the flat-frames test.\n");
        image.PutText("/FLATCFG.TXT", $"{cycles} {clients}");
        using var machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "quiet nosystem servers=ff-names,ff-ata,ff-fat,fat-flat", Disk = image.Path, MemoryMiB = 128,
        });
        machine.WaitForLine($"[fat-flat] fat-flat: counts: {cycles} cycles, {clients} clients", Long);
        var cyclesLine = new Regex($@"^\[fat-flat\] fat-flat: open/close: after 100 cycles (?<p1>\d+) pages, (?<o1>\d+) object frames; " +
            $@"after {cycles} cycles (?<p2>\d+) pages, (?<o2>\d+) object frames; failures 0$");
        Match after = cyclesLine.Match(machine.WaitForLine(cyclesLine, Long));
        var clientsLine = new Regex($@"^\[fat-flat\] fat-flat: clients: {clients} of {clients} came and went; fat now (?<p3>\d+) pages, (?<o3>\d+) object frames$");
        Match end = clientsLine.Match(machine.WaitForLine(clientsLine, Long));
        IReadOnlyList<string> lines = machine.Lines;

        // Kernel objects: exactly flat from the first cycles on (fat makes none per client: a session
        // is a badge on a minted cap, a handle an index in its table).
        Assert.Equal(after.Groups["o1"].Value, after.Groups["o2"].Value);
        Assert.Equal(after.Groups["o1"].Value, end.Groups["o3"].Value);
        // Pages: the collected heap grows to its working size (twice the live set plus a budget,
        // Collector.cs), then stays: from half the cycles on, no checkpoint, neither the end of the
        // cycles nor the end of the clients, is above the figure at half the cycles.
        var checkpoints = lines.Select(l => Checkpoint.Match(l)).Where(m => m.Success)
            .ToDictionary(m => int.Parse(m.Groups["n"].Value), m => (Pages: int.Parse(m.Groups["p"].Value), Objects: m.Groups["o"].Value));
        int half = cycles / 2 / 1000 * 1000;
        Assert.True(half >= 1000 && checkpoints.ContainsKey(half), $"no checkpoint at {half} cycles");
        int plateau = checkpoints[half].Pages;
        var later = checkpoints.Where(c => c.Key >= half).Select(c => c.Value.Pages)
            .Append(int.Parse(after.Groups["p2"].Value)).Append(int.Parse(end.Groups["p3"].Value)).ToList();
        Assert.True(later.All(p => p <= plateau), $"fat's pages grew after {half} cycles: {plateau} then {string.Join(", ", later)}");
        Assert.All(checkpoints.Values, c => Assert.Equal(after.Groups["o1"].Value, c.Objects));
        // Every client did its work (a failing one says so), and fat is the same process throughout.
        Assert.DoesNotContain(lines, l => l.Contains("client failed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^process ff-fat \(pid \d+\) (killed|exited)"));
        ServerLog.AssertKernelHealthy(lines);
    }
}
