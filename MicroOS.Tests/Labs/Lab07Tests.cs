using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MicroOS.Tests.Boot;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Labs;

// Lab 7, "A filesystem server" (docs/labs/07-filesystem.md): the student writes the FAT cluster-chain
// step (ClusterChain.Next) and the directory listing (FatDirectory.Records). The oracle is the host:
// mkfs.fat and mcopy make a FAT16 image with 512-byte clusters (so most things span clusters) holding
// short and long names, a volume label, subdirectories, a directory of 8 clusters, a file of 10
// contiguous clusters, a deleted file and a file mcopy had to split around another (checked with
// mshowfat before the boot). One boot ([lab-7]) walks the whole volume (FileChecksServer `walk-each`:
// `walk: PATH SIZE SHA256`, `walk: PATH/ dir`, or `walk: PATH failed: KIND`, going on after a
// failure); each check compares one part of the walk with what the host put there.
public sealed class Lab07Boot
{
    public const string Label = "LAB7DISK";

    // Image path -> the walk line the host's contents give.
    public Dictionary<string, string> Expected { get; } = new(StringComparer.Ordinal);
    // Image path -> the walk's line for it (a directory's path ends in '/').
    public Dictionary<string, string> Walked { get; } = new(StringComparer.Ordinal);
    public string Log { get; }
    public string Problem { get; } = "";

    public Lab07Boot()
    {
        using FatImage image = FatImage.Create(16, 16L << 20, sectorsPerCluster: 1, label: Label);
        var random = new Random(7);
        byte[] Bytes(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        using (var tree = new FatTree())
        {
            tree.AddText("/README.TXT", "A short name, upper case, one cluster.\n");
            tree.Add("/notes.txt", Bytes(300));
            tree.AddText("/A long name for a lab.text", "a long name: three directory entries\n");
            tree.AddText("/MixedCase Name.Txt", "case and a space: a long name\n");
            tree.Add("/contiguous.bin", Bytes(5000));                         // 10 clusters in a row
            tree.AddText("/docs/chapter-1.txt", "chapter one\n");
            tree.AddText("/docs/deeper/more/leaf.txt", "a leaf three directories down\n");
            for (int i = 0; i < 40; i++)                                      // 3 entries each: 8 clusters of 16
                tree.AddText($"/crowd/entry number {i:D2}.txt", $"entry {i}\n");
            tree.PutOn(image.Path);
            foreach (string line in tree.Listing())
                Expected[PathOf(line)] = line;
        }
        // The split file: three files in a row, the middle one deleted, then one larger than the gap.
        var gapA = Bytes(3000);
        var gapB = Bytes(3000);
        var gapC = Bytes(1000);
        var split = Bytes(9000);
        Put(image, "/gap-a.bin", gapA);
        Put(image, "/gap-b.bin", gapB);
        Put(image, "/gap-c.bin", gapC);
        Mtools("mdel", "-i", image.Path, "::/gap-b.bin");
        Put(image, "/fragmented.bin", split);
        string runs = Mtools("mshowfat", "-i", image.Path, "::/fragmented.bin");
        if (Regex.Matches(runs, @"<\d+(-\d+)?>").Count < 2)
            Problem = $"the test's image is wrong: fragmented.bin is not fragmented ({runs.Trim()})";
        foreach ((string path, byte[] bytes) in new[] { ("/gap-a.bin", gapA), ("/gap-c.bin", gapC), ("/fragmented.bin", split) })
            Expected[path] = $"walk: {path} {bytes.Length} {FatTree.Sha256(bytes)}";
        image.AssertClean();

        var output = new BufferedOutput();
        using var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "quiet testmanifest manifest=lab-7", MemoryMiB = 96, Disk = image.Path, DiskSnapshot = true });
        try
        {
            machine.WaitForLine(ServerLog.Ended("lab-7-walk"), TimeSpan.FromSeconds(120));
        }
        catch (QemuTestException)
        {
            // Reported by the checks (what is missing from the walk), with the log.
        }
        Log = machine.Log;
        foreach (string line in machine.Lines)
        {
            Match m = Regex.Match(line, @"^\[lab-7-walk\] (?<line>walk: .+)$");
            if (m.Success && !m.Groups["line"].Value.StartsWith("walk: done", StringComparison.Ordinal))
                Walked[PathOf(m.Groups["line"].Value)] = m.Groups["line"].Value;
        }
    }

    // "walk: /a b/c.txt 12 ab..." -> "/a b/c.txt"; "walk: /docs/ dir" -> "/docs/"; "walk: /x failed: K" -> "/x".
    private static string PathOf(string line)
    {
        string rest = line["walk: ".Length..];
        Match failed = Regex.Match(rest, @"^(?<path>.+?) failed: ");
        if (failed.Success)
            return failed.Groups["path"].Value;
        if (rest.EndsWith("/ dir", StringComparison.Ordinal))
            return rest[..^" dir".Length];
        Match file = Regex.Match(rest, @"^(?<path>.+) \d+ [0-9a-f]{64}$");
        return file.Success ? file.Groups["path"].Value : rest;
    }

    private static void Put(FatImage image, string path, byte[] bytes)
    {
        string local = Path.Combine(Path.GetTempPath(), "microos-lab7-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(local, bytes);
        try
        {
            Mtools("mcopy", "-i", image.Path, local, "::" + path);
        }
        finally
        {
            File.Delete(local);
        }
    }

    private static string Mtools(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["MTOOLSRC"] = "/dev/null";
        start.Environment["LC_ALL"] = "C.UTF-8";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stdout}{stderr}");
        return stdout;
    }
}

