using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage;
using MicroOS.Shared.Storage.Fat;
using MicroOS.Tests.Boot;
using Xunit;

namespace MicroOS.Tests.Host.Fat;

// The power-cut order of one operation, every instant of it: the library's sector writes for the
// operation (and the sync after it) are recorded, and for each k the image as a cut after k of them
// would leave it is checked with fsck.fat -n (PowerCutTests' harmless lines only) and read back with
// mtools. PowerCutTests finds such a hole once in many runs; this finds it every time.
public sealed class FatCutOrderTests : IDisposable
{
    private readonly string _folder = FatTools.TempFolder("cut");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A rename whose new entry lands in a lower sector than its old one (a slot a delete freed):
    // written lowest first, a cut between the two left both entries on one chain ("cross-linked").
    // Long names that straddled a sector left fragments without their short entry. Then rm, a new
    // file, one whose directory grows, a new directory: at every instant one name or none, the
    // content whole, fsck's harmless lines only. (StorageCrashTests met the directory one as "a
    // cluster past the end" after a fat kill: the grown directory's cluster still held file bytes.)
    [Theory]
    [InlineData("/d/a file with a long name 39.txt", "/d/moved.txt")]
    [InlineData("/d/a file with a long name 39.txt", "/d/a new long name for it.txt")]
    [InlineData("/d/a file with a long name 39.txt", "/e/moved.txt")]
    [InlineData("/d/sub", "/d/sub moved")]
    [InlineData("/d/a file with a long name 39.txt", "")]          // rm
    [InlineData("", "/d/a new file with a long name.txt")]          // a new file
    [InlineData("", "/f/a file with a long name 99.txt")]           // a new file, its directory grown by a cluster
    [InlineData("", "/e/new dir")]                                  // a new directory and a file in it
    public void ACutAnywhereLeavesOneNameOrNoneAndNoDamage(string from, string to)
    {
        // A used disk, its free clusters full of old bytes: a cluster a directory grows into, or a
        // new directory's, must reach the disk before the link or entry that makes it one, and a
        // file's bytes before the size that covers them.
        string image = Path.Combine(_folder, "base.img");
        FatTools.MakeUsedImage(image, 8192, 16, 1, seed: 77);
        byte[] content = FatTools.Random(700, 3);
        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            Assert.Equal(FatVolume.Ok, v.CreateDirectory("/d"));
            Assert.Equal(FatVolume.Ok, v.CreateDirectory("/e"));
            for (int i = 0; i < 40; i++)
                FatTools.LibraryWrite(v, $"/d/a file with a long name {i}.txt", content);
            Assert.Equal(FatVolume.Ok, v.CreateDirectory("/d/sub"));
            Assert.Equal(FatVolume.Ok, v.CreateDirectory("/f"));
            for (int i = 0; i < 3; i++)                         // its first sector full for a 4-entry name
                FatTools.LibraryWrite(v, $"/f/a file with a long name {i}.txt", content);
            FatTools.LibraryWrite(v, "/d/sub/inner.txt", content);
            for (int i = 0; i < 6; i++)
                Assert.Equal(FatVolume.Ok, v.Delete($"/d/a file with a long name {i}.txt"));
            Assert.Equal(FatVolume.Ok, v.Sync());
        }
        byte[] before = File.ReadAllBytes(image);

        List<(long Lba, byte[] Data)> writes;
        using (var device = new RecordingDevice(new FileBlockDevice(image)))
        {
            Assert.Equal(FsMountError.None, FatVolume.Mount(device, out FatVolume v));
            device.Log.Clear();                      // mounting's own writes are not the rename's
            if (to == "")
                Assert.Equal(FatVolume.Ok, v.Delete(from));
            else if (from == "" && to.EndsWith("/new dir"))
            {
                Assert.Equal(FatVolume.Ok, v.CreateDirectory(to));
                FatTools.LibraryWrite(v, to + "/inner.txt", content);
            }
            else if (from == "")
                FatTools.LibraryWrite(v, to, content);
            else
                Assert.Equal(FatVolume.Ok, v.Rename(from, to));
            Assert.Equal(FatVolume.Ok, v.Sync());
            writes = device.Log;
        }
        Assert.NotEmpty(writes);

