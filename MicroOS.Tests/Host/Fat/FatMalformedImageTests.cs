using System.Buffers.Binary;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage.Fat;
using Xunit;

namespace MicroOS.Tests.Host.Fat;

// Malformed images are refused at mount, or at the first operation that meets the bad structure,
// with the FsMountError that names it; nothing throws, nothing loops, and the rest of the volume
// still answers. Each case patches a copy of a good mkfs.fat/mcopy image.
public sealed class FatMalformedImageTests : IClassFixture<FatMalformedImageTests.GoodImages>, IDisposable
{
    public sealed class GoodImages : IDisposable
    {
        public readonly string Folder = FatTools.TempFolder("malformed");
        public readonly Dictionary<int, string> ByBits = new();

        public GoodImages()
        {
            string tree = Path.Combine(Folder, "tree");
            Directory.CreateDirectory(Path.Combine(tree, "SUB", "CHILD"));
            Directory.CreateDirectory(Path.Combine(tree, "HUGE"));
            File.WriteAllBytes(Path.Combine(tree, "DATA.BIN"), FatTools.Random(1500, 1));
            File.WriteAllBytes(Path.Combine(tree, "OK.BIN"), FatTools.Random(700, 2));
            File.WriteAllBytes(Path.Combine(tree, "SUB", "FILE.BIN"), FatTools.Random(1500, 3));
            foreach ((int bits, int kib) in new[] { (16, 16 * 1024), (32, 48 * 1024) })
            {
                string image = Path.Combine(Folder, $"good{bits}.img");
                FatTools.MakeImage(image, kib, bits, 1);
                FatTools.CopyTreeIn(image, tree);
                ByBits[bits] = image;
            }
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private readonly GoodImages _good;
    private readonly string _folder = FatTools.TempFolder("malformed-case");

    public FatMalformedImageTests(GoodImages good) => _good = good;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A patched copy of the good image of that FAT type.
    private sealed class Patched
    {
        public readonly string Path;
        public readonly byte[] Bytes;
        public readonly Bpb Bpb;

        public Patched(string path)
        {
            Path = path;
            Bytes = File.ReadAllBytes(path);
            Assert.Equal(FsMountError.None, Bpb.Parse(Bytes, Bytes.Length, 512, out Bpb bpb));
            Bpb = bpb;
        }

        public void Save() => File.WriteAllBytes(Path, Bytes);

        // The offset of the short entry named name11 ("DATA    BIN").
        public int Entry(string name11)
        {
            byte[] key = System.Text.Encoding.ASCII.GetBytes(name11);
            for (int at = 0; at + 32 <= Bytes.Length; at += 32)
                if (Bytes.AsSpan(at, 11).SequenceEqual(key))
                    return at;
            throw new InvalidOperationException(name11 + " not found");
        }

        public uint Cluster(string name11)
        {
            int e = Entry(name11);
            return (uint)BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(e + 26)) | (uint)BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(e + 20)) << 16;
        }

