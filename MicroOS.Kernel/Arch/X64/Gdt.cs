using System.Runtime.InteropServices;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Arch.X64
{
    // The long-mode GDT (replacing the boot stub's) and the TSS. The selector layout is fixed by
    // SYSCALL/SYSRET: STAR[47:32] = kernel code (data = +8), STAR[63:48] = SysretBase = 0x18, so
    // 64-bit SYSRET loads user data = 0x18 + 8 and user code = 0x18 + 16. SYSRET writes fixed
    // descriptor values and never reads slot 0x18, which stays zero: ring 3 has no 32-bit code
    // segment, so compatibility mode (and its SYSCALL/CSTAR and int 0x80 conventions) is unreachable.
    // Every descriptor a selector can name from ring 3: null, kernel code/data (DPL 0), user data and
    // 64-bit code (DPL 3), the TSS (a system descriptor). No LDT is ever loaded.
    internal static unsafe class Gdt
    {
        public const ushort KernelCode = 0x08;
        public const ushort KernelData = 0x10;
        public const ushort SysretBase = 0x18;
        public const ushort UserData = 0x20;
        public const ushort UserCode = 0x28;
        public const ushort TssSelector = 0x30;
        public const int DoubleFaultIst = 1;
        public const int NmiIst = 2;
        public const int MachineCheckIst = 3;
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

        private static ulong* s_gdt;
        private static TaskStateSegment* s_tss;

        public static void Initialize()
        {
            s_gdt = (ulong*)KernelHeapPages.AllocateZeroed(4096);
            s_tss = (TaskStateSegment*)KernelHeapPages.AllocateZeroed(4096);
            s_gdt[0] = 0;
            s_gdt[1] = 0x00AF9A000000FFFF;      // kernel code: P, DPL 0, code, L
            s_gdt[2] = 0x00CF92000000FFFF;      // kernel data: P, DPL 0, data, writable
            s_gdt[3] = 0;                       // SysretBase: empty (see above)
            s_gdt[4] = 0x00CFF2000000FFFF;      // user data: DPL 3
            s_gdt[5] = 0x00AFFA000000FFFF;      // user code: DPL 3, L
            ulong tss = (ulong)s_tss;
            ulong limit = (ulong)sizeof(TaskStateSegment) - 1;
            s_gdt[6] = (limit & 0xFFFF) | ((tss & 0xFFFFFF) << 16) | (0x89UL << 40) | (((limit >> 16) & 0xF) << 48) | (((tss >> 24) & 0xFF) << 56);
            s_gdt[7] = tss >> 32;

            s_tss->IoMapBase = (ushort)sizeof(TaskStateSegment);   // no I/O bitmap: every port faults in ring 3
            s_tss->Ist1 = (ulong)KernelHeapPages.AllocateZeroed(IstStackSize) + IstStackSize;
            s_tss->Ist2 = (ulong)KernelHeapPages.AllocateZeroed(IstStackSize) + IstStackSize;
            s_tss->Ist3 = (ulong)KernelHeapPages.AllocateZeroed(IstStackSize) + IstStackSize;

            DescriptorTablePointer d;
            d.Limit = 8 * 8 - 1;
            d.Base = (ulong)s_gdt;
            DescriptorTables.LoadGdt(&d);
            DescriptorTables.LoadTss(TssSelector);
        }

        // The stack the CPU switches to when an interrupt arrives in ring 3.
        public static void SetKernelStack(ulong top) => s_tss->Rsp0 = top;
    }
}
