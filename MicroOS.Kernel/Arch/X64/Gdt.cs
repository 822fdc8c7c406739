using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Arch.X64
{
    // The long-mode GDT (replacing the boot stub's) and the TSS. The selector layout is fixed by
    // SYSCALL/SYSRET: STAR[47:32] = kernel code (data = +8), STAR[63:48] = 0x18, so SYSRET loads
    // user data = 0x18 + 8 and user code = 0x18 + 16.
    internal static unsafe class Gdt
    {
        public const ushort KernelCode = 0x08;
        public const ushort KernelData = 0x10;
        public const ushort UserCode32 = 0x18;
        public const ushort UserData = 0x20;
        public const ushort UserCode = 0x28;
        public const ushort TssSelector = 0x30;
        public const int DoubleFaultIst = 1;
        public const int NmiIst = 2;
        private const int IstStackSize = 16 * 1024;

        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct TaskStateSegment
        {
            public uint Reserved0;
            public ulong Rsp0, Rsp1, Rsp2;
            public ulong Reserved1;
            public ulong Ist1, Ist2, Ist3, Ist4, Ist5, Ist6, Ist7;
            public ulong Reserved2;
            public ushort Reserved3;
            public ushort IoMapBase;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_load_gdt")] private static extern void LoadGdt(void* descriptor);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_load_tss")] private static extern void LoadTss(ushort selector);

        private static ulong* s_gdt;
        private static TaskStateSegment* s_tss;

        public static void Initialize()
        {
            s_gdt = (ulong*)KernelHeapPages.AllocateZeroed(4096);
            s_tss = (TaskStateSegment*)KernelHeapPages.AllocateZeroed(4096);
            s_gdt[0] = 0;
            s_gdt[1] = 0x00AF9A000000FFFF;      // kernel code: P, DPL 0, code, L
            s_gdt[2] = 0x00CF92000000FFFF;      // kernel data: P, DPL 0, data, writable
            s_gdt[3] = 0x00CFFA000000FFFF;      // user code (32-bit, unused; keeps the SYSRET layout)
            s_gdt[4] = 0x00CFF2000000FFFF;      // user data: DPL 3
            s_gdt[5] = 0x00AFFA000000FFFF;      // user code: DPL 3, L
            ulong tss = (ulong)s_tss;
            ulong limit = (ulong)sizeof(TaskStateSegment) - 1;
            s_gdt[6] = (limit & 0xFFFF) | ((tss & 0xFFFFFF) << 16) | (0x89UL << 40) | (((limit >> 16) & 0xF) << 48) | (((tss >> 24) & 0xFF) << 56);
            s_gdt[7] = tss >> 32;

            s_tss->IoMapBase = (ushort)sizeof(TaskStateSegment);   // no I/O bitmap: every port faults in ring 3
            s_tss->Ist1 = (ulong)KernelHeapPages.AllocateZeroed(IstStackSize) + IstStackSize;
            s_tss->Ist2 = (ulong)KernelHeapPages.AllocateZeroed(IstStackSize) + IstStackSize;

            DescriptorTablePointer d;
            d.Limit = 8 * 8 - 1;
            d.Base = (ulong)s_gdt;
            LoadGdt(&d);
            LoadTss(TssSelector);
        }

        // The stack the CPU switches to when an interrupt arrives in ring 3.
        public static void SetKernelStack(ulong top) => s_tss->Rsp0 = top;
    }
}
