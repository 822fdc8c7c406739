using MicroOS.Kernel.Boot;
using Xunit;
using static MicroOS.Tests.Host.Multiboot2InfoBuilder;

namespace MicroOS.Tests.Host;

// The kernel's multiboot2 parser (MicroOS.Kernel/Boot/Multiboot2.cs, linked into this assembly).
// Contract: a well-formed structure is fully parsed; a malformed one gives null and an error string,
// never an exception and never a read outside the buffer.
public sealed class Multiboot2Tests
{
    [Fact]
    public void ParsesCommandLineLoaderNameModuleAndMemoryMap()
    {
        byte[] info = Typical().Build();

        BootInfo? boot = Multiboot2.Parse(info, out string? error);

        Assert.Null(error);
        Assert.NotNull(boot);
        Assert.Equal("exit test=selftest", boot.CommandLine);
        Assert.Equal("GRUB 2.06", boot.BootLoaderName);
        BootModule module = Assert.Single(boot.Modules);
        Assert.Equal((0x200000UL, 0x201234UL, "init"), (module.Start, module.End, module.Name));
        AssertRegions(TypicalMemoryMap, boot.MemoryMap);
    }

    [Fact]
    public void UsableBytesCountsOnlyUsableRegions()
    {
        MemoryEntry[] map =
        {
            new(0x0, 0x9FC00, 1),
            new(0x100000, 0x700000, 1),
            new(0x800000, 0x8000, 4),        // ACPI NVS
            new(0x808000, 0x3000, 3),        // ACPI reclaimable
            new(0x900000, 0x1000, 5),        // defective
            new(0xA00000, 0x20000, 2),       // reserved
            new(0x1_0000_0000, 0x4000_0000, 1), // above 4 GiB: lengths are 64-bit
        };
        byte[] info = new Multiboot2InfoBuilder().MemoryMap(map).End().Build();

        BootInfo? boot = Multiboot2.Parse(info, out _);

        Assert.NotNull(boot);
        ulong usable = map.Where(e => e.Type == 1).Aggregate(0UL, (sum, e) => sum + e.Length);
        Assert.Equal(usable, boot.UsableBytes);
    }

    [Fact]
    public void MemoryTypesOutsideTheSpecAreTreatedAsReserved()
    {
        byte[] info = new Multiboot2InfoBuilder().MemoryMap(new MemoryEntry[] { new(0x100000, 0x1000, 1), new(0x200000, 0x1000, 9), new(0x300000, 0x1000, 0) }).End().Build();

        BootInfo? boot = Multiboot2.Parse(info, out _);

        Assert.NotNull(boot);
        Assert.Equal(new[] { MemoryRegionKind.Usable, MemoryRegionKind.Reserved, MemoryRegionKind.Reserved }, boot.MemoryMap.Select(r => r.Kind));
        Assert.Equal(0x1000UL, boot.UsableBytes);
    }

    [Fact]
    public void LargerMemoryMapEntriesAreSteppedByTheirDeclaredSize()
    {
        byte[] info = new Multiboot2InfoBuilder().MemoryMap(TypicalMemoryMap, entrySize: 32).End().Build();

        BootInfo? boot = Multiboot2.Parse(info, out string? error);

        Assert.Null(error);
        Assert.NotNull(boot);
        AssertRegions(TypicalMemoryMap, boot.MemoryMap);
    }

    [Fact]
    public void UnknownTagsAreSkippedAndOddSizedTagsRealigned()
    {
        byte[] info = new Multiboot2InfoBuilder()
            .CommandLine("a")                                   // size 10: next tag needs padding
            .Tag(TagBasicMemoryInfo, new byte[8])
            .Tag(21, new byte[] { 1, 2, 3 })                    // load base address, odd size
            .Module(0x300000, 0x300100, "first")
            .Module(0x400000, 0x400200, "second")
            .BootLoaderName("loader")
            .End()
            .Build();

        BootInfo? boot = Multiboot2.Parse(info, out string? error);

        Assert.Null(error);
        Assert.NotNull(boot);
        Assert.Equal("a", boot.CommandLine);
        Assert.Equal("loader", boot.BootLoaderName);
        Assert.Equal(new[] { "first", "second" }, boot.Modules.Select(m => m.Name));
        Assert.Equal(0x400200UL, boot.Modules[1].End);
    }

    [Fact]
    public void StructureWithOnlyTheEndTagGivesEmptyBootInfo()
    {
        BootInfo? boot = Multiboot2.Parse(new Multiboot2InfoBuilder().End().Build(), out string? error);

        Assert.Null(error);
        Assert.NotNull(boot);
        Assert.Equal("", boot.CommandLine);
        Assert.Empty(boot.MemoryMap);
        Assert.Empty(boot.Modules);
        Assert.Equal(0UL, boot.UsableBytes);
    }

    public static TheoryData<string> MalformedCases => new(MalformedInputs.Keys);

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void MalformedStructureIsRejectedWithAnError(string name)
    {
        byte[] info = MalformedInputs[name]();

        BootInfo? boot = null;
        string? error = null;
        Exception? thrown = Record.Exception(() => boot = Multiboot2.Parse(info, out error));

        Assert.True(thrown == null, $"{name}: Parse threw {thrown?.GetType().Name}: {thrown?.Message}");
        Assert.Null(boot);
        Assert.False(string.IsNullOrEmpty(error), $"{name}: no error message");
    }

