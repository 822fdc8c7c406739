using MicroOS.Shared.Manifest;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The boot manifest parser (MicroOS.Shared/Manifest/BootManifest.cs), fed text the way the kernel gets it.
public sealed class BootManifestTests
{
    [Fact]
    public void ParsesEntriesCommentsAndArguments()
    {
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse(
            "# comment line\n" +
            "init   init.elf   512K  high    system\n" +
            "\n" +
            "busy-a probe.elf  2M    normal  test    busy a   # trailing comment\r\n", errors);

        Assert.Empty(errors);
        Assert.Equal(2, entries.Count);
        Assert.Equal("init", entries[0].Name);
        Assert.Equal("init.elf", entries[0].Image);
        Assert.Equal(512UL * 1024, entries[0].MemoryLimitBytes);
        Assert.True(entries[0].HighPriority);
        Assert.Equal(ServerKind.System, entries[0].Kind);
        Assert.Equal("", entries[0].Arguments);
        Assert.Equal(2UL * 1024 * 1024, entries[1].MemoryLimitBytes);
        Assert.False(entries[1].HighPriority);
        Assert.Equal(ServerKind.Test, entries[1].Kind);
        Assert.Equal("busy a", entries[1].Arguments);
    }

    // The parser scans the text in place (no Split per line or per space, for boot time): line
    // numbers, comment-only and blank lines, tabs around words and a last line without a newline
    // must come out as they did when it split.
    [Fact]
    public void LineNumbersAndWhitespaceSurviveTheInPlaceScan()
    {
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse(
            "   # indented comment\r\n" +
            "\t\r\n" +
            "a  a.elf \t4K  normal  test  x\ty   z\t\n" +
            "broken\n" +
            "[sec]\n" +
            "b b.elf 8K high system last", errors);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("a", "a.elf", 3, "x\ty z"), (entries[0].Name, entries[0].Image, entries[0].Line, entries[0].Arguments));
        Assert.Equal(("b", 6, "sec", "last"), (entries[1].Name, entries[1].Line, entries[1].Section, entries[1].Arguments));
        Assert.Contains("manifest line 4", Assert.Single(errors));
        Assert.Empty(BootManifest.Parse("", errors));
    }

    [Fact]
    public void LateIsNormalPriorityStartedAfterTheLinesAbove()
    {
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse("a a.elf 4K normal system\nb b.elf 4K late system\nc c.elf 4K high system\n", errors);

        Assert.Empty(errors);
        Assert.Equal(new[] { (false, false), (false, true), (true, false) }, entries.Select(e => (e.HighPriority, e.Late)));
    }

    [Theory]
    [InlineData("init init.elf", "expected 'name image memory priority kind")]
    [InlineData("init init.elf 0K high system", "bad memory limit '0K'")]
    [InlineData("init init.elf lots high system", "bad memory limit 'lots'")]
    [InlineData("init init.elf 512K urgent system", "priority must be 'high', 'normal' or 'late'")]
    [InlineData("init init.elf 512K high daemon", "kind must be 'system' or 'test'")]
    public void MalformedLinesAreReportedAndSkipped(string line, string expectedError)
    {
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse("ok ok.elf 4K normal test\n" + line + "\n", errors);

        Assert.Single(entries);
        Assert.Equal("ok", entries[0].Name);
        string error = Assert.Single(errors);
        Assert.Contains("manifest line 2", error);
        Assert.Contains(expectedError, error);
    }

    [Theory]
    [InlineData("4096", 4096UL)]
    [InlineData("16k", 16UL * 1024)]
    [InlineData("3M", 3UL * 1024 * 1024)]
    public void SizesTakeKAndMSuffixes(string text, ulong bytes)
    {
        Assert.True(BootManifest.TryParseSize(text, out ulong parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("K")]
    [InlineData("-1M")]
    [InlineData("1G")]
    public void BadSizesAreRefused(string text) => Assert.False(BootManifest.TryParseSize(text, out _));

    [Fact]
    public void TheShippedManifestParsesWithoutErrors()
    {
        string path = Path.Combine(Harness.RepoPaths.Root, "MicroOS.Build", "boot-manifest.txt");
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse(File.ReadAllText(path), errors);
        Assert.Empty(errors);
        Assert.Contains(entries, e => e.Name == "init" && e.Kind == ServerKind.System);
        Assert.Equal(entries.Count, entries.Select(e => e.Name).Distinct().Count());
    }

    // The product's manifest is the system's alone (issue 16 item 7): test servers live in the test
    // manifest, whose head (before its first [section]) is what the kernel reads for servers=.
    [Fact]
    public void TheShippedManifestHoldsNoTestServer()
    {
        string path = Path.Combine(Harness.RepoPaths.Root, "MicroOS.Build", "boot-manifest.txt");
        List<ManifestEntry> entries = BootManifest.Parse(File.ReadAllText(path), new List<string>());
        ManifestEntry? test = entries.FirstOrDefault(e => e.Kind != ServerKind.System);
        Assert.True(test == null, $"boot-manifest.txt line {test?.Line}: '{test?.Name}' is a test server; it belongs in test-manifest.txt");
    }

    [Fact]
    public void TheTestManifestsServersParseWithoutErrorsAndAreAllTestEntries()
    {
        string path = Path.Combine(Harness.RepoPaths.Root, "MicroOS.Build", "test-manifest.txt");
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse(File.ReadAllText(path), errors, firstSectionOnly: true);
        Assert.Empty(errors);
        Assert.All(entries, e => Assert.Equal(ServerKind.Test, e.Kind));
        Assert.Equal(entries.Count, entries.Select(e => e.Name).Distinct().Count());
        // The entries the boot tests name most: the probe's busy servers, the IPC pair, the attack witness.
        foreach (string name in new[] { "busy-a", "pong", "ping", "witness", "conformance" })
            Assert.Contains(entries, e => e.Name == name);
    }
}
