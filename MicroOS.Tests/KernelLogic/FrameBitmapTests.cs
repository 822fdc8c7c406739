using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Memory;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The physical frame allocator (MicroOS.Kernel/Memory/FrameBitmap.cs, linked). Contract: frames start
// used; bad input gives false, never an exception; counts always match the bitmap; allocation is
// lowest address first.
public sealed class FrameBitmapTests
{
    private const ulong Frame = 4096;
    private const ulong MiB = 1UL << 20;

    [Fact]
    public void EverythingStartsUsed()
    {
        var frames = new FrameBitmap(16 * MiB);

        Assert.Equal(4096UL, frames.TotalFrames);
        Assert.Equal(0UL, frames.FreeFrames);
        Assert.Equal(4096UL, frames.UsedFrames);
        Assert.False(frames.IsFree(0));
        Assert.False(frames.TryAllocate(out ulong physical));
        Assert.Equal(0UL, physical);
        Assert.False(frames.TryAllocateContiguous(1, out _));
    }

    [Fact]
    public void PartialLastFrameIsNotCounted()
    {
        var frames = new FrameBitmap(70 * Frame + 100);
        frames.MarkFree(0, ulong.MaxValue);

        Assert.Equal(70UL, frames.TotalFrames);
        Assert.Equal(70UL, frames.FreeFrames);
        for (ulong i = 0; i < 70; i++)
        {
            Assert.True(frames.TryAllocate(out ulong physical));
            Assert.Equal(i * Frame, physical);
        }
        Assert.False(frames.TryAllocate(out _));
        Assert.False(frames.IsFree(70 * Frame));
    }

    [Fact]
    public void MarkFreeRoundsInwardAndMarkUsedRoundsOutward()
    {
        var frames = new FrameBitmap(1 * MiB);

        frames.MarkFree(0x1800, 0x2000); // [0x1800, 0x3800): only frame 0x2000 is whole
        Assert.Equal(1UL, frames.FreeFrames);
        Assert.True(frames.IsFree(0x2000));
        Assert.True(frames.IsFree(0x2FFF)); // any address in the frame
        Assert.False(frames.IsFree(0x1000));
        Assert.False(frames.IsFree(0x3000));

        frames.MarkFree(0x5000, 0xFFF); // less than a frame: nothing
        Assert.Equal(1UL, frames.FreeFrames);

        frames.MarkFree(0, 1 * MiB);
        Assert.Equal(256UL, frames.FreeFrames);
        frames.MarkUsed(0x1FFF, 2); // touches frames 0x1000 and 0x2000
        Assert.Equal(254UL, frames.FreeFrames);
        Assert.False(frames.IsFree(0x1000));
        Assert.False(frames.IsFree(0x2000));
        Assert.True(frames.IsFree(0x3000));

        frames.MarkUsed(0x8000, 0); // empty: nothing
        Assert.True(frames.IsFree(0x8000));
    }

    [Fact]
    public void RangesAreClippedToTheLimitWithoutOverflow()
    {
        var frames = new FrameBitmap(1 * MiB);

        frames.MarkFree(0xFFFF_F000, 0x10000);
        frames.MarkFree(ulong.MaxValue - 10, 100);
        frames.MarkUsed(ulong.MaxValue - 10, 100);
        Assert.Equal(0UL, frames.FreeFrames);

        frames.MarkFree(0xF0000, ulong.MaxValue); // wraps: runs to the end of the bitmap
        Assert.Equal(16UL, frames.FreeFrames);
        frames.MarkUsed(0xFF000, ulong.MaxValue);
        Assert.Equal(15UL, frames.FreeFrames);
    }

    [Fact]
    public void AllocateAllThenFreeAndReallocate()
    {
        var frames = new FrameBitmap(1 * MiB);
        frames.MarkFree(0, 1 * MiB);
        var seen = new HashSet<ulong>();

        for (ulong i = 0; i < 256; i++)
        {
            Assert.True(frames.TryAllocate(out ulong physical));
            Assert.Equal(i * Frame, physical);
            Assert.True(seen.Add(physical));
            Assert.Equal(255 - i, frames.FreeFrames);
            Assert.Equal(i + 1, frames.UsedFrames);
        }
        Assert.False(frames.TryAllocate(out _));

        Assert.True(frames.Free(0x5000));
        Assert.True(frames.Free(0x3000));
        Assert.Equal(2UL, frames.FreeFrames);
        Assert.True(frames.TryAllocate(out ulong first));
        Assert.True(frames.TryAllocate(out ulong second));
        Assert.Equal(0x3000UL, first); // lowest first, whatever the order of the frees
        Assert.Equal(0x5000UL, second);
        Assert.False(frames.TryAllocate(out _));
    }

