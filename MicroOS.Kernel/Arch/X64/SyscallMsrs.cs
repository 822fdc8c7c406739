using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MicroOS.Kernel.Arch.X64
{
    // Programs every instruction-entry into ring 0 (SyscallEntry.asm; docs/entry-paths.md):
    //   STAR   selectors: SYSCALL loads CS = 0x08, SS = 0x10; 64-bit SYSRET loads CS = 0x18 + 16 = 0x28
    //          and SS = 0x18 + 8 = 0x20 (RPL 3). SYSRET sets fixed descriptor values and never reads
    //          the GDT, so GDT slot 0x18 itself stays empty (Gdt.cs): ring 3 has no 32-bit code segment.
    //   LSTAR  64-bit SYSCALL entry.   CSTAR  compatibility-mode SYSCALL entry: kills the caller.
    //   FMASK  clears IF, TF, DF, AC and NT on entry: no interrupt, single-step, backwards string
    //          copy, SMAP override or nested-task iret can reach the entry stub from the caller's flags.
    //   SYSENTER_CS = 0 makes SYSENTER raise #GP in ring 3 (SDM: "IF IA32_SYSENTER_CS[15:2] = 0
    //          THEN #GP(0)"), so it never enters ring 0; ESP/EIP are zeroed too, never left to firmware.
    internal static unsafe class SyscallMsrs
    {
        private const uint SysenterCs = 0x174, SysenterEsp = 0x175, SysenterEip = 0x176;
        private const uint Star = 0xC0000081;
        private const uint Lstar = 0xC0000082;
        private const uint Cstar = 0xC0000083;
        private const uint Fmask = 0xC0000084;
        private const ulong MaskIf = 0x200, MaskTf = 0x100, MaskDf = 0x400, MaskAc = 0x40000, MaskNt = 0x4000;
        public const uint FsBase = 0xC0000100;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_syscall_entry_address")] private static extern ulong EntryStubAddress();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_syscall_compat_entry_address")] private static extern ulong CompatEntryStubAddress();
        // The kernel stack SYSCALL switches to: the current thread's (set on every switch). The
        // entry stub reads it from mos_syscall_kernel_rsp; the scheduler writes it there directly
        // (a store, not a call: it is on every IPC round trip's path twice).
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_syscall_stack_slot")] private static extern ulong* StackSlotAddress();
        private static ulong* s_stackSlot;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SetSyscallStack(ulong top) => *s_stackSlot = top;

        public static void Initialize()
        {
            s_stackSlot = StackSlotAddress();
            Cpu.WriteMsr(Star, ((ulong)Gdt.SysretBase << 48) | ((ulong)Gdt.KernelCode << 32));
            Cpu.WriteMsr(Lstar, EntryStubAddress());
            Cpu.WriteMsr(Cstar, CompatEntryStubAddress());
            Cpu.WriteMsr(Fmask, MaskIf | MaskTf | MaskDf | MaskAc | MaskNt);
            Cpu.WriteMsr(SysenterCs, 0);
            Cpu.WriteMsr(SysenterEsp, 0);
            Cpu.WriteMsr(SysenterEip, 0);
        }

        [UnmanagedCallersOnly(EntryPoint = "SyscallFromCompatibilityMode")]
        private static void FromCompatibilityMode() => Tasks.ProcessManager.KillCurrent("syscall from compatibility mode");
    }
}
