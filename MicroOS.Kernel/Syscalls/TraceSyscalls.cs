using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // trace_control and trace_read: the IPC trace ring (Diagnostics/IpcTrace.cs) behind a Trace
    // capability (Objects/IpcTraceCap.cs), decoded by the table's generated stub (type and right).
    // Bad arguments are error codes, never a fault: a mode other than 0/1 or a read length that is
    // not a whole number of entries (1..MaxReadBytes) is InvalidArgument, a buffer that is not the
    // caller's writable memory BadAddress.
    internal static unsafe class TraceSyscalls
    {
        // One read copies at most a page, as a payload does (interrupts are off while it copies).
        public const int MaxReadBytes = 4096;

        // trace_control(cap, mode, pids, endpoint): mode 0 off, 1 on; pids IpcTraceControl.PackPids. Returns the previous mode.
        public static long Control(SyscallFrame* f, CapSlot cap)
        {
            ulong mode = f->Arg1;
            if (mode > IpcTraceControl.On)
                return (long)SyscallError.InvalidArgument;
            bool was = IpcTrace.On;
            IpcTrace.Control(mode == IpcTraceControl.On, f->Arg2, f->Arg3);
            return was ? 1 : 0;
        }

        // trace_read(cap, buffer, length, cursor): count; rdi = entries lost since the cursor, rsi = next cursor.
        public static long Read(SyscallFrame* f, CapSlot cap)
        {
            ulong address = f->Arg1, length = f->Arg2, cursor = f->Arg3;
            if (length == 0 || length > MaxReadBytes || length % IpcTraceEntry.Size != 0)
                return (long)SyscallError.InvalidArgument;
            SyscallError? bad = UserSpan.TryCreate(address, length, out _);
            if (bad != null)
                return (long)bad.Value;
            long count = IpcTrace.Read(address, (int)(length / IpcTraceEntry.Size), cursor, out ulong lost, out ulong next);
            if (count < 0)
                return count;
            f->Arg0 = lost;
            f->Arg1 = next;
            return count;
        }
    }
}
