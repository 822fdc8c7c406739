using MicroOS.Kernel.Time;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // clock_read: what a server's runtime needs for DateTime.UtcNow, Stopwatch and
    // Environment.TickCount64 (Time/Clock.cs). Takes nothing, changes nothing, so needs no right.
    internal static unsafe class ClockSyscalls
    {
        // -> 0 with rdi = TSC frequency (Hz), rsi = UTC at TSC zero (100 ns ticks since 0001-01-01),
        // rdx = the CMOS time read at boot (same unit), r10 = the TSC at that read;
        // WouldBlock while the frequency is still being measured (the first ~280 ms after the timer starts).
        public static long Read(SyscallFrame* f)
        {
            long frequency = Clock.Frequency;
            if (frequency == 0)
                return (long)SyscallError.WouldBlock;
            f->Arg0 = (ulong)frequency;
            f->Arg1 = (ulong)Clock.UtcAtTscZero;
            f->Arg2 = (ulong)Clock.BootUtcTicks;
            f->Arg3 = Clock.BootTsc;
            return 0;
        }
    }
}
