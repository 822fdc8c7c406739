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

        // The I/O permission bitmap follows the TSS: one bit per port (0 = ring 3 may use it), 8 KiB
        // for all 65,536 ports, then the 0xFF byte the CPU requires (it reads two bytes per check, so
        // the last port's check reads one byte past the bitmap). The TSS limit covers all of it.
        // IoMapBase says whether the bitmap is in force: NoIoBitmap (past the limit) makes every
        // `in`/`out` from ring 3 fault; IoBitmapOffset makes the bits count. The CPU reads IoMapBase
        // on every I/O check (only base and limit are cached in TR), so one 16-bit store switches it.
        public const int IoBitmapBytes = 65536 / 8;
        private const int IoBitmapOffset = 104;     // sizeof(TaskStateSegment), checked in Initialize
        private const ushort NoIoBitmap = 0xFFFF;

        private static ulong* s_gdt;
        private static TaskStateSegment* s_tss;
        public static byte* IoBitmap { get; private set; }

        public static void Initialize()
        {
            s_gdt = (ulong*)KernelHeapPages.AllocateZeroed(4096);
            if (sizeof(TaskStateSegment) != IoBitmapOffset)
                Diagnostics.Panic.Halt("TSS layout", MicroOS.Shared.Abi.QemuExitCode.Panic);
            int tssBytes = IoBitmapOffset + IoBitmapBytes + 1;
            s_tss = (TaskStateSegment*)KernelHeapPages.AllocateZeroed((nuint)((tssBytes + 4095) & ~4095));
            IoBitmap = (byte*)s_tss + IoBitmapOffset;
            for (int i = 0; i <= IoBitmapBytes; i++)
                IoBitmap[i] = 0xFF;             // every port denied, and the trailing byte
            s_gdt[0] = 0;
            s_gdt[1] = 0x00AF9A000000FFFF;      // kernel code: P, DPL 0, code, L
            s_gdt[2] = 0x00CF92000000FFFF;      // kernel data: P, DPL 0, data, writable
            s_gdt[3] = 0;                       // SysretBase: empty (see above)
            s_gdt[4] = 0x00CFF2000000FFFF;      // user data: DPL 3
            s_gdt[5] = 0x00AFFA000000FFFF;      // user code: DPL 3, L
            ulong tss = (ulong)s_tss;
            ulong limit = (ulong)tssBytes - 1;
            s_gdt[6] = (limit & 0xFFFF) | ((tss & 0xFFFFFF) << 16) | (0x89UL << 40) | (((limit >> 16) & 0xF) << 48) | (((tss >> 24) & 0xFF) << 56);
            s_gdt[7] = tss >> 32;

            s_tss->IoMapBase = NoIoBitmap;      // no I/O bitmap in force: every port faults in ring 3
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

        // Puts the bitmap in force (a process with io_port_enable'd ranges runs) or out of it.
        public static void SetIoBitmapActive(bool active) => s_tss->IoMapBase = active ? (ushort)IoBitmapOffset : NoIoBitmap;
    }
}