    [Fact]
    public void FreeRefusesDoubleFreeMisalignedAndOutOfRange()
    {
        var frames = new FrameBitmap(1 * MiB);
        frames.MarkFree(0x10000, 0x10000);
        Assert.True(frames.TryAllocate(out ulong physical));
        ulong free = frames.FreeFrames;

        Assert.True(frames.Free(physical));
        Assert.False(frames.Free(physical)); // double free
        Assert.False(frames.Free(0x11000));  // free since MarkFree, never allocated
        Assert.Equal(free + 1, frames.FreeFrames);
        Assert.False(frames.Free(0x11001));
        Assert.False(frames.Free(0x11800));
        Assert.False(frames.Free(1 * MiB));
        Assert.False(frames.Free(ulong.MaxValue & ~0xFFFUL));
        Assert.Equal(free + 1, frames.FreeFrames);
        Assert.False(frames.IsFree(1 * MiB));
        Assert.False(frames.IsFree(ulong.MaxValue));
    }

    [Fact]
    public void ContiguousAllocationFindsTheLowestLongEnoughRun()
    {
        var frames = new FrameBitmap(1 * MiB);
        frames.MarkFree(0x1000, 2 * Frame);   // frames 1-2: too short for 3
        frames.MarkFree(0x5000, 4 * Frame);   // frames 5-8
        frames.MarkFree(62 * Frame, 6 * Frame); // frames 62-67: crosses a bitmap word

        Assert.True(frames.TryAllocateContiguous(3, out ulong a));
        Assert.Equal(0x5000UL, a);
        Assert.True(frames.IsFree(0x8000));
        Assert.False(frames.IsFree(0x7000));

        Assert.True(frames.TryAllocateContiguous(5, out ulong b));
        Assert.Equal(62 * Frame, b);
        Assert.True(frames.IsFree(67 * Frame));

        Assert.True(frames.TryAllocateContiguous(2, out ulong c));
        Assert.Equal(0x1000UL, c);
        Assert.False(frames.TryAllocateContiguous(2, out _));
        Assert.Equal(2UL, frames.FreeFrames);

        Assert.False(frames.TryAllocateContiguous(0, out _));
        Assert.False(frames.TryAllocateContiguous(-1, out _));
        Assert.False(frames.TryAllocateContiguous(int.MaxValue, out _));
        Assert.Equal(2UL, frames.FreeFrames);
    }

    [Fact]
    public void ContiguousRunIsBrokenByAFullyUsedWord()
    {
        var frames = new FrameBitmap(1 * MiB);
        frames.MarkFree(62 * Frame, 2 * Frame);  // frames 62-63, then word 1 (64-127) all used
        frames.MarkFree(128 * Frame, 2 * Frame); // frames 128-129

        Assert.False(frames.TryAllocateContiguous(4, out _));
        Assert.True(frames.TryAllocateContiguous(2, out ulong run));
        Assert.Equal(62 * Frame, run);
        Assert.Equal(2UL, frames.FreeFrames);
    }

    [Fact]
    public void ContiguousAllocationSpansWholeFreeWords()
    {
        var frames = new FrameBitmap(4 * MiB);
        frames.MarkFree(0, 4 * MiB);
        frames.MarkUsed(0x3000, 1);

        Assert.True(frames.TryAllocateContiguous(200, out ulong run));
        Assert.Equal(0x4000UL, run);
        Assert.Equal(1024UL - 201, frames.FreeFrames);
        Assert.True(frames.TryAllocate(out ulong low));
        Assert.Equal(0x0UL, low);
        Assert.True(frames.TryAllocateContiguous(1024 - 204, out ulong rest));
        Assert.Equal(204 * Frame, rest);
        Assert.Equal(2UL, frames.FreeFrames); // frames 1 and 2
        Assert.True(frames.TryAllocateContiguous(2, out ulong last));
        Assert.Equal(0x1000UL, last);
        Assert.Equal(0UL, frames.FreeFrames);
    }

