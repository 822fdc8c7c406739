using MicroOS.Kernel.Memory;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// Page-table entry encoding and virtual-address arithmetic (MicroOS.Kernel/Memory/PageTableEntry.cs, linked).
public sealed class PageTableEntryTests
{
    [Theory]
    [InlineData(0x0UL, PageFlags.None)]
    [InlineData(0x1000UL, PageFlags.Present)]
    [InlineData(0x12345000UL, PageFlags.Present | PageFlags.Writable | PageFlags.User)]
    [InlineData(0x000F_FFFF_FFFF_F000UL, PageFlags.Present | PageFlags.NoExecute | PageFlags.Global)]
    [InlineData(0x200000UL, PageFlags.Present | PageFlags.Huge | PageFlags.Dirty | PageFlags.Accessed | PageFlags.WriteThrough | PageFlags.CacheDisable)]
    public void EncodeDecodeRoundTrips(ulong physical, PageFlags flags)
    {
        Assert.True(PageTableEntry.TryCreate(physical, flags, out PageTableEntry entry));

        Assert.Equal(physical | (ulong)flags, entry.Value);
        Assert.Equal(physical, entry.Physical);
        Assert.Equal(flags, entry.Flags);
        Assert.Equal(entry.Value, new PageTableEntry(entry.Value).Value);
        Assert.Equal(flags.HasFlag(PageFlags.Present), entry.IsPresent);
        Assert.Equal(flags.HasFlag(PageFlags.Writable), entry.IsWritable);
        Assert.Equal(flags.HasFlag(PageFlags.User), entry.IsUser);
        Assert.Equal(!flags.HasFlag(PageFlags.NoExecute), entry.IsExecutable);
        Assert.Equal(flags.HasFlag(PageFlags.Huge), entry.IsHuge);
    }

    [Theory]
    [InlineData(0x1UL)]
    [InlineData(0x1001UL)]
    [InlineData(0xFFFUL)]
    [InlineData(0x0010_0000_0000_0000UL)] // bit 52: beyond the 52-bit physical address field
    [InlineData(0x8000_0000_0000_1000UL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL)]
    public void MisalignedOrTooHighPhysicalIsRefused(ulong physical)
    {
        Assert.False(PageTableEntry.TryCreate(physical, PageFlags.Present, out PageTableEntry entry));
        Assert.Equal(0UL, entry.Value);
    }

    [Fact]
    public void FlagsReachingIntoTheAddressFieldAreRefused()
    {
        Assert.False(PageTableEntry.TryCreate(0x1000, (PageFlags)0x2000, out _));
        Assert.False(PageTableEntry.TryCreate(0x1000, PageFlags.Present | (PageFlags)(1UL << 51), out _));
    }

    [Fact]
    public void WithAndWithoutFlagsChangeOnlyFlags()
    {
        Assert.True(PageTableEntry.TryCreate(0xABCDE000, PageFlags.Present, out PageTableEntry entry));

        PageTableEntry rw = entry.WithFlags(PageFlags.Writable | PageFlags.NoExecute);
        Assert.Equal(0xABCDE000UL, rw.Physical);
        Assert.True(rw.IsWritable);
        Assert.False(rw.IsExecutable);
        Assert.Equal(PageFlags.Present | PageFlags.Writable | PageFlags.NoExecute, rw.Flags);

        PageTableEntry back = rw.WithoutFlags(PageFlags.Writable | PageFlags.NoExecute);
        Assert.Equal(entry.Value, back.Value);

        // Bits in the address field are ignored, never mixed into the address.
        Assert.Equal(entry.Value, entry.WithFlags((PageFlags)0xF000).Value);
        Assert.Equal(entry.Value, entry.WithoutFlags((PageFlags)0xABCDE000).Value);
        Assert.Equal(0UL, entry.WithoutFlags(PageFlags.Present).Value & 1);
    }

