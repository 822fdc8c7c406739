using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Memory
{
    // Memory for the kernel's managed heap and its page-sized tables, carved from the boot heap
    // reserved in Boot.asm (.bss, so zeroed by the loader). Never freed: these live as long as the kernel.
    internal static unsafe class KernelHeapPages
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_boot_heap_start")] private static extern byte* BootHeapStart();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_boot_heap_end")] private static extern byte* BootHeapEnd();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_kernel_end")] public static extern ulong KernelEnd();

        private static byte* s_next;
        private static byte* s_end;

        public static ulong UsedBytes => (ulong)(s_next - BootHeapStart());
        public static ulong TotalBytes => (ulong)(BootHeapEnd() - BootHeapStart());

        // Zeroed, 16-byte aligned (page aligned when size is a multiple of 4096); null when exhausted.
        public static void* AllocateZeroed(nuint size)
        {
            if (s_next == null)
            {
                s_next = BootHeapStart();
                s_end = BootHeapEnd();
            }
            nuint align = (size & 4095) == 0 ? (nuint)4096 : 16;
            byte* start = (byte*)(((nuint)s_next + align - 1) & ~(align - 1));
            if (start + size > s_end)
                return null;
            s_next = start + size;
            return start;
        }

        // The runtime's heap hook (RuntimeHost.s_moreMemory): the boot heap first, then frames from the
        // allocator (the kernel heap has no GC: what it hands out stays the kernel's).
        public static void* MoreManagedMemory(nuint size)
        {
            void* memory = AllocateZeroed(size);
            if (memory != null)
                return memory;
            int frames = (int)((size + 4095) / 4096);
            return PhysicalMemory.TryAllocateContiguous(frames, out ulong physical) ? PhysMap.ToVirtual(physical) : null;
        }
    }
}
