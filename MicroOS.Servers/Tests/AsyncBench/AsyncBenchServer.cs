using System.Runtime.InteropServices;
using System.Threading.Tasks;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.AsyncBench
{
    // The cost of an awaited IPC call against a blocking one (./microos bench, tools/bench.sh reads
    // the `bench:` lines; docs/writing-a-server.md, "async/await"). The first argument is the role:
    //   partner   answers every call on slot 1 (ep asyncbench) at once, with raw register IPC, until Exit
    //   client    on an EventLoop, times Samples round trips `await endpoint.CallAsync(m)` and as many
    //             blocking `endpoint.Call(ref m)` from the same image, then says Exit to the partner
    // Both run at high priority so nothing else runs in between. Each figure is the median of the
    // samples minus the cost of reading the timestamp counter; under -icount shift=0 it counts guest
    // instructions. An awaited call costs more than a blocking one by the EventLoop's hand-off: a
    // worker thread makes the kernel Call and signals the loop, which resumes the awaiting code.
    internal static class AsyncBenchServer
    {
        private const int Samples = 2001, Warmup = 50;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            string role = ServerRuntime.Arguments.Split(' ')[0];
            if (role == "partner")
                return Partner();
            if (role == "client")
                return Client();
            Sys.Write(string.Concat("async-bench: unknown role '", role, "'"));
            return 2;
        }

        private static unsafe int Partner()
        {
            IpcRegisters r;
            r.A0 = 1;
            long result = Ipc.Raw((ulong)Syscall.EndpointRecv, &r);
            while (result >= 0)
            {
                if ((uint)(r.A1 >> 32) == EchoContract.Exit)
                    return 0;
                r.A0 = 1;
                r.A1 = ((ulong)EchoContract.Pong << 32) | 0;
                r.A2 += 1;
                result = Ipc.Raw((ulong)Syscall.EndpointReplyRecv, &r);
            }
            Sys.Write(string.Concat("async-bench partner: receive -> ", result.ToString()));
            return 1;
        }

        private static int Client()
        {
            var endpoint = new Endpoint(1);
            ulong[] samples = new ulong[Samples];
            ulong overhead = Overhead(samples);

            // Blocking calls from this image first: the same message, the same partner.
            for (int i = 0; i < Samples + Warmup; i++)
            {
                var m = new Message(EchoContract.Ping, (ulong)i);
                ulong t0 = Sys.ReadTimestamp();
                long r = endpoint.Call(ref m);
                ulong t = Sys.ReadTimestamp() - t0;
                if (r < 0 || m.W0 != (ulong)i + 1)
                    return Fail("blocking call", r);
                if (i >= Warmup)
                    samples[i - Warmup] = t;
            }
            Report("blocking-call", samples, overhead);

            var loop = new EventLoop();
            Task<long> awaited = Awaited(endpoint, samples);
            loop.Run(awaited);
            if (awaited.Result < 0)
                return Fail("awaited call", awaited.Result);
            Report("awaited-ipc-call", samples, overhead);

            var exit = new Message(EchoContract.Exit);
            endpoint.Send(ref exit);
            Sys.Write("bench: async done");
            return 0;
        }

        // Each sample: from before CallAsync to the code after the await running again on the loop.
        private static async Task<long> Awaited(Endpoint endpoint, ulong[] samples)
        {
            for (int i = 0; i < Samples + Warmup; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                Message reply = await endpoint.CallAsync(new Message(EchoContract.Ping, (ulong)i));
                ulong t = Sys.ReadTimestamp() - t0;
                if (reply.W0 != (ulong)i + 1)
                    return -1;
                if (i >= Warmup)
                    samples[i - Warmup] = t;
            }
            return 0;
        }

        private static int Fail(string what, long r)
        {
            Sys.Write(string.Concat("async-bench: ", what, " failed: ", r.ToString()));
            return 1;
        }

        private static void Report(string figure, ulong[] samples, ulong overhead)
        {
            ulong median = Median(samples);
            Sys.Write(string.Concat("bench: ", figure, " ", (median > overhead ? median - overhead : 0).ToString()));
        }

        // The cost of reading the timestamp counter itself (as the probe's Bench.MeasureOverhead).
        private static ulong Overhead(ulong[] samples)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                ulong t0 = Sys.ReadTimestamp();
                samples[i] = Sys.ReadTimestamp() - t0;
            }
            return Median(samples);
        }

        private static ulong Median(ulong[] values)
        {
            ulong[] sorted = (ulong[])values.Clone();
            System.Array.Sort(sorted);
            return sorted[sorted.Length / 2];
        }
    }
}
