using System.Text;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage.Fat;
using Xunit;

namespace MicroOS.Tests.Host.Fat;

// Images made by mkfs.fat and filled by mcopy from a host folder, read by the FAT library: every
// directory lists the host folder's names (case preserved), every file's sha256 is the host file's.
// The images are made once for the class (FatHostImages), in a temp folder.
public sealed class FatHostImagesTests : IClassFixture<FatHostImagesTests.FatHostImages>
{
    public sealed class FatHostImages : IDisposable
    {
        public readonly string Root = FatTools.TempFolder("host-images");
        public readonly string Tree, Many, Big;
        public readonly Dictionary<string, string> Images = new();

        // name: (KiB, FAT bits, sectors per cluster, with the 1,000-file folder, with the 10 MiB file)
        public static readonly (string Name, int Kib, int Bits, int Spc, bool Many, bool Big)[] Layouts =
        {
            ("fat12-512", 1440, 12, 1, false, false),
            ("fat16-512", 32 * 1024, 16, 1, true, false),
            ("fat16-4k", 64 * 1024, 16, 8, false, true),
            ("fat32-512", 48 * 1024, 32, 1, true, true),
            ("fat32-4k", 300 * 1024, 32, 8, false, true),
        };

        public FatHostImages()
        {
            Tree = Path.Combine(Root, "tree");
            Many = Path.Combine(Root, "many");
            Big = Path.Combine(Root, "big");
            WriteTree(Tree);
            Directory.CreateDirectory(Path.Combine(Many, "many"));
            for (int i = 0; i < 1000; i++)
                File.WriteAllText(Path.Combine(Many, "many", $"file {i:D4} of many.txt"), $"file {i}\n");
            Directory.CreateDirectory(Big);
            File.WriteAllBytes(Path.Combine(Big, "big.bin"), FatTools.Random(10 * 1024 * 1024, 10));
            foreach (var layout in Layouts)
            {
                string image = Path.Combine(Root, layout.Name + ".img");
                FatTools.MakeImage(image, layout.Kib, layout.Bits, layout.Spc);
                FatTools.CopyTreeIn(image, Tree);
                if (layout.Many)
                    FatTools.CopyTreeIn(image, Many);
                if (layout.Big)
                    FatTools.CopyTreeIn(image, Big);
                Images[layout.Name] = image;
            }
        }