        bool isDir = from.EndsWith("/sub") || to.EndsWith("/new dir");
        for (int k = 0; k <= writes.Count; k++)
        {
            string cut = CutImage(before, writes, k);
            FatTools.Result fsck = FatTools.Run(FatTools.Tool("fsck.fat"), "-n", cut);
            IReadOnlyList<string> damage = PowerCutTests.Damage(fsck.Output);
            Assert.True(damage.Count == 0, $"a cut after {k} of {writes.Count} writes: fsck.fat -n found damage:\n{fsck.Output}");
            string probe = isDir ? "/inner.txt" : "";
            bool old = from != "" && Exists(cut, from + probe), moved = to != "" && Exists(cut, to + probe);
            Assert.False(old && moved, $"a cut after {k} of {writes.Count} writes: both {from} and {to} exist");
            if (k == 0)
                Assert.True(from == "" ? !moved : old, "before any write the old state is there");
            if (k == writes.Count)
                Assert.True(to == "" ? !old : moved && !old, "after every write the new state alone is there");
            if (old || moved)
            {
                string path = (old ? from : to) + (isDir ? "/inner.txt" : "");
                Assert.Equal(content, FatTools.HostRead(cut, path));
                using var device = new FileBlockDevice(cut);        // the restarted fat server's view
                Assert.Equal(FsMountError.None, FatVolume.Mount(device, out FatVolume v));
                Assert.Equal(content, FatTools.LibraryRead(v, path));
            }
            File.Delete(cut);
        }
    }

    // A file grown by 300 KiB in 4 KiB writes: 600 clusters of 512 bytes, so its chain runs across
    // FAT sectors (256 entries each on FAT16) and each write links new clusters whose entries are in
    // another sector than the link. A cut anywhere leaves the old bytes or more of the new ones.
    [Fact]
    public void AGrowingChainCutAnywhereKeepsTheOldBytesAndLeavesNoDamage()
    {
        string image = Path.Combine(_folder, "grow.img");
        FatTools.MakeUsedImage(image, 8192, 16, 1, seed: 78);
        byte[] old = FatTools.Random(700, 5), added = FatTools.Random(300 * 1024, 6);
        byte[] whole = old.Concat(added).ToArray();
        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            FatTools.LibraryWrite(v, "/grown.bin", old);
            Assert.Equal(FatVolume.Ok, v.Sync());
        }
        byte[] before = File.ReadAllBytes(image);
        List<(long Lba, byte[] Data)> writes;
        using (var device = new RecordingDevice(new FileBlockDevice(image)))
        {
            Assert.Equal(FsMountError.None, FatVolume.Mount(device, out FatVolume v));
            device.Log.Clear();
            Assert.Equal(FatVolume.Ok, v.Open("/grown.bin", FsOpenMode.Open, FsAccess.ReadWrite, out FatFile file));
            for (int at = 0; at < added.Length; at += 4096)
                Assert.Equal(4096, v.Write(file, old.Length + at, added.AsSpan(at, 4096)));
            Assert.Equal(FatVolume.Ok, v.Close(file));
            Assert.Equal(FatVolume.Ok, v.Sync());
            writes = device.Log;
        }
        // The boot sector's layout: reserved sectors, FAT count, sectors per FAT (FAT16), root entries.
        long dataStart = BitConverter.ToUInt16(before, 14) + before[16] * BitConverter.ToUInt16(before, 22) + BitConverter.ToUInt16(before, 17) * 32 / 512;
        int checkedCuts = 0;
        for (int k = 0; k <= writes.Count; k++)
        {
            // After every FAT or root write (where chains change), and every 64th data write.
            if (!(k == 0 || k == writes.Count || writes[k - 1].Lba < dataStart || k % 64 == 0))
                continue;
            string cut = CutImage(before, writes, k);
            FatTools.Result fsck = FatTools.Run(FatTools.Tool("fsck.fat"), "-n", cut);
            IReadOnlyList<string> damage = PowerCutTests.Damage(fsck.Output);
            Assert.True(damage.Count == 0, $"a cut after {k} of {writes.Count} writes: fsck.fat -n found damage:\n{fsck.Output}");
            byte[] got = FatTools.HostRead(cut, "/grown.bin");
            // The fat server after a restart reads it too: it walks the whole chain, and a chain
            // running into a cluster the disk has free is Corrupt for it, where fsck says nothing.
            using (var device = new FileBlockDevice(cut))
            {
                FsMountError m = FatVolume.Mount(device, out FatVolume v);
                Assert.True(m == FsMountError.None, $"a cut after {k} of {writes.Count} writes: mount: {m}");
                FsError e = v.Open("/grown.bin", FsOpenMode.Open, FsAccess.Read, out FatFile f);
                Assert.True(e == FatVolume.Ok, $"a cut after {k} of {writes.Count} writes: the library opens /grown.bin: {e} {v.LastDetail}");
                Assert.Equal(FatVolume.Ok, v.Close(f));
            }
            Assert.True(got.Length >= old.Length && got.AsSpan().SequenceEqual(whole.AsSpan(0, got.Length)),
                $"a cut after {k} of {writes.Count} writes: /grown.bin reads {got.Length} bytes, not the old bytes and a prefix of the new");
            if (k == writes.Count)
                Assert.Equal(whole.Length, got.Length);
            File.Delete(cut);
            checkedCuts++;
        }
        Assert.True(checkedCuts > 15, $"only {checkedCuts} cuts checked");
    }

    // The image as a cut after the first k recorded sector writes leaves it.
    private string CutImage(byte[] before, List<(long Lba, byte[] Data)> writes, int k)
    {
        string cut = Path.Combine(_folder, $"cut-{k}.img");
        File.WriteAllBytes(cut, before);
        using var file = new FileStream(cut, FileMode.Open, FileAccess.Write);
        for (int w = 0; w < k; w++)
        {
            file.Position = writes[w].Lba * 512;
            file.Write(writes[w].Data);
        }
        return cut;
    }

    private static bool Exists(string image, string path) =>
        FatTools.Run("mdir", "-i", image, "-b", "::" + path).ExitCode == 0;

    private sealed class RecordingDevice(FileBlockDevice inner) : IBlockDevice, IDisposable
    {
        public readonly List<(long Lba, byte[] Data)> Log = new();
        public long SectorCount => inner.SectorCount;
        public int SectorSize => inner.SectorSize;
        public long Read(long lba, int count, Span<byte> destination) => inner.Read(lba, count, destination);
        public long Flush() => inner.Flush();
        public void Dispose() => inner.Dispose();

        public long Write(long lba, int count, ReadOnlySpan<byte> source)
        {
            for (int i = 0; i < count; i++)
                Log.Add((lba + i, source.Slice(i * 512, 512).ToArray()));
            return inner.Write(lba, count, source);
        }
    }
}
