using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // Called by mos_syscall_entry (Arch/X64/SyscallEntry.asm) on the caller's kernel stack, interrupts off.
    // An unknown number is an error code, never a fault.
    internal static unsafe class SyscallDispatcher
    {
        public static ulong Count;

        // RuntimeExport, not UnmanagedCallersOnly: the entry stub calls it with the System V convention
        // either way, and this skips the reverse-P/Invoke frame (about ten instructions per syscall).
        [System.Runtime.RuntimeExport("SyscallDispatch")]
        private static long Dispatch(SyscallFrame* frame)
        {
            Count++;
            // SYSRET to a non-canonical rip faults in ring 0 (on Intel CPUs) with the user's stack: never
            // let a call return there. (Loader rules keep user code far below, so this is a backstop.)
            if (frame->UserRip >= Memory.VirtualAddress.UserTop)
                Tasks.ProcessManager.KillCurrent("syscall from outside the user half");
            ulong number = frame->Number;
            // The IPC fast path first (IpcFastPath.cs): the register-only Call and ReplyRecv of a
            // client and its server. NotFast: it changed nothing, the table's row takes the call.
            if (number == (ulong)Syscall.EndpointCall)
            {
                long fast = IpcFastPath.Call(frame);
                if (fast != IpcFastPath.NotFast)
                    return fast;
                IpcFastPath.GeneralPathCount++;
            }
            else if (number == (ulong)Syscall.EndpointReplyRecv)
            {
                long fast = IpcFastPath.ReplyRecv(frame);
                if (fast != IpcFastPath.NotFast)
                    return fast;
                IpcFastPath.GeneralPathCount++;
            }
            SyscallTable.Row[] rows = SyscallTable.Rows;
            if (number >= (ulong)rows.Length)
                return (long)SyscallError.UnknownSyscall;
            ref SyscallTable.Row row = ref rows[(int)number];
            // Decode, then perform: a row's handler is the generated stub that decodes every
            // capability, slot and user range first (SyscallTable.g.cs, Invocation.cs), or, for a
            // syscall of plain values, the handler itself.
            // Under `irqoff` every syscall comes this way, timed (Preemption.Measure).
            if (Tasks.Preemption.Measuring)
                return Tasks.Preemption.Measure(row.Handler, frame);
            long result = row.Handler(frame);
            // A quantum ended during a long syscall (Preemption.Window): switch now that it is done.
            if (Tasks.Preemption.Pending)
                Tasks.Scheduler.Yield();
            return result;
        }
    }
}