    [Fact]
    public void FromMemoryMapFreesUsableMinusLowMemoryReservedAndOverlaps()
    {
        var map = new List<MemoryRegion>
        {
            // Unsorted, overlapping, unaligned, partly beyond the limit.
            new(0x0060_0000, 0x1000, MemoryRegionKind.Reserved),          // inside the big usable region
            new(0x0010_0000, 0x07E0_0000, MemoryRegionKind.Usable),        // 1 MiB .. 127 MiB
            new(0x0, 0x9FC00, MemoryRegionKind.Usable),                    // low memory: never free
            new(0x9FC00, 0x400, MemoryRegionKind.Reserved),
            new(0x0700_0800, 0x10, MemoryRegionKind.AcpiNvs),              // touches one frame
            new(0x0200_0000, 0x0100_0000, MemoryRegionKind.Usable),        // duplicate of part of the big one
            new(0x07F0_0100, 0x0010_0000, MemoryRegionKind.Usable),        // unaligned, runs past the limit
            new(0x1_0000_0000, 0x4000_0000, MemoryRegionKind.Usable),      // above the limit
        };
        var reserved = new List<ReservedRange>
        {
            new(0x0010_0000, 0x0018_0000, "kernel"),
            new(0x0017_F000, 0x0019_0800, "init"),   // overlaps the kernel, ends mid-frame
            new(0x0030_0000, 0x0030_0000, "empty"),
            new(0x0040_0000, 0x0030_0000, "backwards"), // End < Start: ignored
        };
        const ulong limit = 128 * MiB;

        FrameBitmap frames = FrameBitmap.FromMemoryMap(map, reserved, limit);

        Assert.Equal(limit / Frame, frames.TotalFrames);
        AssertMatchesOracle(frames, map, reserved, limit);
        Assert.False(frames.IsFree(0x0));
        Assert.False(frames.IsFree(0xFF000));
        Assert.False(frames.IsFree(0x0019_0000)); // partial reserved frame is used
        Assert.True(frames.IsFree(0x0019_1000));
        Assert.False(frames.IsFree(0x0060_0000));
        Assert.True(frames.IsFree(0x0060_1000));
        Assert.False(frames.IsFree(0x0700_0000));
        Assert.True(frames.IsFree(0x0700_1000));
        Assert.False(frames.IsFree(0x07F0_0000)); // unaligned usable start rounds inward
        Assert.True(frames.IsFree(0x07F0_1000));
        Assert.True(frames.IsFree(limit - Frame));
        Assert.True(frames.TryAllocate(out ulong first));
        Assert.Equal(0x0019_1000UL, first);
    }

