using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Diagnostics;

namespace MicroOS.Kernel.Tasks
{
    // Syscalls run with interrupts masked (FMASK), which keeps the kernel simple: one syscall at a
    // time, no locks. A syscall whose work grows with its arguments (a 4 KiB debug write, mapping
    // 64 MiB) calls Window() every bounded slice of work, so interrupts wait at most one slice.
    // A timer tick taken there only marks the quantum over (Preemption.Pending); the switch
    // happens once the syscall is done.
    //
    // With the kernel option `irqoff`, the dispatcher measures every stretch with interrupts masked
    // inside a syscall (in timestamp-counter ticks: guest instructions under QEMU -icount) and the
    // idle thread reports the longest at the end: `irqoff: longest interrupts-off stretch ...`.
    internal static class Preemption
    {
        // A quantum that ended while the kernel was busy in a syscall (interrupts let in through a
        // window): the switch happens when the syscall is done (SyscallDispatcher), so a syscall
        // never stops halfway and kernel state is never shared between two half-done calls.
        // (Here, not in Scheduler: a class without a static constructor costs no check per read.)
        public static bool Pending;
        public static bool Measuring;
        private static ulong s_since;
        private static ulong s_longest;
        private static ulong s_longestSyscall;
        private static ulong s_syscall;
        private static ulong s_longestCall;
        private static ulong s_longestCallSyscall;

        public static void Window()
        {
            if (Measuring)
                Stop();
            ContextSwitch.InterruptWindow();
            if (Measuring)
                s_since = Cpu.ReadTsc();
        }

        // The dispatcher's path under `irqoff`, for every row (capability syscalls included): the
        // handler, timed, then any switch it deferred. A call that blocked or switched threads (IPC,
        // yield, a kill of the caller) counts as a stretch only up to the switch (SwitchingOut); the
        // thread that runs next starts a new one (SwitchedIn), ended by its own syscall's end. Such a
        // call is left out of "longest syscall", whose time would include other threads' work.
        public static unsafe long Measure(Syscalls.SyscallFrame* frame, ref Syscalls.SyscallTable.Row row)
        {
            ulong number = frame->Number;
            s_syscall = number;
            ulong switches = Scheduler.ContextSwitches;
            ulong start = Cpu.ReadTsc();
            s_since = start;
            long result = row.Object != MicroOS.Shared.Abi.CapType.None
                ? Syscalls.Invocation.DecodeAndPerform(frame, ref row)
                : row.Handler(frame);
            s_syscall = number;
            Stop();
            ulong whole = Cpu.ReadTsc() - start;
            if (whole > s_longestCall && switches == Scheduler.ContextSwitches)
            {
                s_longestCall = whole;
                s_longestCallSyscall = number;
            }
            if (Pending)
                Scheduler.Yield();
            return result;
        }

        // Scheduler.SwitchTo under `irqoff`: the stretch of the thread leaving ends here...
        public static void SwitchingOut() => Stop();

        // ...and the thread that resumes inside the kernel starts its own.
        public static void SwitchedIn() => s_since = Cpu.ReadTsc();

        private static void Stop()
        {
            ulong length = Cpu.ReadTsc() - s_since;
            if (length > s_longest)
            {
                s_longest = length;
                s_longestSyscall = s_syscall;
            }
        }

        public static void Report()
        {
            if (!Measuring)
                return;
            Log.Write("irqoff: longest interrupts-off stretch in a syscall ");
            Log.WriteDecimal(s_longest);
            Log.Write(" ticks (syscall ");
            Log.WriteDecimal(s_longestSyscall);
            Log.Write("); longest syscall ");
            Log.WriteDecimal(s_longestCall);
            Log.Write(" ticks (syscall ");
            Log.WriteDecimal(s_longestCallSyscall);
            Log.Write(")\n");
        }
    }
}
