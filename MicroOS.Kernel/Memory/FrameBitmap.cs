using System.Collections.Generic;
using MicroOS.Kernel.Boot;

namespace MicroOS.Kernel.Memory
{
    // A physical address range the frame allocator must never hand out (kernel image, boot modules,
    // the multiboot information, ...). End is exclusive.
    public readonly struct ReservedRange
    {
        public ReservedRange(ulong start, ulong end, string name)
        {
            Start = start;
            End = end;
            Name = name;
        }

        public ulong Start { get; }
        public ulong End { get; }
        public string Name { get; }
    }

    // The physical 4 KiB frame allocator over [0, limit). The kernel builds it at boot from the
    // multiboot2 memory map (FromMemoryMap) and the page-table / address-space code allocates from it.
    // One bit per frame, 1 = used. Bits past the last frame stay 1 so a scan never returns them.
    // Pure logic: the host tests run it unchanged. Bad input gives false, never an exception.
    public sealed class FrameBitmap
    {
        public const ulong FrameSize = 4096;
        // Larger limits are clipped: the bitmap for 1 TiB is already 32 MiB.
        public const ulong MaxLimitBytes = 1UL << 40;
        public const ulong LowMemoryEnd = 1UL << 20;

        private const ulong FullWord = 0xFFFF_FFFF_FFFF_FFFF;

        private readonly ulong[] _bits;
        private readonly ulong _totalFrames;
        private ulong _freeFrames;
        // Every word below this index is known to be fully used; searches start here.
        private int _searchWord;

        public FrameBitmap(ulong limitBytes)
        {
            if (limitBytes > MaxLimitBytes)
                limitBytes = MaxLimitBytes;
            _totalFrames = limitBytes / FrameSize;
            _bits = new ulong[(int)((_totalFrames + 63) / 64)];
            for (int i = 0; i < _bits.Length; i++)
                _bits[i] = FullWord;
            _freeFrames = 0;
            _searchWord = _bits.Length;
        }

        public ulong TotalFrames => _totalFrames;
        public ulong FreeFrames => _freeFrames;
        public ulong UsedFrames => _totalFrames - _freeFrames;
        public ulong LimitBytes => _totalFrames * FrameSize;

        // Frees the whole frames inside [start, start + length); partial frames at either end stay as they are.
        public void MarkFree(ulong start, ulong length)
        {
            ulong end = SaturatingAdd(start, length);
            ulong firstFrame = start / FrameSize + (start % FrameSize != 0 ? 1UL : 0UL);
            ulong endFrame = end / FrameSize;
            SetRange(firstFrame, endFrame, false);
        }

        // Marks used every frame that [start, start + length) touches.
        public void MarkUsed(ulong start, ulong length)
        {
            if (length == 0)
                return;
            ulong end = SaturatingAdd(start, length);
            ulong firstFrame = start / FrameSize;
            ulong endFrame = end / FrameSize + (end % FrameSize != 0 ? 1UL : 0UL);
            SetRange(firstFrame, endFrame, true);
        }

        // The lowest free frame, marked used.
        public bool TryAllocate(out ulong physical)
        {
            for (int w = _searchWord; w < _bits.Length; w++)
            {
                ulong word = _bits[w];
                if (word == FullWord)
                    continue;
                int bit = LowestSetBit(~word);
                _bits[w] = word | (1UL << bit);
                _freeFrames--;
                _searchWord = w;
                physical = ((ulong)w * 64 + (ulong)bit) * FrameSize;
                return true;
            }
            _searchWord = _bits.Length;
            physical = 0;
            return false;
        }

        // The lowest run of `count` consecutive free frames, marked used; physical is its first frame.
        public bool TryAllocateContiguous(int count, out ulong physical)
        {
            physical = 0;
            if (count <= 0 || (ulong)count > _freeFrames)
                return false;
            ulong wanted = (ulong)count;
            ulong runStart = 0;
            ulong runLength = 0;
            ulong frame = (ulong)_searchWord * 64;
            while (frame < _totalFrames)
            {
                if ((frame & 63) == 0)
                {
                    ulong word = _bits[(int)(frame >> 6)];
                    if (word == FullWord)
                    {
                        runLength = 0;
                        frame += 64;
                        continue;
                    }
                    if (word == 0)
                    {
                        if (runLength == 0)
                            runStart = frame;
                        runLength += 64;
                        if (runLength >= wanted)
                            break;
                        frame += 64;
                        continue;
                    }
                }
                if ((_bits[(int)(frame >> 6)] & (1UL << (int)(frame & 63))) == 0)
                {
                    if (runLength == 0)
                        runStart = frame;
                    runLength++;
                    if (runLength >= wanted)
                        break;
                }
                else
                {
                    runLength = 0;
                }
                frame++;
            }
            if (runLength < wanted)
                return false;
            SetRange(runStart, runStart + wanted, true);
            physical = runStart * FrameSize;
            return true;
        }

