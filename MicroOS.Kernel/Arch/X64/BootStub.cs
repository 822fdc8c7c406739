using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // C# names for what Boot.asm leaves behind for the kernel.
    internal static unsafe class BootStub
    {
        // The timestamp counter read by _start's first instructions, still in 32-bit mode. Under QEMU
        // -icount shift=0 the TSC counts guest instructions from reset, so this is the cost of the
        // firmware and the boot loader (the `reset to kernel` figure of ./microos bench).
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_boot_entry_tsc")] public static extern ulong EntryTsc();

        // The boot heap in .bss: the kernel's memory until the frame allocator exists.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_boot_heap_start")] public static extern byte* BootHeapStart();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_boot_heap_end")] public static extern byte* BootHeapEnd();

        // The end of the kernel image (.bss included), a higher-half address.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_kernel_end")] public static extern ulong KernelEnd();
    }
}
