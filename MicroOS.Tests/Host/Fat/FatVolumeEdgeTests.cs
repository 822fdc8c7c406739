using System.Text.RegularExpressions;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage.Fat;
using Xunit;

namespace MicroOS.Tests.Host.Fat;

// Bad paths are refused with InvalidPath / NameTooLong; a full disk is a clean DiskFull (nothing of
// the failed write kept) and the image still passes fsck.fat -n; open files refuse Delete/Rename.
public sealed class FatVolumeEdgeTests : IDisposable
{
    private readonly string _folder = FatTools.TempFolder("edge");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Image(int kib, int bits, int spc = 1)
    {
        string image = Path.Combine(_folder, $"edge-{Guid.NewGuid():N}.img");
        FatTools.MakeImage(image, kib, bits, spc);
        return image;
    }

    [Theory]
    [InlineData("", FsError.InvalidPath)]
    [InlineData("/..", FsError.InvalidPath)]
    [InlineData("/a/../../b", FsError.InvalidPath)]
    [InlineData("/a<b", FsError.InvalidPath)]
    [InlineData("/a>b", FsError.InvalidPath)]
    [InlineData("/a:b", FsError.InvalidPath)]
    [InlineData("/a\"b", FsError.InvalidPath)]
    [InlineData("/a|b", FsError.InvalidPath)]
    [InlineData("/a?b", FsError.InvalidPath)]
    [InlineData("/a*b", FsError.InvalidPath)]
    [InlineData("/a\\b", FsError.InvalidPath)]
    [InlineData("/a\u0001b", FsError.InvalidPath)]
    [InlineData("/tab\there", FsError.InvalidPath)]
    [InlineData("/...", FsError.InvalidPath)]
    [InlineData("/  ", FsError.InvalidPath)]
    public void BadPathsAreRefused(string path, FsError expected)
    {
        using var device = new FileBlockDevice(Image(1440, 12));
        FatVolume v = FatTools.Mount(device);
        Assert.Equal(expected, v.Open(path, FsOpenMode.Create, FsAccess.Write, out _));
        Assert.Equal(expected, v.CreateDirectory(path));
        Assert.Equal(expected, v.Stat(path, out _));
    }

    [Fact]
    public void TooLongNamesAndPathsAreNameTooLong()
    {
        using var device = new FileBlockDevice(Image(1440, 12));
        FatVolume v = FatTools.Mount(device);
        Assert.Equal(FsError.NameTooLong, v.Open("/" + new string('a', 256), FsOpenMode.Create, FsAccess.Write, out _));
        Assert.Equal(FatVolume.Ok, v.Open("/" + new string('a', 255), FsOpenMode.Create, FsAccess.Write, out FatFile f));
        Assert.Equal(FatVolume.Ok, v.Close(f));
        string deep = string.Concat(Enumerable.Repeat("/abcdefghij", 103));     // 1,133 characters
        Assert.Equal(FsError.NameTooLong, v.Stat(deep, out _));
        // Trailing periods and spaces go, as on Windows: "b." is "b".
        Assert.Equal(FatVolume.Ok, v.Open("/b.", FsOpenMode.Create, FsAccess.Write, out f));
        Assert.Equal(FatVolume.Ok, v.Close(f));
        Assert.Equal(FatVolume.Ok, v.Stat("/B", out _));
    }

    [Fact]
    public void OpenModesBehaveAsFileMode()
    {
        using var device = new FileBlockDevice(Image(1440, 12));
        FatVolume v = FatTools.Mount(device);
        Assert.Equal(FsError.NotFound, v.Open("/x", FsOpenMode.Open, FsAccess.Read, out _));
        Assert.Equal(FsError.NotFound, v.Open("/x", FsOpenMode.Truncate, FsAccess.Write, out _));
        Assert.Equal(FsError.InvalidArgument, v.Open("/x", FsOpenMode.Create, FsAccess.Read, out _));
        FatTools.LibraryWrite(v, "/x", new byte[5000]);
        Assert.Equal(FsError.AlreadyExists, v.Open("/X", FsOpenMode.CreateNew, FsAccess.Write, out _));
        Assert.Equal(FatVolume.Ok, v.Open("/x", FsOpenMode.OpenOrCreate, FsAccess.Read, out FatFile f));
        Assert.Equal(5000, f.Length);
        Assert.Equal(FsError.AccessDenied, (FsError)v.Write(f, 0, new byte[1]));
        Assert.Equal(FsError.InUse, v.Delete("/x"));
        Assert.Equal(FsError.InUse, v.Rename("/x", "/y"));
        // A second open shares the file: a truncation through it is seen by the first.
        Assert.Equal(FatVolume.Ok, v.Open("/x", FsOpenMode.Truncate, FsAccess.Write, out FatFile g));
        Assert.Equal(0, f.Length);
        Assert.Equal(0, v.Read(f, 0, new byte[10]));
        Assert.Equal(FatVolume.Ok, v.Close(g));
        Assert.Equal(FatVolume.Ok, v.Close(f));
        Assert.Equal(FsError.BadHandle, v.Close(f));
        Assert.Equal(FsError.BadHandle, (FsError)v.Read(f, 0, new byte[1]));
        Assert.Equal(FatVolume.Ok, v.Delete("/x"));
        Assert.Equal(FsError.IsADirectory, v.Open("/", FsOpenMode.Open, FsAccess.Read, out _));
        Assert.Equal(FsError.InUse, v.RemoveDirectory("/"));
    }

