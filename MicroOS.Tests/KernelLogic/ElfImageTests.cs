using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Memory;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The ELF64 loader's checks (MicroOS.Kernel/Boot/ElfImage.cs, linked). Contract: a valid static
// x86-64 executable gives its entry and PT_LOAD segments; anything else gives null and an error
// naming the problem, never an exception and never a read outside the image.
public sealed class ElfImageTests
{
    private const ulong UserBase = 0x10000;
    private const ulong UserTop = VirtualAddress.UserTop;

    private const uint PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_GNU_STACK = 0x6474E551;
    private const uint PF_X = 1, PF_W = 2, PF_R = 4;

    // .text at 0x400000 (R+X, 0x300 bytes at file offset 0x1000), .data+.bss at 0x402000 (R+W,
    // 0x100 bytes at 0x2000, 0x3000 in memory), and a PT_GNU_STACK that must be ignored.
    private static ElfBuilder Typical() => new ElfBuilder()
        .WithTypicalSegments()
        .Segment(PT_GNU_STACK, PF_R | PF_W | PF_X, offset: 0, vaddr: 0, filesz: 0, memsz: 0);

    [Fact]
    public void ValidStaticExecutableParses()
    {
        byte[] image = Typical().Build();
        Assert.Equal(0x2100, image.Length);

        ElfImage? elf = ElfImage.Parse(image, UserBase, UserTop, out string? error);

        Assert.Null(error);
        Assert.NotNull(elf);
        Assert.Equal(0x400010UL, elf.Entry);
        Assert.Equal(2, elf.Segments.Count);
        ElfSegment text = elf.Segments[0], data = elf.Segments[1];
        Assert.Equal((0x400000UL, 0x1000UL, 0x300UL, 0x300UL, false, true),
            (text.VirtualAddress, text.FileOffset, text.FileSize, text.MemorySize, text.Writable, text.Executable));
        Assert.Equal((0x402000UL, 0x2000UL, 0x100UL, 0x3000UL, true, false),
            (data.VirtualAddress, data.FileOffset, data.FileSize, data.MemorySize, data.Writable, data.Executable));
    }

    [Fact]
    public void SegmentsInAdjacentPagesAndAPhdrTableAnywhereInTheImageAreFine()
    {
        var builder = new ElfBuilder { Entry = 0x400FFF, ProgramHeaderOffset = 0x1800 }
            .Segment(PT_NOTE, PF_R, offset: 0x100, vaddr: 0x400100, filesz: 0x20, memsz: 0x20)
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x0, vaddr: 0x400000, filesz: 0x1000, memsz: 0x1000)
            .Segment(PT_LOAD, PF_R, offset: 0x1000, vaddr: 0x401000, filesz: 0x1000, memsz: 0x1000);

        ElfImage? elf = ElfImage.Parse(builder.Build(), UserBase, UserTop, out string? error);

