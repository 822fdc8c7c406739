using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Memory
{
    // Memory for the kernel's managed heap and its page-sized tables (GDT, TSS, IST stacks, IDT).
    // First from the boot heap Boot.asm reserves in .bss, which is all there is until the frame
    // allocator exists (PhysicalMemory.Initialize); then from zeroed, physically contiguous frames.
    // The boot heap is kept small on purpose: the boot loader zeroes every byte of .bss before the
    // kernel runs (4 MiB cost GRUB ≈ 8 M guest instructions), and -m 16M must still boot.
    // Never freed: what is handed out here lives as long as the kernel (no GC in ring 0).
    internal static unsafe class KernelHeapPages
    {
        private static byte* s_next;
        private static byte* s_end;

        public static ulong BootHeapUsedBytes => s_next == null ? 0 : (ulong)(s_next - BootStub.BootHeapStart());
        public static ulong BootHeapBytes => (ulong)(BootStub.BootHeapEnd() - BootStub.BootHeapStart());
        // Frames the kernel heap has taken from the allocator, for good (leak reports tell them apart
        // from frames a process failed to give back).
        public static ulong FramesTaken;

        // Zeroed, 16-byte aligned (page aligned when size is a multiple of 4096, and always when it
        // comes from frames); null when memory is exhausted.
        public static void* AllocateZeroed(nuint size)
        {
            void* memory = FromBootHeap(size);
            if (memory != null)
                return memory;
            int frames = (int)((size + 4095) / 4096);
            if (!PhysicalMemory.TryAllocateContiguous(frames, out ulong physical))
                return null;
            FramesTaken += (ulong)frames;
            return PhysMap.ToVirtual(physical);
        }

        // The runtime's heap hook (RuntimeHost.s_moreMemory).
        public static void* MoreManagedMemory(nuint size) => AllocateZeroed(size);

        private static void* FromBootHeap(nuint size)
        {
            if (s_next == null)
            {
                s_next = BootStub.BootHeapStart();
                s_end = BootStub.BootHeapEnd();
            }
            nuint align = (size & 4095) == 0 ? (nuint)4096 : 16;
            byte* start = (byte*)(((nuint)s_next + align - 1) & ~(align - 1));
            if (start + size > s_end)
                return null;
            s_next = start + size;
            return start;
        }
    }
}
