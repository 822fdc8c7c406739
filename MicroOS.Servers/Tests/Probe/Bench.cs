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
        private const int PartnerYields = 6 * Samples;      // two measured yield loops (plain, io bitmap)

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
            MeasureIoBitmap(samples, overhead);
            MeasureSectorTransfer(overhead);
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
            MeasureCollector(samples, overhead);
            Sys.Write("bench: done");
            return 0;
        }

        // The TSS I/O bitmap (io_port_enable on slot 1, io:80+1): a plain `in` from port 0x80, against
        // the checked io_port_read IpcBench measures; then the same yield round trip as above with
        // this process's bitmap in force and the partner's out of it (each switch puts it in or out).
        private static void MeasureIoBitmap(ulong[] samples, ulong overhead)
        {
            long enabled = new IoPorts(1).Enable();
            if (enabled != 0)
            {
                Sys.Write(string.Concat("bench: io_port_enable -> ", enabled.ToString()));
                return;
            }
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                IoPorts.In8(0x80);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            ulong read = Median(samples);
            Sys.Write(string.Concat("bench: io-bitmap-read ", (read > overhead ? read - overhead : 0).ToString()));
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                Sys.Yield();
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Sys.Write(string.Concat("bench: io-bitmap-switch ", ((Median(samples) - overhead) / 2).ToString()));
        }

        // One 512-byte sector from the ATA data port (slot 2, io:1f0+8; docs/storage.md) both ways:
        // 256 checked 16-bit io_port_read syscalls, against one `rep insw` of 256 words after
        // io_port_enable (what the ata driver does). No disk is attached in the bench boot: the port
        // still answers every read, and the instructions are the same whatever the data.
        private static unsafe void MeasureSectorTransfer(ulong overhead)
        {
            const int Rounds = 201;
            const ushort DataPort = 0x1F0;
            var samples = new ulong[Rounds];
            var ata = new IoPorts(2);
            byte* sector = stackalloc byte[512];
            for (int i = 0; i < Rounds; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                for (int w = 0; w < 256; w++)
                    ((ushort*)sector)[w] = (ushort)ata.Read16(DataPort);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Sys.Write(string.Concat("bench: sector-checked ", (Median(samples) - overhead).ToString()));
            long enabled = ata.Enable();
            if (enabled != 0)
            {
                Sys.Write(string.Concat("bench: io_port_enable 1f0 -> ", enabled.ToString()));
                return;
            }
            for (int i = 0; i < Rounds; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                IoPorts.InsW(DataPort, sector, 256);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Sys.Write(string.Concat("bench: sector-insw ", (Median(samples) - overhead).ToString()));
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

        private sealed class Small
        {
            public long Value;
        }

        private sealed class Record
        {
            public int Id;
            public string Name;
            public int[] Values = new int[8];
            public Record Next;
        }

        private const int Collections = 9;
        private const int Records = 16_000;

        // The collector: `allocation` is one 32-byte object (header, MethodTable, one long) in a
        // steady state, the median of 2001 timed allocations after 100,000 untimed ones; a sample
        // that ran a collection (a few at most) is far above the median, so collections are excluded.
        // `gc pause` is one full collection (Heap.Collect) of a heap of about 3 MiB live (printed): records
        // with strings and arrays in a list and a dictionary, chains, and 4 KiB buffers; between
        // pauses, 4,096 small arrays (288 KiB) of garbage. Median and worst of 9.
        private static void MeasureCollector(ulong[] samples, ulong overhead)
        {
            var ring = new Small[1024];
            for (int i = 0; i < 100_000; i++)
                ring[i & 1023] = new Small { Value = i };
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                var small = new Small();
                samples[i] = Sys.ReadTimestamp() - t0;
                small.Value = i;
                ring[i & 1023] = small;
            }
            Sys.Write(string.Concat("bench: allocation ", (Median(samples) - overhead).ToString()));

            var records = new List<Record>(Records);
            var byName = new Dictionary<string, int>();        // name -> index in records
            var buffers = new List<byte[]>();
            Record chain = null;
            for (int i = 0; i < Records; i++)
            {
                var r = new Record { Id = i, Name = string.Concat("record ", i.ToString()), Next = chain };
                r.Values[i & 7] = i;
                chain = i % 100 == 99 ? null : r;
                records.Add(r);
                if (i % 2 == 0)
                    byName[r.Name] = i;
                if (i % 100 == 0)
                    buffers.Add(new byte[4096]);
            }
            ulong[] pauses = new ulong[Collections];
            for (int c = 0; c < Collections; c++)
            {
                for (int g = 0; g < 4096; g++)
                    _ = new byte[48];
                ulong t0 = Sys.ReadTimestamp();
                Internal.Runtime.Heap.Collect();
                pauses[c] = Sys.ReadTimestamp() - t0 - overhead;
            }
            ulong worst = 0;
            for (int c = 0; c < Collections; c++)
                worst = pauses[c] > worst ? pauses[c] : worst;
            ulong median = Median(pauses);
            bool intact = records.Count == Records && byName.Count == Records / 2 && records[byName["record 15998"]].Id == 15998 && buffers.Count == Records / 100 && ring[5] != null;
            Sys.Write(string.Concat("bench: gc-pause-median ", median.ToString(), " (live ", (Internal.Runtime.Heap.LiveBytes >> 10).ToString(), " KiB)"));
            Sys.Write(string.Concat("bench: gc-pause-worst ", worst.ToString(), intact ? "" : " CORRUPTED"));
        }

        // The cost of reading the timestamp counter itself, subtracted from every figure (IpcBench too).
        internal static ulong MeasureOverhead(ulong[] samples)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            return Median(samples);
        }

        internal static ulong Median(ulong[] values)
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
