using System.Collections.Generic;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Benchmarks, read by ./microos bench. Under QEMU -icount the timestamp counter advances with
    // the guest instruction count, so the same code yields instruction counts; in plain TCG it
    // yields (host-paced) cycles. Each figure is the median of many single measurements.
    internal static class Bench
    {
        private const int Samples = 2001;
        private const int PartnerYields = 4 * Samples;

        public static int Run(string which)
        {
            if (which == "switch-partner")
            {
                // Yields, so every yield of the measuring process is two address-space switches. It
                // cannot be told when the measurement is over (no shared memory, no IPC yet), so it
                // yields a fixed number of times: one per measured yield, one per timer tick that
                // preempts the measurer's other loops, and a wide margin. Once the measurer has
                // exited its yields return at once, so the surplus costs microseconds; then it exits
                // too and the kernel's `exit` option ends QEMU.
                for (int i = 0; i < PartnerYields; i++)
                    Sys.Yield();
                return 0;
            }
            ulong[] samples = new ulong[Samples];
            // Null syscall: get_process_id, the cheapest round trip into the kernel and back.
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                Sys.Call(Syscall.GetProcessId);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            ulong syscall = Median(samples);
            ulong overhead = MeasureOverhead(samples);
            Sys.Write(string.Concat("bench: null syscall ", (syscall - overhead).ToString()));
            // Yield to a partner in another address space and back: two switches, two syscalls.
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                Sys.Yield();
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            ulong roundTrip = Median(samples) - overhead;
            Sys.Write(string.Concat("bench: yield round trip ", roundTrip.ToString()));
            Sys.Write(string.Concat("bench: context switch ", (roundTrip / 2).ToString()));
            // One throw caught one frame up: allocation of the exception, both passes, the catch
            // funclet and the resume.
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                try
                {
                    ThrowOne(i);
                }
                catch (BenchException)
                {
                }
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Sys.Write(string.Concat("bench: throw-catch ", (Median(samples) - overhead).ToString()));
            Sys.Write("bench: done");
            return 0;
        }

        private sealed class BenchException : System.Exception
        {
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void ThrowOne(int i)
        {
            if (i >= 0)
                throw new BenchException();
        }

        private static ulong MeasureOverhead(ulong[] samples)
        {
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            return Median(samples);
        }

        private static ulong Median(ulong[] values)
        {
            // Insertion sort: 2001 values, run a few times; no allocation.
            for (int i = 1; i < values.Length; i++)
            {
                ulong v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = v;
            }
            return values[values.Length / 2];
        }
    }
}
