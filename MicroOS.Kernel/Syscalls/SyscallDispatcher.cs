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
            // SYSRET to a non-canonical rip faults in ring 0 (on Intel CPUs) with the user's stack: never
            // let a call return there. (Loader rules keep user code far below, so this is a backstop.)
            if (frame->UserRip >= Memory.VirtualAddress.UserTop)
                Tasks.ProcessManager.KillCurrent("syscall from outside the user half");
            ulong number = frame->Number;
            SyscallTable.Row[] rows = SyscallTable.Rows;
            if (number >= (ulong)rows.Length)
                return (long)SyscallError.UnknownSyscall;
            // Decode, then perform: a row naming an object type gets its capability argument (rdi)
            // checked here against the row's type and rights, so no handler can skip the check.
            ref SyscallTable.Row row = ref rows[(int)number];
            if (row.Object != CapType.None)
            {
                Objects.CapSlot cap = Invocation.DecodeCapArgument(frame->Arg0, row.Object, row.Requires);
                return cap != null ? row.CapHandler(frame, cap) : Invocation.DecodeError(frame->Arg0, row.Object, row.Requires);
            }
            return row.Handler(frame);
        }
    }
}