    [Theory]
    [InlineData(0xFFFF_FFFF_8000_0000UL, 511, 510, 0, 0)]
    [InlineData(0xFFFF_8000_0000_0000UL, 256, 0, 0, 0)]
    [InlineData(0x0000_7FFF_FFFF_FFFFUL, 255, 511, 511, 511)]
    [InlineData(0x0000_0000_0040_0000UL, 0, 0, 2, 0)]
    [InlineData(0x0000_0000_1234_5678UL, 0, 0, 145, 325)]
    [InlineData(0x0000_0080_4020_1000UL, 1, 1, 1, 1)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, 511, 511, 511, 511)]
    public void IndicesAreExtractedPerLevel(ulong va, int pml4, int pdpt, int pd, int pt)
    {
        Assert.Equal(pml4, VirtualAddress.Pml4Index(va));
        Assert.Equal(pdpt, VirtualAddress.PdptIndex(va));
        Assert.Equal(pd, VirtualAddress.PdIndex(va));
        Assert.Equal(pt, VirtualAddress.PtIndex(va));
    }

    [Theory]
    [InlineData(0x0UL, true)]
    [InlineData(0x0000_7FFF_FFFF_FFFFUL, true)]
    [InlineData(0x0000_8000_0000_0000UL, false)]
    [InlineData(0x1234_0000_0000_0000UL, false)]
    [InlineData(0xFFFF_7FFF_FFFF_FFFFUL, false)]
    [InlineData(0xFFFF_8000_0000_0000UL, true)]
    [InlineData(0xFFFF_FFFF_8000_0000UL, true)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, true)]
    public void CanonicalMeansBits63To47Agree(ulong va, bool canonical)
    {
        Assert.Equal(canonical, VirtualAddress.IsCanonical(va));
    }

    [Theory]
    [InlineData(0x0UL, 0x0UL, true)]
    [InlineData(0x0UL, 0x0000_8000_0000_0000UL, true)]
    [InlineData(0x0000_7FFF_FFFF_FFFFUL, 1UL, true)]
    [InlineData(0x0000_7FFF_FFFF_FFFFUL, 2UL, false)]
    [InlineData(0x0000_7FFF_FFFF_F000UL, 0x1000UL, true)]
    [InlineData(0x0000_8000_0000_0000UL, 0UL, false)]
    [InlineData(0x0000_8000_0000_0000UL, 1UL, false)]
    [InlineData(0x1000UL, 0xFFFF_FFFF_FFFF_FFFFUL, false)] // wraps around
    [InlineData(0x1000UL, 0xFFFF_FFFF_FFFF_F000UL, false)] // end == 0 after wrapping
    [InlineData(0xFFFF_8000_0000_0000UL, 0x1000UL, false)]
    [InlineData(0xFFFF_FFFF_FFFF_F000UL, 0x1000UL, false)]
    public void UserRangeIsEntirelyBelowUserTop(ulong start, ulong length, bool user)
    {
        Assert.Equal(user, VirtualAddress.IsUserRange(start, length));
    }

    [Theory]
    [InlineData(0x0UL, 0x0UL, 0UL)]
    [InlineData(0x0UL, 0x1UL, 1UL)]
    [InlineData(0xFFFUL, 0x2UL, 2UL)]
    [InlineData(0x1000UL, 0x1000UL, 1UL)]
    [InlineData(0x1001UL, 0x1000UL, 2UL)]
    [InlineData(0x1000UL, 0x1001UL, 2UL)]
    [InlineData(0x400000UL, 0x200000UL, 512UL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFF0UL, 0x100UL, 1UL)] // cut at the top of the address space
    [InlineData(0x0UL, 0xFFFF_FFFF_FFFF_FFFFUL, 1UL << 52)]
    public void PageCountCountsTouchedPages(ulong start, ulong length, ulong pages)
    {
        Assert.Equal(pages, VirtualAddress.PageCount(start, length));
    }

    [Theory]
    [InlineData(0x0UL, 0x0UL)]
    [InlineData(0xFFFUL, 0x0UL)]
    [InlineData(0x1000UL, 0x1000UL)]
    [InlineData(0xFFFF_FFFF_8012_3456UL, 0xFFFF_FFFF_8012_3000UL)]
    public void PageBaseClearsTheOffset(ulong va, ulong page)
    {
        Assert.Equal(page, VirtualAddress.PageBase(va));
    }

    [Fact]
    public void ConstantsMatchTheCanonicalHalves()
    {
        Assert.Equal(0x0000_8000_0000_0000UL, VirtualAddress.UserTop);
        Assert.Equal(0xFFFF_8000_0000_0000UL, VirtualAddress.KernelBase);
        Assert.False(VirtualAddress.IsCanonical(VirtualAddress.UserTop));
        Assert.True(VirtualAddress.IsCanonical(VirtualAddress.UserTop - 1));
        Assert.True(VirtualAddress.IsCanonical(VirtualAddress.KernelBase));
        Assert.False(VirtualAddress.IsCanonical(VirtualAddress.KernelBase - 1));
    }
}
