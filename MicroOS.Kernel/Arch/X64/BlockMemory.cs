using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // Kernel-to-kernel bulk memory (BlockMemory.asm): frame zeroing and image copies. Called by
    // PhysicalMemory (every frame comes back zeroed) and ProcessManager.LoadSegments.
    internal static unsafe class BlockMemory
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_zero_qwords")] public static extern void ZeroQwords(void* destination, ulong count);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_copy_bytes")] public static extern void Copy(void* destination, void* source, ulong length);
    }
}
