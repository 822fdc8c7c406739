using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // C# names for DescriptorTables.asm; Gdt.cs and Idt.cs are the callers.
    internal static unsafe class DescriptorTables
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_load_gdt")] public static extern void LoadGdt(void* descriptor);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_load_tss")] public static extern void LoadTss(ushort selector);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_load_idt")] public static extern void LoadIdt(void* descriptor);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_isr_table_address")] public static extern ulong* IsrTable();
    }
}
