using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The shell's file commands (FileCommands.cs) on the whole system, as `./microos run` boots it with
// its seeded disk (iso/disk.img, copied so the user's disk is left alone), typed on the serial line;
// then the host reads what the shell wrote (mcopy) and fsck.fat -n judges the volume. And the two
// ways there is no volume: no disk at all, a disk that is not FAT.
public sealed class FileShellTests
{
    private readonly ITestOutputHelper _output;

    public FileShellTests(ITestOutputHelper output) => _output = output;

    private QemuMachine Boot(string? disk) =>
        BootWith(_output, disk);

    private static QemuMachine BootWith(ITestOutputHelper output, string? disk)
    {
        var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "quiet manifest=system", SerialConsole = true, Disk = disk });
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
        return machine;
    }

    private const string notes = "hello from  the shell\nsecond line\n";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void TheShellWalksTheSeededDiskAndWhatItWritesReadsBackOnTheHost()
    {
        string seeded = Path.Combine(RepoPaths.Root, "iso", "disk.img");
        Assert.True(File.Exists(seeded), $"{seeded} is missing: `./microos build` (or `./microos run`) makes and seeds it");
        // A FAT32 image the size of the seeded one, then the seeded disk's bytes over it: FatImage's
        // tools and clean-up, the user's own disk untouched.
        using FatImage image = FatImage.Create(32, new FileInfo(seeded).Length);
        File.Copy(seeded, image.Path, overwrite: true);
        byte[] readme = image.Read("/README.TXT");

        using (QemuMachine machine = Boot(image.Path))
        {
            List<string> ls = ShellTests.Run(machine, "ls");
            foreach (string name in new[] { "README.TXT", "HELLO.TXT", "A long file name.txt", "DOCS/" })
                Assert.Contains(name, ls);
            Assert.Equal(Encoding.ASCII.GetString(readme).TrimEnd('\n').Split('\n'), ShellTests.Run(machine, "cat README.TXT"));
            Assert.Equal(new[] { $"{Convert.ToHexStringLower(SHA256.HashData(readme))}  /README.TXT" }, ShellTests.Run(machine, "sum README.TXT"));
            Assert.Equal(new[] { "NOTES.TXT" }, ShellTests.Run(machine, "ls DOCS"));

            Assert.Empty(ShellTests.Run(machine, "write notes.txt hello from  the shell"));
            Assert.Empty(ShellTests.Run(machine, "append notes.txt second line"));
            Assert.Equal(new[] { "hello from  the shell", "second line" }, ShellTests.Run(machine, "cat notes.txt"));
            Assert.Equal(new[] { $"{Sha(notes)}  /notes.txt" }, ShellTests.Run(machine, "sum /notes.txt"));
            Assert.Contains(ShellTests.Run(machine, "ls -l"), l => Regex.IsMatch(l, $@"^\s+{notes.Length}  \d{{4}}-\d\d-\d\d \d\d:\d\d  notes\.txt$"));
            Assert.Equal("00000000  68 65 6c 6c 6f 20 66 72  6f 6d 20 20 74 68 65 20  |hello from  the |", ShellTests.Run(machine, "hexdump notes.txt")[0]);

            Assert.Empty(ShellTests.Run(machine, "mkdir work"));
            Assert.Empty(ShellTests.Run(machine, "cd work"));
            Assert.Equal(new[] { "/work" }, ShellTests.Run(machine, "pwd"));
            Assert.Empty(ShellTests.Run(machine, "cp /notes.txt copy.txt"));
            Assert.Empty(ShellTests.Run(machine, "cp /HELLO.TXT ."));
            Assert.Equal(new[] { "copy.txt", "HELLO.TXT" }, ShellTests.Run(machine, "ls"));
            Assert.Empty(ShellTests.Run(machine, "mv copy.txt moved.txt"));
            Assert.Equal(new[] { $"{Sha(notes)}  /work/moved.txt" }, ShellTests.Run(machine, "sum moved.txt"));
            Assert.Empty(ShellTests.Run(machine, "rm moved.txt"));
            Assert.Empty(ShellTests.Run(machine, "rm HELLO.TXT"));
            Assert.Empty(ShellTests.Run(machine, "ls"));
            Assert.Empty(ShellTests.Run(machine, "cd .."));
            Assert.Empty(ShellTests.Run(machine, "rmdir work"));
            Assert.Equal(new[] { "/" }, ShellTests.Run(machine, "pwd"));

            // Errors name the path and the reason; a wrong use prints the usage.
            Assert.Equal(new[] { "cat: /x.txt: no such file" }, ShellTests.Run(machine, "cat /x.txt"));
            Assert.Equal(new[] { "cat: /nodir/x.txt: no such directory" }, ShellTests.Run(machine, "cat nodir/x.txt"));
            Assert.Equal(new[] { "cat: /DOCS: is a directory" }, ShellTests.Run(machine, "cat DOCS"));
            Assert.Equal(new[] { "rmdir: /DOCS: directory not empty" }, ShellTests.Run(machine, "rmdir DOCS"));
            Assert.Equal(new[] { "mkdir: /DOCS: already exists" }, ShellTests.Run(machine, "mkdir DOCS"));
            Assert.Equal(new[] { "cd: /nowhere: no such directory" }, ShellTests.Run(machine, "cd /nowhere"));
            Assert.Equal(new[] { "rm: /nothing: no such file" }, ShellTests.Run(machine, "rm nothing"));
            Assert.Equal(new[] { "cp: /README.TXT: already exists" }, ShellTests.Run(machine, "cp notes.txt README.TXT"));
            Assert.Equal(new[] { "write: /a<b: invalid path" }, ShellTests.Run(machine, "write a<b text"));
            Assert.Equal(new[] { "usage: cat FILE" }, ShellTests.Run(machine, "cat"));
            Assert.Equal(new[] { "usage: cp SRC DST" }, ShellTests.Run(machine, "cp one"));
            Assert.Equal(new[] { "usage: ls [-l] [PATH]" }, ShellTests.Run(machine, "ls a b"));

            Assert.Matches(@"^FAT32 volume '[^']*': \d+ KiB, \d+ KiB free \(\d+ of \d+ clusters of \d+ bytes\)$", Assert.Single(ShellTests.Run(machine, "df")));
            Assert.Empty(ShellTests.Run(machine, "sync"));
            ServerLog.AssertKernelHealthy(machine.Lines);
        }

        Assert.Equal(notes, Encoding.UTF8.GetString(image.Read("/notes.txt")));
        Assert.False(image.Exists("/work"));
        Assert.Equal(readme, image.Read("/README.TXT"));
        image.AssertClean();
    }

    // `bench fs` (FsBenchCommand.cs): the file path measured from the shell, on a copy of the seeded
    // disk; the figures' shape and the calls they took (a 4 KiB read is one call to fat; a small file
    // is open, write and close), usage errors for a wrong size, and nothing left behind on the volume.
    [Fact]
    public void BenchFsMeasuresTheFilePathAndLeavesNothingBehind()
    {
        string seeded = Path.Combine(RepoPaths.Root, "iso", "disk.img");
        Assert.True(File.Exists(seeded), $"{seeded} is missing: `./microos build` (or `./microos run`) makes and seeds it");
        using FatImage image = FatImage.Create(32, new FileInfo(seeded).Length);
        File.Copy(seeded, image.Path, overwrite: true);
        using (QemuMachine machine = Boot(image.Path))
        {
            foreach (string wrong in new[] { "bench fs 0", "bench fs 65", "bench fs x", "bench fs 1 2" })
                Assert.Equal(new[] { FsBenchUsage }, ShellTests.Run(machine, wrong));
            List<string> lines = ShellTests.Run(machine, "bench fs", beforeNextLine: () =>
                machine.WaitForConsoleLine(new Regex("^bench fs: the same FAT code"), 0, TimeSpan.FromMinutes(5)));
            Assert.True(lines.Count == 4, $"`bench fs` printed:\n{string.Join("\n", lines)}");
            Assert.Equal("bench fs: writing 1 MiB to /bench-fs/read.bin", lines[0]);
            Match read = Regex.Match(lines[1], @"^bench fs: read 1 MiB: (?<cycles>[1-9]\d*) TSC cycles per 4 KiB, (?<calls>\d+\.\d\d) calls to fat per 4 KiB, [1-9]\d* KiB/s$");
            Assert.True(read.Success, lines[1]);
            // 256 reads of 4 KiB, the read that finds the end, the open and the close: 259 / 256.
            Assert.Equal("1.01", read.Groups["calls"].Value);
            Match small = Regex.Match(lines[2], @"^bench fs: 100 files of 1 KiB created, written, closed and synced: (?<cycles>[1-9]\d*) TSC cycles per file, (?<calls>\d+\.\d\d) calls to fat per file$");
            Assert.True(small.Success, lines[2]);
            double calls = double.Parse(small.Groups["calls"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(calls >= 3 && calls < 4, $"a small file took {calls} calls to fat (open, write, close and a share of the sync expected)");
            Assert.DoesNotContain("bench-fs/", ShellTests.Run(machine, "ls"));
            ServerLog.AssertKernelHealthy(machine.Lines);
        }
        Assert.False(image.Exists("/bench-fs"));
        image.AssertClean();
    }

    private const string FsBenchUsage = "usage: bench fs [MIB]   (1..64 MiB read back in 4 KiB reads; 100 small files)";

    [Fact]
    public void WithoutADiskTheShellSaysSo()
    {
        using QemuMachine machine = Boot(null);
        Assert.Equal(new[] { "ls: /: no disk" }, ShellTests.Run(machine, "ls"));
        Assert.Equal(new[] { "cat: /README.TXT: no disk" }, ShellTests.Run(machine, "cat README.TXT"));
        Assert.Equal(new[] { "df: /: no disk" }, ShellTests.Run(machine, "df"));
        Assert.Equal(new[] { "bench fs: no disk" }, ShellTests.Run(machine, "bench fs"));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ADiskThatIsNotFatIsSaidToBeNotFat()
    {
        using FatImage raw = FatImage.Raw(8L << 20);
        using QemuMachine machine = Boot(raw.Path);
        Assert.Equal(new[] { "ls: /: not a FAT volume (no boot signature)" }, ShellTests.Run(machine, "ls"));
        Assert.Equal(new[] { "write: /x.txt: not a FAT volume (no boot signature)" }, ShellTests.Run(machine, "write x.txt hello"));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
