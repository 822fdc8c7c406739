using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // map_memory: grows the caller's heap with fresh zeroed read/write/no-execute pages, inside its
    // own memory limit. Going past the limit is OutOfMemory for the caller only.
    internal static unsafe class MemorySyscalls
    {
        private const ulong MaxMapBytes = 64UL * 1024 * 1024;
        private const ulong WindowPages = 16;

        public static long MapMemory(SyscallFrame* f)
        {
            ulong length = f->Arg0;
            if (length == 0 || length > MaxMapBytes)
                return (long)SyscallError.InvalidArgument;
            ulong pages = (length + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
            Process p = Scheduler.Current.Process;
            ulong start = p.HeapNext;
            if (start + pages * PhysicalMemory.FrameSize > Process.HeapLimit)
                return (long)SyscallError.OutOfMemory;
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
            p.HeapNext = start + pages * PhysicalMemory.FrameSize;
            return (long)start;
        }
    }
}
