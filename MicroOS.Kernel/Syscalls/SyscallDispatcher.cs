using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // Called by mos_syscall_entry (Arch/X64/Tasks.asm) on the caller's kernel stack, interrupts off.
    // An unknown number is an error code, never a fault.
    internal static unsafe class SyscallDispatcher
    {
        public static ulong Count;

        [UnmanagedCallersOnly(EntryPoint = "SyscallDispatch")]
        private static long Dispatch(SyscallFrame* frame)
        {
            Count++;
            ulong number = frame->Number;
            if (number >= (ulong)SyscallTable.Entries.Length)
                return (long)SyscallError.UnknownSyscall;
            return SyscallTable.Entries[(int)number].Handler(frame);
        }
    }
}