    [Theory]
    [InlineData(12, 1440)]
    [InlineData(16, 16 * 1024)]
    [InlineData(32, 40 * 1024)]
    public void AFullDiskIsACleanDiskFullAndFsckStaysClean(int bits, int kib)
    {
        string image = Image(kib, bits);
        var kept = new MemoryStream();
        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            long clusters = v.FreeClusters();
            Assert.True(clusters > 0);
            // More than the disk holds, in one write: refused, nothing allocated.
            Assert.Equal(FatVolume.Ok, v.Open("/too big.bin", FsOpenMode.Create, FsAccess.Write, out FatFile f));
            Assert.Equal(FsError.DiskFull, (FsError)v.Write(f, 0, new byte[(clusters + 1) * v.BytesPerCluster]));
            Assert.Equal(0, f.Length);
            Assert.Equal(clusters, v.FreeClusters());
            Assert.Equal(FatVolume.Ok, v.Close(f));
            // Fill it 64 KiB at a time: each write whole or refused.
            Assert.Equal(FatVolume.Ok, v.Open("/fill.bin", FsOpenMode.Create, FsAccess.Write, out f));
            var chunk = new byte[65536];
            var random = new Random(5);
            long offset = 0;
            while (true)
            {
                random.NextBytes(chunk);
                long w = v.Write(f, offset, chunk);
                if (w < 0)
                {
                    Assert.Equal(FsError.DiskFull, (FsError)w);
                    break;
                }
                Assert.Equal(chunk.Length, w);
                kept.Write(chunk);
                offset += w;
            }
            Assert.Equal(offset, f.Length);
            // Then a cluster at a time until nothing is left.
            var small = new byte[v.BytesPerCluster];
            while (v.Write(f, offset, small) == small.Length)
            {
                kept.Write(small);
                offset += small.Length;
            }
            Assert.Equal(0, v.FreeClusters());
            Assert.Equal(FatVolume.Ok, v.Close(f));
            Assert.Equal(FsError.DiskFull, v.CreateDirectory("/no room"));
            // Empty files need no cluster: created until the root (FAT12/16) or its chain cannot grow.
            int made = 0;
            FsError e;
            while ((e = v.Open($"/empty {made}.txt", FsOpenMode.CreateNew, FsAccess.Write, out FatFile empty)) == FatVolume.Ok)
            {
                v.Close(empty);
                made++;
            }
            Assert.Equal(FsError.DiskFull, e);
            Assert.Equal(FatVolume.Ok, v.Sync());
        }
        FatTools.AssertClean(image);
        Assert.True(FatTools.Sha256(kept.ToArray()) == FatTools.Sha256(FatTools.HostRead(image, "/fill.bin")), "the host reads fill.bin differently");
        Match m = Regex.Match(FatTools.Run(FatTools.Tool("fsck.fat"), "-n", image).Output, @"(\d+)/(\d+) clusters");
        Assert.Equal(m.Groups[2].Value, m.Groups[1].Value);     // every cluster used, as the library said

        // Deleting gives the space back.
        using (var device = new FileBlockDevice(image))
        {
            FatVolume v = FatTools.Mount(device);
            Assert.Equal(FatVolume.Ok, v.Delete("/fill.bin"));
            Assert.True(v.FreeClusters() > 0);
            FatTools.LibraryWrite(v, "/after.bin", new byte[10_000]);
            Assert.Equal(FatVolume.Ok, v.Sync());
        }
        FatTools.AssertClean(image);
    }
}
