using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // A Trace capability (`trace:rw` in a manifest line; Caps.TraceSlot()): the kernel's IPC trace
    // ring, turned on and off with trace_control and read with trace_read (syscalls 55, 56; the
    // kernel side is MicroOS.Kernel/Diagnostics/IpcTrace.cs). The shell's `ipctrace` uses it.
    public readonly unsafe struct TraceCap
    {
        public const int MaxPerRead = 4096 / IpcTraceEntry.Size;      // one trace_read copies at most a page

        public readonly int Slot;

        public TraceCap(int slot) => Slot = slot;

        // On with an optional filter (IpcTraceControl.PackPids, an endpoint's object id), or off: the previous mode (1 on, 0 off), or an error.
        public long Control(bool on, ulong pids = 0, ulong endpoint = 0) =>
            SysCalls.TraceControl((ulong)Slot, on ? IpcTraceControl.On : IpcTraceControl.Off, pids, endpoint);

        // Entries recorded from `cursor` on into `into` (at most MaxPerRead a call); the count, or an
        // error code. `cursor` moves past what was read; `lost`: entries overwritten before they were read.
        public long Read(IpcTraceEntry[] into, ref ulong cursor, out ulong lost)
        {
            lost = 0;
            int max = into.Length < MaxPerRead ? into.Length : MaxPerRead;
            if (max == 0)
                return 0;
            long r;
            IpcRegisters regs;
            fixed (IpcTraceEntry* p = into)
                r = SysCalls.TraceRead((ulong)Slot, (ulong)p, (ulong)(max * IpcTraceEntry.Size), cursor, out regs);
            if (r >= 0)
            {
                lost = regs.A0;
                cursor = regs.A1;
            }
            return r;
        }
    }
}
