using System.Text;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// MicroOS's FAT against the host's FAT tools (issue 13, item 7), both ways:
//  - images made by mkfs.fat and filled by mcopy (FAT12; FAT16 and FAT32 with 512 B and 4 KiB
//    clusters; 1,000 files in one directory; nested directories; long and Unicode names; a 10 MiB
//    file) are walked in MicroOS by the `files-walk` server (MicroOS.Servers/Tests/FileChecks): every
//    directory, every file's size and SHA-256 must be what mcopy put there;
//  - files the `files-write` server writes in MicroOS (and changes, renames, deletes) read back on
//    the host with mcopy/mtype/mdir, SHA-256 equal, and `fsck.fat -n` finds nothing to say.
public sealed class FatInteropTests
{
    private static readonly Regex WalkLine = new(@"^\[files-walk\] (?<line>walk: .+)$");
    private static readonly Regex WroteLine = new(@"^\[files-write\] wrote: (?<path>.+) (?<size>\d+) (?<sha>[0-9a-f]{64})$");

    private readonly ITestOutputHelper _output;

    public FatInteropTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Volumes() => new[]
    {
        // fat bits, image MiB, sectors per cluster (0: mkfs.fat's choice), what goes on it. Every
        // case has the long, Unicode and nested names; the 1,000-file directory and the 10 MiB file
        // (minutes of PIO and SHA-256 under TCG each) once per FAT width that can hold them.
        new object[] { 12, 8, 0, "names,sizes" },
        new object[] { 16, 24, 1, "names,many,sizes" },
        new object[] { 16, 64, 8, "names,sizes" },
        new object[] { 32, 48, 1, "names,sizes" },
        new object[] { 32, 300, 8, "names,many,big,sizes" },
    };

    [Theory]
    [MemberData(nameof(Volumes))]
    public void MicroOsReadsWhatMcopyWrote(int fatBits, int mebibytes, int sectorsPerCluster, string contents)
    {
        using FatImage image = FatImage.Create(fatBits, (long)mebibytes << 20, sectorsPerCluster);
        using var tree = new FatTree();
        Fill(tree, contents.Split(','));
        tree.PutOn(image.Path);
        image.AssertClean();

        List<string> walked;
        using (var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet testmanifest manifest=files-walk", MemoryMiB = 96, Disk = image.Path, DiskSnapshot = true }))
        {
            int end = machine.WaitForLineIndex(ServerLog.Ended("files-walk"), timeout: TimeSpan.FromSeconds(900));
            ServerLog.AssertKernelHealthy(machine.Lines);
            Assert.Matches(@"^process files-walk \(pid \d+\) exited with code 0$", machine.Lines[end]);
            walked = machine.Lines.Select(l => WalkLine.Match(l)).Where(m => m.Success).Select(m => m.Groups["line"].Value)
                .Where(l => !l.StartsWith("walk: done", StringComparison.Ordinal)).ToList();
        }
        walked.Sort(StringComparer.Ordinal);
        List<string> expected = tree.Listing();
        _output.WriteLine($"FAT{fatBits} {mebibytes} MiB, {sectorsPerCluster} sectors/cluster: {tree.Files.Count} files, {tree.Directories.Count} directories, {tree.Files.Values.Sum(f => (long)f.Length)} bytes; MicroOS walked {walked.Count} entries");
        var missing = expected.Except(walked).Take(10).ToList();
        var extra = walked.Except(expected).Take(10).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"MicroOS's walk differs from what mcopy put on the image:\n  missing (or different): {string.Join("\n    ", missing)}\n  unexpected: {string.Join("\n    ", extra)}");
        Assert.Equal(expected.Count, walked.Count);
    }

