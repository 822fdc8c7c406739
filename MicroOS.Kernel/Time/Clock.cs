using System;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Diagnostics;

namespace MicroOS.Kernel.Time
{
    // Wall-clock time and the TSC's rate, for clock_read (Syscalls/ClockSyscalls.cs) and from there
    // the servers' DateTime.UtcNow, Stopwatch and Environment.TickCount64 (Internal/Runtime/RuntimeClock.cs).
    //
    // - The CMOS clock is read once at boot (ReadBootTime), with the TSC at that moment.
    // - The TSC's frequency is measured against the PIT, without a busy wait at boot (which would
    //   cost kernel-to-prompt time): the timer interrupt notes the TSC at tick SkipTicks and again
    //   CalibrationTicks later. The first ticks are skipped because interrupts are off while the
    //   kernel starts, so the first tick may arrive late.
    // - From then on the frequency and "UTC at TSC zero" never change: UTC now is that offset plus
    //   TSC / frequency, monotonic because the TSC is.
    internal static class Clock
    {
        private const int SkipTicks = 3;
        private const int CalibrationTicks = 25;            // 250 ms of 100 Hz ticks

        private static long s_bootUtcTicks;                 // the CMOS time at the boot read (100 ns ticks since 0001-01-01)
        private static ulong s_bootTsc;                     // the TSC at that read
        private static bool s_bootTimeValid;
        private static int s_ticksSeen;
        private static ulong s_windowStartTsc;
        private static long s_frequency;                    // TSC ticks per second, 0 until measured
        private static long s_utcAtTscZero;
        private static bool s_reported;

        public static long Frequency => s_frequency;
        public static long UtcAtTscZero => s_utcAtTscZero;
        public static long BootUtcTicks => s_bootUtcTicks;
        public static ulong BootTsc => s_bootTsc;

        public static void ReadBootTime()
        {
            s_bootTsc = Cpu.ReadTsc();
            if (Rtc.Read(out int year, out int month, out int day, out int hour, out int minute, out int second) &&
                year >= 1 && year <= 9999 && day <= DateTime.DaysInMonth(year, month))
            {
                s_bootUtcTicks = new DateTime(year, month, day, hour, minute, second).Ticks;
                s_bootTimeValid = true;
            }
            else
            {
                s_bootUtcTicks = new DateTime(2000, 1, 1).Ticks;    // a clock that holds garbage: say so, start somewhere
            }
            Log.WriteLine(string.Concat("clock: CMOS time ", new DateTime(s_bootUtcTicks).ToString("yyyy-MM-dd HH:mm:ss"),
                s_bootTimeValid ? " UTC" : " (the CMOS clock held no valid date)", " at TSC ", s_bootTsc.ToString()));
        }

        // From the timer interrupt, before the scheduler's tick: two TSC reads, then nothing.
        public static void OnTimerTick()
        {
            if (s_frequency != 0)
                return;
            int tick = ++s_ticksSeen;
            if (tick == SkipTicks)
            {
                s_windowStartTsc = Cpu.ReadTsc();
            }
            else if (tick == SkipTicks + CalibrationTicks)
            {
                ulong elapsed = Cpu.ReadTsc() - s_windowStartTsc;
                // CalibrationTicks periods of Divisor / InputHertz seconds each.
                long frequency = (long)(elapsed * Pit.InputHertz / (Pit.Divisor * (ulong)CalibrationTicks));
                s_utcAtTscZero = s_bootUtcTicks - Scale(s_bootTsc, frequency, TimeSpan.TicksPerSecond);
                s_frequency = frequency;
            }
        }

        // value * unitsPerSecond / frequency without overflow.
        public static long Scale(ulong value, long frequency, long unitsPerSecond) =>
            (long)(value / (ulong)frequency) * unitsPerSecond + (long)(value % (ulong)frequency) * unitsPerSecond / frequency;

        // Once, from the idle thread (not the interrupt): the measured rate in the kernel log. Written
        // piece by piece: the kernel heap is never collected, and this line comes whenever the
        // calibration ends (between two process waves of a test, say), so it must not allocate.
        public static void ReportOnce()
        {
            if (s_reported || s_frequency == 0)
                return;
            s_reported = true;
            var now = new DateTime(s_utcAtTscZero + Scale(Cpu.ReadTsc(), s_frequency, TimeSpan.TicksPerSecond));
            Log.Write("clock: TSC ");
            Log.WriteDecimal(s_frequency);
            Log.Write(" Hz, measured over ");
            Log.WriteDecimal(CalibrationTicks);
            Log.Write(" PIT ticks; UTC now ");
            Log.WriteDecimal(now.Year);
            WritePadded("-", now.Month, 2);
            WritePadded("-", now.Day, 2);
            WritePadded(" ", now.Hour, 2);
            WritePadded(":", now.Minute, 2);
            WritePadded(":", now.Second, 2);
            WritePadded(".", now.Millisecond, 3);
            Log.Write("\n");
        }

        private static void WritePadded(string separator, int value, int digits)
        {
            Log.Write(separator);
            for (int limit = digits == 3 ? 100 : 10; limit > 1 && value < limit; limit /= 10)
                Log.Write("0");
            Log.WriteDecimal(value);
        }
    }
}
