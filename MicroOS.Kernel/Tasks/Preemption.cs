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

        // Turns `irqoff` on (KernelMain, before the first process). Every syscall is then timed by
        // Measure every syscall: the table's rows go through the generated decode stubs, so the
        // dispatcher's one path reaches Measure and pays nothing for it when it is off.
        public static unsafe void Start()
        {
            Measuring = true;
            Scheduler.SwitchHooks = true;
        }

        // The dispatcher's path under `irqoff`: the handler, timed, then any switch it deferred. A
        // call that switched threads (IPC, yield, exit, a kill) counts as a stretch only up to the
        // switch (SwitchingOut); the thread that runs next goes on from there. Such a call is left
        // out of "longest syscall", whose time would include other threads' work.
        public static unsafe long Measure(delegate*<Syscalls.SyscallFrame*, long> handler, Syscalls.SyscallFrame* frame)
        {
            ulong number = frame->Number;
            Thread current = Scheduler.Current;
            current.MeasuredSyscall = number + 1;
            s_syscall = number;
            ulong switches = Scheduler.ContextSwitches;
            ulong start = Cpu.ReadTsc();
            s_since = start;
            long result = handler(frame);
            s_syscall = number;
            Stop();
            current.MeasuredSyscall = 0;
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

        // Scheduler.SwitchTo under `irqoff`: a thread leaving inside a measured syscall ends its
        // stretch here (one preempted in ring 3 had none open); interrupts stay off across the
        // switch, so the next stretch starts now, for whichever thread resumes in the kernel.
        public static void SwitchingOut(Thread leaving)
        {
            if (leaving != null && leaving.MeasuredSyscall != 0)
            {
                s_syscall = leaving.MeasuredSyscall - 1;
                Stop();
            }
            s_since = Cpu.ReadTsc();
        }

        private static ulong[] s_bySyscall;     // longest stretch per syscall number (allocated when first needed)

        private static void Stop()
        {
            ulong length = Cpu.ReadTsc() - s_since;
            s_bySyscall ??= new ulong[64];
            if (s_syscall < 64 && length > s_bySyscall[s_syscall])
                s_bySyscall[s_syscall] = length;
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
            if (s_bySyscall == null)
                return;
            // Each syscall's longest stretch, for finding the next one to bound.
            Log.Write("irqoff: longest stretch by syscall:");
            for (int i = 0; i < s_bySyscall.Length; i++)
            {
                if (s_bySyscall[i] == 0)
                    continue;
                Log.Write(" ");
                Log.Write(Syscalls.SyscallTable.Rows.Length > i ? Syscalls.SyscallTable.Rows[i].Name : "?");
                Log.Write("=");
                Log.WriteDecimal(s_bySyscall[i]);
            }
            Log.Write("\n");
        }
    }
}