    // The contents, by name: `names` long, Unicode, dotted, nested; `many` 1,000 files in one
    // directory (not the root: FAT12/16 roots are fixed at 512 entries); `big` a 10 MiB file;
    // `sizes` files around sector and cluster boundaries.
    private static void Fill(FatTree tree, string[] what)
    {
        var random = new Random(13);
        byte[] Bytes(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        foreach (string part in what)
        {
            switch (part)
            {
                case "names":
                    tree.AddText("/README.TXT", "A short name, upper case, as DOS wrote it.\n");
                    tree.AddText("/A long file name with spaces.text", "long name\n");
                    tree.AddText("/MixedCase.Txt", "mixed case kept\n");
                    tree.AddText("/dots.in.the.name.tar.gz", "dots\n");
                    tree.AddText("/space and (parens) [brackets].txt", "punctuation\n");
                    tree.AddText("/\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c\u8a9e/\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac.txt", "unicode\n");
                    tree.AddText("/\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c\u8a9e/caf\u00e9 cr\u00e8me.txt", "caf\u00e9\n");
                    tree.AddText("/nested/level1/level2/level3/level4/level5/deep file.txt", "deep\n");
                    tree.AddText("/nested/level1/sibling.txt", "sibling\n");
                    tree.AddDirectory("/nested/empty directory");
                    tree.Add("/" + new string('L', 200) + ".bin", Bytes(3000));
                    tree.Add("/empty.dat", Array.Empty<byte>());
                    break;
                case "many":
                    for (int i = 0; i < 1000; i++)
                        tree.AddText($"/many/file-{i:D4}.txt", $"file {i}\n");
                    break;
                case "big":
                    tree.Add("/big/ten-mib.bin", Bytes(10 << 20));
                    break;
                case "sizes":
                    foreach (int n in new[] { 1, 511, 512, 513, 2047, 2048, 2049, 4095, 4096, 4097, 65536, 100001 })
                        tree.Add($"/sizes/size-{n}.bin", Bytes(n));
                    break;
            }
        }
    }

    [Theory]
    [InlineData(12, 8)]
    [InlineData(16, 32)]
    [InlineData(32, 64)]
    public void TheHostReadsWhatMicroOsWrote(int fatBits, int mebibytes)
    {
        using FatImage image = FatImage.Create(fatBits, (long)mebibytes << 20);
        var wrote = new List<(string Path, long Size, string Sha)>();
        using (var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet testmanifest manifest=files-write", MemoryMiB = 96, Disk = image.Path }))
        {
            machine.WaitForLine(new Regex(@"^\[files-write\] write: synced, \d+ files$"), TimeSpan.FromSeconds(900));
            int end = machine.WaitForLineIndex(ServerLog.Ended("files-write"), timeout: TimeSpan.FromSeconds(60));
            Assert.Matches(@"^process files-write \(pid \d+\) exited with code 0$", machine.Lines[end]);
            ServerLog.AssertKernelHealthy(machine.Lines);
            foreach (string line in machine.Lines)
            {
                Match m = WroteLine.Match(line);
                if (m.Success)
                    wrote.Add((FatTree.Unescape(m.Groups["path"].Value), long.Parse(m.Groups["size"].Value), m.Groups["sha"].Value));
            }
        }
        // QEMU has let go of the image: the host's tools judge it.
        (bool clean, string report) = image.Check();
        Assert.True(clean, $"fsck.fat -n found problems in what MicroOS wrote:\n{report}");

        Assert.Equal(209, wrote.Count);
        foreach ((string path, long size, string sha) in wrote)
        {
            byte[] back = FatTree.Read(image.Path, path);
            Assert.True(back.Length == size && FatTree.Sha256(back) == sha,
                $"{path}: MicroOS wrote {size} bytes, sha256 {sha}; mcopy reads {back.Length} bytes, sha256 {FatTree.Sha256(back)}");
        }
        Assert.Equal("hello from MicroOS\n", FatTree.Type(image.Path, "/out/hello.txt"));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"file-{i:D3}.txt"), FatTree.Names(image.Path, "/out/many").OrderBy(n => n, StringComparer.Ordinal));
        List<string> top = FatTree.Names(image.Path, "/out");
        Assert.Contains("\u00fcn\u00efc\u00f6d\u00e9-\u65e5\u672c.txt", top);
        Assert.Contains("Long file name with spaces.text", top);
        Assert.Contains("MiXeD.CaSe", top);
        Assert.Contains("after-rename.txt", top);
        Assert.DoesNotContain("before-rename.txt", top);
        Assert.DoesNotContain("deleted.bin", top);
        Assert.Equal("deep\n", FatTree.Type(image.Path, "/out/nested/a/b/c/deep.txt"));
    }
}