    [Fact]
    public void EveryTruncationOfAValidStructureIsRejectedWithoutThrowing()
    {
        byte[] valid = Typical().Build();
        for (int length = 0; length < valid.Length; length++)
        {
            byte[] prefix = valid[..length];
            var (boot, error, thrown) = ParseSafely(prefix);
            Assert.True(thrown == null, $"prefix of {length} bytes: Parse threw {thrown}");
            Assert.True(boot == null && !string.IsNullOrEmpty(error), $"prefix of {length} bytes (total_size says {valid.Length}) was accepted");
        }
    }

    [Fact]
    public void RandomCorruptionNeverMakesTheParserThrow()
    {
        var random = new Random(2024);
        byte[] valid = Typical().Build();
        for (int round = 0; round < 20000; round++)
        {
            byte[] corrupt = (byte[])valid.Clone();
            int changes = random.Next(1, 4);
            for (int i = 0; i < changes; i++)
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);

            var (boot, error, thrown) = ParseSafely(corrupt);

            Assert.True(thrown == null, $"round {round}: Parse threw {thrown} for {Convert.ToHexString(corrupt)}");
            Assert.True((boot == null) == (error != null), $"round {round}: result and error disagree for {Convert.ToHexString(corrupt)}");
        }
    }

    // Each builds a structure that breaks one rule of the format.
    private static readonly Dictionary<string, Func<byte[]>> MalformedInputs = new()
    {
        ["empty buffer"] = () => Array.Empty<byte>(),
        ["tiny buffer (7 bytes)"] = () => new byte[7],
        ["buffer shorter than the 16-byte minimum"] = () => new Multiboot2InfoBuilder().End().Build()[..15],
        ["total_size larger than the buffer"] = () => TotalSizeOverride(Typical(), extra: 8),
        ["total_size smaller than the header"] = () => new Multiboot2InfoBuilder().End().Build(totalSize: 8),
        ["tag overrunning total_size"] = () => new Multiboot2InfoBuilder().Tag(TagCommandLine, new byte[] { (byte)'x', 0 }, size: 4096).End().Build(),
        ["tag size below its own header"] = () => new Multiboot2InfoBuilder().Tag(TagCommandLine, Array.Empty<byte>(), size: 4).End().Build(),
        ["missing end tag"] = () => new Multiboot2InfoBuilder().CommandLine("exit").BootLoaderName("GRUB").Build(),
        ["end tag outside total_size"] = () => CutEndTag(Typical()),
        ["module tag too short"] = () => new Multiboot2InfoBuilder().Tag(TagModule, new byte[4]).End().Build(),
        ["memory map tag too short"] = () => new Multiboot2InfoBuilder().Tag(TagMemoryMap, new byte[4]).End().Build(),
        ["memory map entry size 0"] = () => new Multiboot2InfoBuilder().MemoryMap(TypicalMemoryMap, entrySize: 0).End().Build(),
        ["memory map entry size 16"] = () => new Multiboot2InfoBuilder().MemoryMap(TypicalMemoryMap, entrySize: 16).End().Build(),
        ["memory map entry size 20"] = () => new Multiboot2InfoBuilder().MemoryMap(TypicalMemoryMap, entrySize: 20).End().Build(),
        ["memory map entry size 28 (not 8-aligned)"] = () => new Multiboot2InfoBuilder().MemoryMap(TypicalMemoryMap, entrySize: 28).End().Build(),
        ["memory map entry size 0x80000000"] = () => ForgeEntrySize(0x8000_0000),
        ["memory map entry size 0xFFFFFFF8"] = () => ForgeEntrySize(0xFFFF_FFF8),
    };

    private static byte[] TotalSizeOverride(Multiboot2InfoBuilder builder, int extra)
    {
        int length = builder.Build().Length;
        return builder.Build(totalSize: (uint)(length + extra));
    }

    private static byte[] CutEndTag(Multiboot2InfoBuilder builder)
    {
        int length = builder.Build().Length;
        return builder.Build(totalSize: (uint)(length - 8));
    }

    // A memory map with one real entry whose entry_size field claims an absurd size.
    private static byte[] ForgeEntrySize(uint entrySize)
    {
        byte[] info = new Multiboot2InfoBuilder().MemoryMap(new MemoryEntry[] { new(0x100000, 0x1000, 1) }).End().Build();
        // The memory map is the first tag: header (8) + tag header (8) puts entry_size at offset 16.
        BitConverter.TryWriteBytes(info.AsSpan(16, 4), entrySize);
        return info;
    }

    private static (BootInfo? Boot, string? Error, Exception? Thrown) ParseSafely(byte[] info)
    {
        try
        {
            BootInfo? boot = Multiboot2.Parse(info, out string? error);
            return (boot, error, null);
        }
        catch (Exception e)
        {
            return (null, null, e);
        }
    }

    private static void AssertRegions(IReadOnlyList<MemoryEntry> expected, IReadOnlyList<MemoryRegion> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Base, actual[i].Start);
            Assert.Equal(expected[i].Length, actual[i].Length);
            Assert.Equal(expected[i].Base + expected[i].Length, actual[i].End);
            Assert.Equal((MemoryRegionKind)expected[i].Type, actual[i].Kind);
        }
    }
}
