using System.Buffers.Binary;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The restart probe behind `./microos bench`'s `fs restart` and `ata restart` (Probe/RestartBench.cs,
// the test manifest's [restart-bench]) completes, here without -icount and without timing anything:
// fat killed -> the restarted fat answers a read; ata killed while a read of a block nobody has read
// is on its way -> that read answered, no error. The file holds its own offsets (word at byte
// offset o is o), and the probe checks every word it read; its report is parsed with TestReport.
public sealed class RestartBenchTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);
    private readonly ITestOutputHelper _output;

    public RestartBenchTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void BothRestartsAreAnsweredWithTheRightBytes()
    {
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 64L << 20);
        var contents = new byte[10 << 20];
        for (int o = 0; o < contents.Length; o += 4)
            BinaryPrimitives.WriteUInt32LittleEndian(contents.AsSpan(o), (uint)o);
        image.Put("/RESTART.BIN", contents);
        using var machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "quiet testmanifest manifest=restart-bench", Disk = image.Path,
        });
        machine.WaitForLine(ServerLog.Exited("restart-bench"), Long);
        Dictionary<string, TestResult> report = TestReport.WaitForAllOk(machine, "restart-bench");

        foreach (string name in new[] { "fs-restart", "ata-restart" })
        {
            TestResult r = report[name];
            Assert.Equal("0", r.Values["killed"]);
            Assert.Equal("4096", r.Values["read"]);
            Assert.Equal("match", r.Values["bytes"]);
            // What the figure is made of: executed = elapsed - idle, all measured.
            long executed = long.Parse(r.Values["instructions"]), elapsed = long.Parse(r.Values["elapsed"]), idle = long.Parse(r.Values["idle"]);
            Assert.True(executed > 0 && idle >= 0 && executed + idle == elapsed, r.Line);
        }
        IReadOnlyList<string> lines = machine.Lines;
        // Each server died once, by the probe's kill, and was started again by the supervisor.
        Assert.Single(lines, l => l.StartsWith("process fat (pid ", StringComparison.Ordinal) && l.EndsWith(") killed: by the holder of its process capability", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("process ata (pid ", StringComparison.Ordinal) && l.EndsWith(") killed: by the holder of its process capability", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[supervisor\] supervisor: restarted fat \(pid \d+\)$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[supervisor\] supervisor: restarted ata \(pid \d+\)$"));
        Assert.Contains(lines, l => l.Contains("bench: fs-restart ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bench: ata-restart ", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(lines);
    }
}
