using System.Diagnostics;
using System.Security.Cryptography;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// `./microos disk new` and the default disk (docs/storage.md), run for real: the script makes the
// images with mkfs.fat and mcopy, and the host's own tools judge them (FatImage). The default disk
// is made in a copy of the script in a temp folder (its iso/ is the copy's), never in this checkout's.
public sealed class DiskCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microos-disk-cmd-").FullName;

    public DiskCommandTests() => File.Copy(Path.Combine(RepoPaths.Root, "microos"), Path.Combine(_root, "microos"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Status, string Output) Microos(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        start.ArgumentList.Add(Path.Combine(_root, "microos"));
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "./microos did not finish in 120 s");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    // mkfs.fat's boot sector names the type at offset 82 (FAT32) or 54 (FAT12/16).
    private static string FatType(string path)
    {
        byte[] boot = new byte[512];
        using (var f = File.OpenRead(path))
            f.ReadExactly(boot);
        string at54 = System.Text.Encoding.ASCII.GetString(boot, 54, 8).Trim(), at82 = System.Text.Encoding.ASCII.GetString(boot, 82, 8).Trim();
        return at82 == "FAT32" ? at82 : at54;
    }

    [Fact]
    public void DiskNewMakesFat32ByDefaultAndFat12Or16WhenAsked()
    {
        Assert.Equal(0, Microos("disk", "new", "a.img").Status);
        string a = Path.Combine(_root, "a.img");
        Assert.Equal(64L << 20, new FileInfo(a).Length);
        Assert.Equal("FAT32", FatType(a));
        Assert.Equal(0, Microos("disk", "new", "b.img", "16M", "--fat16").Status);
        Assert.Equal(("FAT16", 16L << 20), (FatType(Path.Combine(_root, "b.img")), new FileInfo(Path.Combine(_root, "b.img")).Length));
        Assert.Equal(0, Microos("disk", "new", "c.img", "1440K", "--fat12").Status);
        Assert.Equal("FAT12", FatType(Path.Combine(_root, "c.img")));
        foreach (string image in new[] { "a.img", "b.img", "c.img" })
        {
            (int status, string report) = Run("fsck.fat", "-n", Path.Combine(_root, image));
            Assert.True(status == 0, $"fsck.fat -n {image}: {report}");
        }
    }

    [Fact]
    public void DiskNewRefusesAnExistingFileAndBadArgumentsWithAClearError()
    {
        string existing = Path.Combine(_root, "mine.img");
        File.WriteAllText(existing, "keep me");
        (int status, string output) = Microos("disk", "new", "mine.img");
        Assert.NotEqual(0, status);
        Assert.Contains("already exists", output);
        Assert.Equal("keep me", File.ReadAllText(existing));

        (status, output) = Microos("disk", "new", "x.img", "12Q");
        Assert.NotEqual(0, status);
        Assert.Contains("'12Q' is not a size", output);
        (status, output) = Microos("disk", "new");
        Assert.NotEqual(0, status);
        Assert.Contains("which file?", output);
        (status, output) = Microos("disk", "new", "y.img", "--fat13");
        Assert.NotEqual(0, status);
        Assert.Contains("unknown option '--fat13'", output);
        (status, output) = Microos("disk", "format");
        Assert.NotEqual(0, status);
        Assert.Contains("unknown subcommand 'format'", output);
        // mkfs.fat's own refusal (FAT12 cannot cover 4 GiB) leaves no half-made file behind.
        (status, output) = Microos("disk", "new", "huge.img", "4G", "--fat12");
        Assert.NotEqual(0, status);
        Assert.Contains("mkfs.fat -F 12 refused", output);
        Assert.False(File.Exists(Path.Combine(_root, "huge.img")), output);
        Assert.False(File.Exists(Path.Combine(_root, "x.img")) || File.Exists(Path.Combine(_root, "y.img")));
    }

    // The default disk: FAT32, seeded once, and then never rebuilt: what was written there stays.
    [Fact]
    public void TheDefaultDiskIsSeededOnceAndNeverRebuilt()
    {
        Assert.Equal(0, Microos("disk", "default").Status);
        string disk = Path.Combine(_root, "iso", "disk.img");
        using (var image = FatImageOf(disk))
        {
            Assert.Equal(new[] { "A long file name.txt", "DOCS", "HELLO.TXT", "README.TXT" }, image.List("/").OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(new[] { "NOTES.TXT" }, image.List("/DOCS"));
            Assert.Contains("MicroOS's data disk", image.ReadText("/README.TXT"));
            image.PutText("/MINE.TXT", "written by the user\n");
        }
        byte[] before = SHA256.HashData(File.ReadAllBytes(disk));
        (int status, string output) = Microos("disk", "default");
        Assert.Equal(0, status);
        Assert.Contains("never rebuilt", output);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(disk)));
        using (var image = FatImageOf(disk))
            Assert.Equal("written by the user\n", image.ReadText("/MINE.TXT"));
        (int fsck, string report) = Run("fsck.fat", "-n", disk);
        Assert.True(fsck == 0, report);
    }

    // The FatImage helpers on an image this test owns (Dispose deletes only FatImage's own folders).
    private static FatImage FatImageOf(string path) => FatImage.Open(path);

    private static (int, string) Run(string program, params string[] arguments)
    {
        string path = File.Exists("/usr/sbin/" + program) ? "/usr/sbin/" + program : program;
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}