    [Fact]
    public void FromMemoryMapAcceptsNullAndEmptyLists()
    {
        FrameBitmap none = FrameBitmap.FromMemoryMap(null!, null!, 8 * MiB);
        Assert.Equal(0UL, none.FreeFrames);

        FrameBitmap empty = FrameBitmap.FromMemoryMap(new List<MemoryRegion>(), new List<ReservedRange>(), 0);
        Assert.Equal(0UL, empty.TotalFrames);
        Assert.False(empty.TryAllocate(out _));
        Assert.False(empty.Free(0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void FromMemoryMapMatchesOracleOnRandomMaps(int seed)
    {
        var random = new Random(seed);
        ulong limit = (ulong)random.Next(1, 64) * MiB + (ulong)random.Next(0, 8192);
        var map = new List<MemoryRegion>();
        for (int i = random.Next(0, 20); i > 0; i--)
        {
            var kind = (MemoryRegionKind)random.Next(1, 6);
            if (random.Next(3) != 0)
                kind = MemoryRegionKind.Usable;
            map.Add(new MemoryRegion((ulong)random.Next(0, 80 << 20), (ulong)random.Next(0, 16 << 20), kind));
        }
        var reserved = new List<ReservedRange>();
        for (int i = random.Next(0, 6); i > 0; i--)
        {
            ulong start = (ulong)random.Next(0, 80 << 20);
            reserved.Add(new ReservedRange(start, start + (ulong)random.Next(0, 1 << 20), "r" + i));
        }

        FrameBitmap frames = FrameBitmap.FromMemoryMap(map, reserved, limit);

        AssertMatchesOracle(frames, map, reserved, limit);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void RandomOperationsMatchASortedSetModel(int seed)
    {
        var random = new Random(seed);
        const ulong limit = 2 * MiB + 3 * Frame; // 515 frames: last word is partial
        var frames = new FrameBitmap(limit);
        var free = new SortedSet<ulong>();

        for (int step = 0; step < 4000; step++)
        {
            int op = random.Next(6);
            ulong start = (ulong)random.Next(0, (int)limit + 20000);
            ulong length = (ulong)random.Next(0, 64 * 4096);
            switch (op)
            {
                case 0:
                    frames.MarkFree(start, length);
                    for (ulong f = (start + Frame - 1) / Frame; f < (start + length) / Frame && f < limit / Frame; f++)
                        free.Add(f);
                    break;
                case 1:
                    frames.MarkUsed(start, length);
                    if (length > 0)
                        for (ulong f = start / Frame; f < (start + length + Frame - 1) / Frame && f < limit / Frame; f++)
                            free.Remove(f);
                    break;
                case 2:
                case 3:
                {
                    bool ok = frames.TryAllocate(out ulong physical);
                    Assert.Equal(free.Count > 0, ok);
                    if (ok)
                    {
                        Assert.Equal(free.Min * Frame, physical);
                        free.Remove(free.Min);
                    }
                    break;
                }
                case 4:
                {
                    ulong physical = random.Next(4) == 0 ? start : start / Frame * Frame;
                    bool expected = physical % Frame == 0 && physical < limit / Frame * Frame && !free.Contains(physical / Frame);
                    Assert.Equal(expected, frames.Free(physical));
                    if (expected)
                        free.Add(physical / Frame);
                    break;
                }
                case 5:
                {
                    int count = random.Next(1, 40);
                    ulong expectedStart = LowestRun(free, count, limit / Frame);
                    bool ok = frames.TryAllocateContiguous(count, out ulong physical);
                    Assert.Equal(expectedStart != ulong.MaxValue, ok);
                    if (ok)
                    {
                        Assert.Equal(expectedStart * Frame, physical);
                        for (ulong f = expectedStart; f < expectedStart + (ulong)count; f++)
                            Assert.True(free.Remove(f));
                    }
                    break;
                }
            }
            Assert.Equal((ulong)free.Count, frames.FreeFrames);
            Assert.Equal(frames.TotalFrames - (ulong)free.Count, frames.UsedFrames);
        }
        for (ulong f = 0; f < limit / Frame + 70; f++)
            Assert.Equal(free.Contains(f), frames.IsFree(f * Frame));
    }

    private static ulong LowestRun(SortedSet<ulong> free, int count, ulong total)
    {
        ulong runStart = 0, runLength = 0;
        for (ulong f = 0; f < total; f++)
        {
            if (free.Contains(f))
            {
                if (runLength++ == 0)
                    runStart = f;
                if (runLength == (ulong)count)
                    return runStart;
            }
            else
            {
                runLength = 0;
            }
        }
        return ulong.MaxValue;
    }

    // Frame f is free exactly when a usable region covers all of it, no non-usable region or reserved
    // range touches it, it is above 1 MiB and below the limit.
    private static void AssertMatchesOracle(FrameBitmap frames, List<MemoryRegion> map, List<ReservedRange> reserved, ulong limit)
    {
        ulong total = limit / Frame;
        ulong expectedFree = 0;
        for (ulong f = 0; f < total; f++)
        {
            ulong lo = f * Frame, hi = lo + Frame;
            bool usable = map.Any(r => r.Kind == MemoryRegionKind.Usable && r.Start <= lo && r.Start + r.Length >= hi);
            bool blocked = lo < MiB
                || map.Any(r => r.Kind != MemoryRegionKind.Usable && r.Length > 0 && r.Start < hi && r.Start + r.Length > lo)
                || reserved.Any(r => r.End > r.Start && r.Start < hi && r.End > lo);
            bool expected = usable && !blocked;
            if (expected)
                expectedFree++;
            Assert.True(expected == frames.IsFree(lo), $"frame 0x{lo:X}: expected {(expected ? "free" : "used")}");
        }
        Assert.Equal(expectedFree, frames.FreeFrames);
        Assert.Equal(total - expectedFree, frames.UsedFrames);
    }
}