        private static void WriteTree(string tree)
        {
            Directory.CreateDirectory(tree);
            File.WriteAllText(Path.Combine(tree, "hello.txt"), "Hello, MicroOS!\n");
            File.WriteAllText(Path.Combine(tree, "README"), "A file without an extension.\n");
            File.WriteAllBytes(Path.Combine(tree, "empty.txt"), Array.Empty<byte>());
            File.WriteAllText(Path.Combine(tree, "Long File Name with spaces.txt"), "long name\n");
            // mtools drops characters outside the BMP from long names: surrogate pairs are tested
            // with names the library writes (FatWriteInteropTests).
            File.WriteAllText(Path.Combine(tree, "Ünïcödé ファイル.txt"), "unicode ✓\n", Encoding.UTF8);
            File.WriteAllText(Path.Combine(tree, "MixedCase.Txt"), "mixed\n");
            File.WriteAllText(Path.Combine(tree, "lower.txt"), "lower\n");
            File.WriteAllText(Path.Combine(tree, "archive.tar.gz"), "two dots\n");
            string deep = Path.Combine(tree, "nested", "level one", "level2", "level3");
            Directory.CreateDirectory(deep);
            File.WriteAllBytes(Path.Combine(deep, "deep.bin"), FatTools.Random(5000, 1));
            Directory.CreateDirectory(Path.Combine(tree, "nested", "sibling"));
            File.WriteAllBytes(Path.Combine(tree, "nested", "sibling", "x.dat"), FatTools.Random(4097, 2));
            string sizes = Path.Combine(tree, "sizes");
            Directory.CreateDirectory(sizes);
            int seed = 3;
            foreach (int size in new[] { 1, 511, 512, 513, 4095, 4096, 4097, 65543, 200_000 })
                File.WriteAllBytes(Path.Combine(sizes, $"s{size}"), FatTools.Random(size, seed++));
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    private readonly FatHostImages _images;

    public FatHostImagesTests(FatHostImages images) => _images = images;

    public static IEnumerable<object[]> LayoutNames => FatHostImages.Layouts.Select(l => new object[] { l.Name });

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void EveryFileAndNameMcopyWroteIsReadBackEqual(string layout)
    {
        var spec = FatHostImages.Layouts.Single(l => l.Name == layout);
        using var device = new FileBlockDevice(_images.Images[layout]);
        FatVolume volume = FatTools.Mount(device);
        Assert.Equal((FatType)spec.Bits, volume.Type);
        Assert.Equal(spec.Spc * 512, volume.BytesPerCluster);
        Assert.Equal("MICROOS", volume.Label);

        int files = CompareFolder(volume, _images.Tree, "/", spec.Many || spec.Big);
        if (spec.Many)
            files += CompareFolder(volume, _images.Many, "/", true);
        if (spec.Big)
            files += CompareFolder(volume, _images.Big, "/", true);
        Assert.True(files >= 17 + (spec.Many ? 1000 : 0) + (spec.Big ? 1 : 0), $"only {files} files compared");
    }

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void LookupIsCaseInsensitiveAndShortAliasesResolve(string layout)
    {
        using var device = new FileBlockDevice(_images.Images[layout]);
        FatVolume volume = FatTools.Mount(device);
        Assert.Equal("Hello, MicroOS!\n", Encoding.UTF8.GetString(FatTools.LibraryRead(volume, "/HELLO.TXT")));
        Assert.Equal("long name\n", Encoding.UTF8.GetString(FatTools.LibraryRead(volume, "/long file name WITH spaces.TXT")));
        Assert.Equal("long name\n", Encoding.UTF8.GetString(FatTools.LibraryRead(volume, "/LONGFI~1.TXT")));
        Assert.Equal(FatVolume.Ok, volume.Stat("/NESTED/Level One/./LEVEL2/../level2/level3/DEEP.BIN", out FatEntryInfo info));
        Assert.Equal(5000, info.Length);
        Assert.Equal(FsError.NotFound, volume.Stat("/nested/nothing.txt", out _));
        Assert.Equal(FsError.PathNotFound, volume.Stat("/nothing/x.txt", out _));
        Assert.Equal(FsError.NotADirectory, volume.Stat("/hello.txt/x", out _));
    }

    // Walks host folder `host` and the volume's `path` together; returns the files compared.
    private static int CompareFolder(FatVolume volume, string host, string path, bool partial)
    {
        var entries = new List<FatEntryInfo>();
        FsError e = volume.List(path, entries);
        Assert.True(e == FatVolume.Ok, $"List {path}: {e} {volume.LastDetail}");
        var names = entries.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        var hostNames = Directory.EnumerateFileSystemEntries(host).Select(Path.GetFileName).ToList();
        foreach (string? name in hostNames)
            Assert.True(names.Contains(name!), $"{path}: '{name}' missing from [{string.Join(", ", names)}]");
        if (!partial)
            Assert.Equal(hostNames.Count, entries.Count);
        int files = 0;
        foreach (string? name in hostNames)
        {
            string hostPath = Path.Combine(host, name!);
            string volumePath = path.TrimEnd('/') + "/" + name;
            FatEntryInfo info = entries.Single(x => x.Name == name);
            if (Directory.Exists(hostPath))
            {
                Assert.True(info.IsDirectory, volumePath);
                files += CompareFolder(volume, hostPath, volumePath, false);
                continue;
            }
            byte[] expected = File.ReadAllBytes(hostPath);
            Assert.Equal(expected.Length, info.Length);
            byte[] actual = FatTools.LibraryRead(volume, volumePath);
            Assert.True(FatTools.Sha256(expected) == FatTools.Sha256(actual), $"{volumePath}: sha256 differs");
            files++;
        }
        return files;
    }
}
