using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The IPC benchmarks (./microos bench; tools/bench.sh reads the `bench:` lines). Both sides run
    // at high priority so the other bench servers never run in between. Raw register calls (mos_ipc)
    // on both sides, as a tuned server would make them.
    // Slots: 1 = endpoint benchipc, 2 = notification bn1 (bench signals, the partner has it bound),
    // 3 = notification bn2 (the partner signals back), 4 = io:80+1 (bench only), 5 = trace:rw (the
    // IPC trace ring: the same round trip again with tracing on, `ipc round trip (traced)` in bench.sh).
    internal static unsafe class IpcBench
    {
        private const int Samples = 2001;

        public static int Run()
        {
            ulong[] samples = new ulong[Samples];
            ulong overhead = Bench.MeasureOverhead(samples);
            IpcRegisters r;
            // Call -> ReplyRecv, four words each way.
            for (int i = 0; i < Samples; i++)
            {
                r.A0 = 1; r.A1 = (ulong)EchoContract.Ping << 32; r.A2 = (ulong)i; r.A3 = 2; r.A4 = 3; r.A5 = 4;
                ulong t0 = Sys.ReadTimestamp();
                Ipc.Raw((ulong)Syscall.EndpointCall, &r);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Report("ipc round trip", samples, overhead, 1);
            // Traced: every Call and ReplyRecv takes the general path and is written to the ring.
            var trace = new TraceCap(5);
            if (CapInfo.TypeOf(Caps.Inspect(5, out _)) == CapType.Trace && trace.Control(true) == 0)
            {
                for (int i = 0; i < Samples; i++)
                {
                    r.A0 = 1; r.A1 = (ulong)EchoContract.Ping << 32; r.A2 = (ulong)i; r.A3 = 2; r.A4 = 3; r.A5 = 4;
                    ulong t0 = Sys.ReadTimestamp();
                    Ipc.Raw((ulong)Syscall.EndpointCall, &r);
                    samples[i] = Sys.ReadTimestamp() - t0;
                }
                trace.Control(false);
                Report("ipc-round-trip-traced", samples, overhead, 1);
            }
            byte* buffer = (byte*)Sys.MapMemory(4096);
            for (int i = 0; i < 4096; i++)
                buffer[i] = (byte)i;
            Ipc.SetBuffer(buffer, 0);
            for (int i = 0; i < Samples; i++)
            {
                r.A0 = 1; r.A1 = ((ulong)EchoContract.Ping << 32) | 4096; r.A2 = (ulong)i;
                ulong t0 = Sys.ReadTimestamp();
                Ipc.Raw((ulong)Syscall.EndpointCall, &r);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Report("ipc round trip, 4 KiB payload", samples, overhead, 1);
            // Signal the partner's bound notification; it signals ours back: two signal-to-wake trips.
            var mine = new Notification(3);
            var theirs = new Notification(2);
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                theirs.Signal();
                mine.Wait(out _);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Report("notification signal to wake", samples, overhead, 2);
            var ports = new IoPorts(4);
            for (int i = 0; i < Samples; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                ports.Read8(0x80);
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            Report("io port read", samples, overhead, 1);
            r.A0 = 1; r.A1 = (ulong)EchoContract.Exit << 32;
            Ipc.Raw((ulong)Syscall.EndpointSend, &r);
            Sys.Write("bench: ipc done");
            return 0;
        }

        public static int Partner()
        {
            new Notification(2).BindToThisThread();
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, 0);
            var back = new Notification(3);
            IpcRegisters r;
            r.A0 = 1;
            long result = Ipc.Raw((ulong)Syscall.EndpointRecv, &r);
            while (result >= 0)
            {
                if (result == 1)
                {
                    back.Signal();
                    r.A0 = 1;
                    result = Ipc.Raw((ulong)Syscall.EndpointRecv, &r);
                    continue;
                }
                if ((uint)(r.A1 >> 32) == EchoContract.Exit)
                    return 0;
                r.A0 = 1;
                r.A1 = (ulong)EchoContract.Pong << 32;
                result = Ipc.Raw((ulong)Syscall.EndpointReplyRecv, &r);
            }
            Sys.Write(string.Concat("bench-partner: receive -> ", result.ToString()));
            return 1;
        }

        private static void Report(string figure, ulong[] samples, ulong overhead, ulong divide)
        {
            ulong median = Bench.Median(samples);
            ulong value = median > overhead ? (median - overhead) / divide : 0;
            Sys.Write(string.Concat("bench: ", figure, " ", value.ToString()));
        }
    }
}
