namespace MicroOS.Kernel.Memory
{
    // Kernel stacks live in their own region (PML4 entry 510, shared by every address space), one slot
    // per thread: an unmapped guard page, then the stack. Overrunning a stack faults on the guard
    // page instead of corrupting the neighbour. The top 512 bytes of each stack hold the thread's
    // saved FPU/SSE state.
    internal static class KernelStacks
    {
        public const ulong RegionBase = 0xFFFF_FF00_0000_0000;
        public const int StackPages = 4;
        private const ulong SlotSize = (StackPages + 1) * PhysicalMemory.FrameSize;
        public const int MaxStacks = 1024;
        private static readonly bool[] s_inUse = new bool[MaxStacks];

        // Returns the stack's top (exclusive), or 0 when no slot or memory is left.
        public static ulong Allocate()
        {
            for (int slot = 0; slot < MaxStacks; slot++)
            {
                if (s_inUse[slot])
                    continue;
                ulong bottom = RegionBase + (ulong)slot * SlotSize + PhysicalMemory.FrameSize;  // above the guard page
                for (int page = 0; page < StackPages; page++)
                {
                    if (!AddressSpace.Kernel.MapNew(bottom + (ulong)page * PhysicalMemory.FrameSize, PageFlags.Writable | PageFlags.NoExecute, out _))
                    {
                        UnmapPages(bottom, page);
                        return 0;
                    }
                }
                s_inUse[slot] = true;
                return bottom + StackPages * PhysicalMemory.FrameSize;
            }
            return 0;
        }

        public static void Free(ulong top)
        {
            ulong bottom = top - StackPages * PhysicalMemory.FrameSize;
            int slot = (int)((bottom - PhysicalMemory.FrameSize - RegionBase) / SlotSize);
            UnmapPages(bottom, StackPages);
            s_inUse[slot] = false;
        }

        private static void UnmapPages(ulong bottom, int count)
        {
            for (int page = 0; page < count; page++)
            {
                ulong frame = AddressSpace.Kernel.Unmap(bottom + (ulong)page * PhysicalMemory.FrameSize);
                if (frame != 0)
                    PhysicalMemory.Free(frame);
            }
        }
    }
}