public sealed class Lab07Tests : IClassFixture<Lab07Boot>
{
    private readonly Lab07Boot _boot;

    public Lab07Tests(Lab07Boot boot) => _boot = boot;

    // Each path's walk line is the host's: the name as the host wrote it, the size, the SHA-256.
    private void ExpectSame(params string[] paths)
    {
        Assert.True(_boot.Problem.Length == 0, _boot.Problem);
        var wrong = new StringBuilder();
        foreach (string path in paths)
        {
            string expected = _boot.Expected[path];
            if (!_boot.Walked.TryGetValue(path, out string? got))
                wrong.Append($"\n  {path}: not in the walk (expected `{expected}`)");
            else if (got != expected)
                wrong.Append($"\n  {path}: the walk says `{got}`, the host `{expected}`");
        }
        Assert.True(wrong.Length == 0, $"the walk of the volume differs from what mcopy put there:{wrong}\n(walked: {_boot.Walked.Count} entries)\n{_boot.Log}");
    }

    private string[] Under(string directory) =>
        _boot.Expected.Keys.Where(p => p.StartsWith(directory, StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    [Fact, Trait("Lab", "7")]
    public void ShortNamesInTheRoot() => ExpectSame("/README.TXT", "/notes.txt");

    [Fact, Trait("Lab", "7")]
    public void LongNames() => ExpectSame("/A long name for a lab.text", "/MixedCase Name.Txt");

    [Fact, Trait("Lab", "7")]
    public void DeletedEntriesAndTheLabelAreSkipped()
    {
        ExpectSame("/README.TXT");
        var root = _boot.Walked.Keys.Where(p => p.LastIndexOf('/', p.Length - 2) == 0).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var expected = _boot.Expected.Keys.Where(p => p.LastIndexOf('/', p.Length - 2) == 0).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.True(root.SequenceEqual(expected),
            $"the root should hold exactly\n  {string.Join("\n  ", expected)}\nbut the walk found\n  {string.Join("\n  ", root)}\n(no deleted gap-b.bin, no volume label {Lab07Boot.Label})");
    }

    [Fact, Trait("Lab", "7")]
    public void Subdirectories() => ExpectSame(Under("/docs/"));

    [Fact, Trait("Lab", "7")]
    public void AFileOfManyClusters() => ExpectSame("/contiguous.bin", "/gap-a.bin");

    [Fact, Trait("Lab", "7")]
    public void AFragmentedFile() => ExpectSame("/fragmented.bin", "/gap-c.bin");

    [Fact, Trait("Lab", "7")]
    public void ADirectoryOfManyClusters()
    {
        string[] crowd = Under("/crowd/");
        Assert.Equal(41, crowd.Length);      // the directory and its 40 files
        ExpectSame(crowd);
    }
}
