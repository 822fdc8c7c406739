using System.Collections.Generic;

namespace MicroOS.Kernel.Boot
{
    // What a server image needs before it can run its first instruction and its runtime's first
    // steps: the pages of its segments, its stack and arguments page, the first chunk of managed heap
    // the runtime maps at start, and every page table those mappings create (the PML4 included).
    // ProcessManager.Start compares it with the limit *before* taking anything, so an image that
    // cannot fit is refused with one line naming both figures, instead of dying in a raw page fault
    // or an OutOfMemoryException that names nothing. Pure logic: host-tested (ImageFitTests) as written.
    //
    // What must stay true: the count is never below what the loader takes (LoadSegments, MapStack,
    // MapArguments and the page tables under them), so a refused image would really not have fitted
    // and an accepted one gets at least to its runtime's first heap chunk.
    internal static class ImageFit
    {
        private const ulong Page = 4096;
        // Address bits each table level covers: a page table 2 MiB, a directory 1 GiB, a PDPT 512 GiB.
        private static readonly int[] s_levelShifts = { 21, 30, 39 };
        // Scratch, allocated once: the kernel heap is never collected and a restart loop calls this
        // forever. (Nothing here lets interrupts in, so one set serves every caller.)
        private const int MaxRanges = ElfImage.MaxLoadSegments + 3;
        private static readonly ulong[] s_starts = new ulong[MaxRanges], s_ends = new ulong[MaxRanges];
        private static readonly ulong[] s_first = new ulong[MaxRanges], s_last = new ulong[MaxRanges];

        public struct Need
        {
            public ulong ImagePages, StackPages, HeapPages, TablePages;
            public ulong Total => ImagePages + StackPages + HeapPages + TablePages;
        }

        public static Need Of(List<ElfSegment> segments, ulong stackTop, ulong stackPages, ulong argumentsPage,
            ulong heapBase, ulong firstHeapBytes)
        {
            var need = new Need();
            // Ranges mapped at start, page aligned: every segment, the stack, the arguments page, the first heap.
            ulong[] starts = s_starts, ends = s_ends;
            int n = 0;
            foreach (ElfSegment s in segments)
            {
                starts[n] = s.VirtualAddress & ~(Page - 1);
                ends[n] = (s.VirtualAddress + s.MemorySize + Page - 1) & ~(Page - 1);
                n++;
            }
            need.ImagePages = DistinctBlocks(starts, ends, segments.Count, 12);
            need.StackPages = stackPages + 1;       // the arguments page with the stack
            starts[n] = stackTop - stackPages * Page;
            ends[n++] = stackTop;
            starts[n] = argumentsPage;
            ends[n++] = argumentsPage + Page;
            need.HeapPages = (firstHeapBytes + Page - 1) / Page;
            starts[n] = heapBase;
            ends[n++] = heapBase + need.HeapPages * Page;
            need.TablePages = 1;                    // the PML4
            foreach (int shift in s_levelShifts)
                need.TablePages += DistinctBlocks(starts, ends, n, shift);
            return need;
        }

        // How many distinct blocks of 1 << shift bytes the first `n` ranges [start, end) touch together.
        private static ulong DistinctBlocks(ulong[] starts, ulong[] ends, int n, int shift)
        {
            // Intervals of block numbers, sorted by start (insertion sort: a handful of ranges), then merged.
            ulong[] first = s_first, last = s_last;
            int m = 0;
            for (int i = 0; i < n; i++)
            {
                if (ends[i] <= starts[i])
                    continue;
                ulong f = starts[i] >> shift, l = (ends[i] - 1) >> shift;
                int j = m++;
                while (j > 0 && first[j - 1] > f)
                {
                    first[j] = first[j - 1];
                    last[j] = last[j - 1];
                    j--;
                }
                first[j] = f;
                last[j] = l;
            }
            ulong total = 0;
            ulong curFirst = 0, curLast = 0;
            bool open = false;
            for (int i = 0; i < m; i++)
            {
                if (open && first[i] <= curLast)
                {
                    if (last[i] > curLast)
                        curLast = last[i];
                    continue;
                }
                if (open)
                    total += curLast - curFirst + 1;
                curFirst = first[i];
                curLast = last[i];
                open = true;
            }
            if (open)
                total += curLast - curFirst + 1;
            return total;
        }
    }
}
