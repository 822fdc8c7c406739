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
        // One slot for every stack the machine's memory could hold (a stack is StackPages frames, and
        // each is charged to a process's limit: ThreadObject, ProcessManager.ProcessChargeBytes), so
        // the slots cannot run out before the memory does: no fixed count one process could take.
        // Sized at the first allocation, when the frame allocator knows the machine (at most 5 GiB
        // of the region's 512 GiB of address space on a 4 GiB physmap).
        private static bool[] s_inUse;
        private static int s_firstFree;

        public static int MaxStacks => s_inUse == null ? 0 : s_inUse.Length;

        // Returns the stack's top (exclusive), or 0 when no slot or memory is left.
        public static ulong Allocate()
        {
            if (s_inUse == null)
                s_inUse = new bool[(int)(PhysicalMemory.ManagedFrames / StackPages) + 2];
            for (int slot = s_firstFree; slot < s_inUse.Length; slot++)
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
                s_firstFree = slot + 1;
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
            if (slot < s_firstFree)
                s_firstFree = slot;
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
