using System.Text;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage.Fat;
using Xunit;

namespace MicroOS.Tests.Host.Fat;

// Files and directories written by the FAT library into an mkfs.fat image are what the host's
// mtools read back (names, tree, sha256 of every file), and fsck.fat -n finds nothing to say.
public sealed class FatWriteInteropTests : IDisposable
{
    private readonly string _folder = FatTools.TempFolder("write");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static IEnumerable<object[]> Layouts => new[]
    {
        new object[] { "fat12-512", 1440, 12, 1 },
        new object[] { "fat16-512", 16 * 1024, 16, 1 },
        new object[] { "fat16-4k", 64 * 1024, 16, 8 },
        new object[] { "fat32-512", 48 * 1024, 32, 1 },
        new object[] { "fat32-4k", 300 * 1024, 32, 8 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void WhatTheLibraryWritesTheHostReadsAndFsckFindsClean(string name, int kib, int bits, int spc)
    {
        string image = Path.Combine(_folder, name + ".img");
        FatTools.MakeImage(image, kib, bits, spc);
        var model = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var dirs = new List<string>();
        bool small = bits == 12;

        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            Assert.Equal((FatType)bits, v.Type);
            void Put(string path, byte[] data)
            {
                FatTools.LibraryWrite(v, path, data);
                model[path] = data;
            }
            void Dir(string path)
            {
                Assert.Equal(FatVolume.Ok, v.CreateDirectory(path));
                dirs.Add(path);
            }

            Put("/hello.txt", Encoding.UTF8.GetBytes("Hello from MicroOS\n"));
            Put("/readme.txt", Encoding.UTF8.GetBytes("lower-case 8.3: NT case bits\n"));
            Put("/UPPER.TXT", Encoding.UTF8.GetBytes("upper\n"));
            Put("/MixedCase.Txt", Encoding.UTF8.GetBytes("mixed\n"));
            Put("/Ünïcödé ファイル.txt", Encoding.UTF8.GetBytes("unicode ✓\n"));
            Put("/archive.tar.gz", Encoding.UTF8.GetBytes("two dots\n"));
            for (int i = 1; i <= 7; i++)
                Put($"/Long File Name number {i}.txt", Encoding.UTF8.GetBytes($"long {i}\n"));
            Put("/" + new string('n', 200) + ".data", Encoding.UTF8.GetBytes("a 205-unit name\n"));
            Dir("/dir1");
            Dir("/dir1/sub");
            Dir("/dir1/sub/deeper");
            Dir("/Other Folder");
            int seed = 100;
            foreach (int size in small ? new[] { 0, 1, 511, 512, 513, 4097, 100_000 } : new[] { 0, 1, 511, 512, 513, 4097, 100_000, 1 << 20 })
                Put($"/dir1/sub/size {size}.bin", FatTools.Random(size, seed++));
            Put("/dir1/sub/deeper/odd chunks.bin", Odd(v, "/dir1/sub/deeper/odd chunks.bin", FatTools.Random(30_000, 7)));
            // 150 names in one directory: it grows over several clusters.
            Dir("/dir1/many");
            for (int i = 0; i < 150; i++)
                Put($"/dir1/many/entry number {i}.txt", Encoding.UTF8.GetBytes($"{i}\n"));

            // A write past the end leaves zeros in the gap; SetLength cuts and grows with zeros.
            Assert.Equal(FatVolume.Ok, v.Open("/gap.bin", FsOpenMode.CreateNew, FsAccess.Write, out FatFile gap));
            Assert.Equal(3, v.Write(gap, 10_000, "end"u8));
            Assert.Equal(10_003, gap.Length);
            Assert.Equal(FatVolume.Ok, v.Close(gap));
            model["/gap.bin"] = new byte[10_000].Concat("end"u8.ToArray()).ToArray();

            byte[] cut = FatTools.Random(20_000, 9);
            Assert.Equal(FatVolume.Ok, v.Open("/cut.bin", FsOpenMode.Create, FsAccess.ReadWrite, out FatFile f));
            Assert.Equal(cut.Length, v.Write(f, 0, cut));
            Assert.Equal(FatVolume.Ok, v.SetLength(f, 3000));
            Assert.Equal(FatVolume.Ok, v.SetLength(f, 9000));
            Assert.Equal(5, v.Write(f, 100, "XXXXX"u8));
            Assert.Equal(FatVolume.Ok, v.Close(f));
            byte[] expected = cut.Take(3000).Concat(new byte[6000]).ToArray();
            "XXXXX"u8.CopyTo(expected.AsSpan(100));
            model["/cut.bin"] = expected;

            // Renames: case only, across directories, a directory to a new parent (its ".." follows).
            Assert.Equal(FatVolume.Ok, v.Rename("/hello.txt", "/Hello.TXT"));
            Move(model, "/hello.txt", "/Hello.TXT");
            Assert.Equal(FatVolume.Ok, v.Rename("/UPPER.TXT", "/dir1/moved upper.txt"));
            Move(model, "/UPPER.TXT", "/dir1/moved upper.txt");
            Assert.Equal(FatVolume.Ok, v.Rename("/dir1/sub/deeper", "/Other Folder/deeper moved"));
            Move(model, "/dir1/sub/deeper/odd chunks.bin", "/Other Folder/deeper moved/odd chunks.bin");
            dirs.Remove("/dir1/sub/deeper");
            dirs.Add("/Other Folder/deeper moved");
            Assert.Equal(FsError.AlreadyExists, v.Rename("/readme.txt", "/MIXEDCASE.TXT"));
            Assert.Equal(FsError.InvalidPath, v.Rename("/dir1", "/dir1/sub/inside"));

            // Deletes.
            Assert.Equal(FatVolume.Ok, v.Delete("/Long File Name number 3.txt"));
            model.Remove("/Long File Name number 3.txt");
            Dir("/empty dir");
            Assert.Equal(FsError.NotEmpty, v.RemoveDirectory("/dir1/sub"));
            Assert.Equal(FatVolume.Ok, v.RemoveDirectory("/empty dir"));
            dirs.Remove("/empty dir");
            Assert.Equal(FsError.IsADirectory, v.Delete("/dir1"));
            Assert.Equal(FsError.NotADirectory, v.RemoveDirectory("/readme.txt"));

            // Everything reads back through the library too, before and after Sync.
            foreach ((string path, byte[] data) in model)
                Assert.True(FatTools.Sha256(data) == FatTools.Sha256(FatTools.LibraryRead(v, path)), path);
            Assert.Equal(FatVolume.Ok, v.Sync());
        }

        FatTools.AssertClean(image);
        var listed = FatTools.Ok("mdir", "-i", image, "-/", "-b", "::/").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim()).Where(l => l.StartsWith("::/")).Select(l => l.Substring(2).TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var expectedPaths = model.Keys.Concat(dirs).ToHashSet(StringComparer.Ordinal);
        Assert.True(listed.SetEquals(expectedPaths),
            $"mdir lists [{string.Join(", ", listed.Except(expectedPaths))}] not written, misses [{string.Join(", ", expectedPaths.Except(listed))}]");
        foreach ((string path, byte[] data) in model)
            Assert.True(FatTools.Sha256(data) == FatTools.Sha256(FatTools.HostRead(image, path)), $"host reads {path} differently");
        Assert.Equal("Hello from MicroOS\n", FatTools.Ok("mtype", "-i", image, "::/Hello.TXT"));

        // The 8.3 aliases as Windows makes them.
        string mdir = FatTools.Ok("mdir", "-i", image, "::/");
        Assert.Matches(@"(?m)^readme\s+txt\s+\d+", mdir);          // lower-case 8.3: no long name, the case bits
        Assert.Matches(@"(?m)^LONGFI~1 TXT .* Long File Name number 1\.txt", mdir);
        Assert.Matches(@"(?m)^LONGFI~4 TXT .* Long File Name number 4\.txt", mdir);
        Assert.Matches(@"(?m)^LO[0-9A-F]{4}~1 TXT .* Long File Name number 5\.txt", mdir);
        Assert.Matches(@"(?m)^ARCHIV~1 GZ .* archive\.tar\.gz", mdir);
    }

    // A clean unmount sets the clean-shutdown bit that mounting cleared; a name with a surrogate
    // pair (outside the BMP, which mtools cannot write) survives a remount.
    [Theory]
    [InlineData(16, 16 * 1024, 0x8000u)]
    [InlineData(32, 48 * 1024, 0x08000000u)]
    public void MountClearsTheCleanBitAndSyncSetsIt(int bits, int kib, uint cleanBit)
    {
        string image = Path.Combine(_folder, $"dirty{bits}.img");
        FatTools.MakeImage(image, kib, bits, 1);
        Assert.True((Fat1(image, bits) & cleanBit) != 0, "mkfs.fat leaves the volume clean");
        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            Assert.False(v.WasDirty);
            FatTools.LibraryWrite(v, "/smile 😀.txt", "x"u8.ToArray());
            Assert.Equal(FatVolume.Ok, v.Open("/flushed.txt", FsOpenMode.Create, FsAccess.Write, out FatFile file));
            Assert.Equal(FatVolume.Ok, v.Flush(file));
            Assert.True((Fat1(image, bits) & cleanBit) == 0, "in use: the clean bit is clear on the disk");
            Assert.Equal(FatVolume.Ok, v.Close(file));
            Assert.Equal(FatVolume.Ok, v.Sync());
        }
        Assert.True((Fat1(image, bits) & cleanBit) != 0, "Sync sets the clean bit");
        FatTools.AssertClean(image);
        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            Assert.Equal("x", Encoding.UTF8.GetString(FatTools.LibraryRead(v, "/SMILE 😀.TXT")));
            var entries = new List<FatEntryInfo>();
            Assert.Equal(FatVolume.Ok, v.List("/", entries));
            Assert.Contains(entries, e => e.Name == "smile 😀.txt");
        }
    }

    // Writes data with odd chunk sizes at odd offsets (reads and writes that split sectors).
    private static byte[] Odd(FatVolume v, string path, byte[] data)
    {
        Assert.Equal(FatVolume.Ok, v.Open(path, FsOpenMode.CreateNew, FsAccess.ReadWrite, out FatFile f));
        int at = 0, chunk = 1;
        while (at < data.Length)
        {
            int n = Math.Min(chunk, data.Length - at);
            Assert.Equal(n, v.Write(f, at, data.AsSpan(at, n)));
            at += n;
            chunk = chunk * 3 % 1531 + 1;
        }
        Assert.Equal(FatVolume.Ok, v.Close(f));
        return data;
    }

    private static void Move(Dictionary<string, byte[]> model, string from, string to)
    {
        model[to] = model[from];
        model.Remove(from);
    }

    private static uint Fat1(string image, int bits)
    {
        byte[] boot = new byte[512];
        using (var s = File.OpenRead(image))
            s.ReadExactly(boot);
        int reserved = BitConverter.ToUInt16(boot, 14);
        using var f = File.OpenRead(image);
        f.Position = reserved * 512L + (bits == 16 ? 2 : 4);
        var raw = new byte[4];
        f.ReadExactly(raw);
        return bits == 16 ? BitConverter.ToUInt16(raw) : BitConverter.ToUInt32(raw) & 0x0FFFFFFF;
    }
}
