using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // The caller's heap window [Process.HeapBase, Process.HeapLimit): only these calls map or unmap
    // pages in it, so every page below HeapNext was mapped by map_memory and is the caller's own.
    //   map_memory(length, 0)        fresh zeroed read/write/no-execute pages at HeapNext (which grows)
    //   map_memory(length, address)  the same, refilling a hole below HeapNext the caller unmapped:
    //                                every page of the range must be unmapped (HeapNext stays)
    //   unmap_memory(address, length) gives mapped heap pages back: frames to the allocator and to the
    //                                caller's memory-limit count (the runtime's collector shrinks so);
    //                                a registered IPC buffer page is refused (InvalidArgument)
    //   memory_usage()               the frames counted against the caller's limit, page tables included
    // Going past the limit is OutOfMemory for the caller only. Nothing here allocates kernel memory
    // (page tables for map_memory come from the caller's own limit).
    internal static unsafe class MemorySyscalls
    {
        private const ulong MaxMapBytes = 64UL * 1024 * 1024;
        private const ulong WindowPages = 16;
        private const ulong PageMask = PhysicalMemory.FrameSize - 1;

        public static long MapMemory(SyscallFrame* f)
        {
            ulong length = f->Arg0;
            ulong address = f->Arg1;
            if (length == 0 || length > MaxMapBytes)
                return (long)SyscallError.InvalidArgument;
            ulong pages = (length + PageMask) / PhysicalMemory.FrameSize;
            ulong bytes = pages * PhysicalMemory.FrameSize;
            Process p = Scheduler.Current.Process;
            ulong start;
            if (address == 0)
            {
                start = p.HeapNext;
                if (start + bytes > Process.HeapLimit)
                    return (long)SyscallError.OutOfMemory;
            }
            else
            {
                SyscallError? refused = CheckHeapRange(p, address, bytes, mustBeMapped: false);
                if (refused != null)
                    return (long)refused.Value;
                start = address;
            }
            for (ulong i = 0; i < pages; i++)
            {
                if ((i & (WindowPages - 1)) == WindowPages - 1)
                    Preemption.Window();      // zeroing 64 MiB takes long: let interrupts in
                if (!p.Space.MapNew(start + i * PhysicalMemory.FrameSize, PageFlags.User | PageFlags.Writable | PageFlags.NoExecute, out _))
                {
                    for (ulong j = 0; j < i; j++)
                        p.Space.UnmapAndFree(start + j * PhysicalMemory.FrameSize);
                    return (long)SyscallError.OutOfMemory;
                }
            }
            if (address == 0)
                p.HeapNext = start + bytes;
            return (long)start;
        }

        public static long UnmapMemory(SyscallFrame* f)
        {
            ulong address = f->Arg0;
            ulong length = f->Arg1;
            if (length == 0 || length > MaxMapBytes || (length & PageMask) != 0)
                return (long)SyscallError.InvalidArgument;
            Process p = Scheduler.Current.Process;
            // Decode: the whole range must be the caller's mapped heap pages, or nothing is unmapped.
            SyscallError? refused = CheckHeapRange(p, address, length, mustBeMapped: true);
            if (refused != null)
                return (long)refused.Value;
            ulong pages = length / PhysicalMemory.FrameSize;
            for (ulong i = 0; i < pages; i++)
            {
                if ((i & (WindowPages - 1)) == WindowPages - 1)
                    Preemption.Window();
                p.Space.UnmapAndFree(address + i * PhysicalMemory.FrameSize);
            }
            return 0;
        }

        public static long MemoryUsage(SyscallFrame* f) => (long)Scheduler.Current.Process.Space.OwnedFrames;

        // A page-aligned range wholly inside [HeapBase, HeapNext) (InvalidArgument for a misaligned
        // address, BadAddress outside), whose every page is mapped (mustBeMapped) or every page is
        // not (InvalidArgument otherwise). Overflow-safe: `length` is compared with a difference.
        private static SyscallError? CheckHeapRange(Process p, ulong address, ulong length, bool mustBeMapped)
        {
            if ((address & PageMask) != 0)
                return SyscallError.InvalidArgument;
            if (!VirtualAddress.IsUserRange(address, length) || address < Process.HeapBase
                || address > p.HeapNext || length > p.HeapNext - address)
                return SyscallError.BadAddress;
            for (ulong va = address; va - address < length; va += PhysicalMemory.FrameSize)
            {
                if (p.Space.TryTranslate(va, out PageTableEntry leaf) != mustBeMapped)
                    return mustBeMapped ? SyscallError.BadAddress : SyscallError.InvalidArgument;
                // A thread's registered IPC buffer (pinned: partners write into its frame) stays
                // until ipc_set_buffer(0) lets it go.
                if (mustBeMapped && (leaf.Flags & PageFlags.Pinned) != 0)
                    return SyscallError.InvalidArgument;
            }
            return null;
        }
    }
}
