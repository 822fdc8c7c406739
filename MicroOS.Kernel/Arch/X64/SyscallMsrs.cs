using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // Programs SYSCALL/SYSRET: where SYSCALL enters (LSTAR), which selectors it loads (STAR) and
    // which RFLAGS bits it clears (FMASK: interrupts stay off in the entry stub and the handlers).
    internal static unsafe class SyscallMsrs
    {
        private const uint Star = 0xC0000081;
        private const uint Lstar = 0xC0000082;
        private const uint Fmask = 0xC0000084;
        private const ulong MaskIf = 0x200, MaskTf = 0x100, MaskDf = 0x400, MaskAc = 0x40000, MaskNt = 0x4000;
        public const uint FsBase = 0xC0000100;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_syscall_entry_address")] private static extern ulong EntryStubAddress();

        public static void Initialize()
        {
            Cpu.WriteMsr(Star, ((ulong)Gdt.UserCode32 << 48) | ((ulong)Gdt.KernelCode << 32));
            Cpu.WriteMsr(Lstar, EntryStubAddress());
            Cpu.WriteMsr(Fmask, MaskIf | MaskTf | MaskDf | MaskAc | MaskNt);
        }
    }
}