        Assert.Null(error);
        Assert.Equal(2, elf!.Segments.Count);
        Assert.Equal(0x401000UL, elf.Segments[1].VirtualAddress);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(63)]
    public void ShorterThanTheHeaderIsTruncated(int length)
    {
        byte[] image = Typical().Build()[..length];

        string error = Refused(image);

        Assert.StartsWith("truncated: ", error);
        Assert.Contains(length + " bytes", error);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(120)]
    [InlineData(64 + 3 * 56 - 1)]
    public void CutInsideTheProgramHeaderTableIsRefused(int length)
    {
        Assert.Contains("program header table", Refused(Typical().Build()[..length]));
    }

    [Theory]
    [InlineData(0x1000, "segment 0 data ends at 0x1300 past the image size 0x1000")]
    [InlineData(0x1200, "segment 0 data ends at 0x1300 past the image size 0x1200")]
    [InlineData(0x2000, "segment 1 data ends at 0x2100 past the image size 0x2000")]
    [InlineData(0x20FF, "segment 1 data ends at 0x2100 past the image size 0x20FF")]
    public void CutInsideSegmentDataIsTruncated(int length, string expected)
    {
        Assert.Equal("truncated: " + expected, Refused(Typical().Build()[..length]));
    }

    [Fact]
    public void EveryPrefixOfAValidImageIsRefusedWithoutThrowing()
    {
        byte[] image = Typical().Build();
        for (int length = 0; length < image.Length; length++)
            Refused(image[..length]);
    }

    [Fact]
    public void RandomCorruptionNeverThrows()
    {
        var random = new Random(1234);
        byte[] valid = Typical().Build();
        for (int round = 0; round < 3000; round++)
        {
            byte[] image = (byte[])valid.Clone();
            for (int flips = random.Next(1, 6); flips > 0; flips--)
            {
                // Mostly the header and program headers, where the interesting fields are.
                int at = random.Next(3) == 0 ? random.Next(image.Length) : random.Next(64 + 3 * 56);
                image[at] = (byte)random.Next(256);
            }
            ElfImage? elf = null;
            string? error = null;
            Exception? thrown = Record.Exception(() => elf = ElfImage.Parse(image, UserBase, UserTop, out error));
            Assert.Null(thrown);
            Assert.True((elf == null) != (error == null), "exactly one of result and error");
        }
    }

    [Fact]
    public void BadMagicIsRefused()
    {
        byte[] image = Typical().Build();
        image[1] = (byte)'X';
        Assert.Contains("bad magic", Refused(image));
    }

    [Fact]
    public void ThirtyTwoBitClassIsRefused()
    {
        Assert.Contains("not a 64-bit ELF", Refused(new ElfBuilder { Class = 1 }.WithTypicalSegments().Build()));
    }

    [Fact]
    public void BigEndianIsRefused()
    {
        Assert.Contains("not little-endian", Refused(new ElfBuilder { Data = 2 }.WithTypicalSegments().Build()));
    }

    [Fact]
    public void BadVersionIsRefused()
    {
        Assert.Contains("version", Refused(new ElfBuilder { IdentVersion = 0 }.WithTypicalSegments().Build()));
        Assert.Contains("bad ELF version 2", Refused(new ElfBuilder { Version = 2 }.WithTypicalSegments().Build()));
    }

    [Theory]
    [InlineData(3, "not a static executable: ET_DYN")]
    [InlineData(1, "not a static executable: ELF type 1")]
    [InlineData(4, "not a static executable: ELF type 4")]
    public void OnlyEtExecIsAccepted(int type, string expected)
    {
        Assert.StartsWith(expected, Refused(new ElfBuilder { Type = (ushort)type }.WithTypicalSegments().Build()));
    }

    [Theory]
    [InlineData(40)]  // ARM
    [InlineData(3)]   // i386
    [InlineData(183)] // AArch64
    public void WrongMachineIsRefused(int machine)
    {
        Assert.Equal($"wrong machine: expected x86-64 (62), found {machine}",
            Refused(new ElfBuilder { Machine = (ushort)machine }.WithTypicalSegments().Build()));
    }

    [Fact]
    public void WrongProgramHeaderEntrySizeIsRefused()
    {
        Assert.Contains("program header size 64", Refused(new ElfBuilder { ProgramHeaderEntrySize = 64 }.WithTypicalSegments().Build()));
    }

    [Theory]
    [InlineData(0x10000000UL)]
    [InlineData(0x2100UL - 56)]             // only the first entry fits
    [InlineData(0xFFFF_FFFF_FFFF_FFF0UL)]   // offset + size wraps around
    public void ProgramHeaderTableOutsideTheImageIsRefused(ulong phoff)
    {
        var builder = Typical();
        builder.ProgramHeaderOffset = phoff;
        builder.WriteTableAt = 0x100; // keep the data where Typical put it
        Assert.Contains("program header table", Refused(builder.Build()));
    }

    [Fact]
    public void ProgramHeaderCountExtensionIsRefused()
    {
        var builder = Typical();
        builder.ProgramHeaderCount = 0xFFFF;
        Assert.Contains("PN_XNUM", Refused(builder.Build()));
    }

    [Fact]
    public void NoLoadSegmentIsRefused()
    {
        var builder = new ElfBuilder { Entry = 0x400000 }
            .Segment(PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0)
            .Segment(PT_NOTE, PF_R, 0x100, 0x400100, 0x20, 0x20);
        Assert.Equal("no PT_LOAD segment", Refused(builder.Build()));
        Assert.Equal("no PT_LOAD segment", Refused(new ElfBuilder { Entry = 0x400000 }.Build()));
    }

    [Theory]
    [InlineData(PT_INTERP, "PT_INTERP")]
    [InlineData(PT_DYNAMIC, "PT_DYNAMIC")]
    public void DynamicExecutablesAreRefused(uint type, string name)
    {
        var builder = Typical().Segment(type, PF_R, offset: 0x1100, vaddr: 0x400100, filesz: 0x20, memsz: 0x20);
        Assert.Equal($"not a static executable: segment 3 is {name}", Refused(builder.Build()));
    }

    [Fact]
    public void FileSizeLargerThanMemorySizeIsRefused()
    {
        var builder = new ElfBuilder { Entry = 0x400000 }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x1000, vaddr: 0x400000, filesz: 0x300, memsz: 0x200);
        Assert.Equal("segment 0: file size 0x300 exceeds memory size 0x200", Refused(builder.Build()));
    }

    [Fact]
    public void SegmentFileRangeOverflowIsRefused()
    {
        var builder = new ElfBuilder { Entry = 0x400000 }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0xFFFF_FFFF_FFFF_F000, vaddr: 0x400000, filesz: 0x2000, memsz: 0x2000);
        Assert.Contains("file range overflows", Refused(builder.Build()));
    }

    [Theory]
    [InlineData(0xFFFF_FFFF_8000_0000UL, 0x1000UL)]
    [InlineData(0xFFFF_FFFF_8000_0000UL, 0xFFFF_FFFF_FFFF_0000UL)] // would also overflow
    [InlineData(0xFFFF_8000_0000_0000UL, 0x1000UL)]
    [InlineData(0x0000_8000_0000_0000UL, 0x1000UL)]  // first non-user address
    [InlineData(0x0000_7FFF_FFFF_F000UL, 0x2000UL)]  // starts in, ends past the top
    [InlineData(0x0000_0000_0000_0000UL, 0x1000UL)]  // null page, below userBase
    [InlineData(0x0000_0000_0000_F000UL, 0x2000UL)]  // starts just below userBase
    public void SegmentOutsideTheUserHalfIsRefused(ulong vaddr, ulong memsz)
    {
        var builder = new ElfBuilder { Entry = vaddr }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x1000, vaddr: vaddr, filesz: 0x10, memsz: memsz);
        Assert.Equal($"segment 0 at 0x{vaddr:X} is outside the user half", Refused(builder.Build()));
    }

    [Fact]
    public void SegmentEndingExactlyAtUserTopIsFine()
    {
        var builder = new ElfBuilder { Entry = UserTop - 0x1000 }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x1000, vaddr: UserTop - 0x1000, filesz: 0x10, memsz: 0x1000);
        Assert.NotNull(ElfImage.Parse(builder.Build(), UserBase, UserTop, out string? error));
        Assert.Null(error);
    }

    [Fact]
    public void AddressRangeOverflowIsRefused()
    {
        // With a user range reaching the top, only the overflow check stands in the way.
        var builder = new ElfBuilder { Entry = 0xFFFF_FFFF_FFFF_0000 }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x1000, vaddr: 0xFFFF_FFFF_FFFF_0000, filesz: 0x10, memsz: 0x20000);
        ElfImage? elf = ElfImage.Parse(builder.Build(), 0x10000, 0xFFFF_FFFF_FFFF_F000, out string? error);
        Assert.Null(elf);
        Assert.Equal("segment 0: address range overflows (0xFFFFFFFFFFFF0000 + 0x20000)", error);
    }

    [Fact]
    public void PageOffsetMismatchIsRefused()
    {
        var builder = new ElfBuilder { Entry = 0x400100 }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x1000, vaddr: 0x400100, filesz: 0x100, memsz: 0x100);
        Assert.Contains("differ modulo the page size", Refused(builder.Build()));
    }

    [Theory]
    [InlineData(0x400300UL)]  // right after .text, same page
    [InlineData(0x400FFFUL)]  // last byte of .text's page
    [InlineData(0x3FF800UL)]  // ends inside .text's page
    public void SegmentsSharingAPageAreRefused(ulong vaddr)
    {
        var builder = new ElfBuilder { Entry = 0x400010 }
            .Segment(PT_LOAD, PF_R | PF_X, offset: 0x1000, vaddr: 0x400000, filesz: 0x300, memsz: 0x300)
            .Segment(PT_LOAD, PF_R | PF_W, offset: 0x2000 + (vaddr & 0xFFF), vaddr: vaddr, filesz: 0x10, memsz: 0x1000);
        Assert.Equal($"segment 1 at 0x{vaddr:X} overlaps an earlier PT_LOAD segment at 0x400000 (same page)", Refused(builder.Build()));
    }

    [Fact]
    public void WritableAndExecutableSegmentIsRefused()
    {
        var builder = new ElfBuilder { Entry = 0x400010 }
            .Segment(PT_LOAD, PF_R | PF_W | PF_X, offset: 0x1000, vaddr: 0x400000, filesz: 0x300, memsz: 0x300);
        Assert.Equal("segment 0 at 0x400000 is both writable and executable (W^X)", Refused(builder.Build()));
    }

    [Theory]
    [InlineData(0x0UL)]
    [InlineData(0x3FFFFFUL)]
    [InlineData(0x400300UL)]  // one past the end of .text
    [InlineData(0x402000UL)]  // in .data: not executable
    [InlineData(0x404FFFUL)]  // in .bss
    public void EntryOutsideCodeIsRefused(ulong entry)
    {
        var builder = Typical();
        builder.Entry = entry;
        Assert.Equal($"entry point 0x{entry:X} is not inside an executable segment", Refused(builder.Build()));
    }

    [Fact]
    public void InvalidUserRangeIsRefused()
    {
        byte[] image = Typical().Build();
        Assert.Null(ElfImage.Parse(image, 0x10000, 0x10000, out string? error));
        Assert.StartsWith("invalid user range", error);
        Assert.Null(ElfImage.Parse(image, 0x10001, UserTop, out error));
        Assert.StartsWith("invalid user range", error);
    }

    // Parses expecting a refusal; returns the error.
    private static string Refused(byte[] image)
    {
        ElfImage? elf = null;
        string? error = null;
        Exception? thrown = Record.Exception(() => elf = ElfImage.Parse(image, UserBase, UserTop, out error));
        Assert.Null(thrown);
        Assert.Null(elf);
        Assert.False(string.IsNullOrEmpty(error));
        return error!;
    }

    // Writes an ELF64 header, a program header table and zero-filled segment data into a byte array.
    private sealed class ElfBuilder
    {
        private readonly List<(uint Type, uint Flags, ulong Offset, ulong VAddr, ulong FileSize, ulong MemSize)> _headers = new();

        public byte Class = 2;
        public byte Data = 1;
        public byte IdentVersion = 1;
        public ushort Type = 2;
        public ushort Machine = 62;
        public uint Version = 1;
        public ulong Entry;
        public ulong ProgramHeaderOffset = 64;
        public ushort ProgramHeaderEntrySize = 56;
        public int? ProgramHeaderCount;
        // Where the table is physically written when ProgramHeaderOffset is deliberately wrong.
        public int? WriteTableAt;

        public ElfBuilder Segment(uint type, uint flags, ulong offset, ulong vaddr, ulong filesz, ulong memsz)
        {
            _headers.Add((type, flags, offset, vaddr, filesz, memsz));
            return this;
        }

        // The PT_LOAD segments and entry of the typical image (see Typical), keeping this builder's header fields.
        public ElfBuilder WithTypicalSegments()
        {
            Entry = 0x400010;
            return Segment(PT_LOAD, PF_R | PF_X, 0x1000, 0x400000, 0x300, 0x300)
                .Segment(PT_LOAD, PF_R | PF_W, 0x2000, 0x402000, 0x100, 0x3000);
        }

        public byte[] Build()
        {
            int tableAt = WriteTableAt ?? (int)ProgramHeaderOffset;
            long size = tableAt + _headers.Count * 56L;
            foreach (var h in _headers)
                if (h.Offset + h.FileSize >= h.Offset && h.Offset + h.FileSize < 1 << 20)
                    size = Math.Max(size, (long)(h.Offset + h.FileSize));
            var image = new byte[size];
            image[0] = 0x7F; image[1] = (byte)'E'; image[2] = (byte)'L'; image[3] = (byte)'F';
            image[4] = Class;
            image[5] = Data;
            image[6] = IdentVersion;
            Put16(image, 16, Type);
            Put16(image, 18, Machine);
            Put32(image, 20, Version);
            Put64(image, 24, Entry);
            Put64(image, 32, ProgramHeaderOffset);
            Put16(image, 52, 64);
            Put16(image, 54, ProgramHeaderEntrySize);
            Put16(image, 56, (ushort)(ProgramHeaderCount ?? _headers.Count));
            for (int i = 0; i < _headers.Count; i++)
            {
                var h = _headers[i];
                int at = tableAt + i * 56;
                Put32(image, at, h.Type);
                Put32(image, at + 4, h.Flags);
                Put64(image, at + 8, h.Offset);
                Put64(image, at + 16, h.VAddr);
                Put64(image, at + 24, h.VAddr);
                Put64(image, at + 32, h.FileSize);
                Put64(image, at + 40, h.MemSize);
                Put64(image, at + 48, 0x1000);
            }
            // Recognisable segment bytes, never overwriting the headers.
            foreach (var h in _headers)
                for (ulong b = 0; b < h.FileSize && h.Offset + b < (ulong)size; b++)
                    if (h.Offset + b >= (ulong)(tableAt + _headers.Count * 56) || (h.Offset + b < (ulong)tableAt && h.Offset + b >= 64))
                        image[h.Offset + b] = (byte)(0xC0 + b);
            return image;
        }

        private static void Put16(byte[] b, int at, ushort v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }
        private static void Put32(byte[] b, int at, uint v) { Put16(b, at, (ushort)v); Put16(b, at + 2, (ushort)(v >> 16)); }
        private static void Put64(byte[] b, int at, ulong v) { Put32(b, at, (uint)v); Put32(b, at + 4, (uint)(v >> 32)); }
    }
}