        // False when physical is not frame-aligned, beyond the limit, or already free (double free).
        public bool Free(ulong physical)
        {
            if (physical % FrameSize != 0)
                return false;
            ulong frame = physical / FrameSize;
            if (frame >= _totalFrames)
                return false;
            int w = (int)(frame >> 6);
            ulong mask = 1UL << (int)(frame & 63);
            if ((_bits[w] & mask) == 0)
                return false;
            _bits[w] &= ~mask;
            _freeFrames++;
            if (w < _searchWord)
                _searchWord = w;
            return true;
        }

        // Whether the frame containing physical is free; false beyond the limit.
        public bool IsFree(ulong physical)
        {
            ulong frame = physical / FrameSize;
            if (frame >= _totalFrames)
                return false;
            return (_bits[(int)(frame >> 6)] & (1UL << (int)(frame & 63))) == 0;
        }

        // The boot-time allocator: usable memory below limitBytes is free, except the first MiB,
        // anything the firmware reports as non-usable (even when a usable region overlaps it), and
        // the reserved ranges. Null lists count as empty.
        public static FrameBitmap FromMemoryMap(List<MemoryRegion> map, List<ReservedRange> reserved, ulong limitBytes)
        {
            var bitmap = new FrameBitmap(limitBytes);
            if (map != null)
            {
                for (int i = 0; i < map.Count; i++)
                {
                    MemoryRegion region = map[i];
                    if (region.Kind == MemoryRegionKind.Usable)
                        bitmap.MarkFree(region.Start, region.Length);
                }
                for (int i = 0; i < map.Count; i++)
                {
                    MemoryRegion region = map[i];
                    if (region.Kind != MemoryRegionKind.Usable)
                        bitmap.MarkUsed(region.Start, region.Length);
                }
            }
            bitmap.MarkUsed(0, LowMemoryEnd);
            if (reserved != null)
            {
                for (int i = 0; i < reserved.Count; i++)
                {
                    ReservedRange range = reserved[i];
                    if (range.End > range.Start)
                        bitmap.MarkUsed(range.Start, range.End - range.Start);
                }
            }
            return bitmap;
        }

        // Sets frames [first, end) (clipped to the limit) used or free, keeping the counts exact.
        private void SetRange(ulong first, ulong end, bool used)
        {
            if (end > _totalFrames)
                end = _totalFrames;
            while (first < end)
            {
                int w = (int)(first >> 6);
                int bit = (int)(first & 63);
                ulong remaining = end - first;
                int n = remaining < (ulong)(64 - bit) ? (int)remaining : 64 - bit;
                ulong mask = n == 64 ? FullWord : ((1UL << n) - 1) << bit;
                ulong old = _bits[w];
                if (used)
                {
                    _freeFrames -= (ulong)PopCount(mask & ~old);
                    _bits[w] = old | mask;
                }
                else
                {
                    _freeFrames += (ulong)PopCount(mask & old);
                    _bits[w] = old & ~mask;
                    if (w < _searchWord)
                        _searchWord = w;
                }
                first += (ulong)n;
            }
        }

        private static ulong SaturatingAdd(ulong a, ulong b) => a + b < a ? 0xFFFF_FFFF_FFFF_FFFF : a + b;

        private static int PopCount(ulong x)
        {
            x -= (x >> 1) & 0x5555_5555_5555_5555;
            x = (x & 0x3333_3333_3333_3333) + ((x >> 2) & 0x3333_3333_3333_3333);
            x = (x + (x >> 4)) & 0x0F0F_0F0F_0F0F_0F0F;
            return (int)((x * 0x0101_0101_0101_0101) >> 56);
        }

        // x must be non-zero.
        private static int LowestSetBit(ulong x)
        {
            int n = 0;
            if ((x & 0xFFFF_FFFF) == 0) { n += 32; x >>= 32; }
            if ((x & 0xFFFF) == 0) { n += 16; x >>= 16; }
            if ((x & 0xFF) == 0) { n += 8; x >>= 8; }
            if ((x & 0xF) == 0) { n += 4; x >>= 4; }
            if ((x & 0x3) == 0) { n += 2; x >>= 2; }
            if ((x & 0x1) == 0) { n += 1; }
            return n;
        }
    }
}