        public void SetCluster(string name11, uint cluster)
        {
            int e = Entry(name11);
            BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(e + 26), (ushort)cluster);
            BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(e + 20), (ushort)(cluster >> 16));
        }

        // FAT[cluster] = value in every copy.
        public void SetFat(uint cluster, uint value)
        {
            for (int copy = 0; copy < Bpb.FatCount; copy++)
            {
                long at = (Bpb.ReservedSectors + copy * Bpb.FatSectors) * Bpb.BytesPerSector;
                if (Bpb.Type == FatType.Fat16)
                    BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan((int)(at + cluster * 2)), (ushort)value);
                else
                    BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan((int)(at + cluster * 4)), value);
            }
        }
    }

    private Patched Copy(int bits)
    {
        string path = Path.Combine(_folder, $"case{bits}-{Guid.NewGuid():N}.img");
        File.Copy(_good.ByBits[bits], path);
        return new Patched(path);
    }

    private static FsMountError MountOf(string image)
    {
        using var device = new FileBlockDevice(image);
        return FatVolume.Mount(device, out _);
    }

    // The operation fails with Corrupt and the detail; the rest of the volume still reads.
    private static void RefusedAtUse(string image, FsMountError detail, Func<FatVolume, FsError> operation)
    {
        using var device = new FileBlockDevice(image);
        FatVolume v = FatTools.Mount(device);
        FsError e = operation(v);
        Assert.True(e == FsError.Corrupt && v.LastDetail == detail, $"expected Corrupt/{detail}, got {e}/{v.LastDetail}");
        Assert.Equal(700, FatTools.LibraryRead(v, "/OK.BIN").Length);
    }

    private static FsError OpenAndRead(FatVolume v, string path)
    {
        FsError e = v.Open(path, FsOpenMode.Open, FsAccess.Read, out FatFile f);
        if (e != FatVolume.Ok)
            return e;
        long r = v.Read(f, 0, new byte[4096]);
        v.Close(f);
        return r < 0 ? (FsError)r : FatVolume.Ok;
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheGoodImagesMountAndRead(int bits)
    {
        using var device = new FileBlockDevice(_good.ByBits[bits]);
        FatVolume v = FatTools.Mount(device);
        Assert.Equal(FatVolume.Ok, OpenAndRead(v, "/DATA.BIN"));
        Assert.Equal(FatVolume.Ok, OpenAndRead(v, "/SUB/FILE.BIN"));
        Assert.Equal(FatVolume.Ok, v.List("/SUB/CHILD", new List<FatEntryInfo>()));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ABootSectorWithoutItsSignatureIsRefused(int bits)
    {
        Patched p = Copy(bits);
        p.Bytes[510] = 0;
        p.Save();
        Assert.Equal(FsMountError.BadSignature, MountOf(p.Path));
    }

    [Theory]
    [InlineData(16, 11, 100)]       // bytes per sector not a power of two
    [InlineData(16, 13, 3)]         // sectors per cluster not a power of two
    [InlineData(16, 13, 0)]
    [InlineData(16, 14, 0)]         // no reserved sector
    [InlineData(16, 16, 0)]         // no FAT
    [InlineData(16, 22, 1)]         // a FAT too small for the clusters
    [InlineData(32, 44, 0)]         // root cluster 0
    [InlineData(32, 42, 1)]         // FAT32 version 1
    [InlineData(32, 17, 16)]        // a fixed root on FAT32
    public void BpbFieldsOutOfRangeAreRefused(int bits, int offset, int value)
    {
        Patched p = Copy(bits);
        p.Bytes[offset] = (byte)value;
        if (offset == 14 || offset == 22)
            p.Bytes[offset + 1] = 0;
        if (offset == 44)
            p.Bytes[45] = p.Bytes[46] = p.Bytes[47] = 0;
        p.Save();
        Assert.Equal(FsMountError.BadBpb, MountOf(p.Path));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ATruncatedImageIsRefused(int bits)
    {
        Patched p = Copy(bits);
        using (var f = new FileStream(p.Path, FileMode.Open))
            f.SetLength(f.Length / 2);
        Assert.Equal(FsMountError.Truncated, MountOf(p.Path));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void AChainThatLoopsIsRefusedAndNothingIsFreed(int bits)
    {
        Patched p = Copy(bits);
        uint first = p.Cluster("DATA    BIN");
        p.SetFat(first + 2, first);     // the third (last) cluster links back to the first
        p.Save();
        RefusedAtUse(p.Path, FsMountError.ChainLoop, v => OpenAndRead(v, "/DATA.BIN"));
        RefusedAtUse(p.Path, FsMountError.ChainLoop, v => v.Delete("/DATA.BIN"));
        Assert.Equal(File.ReadAllBytes(p.Path), p.Bytes);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void AClusterPastTheEndIsRefused(int bits)
    {
        Patched p = Copy(bits);
        uint first = p.Cluster("DATA    BIN");
        p.SetFat(first + 1, p.Bpb.LastCluster + 5);
        p.Save();
        RefusedAtUse(p.Path, FsMountError.ClusterOutOfRange, v => OpenAndRead(v, "/DATA.BIN"));
    }

    [Theory]
    [InlineData(16, 0u)]
    [InlineData(16, 1u)]
    [InlineData(32, 0u)]
    [InlineData(32, 1u)]
    public void ANonEmptyFileStartingAtCluster0Or1IsRefused(int bits, uint start)
    {
        Patched p = Copy(bits);
        p.SetCluster("FILE    BIN", start);
        p.Save();
        RefusedAtUse(p.Path, FsMountError.ClusterOutOfRange, v => OpenAndRead(v, "/SUB/FILE.BIN"));
        // In the root, the mount itself refuses it.
        p = Copy(bits);
        p.SetCluster("DATA    BIN", start);
        p.Save();
        Assert.Equal(FsMountError.ClusterOutOfRange, MountOf(p.Path));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ADirectoryThatContainsItselfIsRefused(int bits)
    {
        Patched p = Copy(bits);
        p.SetCluster("CHILD      ", p.Cluster("SUB        "));     // /SUB/CHILD is /SUB again
        p.Save();
        RefusedAtUse(p.Path, FsMountError.DirectoryLoop, v => v.List("/SUB/CHILD", new List<FatEntryInfo>()));
        RefusedAtUse(p.Path, FsMountError.DirectoryLoop, v => v.Stat("/SUB/CHILD/CHILD/CHILD", out _));
    }

    [Fact]
    public void ARootEntryThatIsTheRootIsRefusedAtMount()
    {
        Patched p = Copy(32);
        p.SetCluster("SUB        ", p.Bpb.RootCluster);
        p.Save();
        Assert.Equal(FsMountError.DirectoryLoop, MountOf(p.Path));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void AHugeDirectoryIsRefused(int bits)
    {
        Patched p = Copy(bits);
        uint huge = p.Cluster("HUGE       ");
        // 65,536 entries of 32 bytes fill 4,096 clusters of 512 bytes: link 4,200 free ones after it.
        uint start = p.Bpb.LastCluster - 5000;
        p.SetFat(huge, start);
        for (uint i = 0; i < 4200; i++)
            p.SetFat(start + i, i + 1 < 4200 ? start + i + 1 : 0x0FFFFFFF);
        p.Save();
        RefusedAtUse(p.Path, FsMountError.DirectoryTooLarge, v => v.List("/HUGE", new List<FatEntryInfo>()));
        RefusedAtUse(p.Path, FsMountError.DirectoryTooLarge, v => v.CreateDirectory("/HUGE/new"));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ADirectoryChainThatLoopsIsRefused(int bits)
    {
        Patched p = Copy(bits);
        uint huge = p.Cluster("HUGE       ");
        p.SetFat(huge, huge);
        p.Save();
        RefusedAtUse(p.Path, FsMountError.ChainLoop, v => v.List("/HUGE", new List<FatEntryInfo>()));
    }

    [Fact]
    public void ABlankOrForeignDiskIsNotFat()
    {
        string blank = Path.Combine(_folder, "blank.img");
        File.WriteAllBytes(blank, new byte[1 << 20]);
        Assert.Equal(FsMountError.BadSignature, MountOf(blank));
        Assert.Equal(FsMountError.NoDisk, FatVolume.Mount(null!, out _));
    }
}
