using System.Threading;
using System.Threading.Tasks;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Conformance
{
    // A server written with async/await (MicroOS.Tests/Boot/AsyncServerTests.cs; docs/writing-a-server.md).
    // It lives in the conformance image (arguments `async server|client`), which has the memory for the
    // Task and EventLoop code: the probe image's many 512 KiB servers do not (their heap ran out at start).
    //   async server   serves endpoint asyncsrv (slot 1) from its EventLoop while one async flow awaits
    //                  timers, calls to pong (slot 2), a notification source and a cancellation
    //   async client   calls asyncsrv five times, 20 ms apart, then says Done
    // The server's requests are answered while its flow is suspended in an await: the loop's one
    // wait (endpoint_recv with the loop's notification bound) takes whichever comes first.
    internal static class AsyncServer
    {
        public const uint Double = 0x61, Done = 0x62;

        public static int Run(string[] args) =>
            args.Length > 1 && args[1] == "server" ? Server() : Client();

        private static int s_served;
        private static readonly TaskCompletionSource<int> s_clientDone = new TaskCompletionSource<int>();

        private static int Server()
        {
            var loop = new EventLoop();
            loop.Serve(new Endpoint(1), Handle);
            Sys.Write("async-server: serving");
            Task<int> work = Work(loop);
            loop.Run(work);         // returns when the flow has finished (or rethrows what it threw)
            return work.Result;
        }

        // Runs on the loop's thread between awaits; what it leaves in m is the reply.
        private static void Handle(ref Message m)
        {
            if (m.Label == Done)
            {
                s_clientDone.TrySetResult((int)m.W0);
                m = new Message(EchoContract.Pong);
                return;
            }
            s_served++;
            m = new Message(EchoContract.Pong, m.W0 * 2, (ulong)s_served);
        }

        private static async Task<int> Work(EventLoop loop)
        {
            var pong = new Endpoint(2);
            Sys.SystemInfo(out _, out ulong hz, out _);
            ulong start = Sys.SystemInfo(out _, out _, out _);
            await Task.Delay(50);
            ulong elapsed = Sys.SystemInfo(out _, out _, out _) - start;
            Sys.Write(string.Concat("async-server: delay 50 ms, at least 50 ms later: ", (elapsed * 1000 >= 50 * hz).ToString()));

            Message reply = await pong.CallAsync(new Message(EchoContract.Ping, 41));
            Sys.Write(string.Concat("async-server: awaited call -> ", reply.W0.ToString()));

            Task<Message>[] calls =
            {
                pong.CallAsync(new Message(EchoContract.Ping, 100)),
                pong.CallAsync(new Message(EchoContract.Ping, 200)),
                pong.CallAsync(new Message(EchoContract.Ping, 300)),
            };
            Message[] replies = await Task.WhenAll(calls);
            Sys.Write(string.Concat("async-server: three calls at once -> ", replies[0].W0.ToString(), ",", replies[1].W0.ToString(), ",", replies[2].W0.ToString()));

            try
            {
                await new Endpoint(30).CallAsync(new Message(EchoContract.Ping, 1));
                Sys.Write("async-server: call on an empty slot -> no exception");
            }
            catch (IpcException e)
            {
                Sys.Write(string.Concat("async-server: call on an empty slot -> ", e.Message));
            }

            // A source is what an interrupt line is routed to (irq.WaitAsync does this for an IrqLineCap):
            // a badged cap of the loop's notification. Here a timer's continuation signals it.
            loop.AddSource(out int capSlot, out int bit);
            Task signalled = loop.WaitAsync(bit);
            Sys.Write(string.Concat("async-server: source pending -> ", signalled.IsCompleted.ToString()));
            _ = Task.Delay(20).ContinueWith(_ => new Notification(capSlot).Signal());
            await signalled;
            Sys.Write("async-server: source signalled");

            var cts = new CancellationTokenSource();
            cts.CancelAfter(30);
            try
            {
                await Task.Delay(10_000, cts.Token);
                Sys.Write("async-server: delay not canceled");
            }
            catch (TaskCanceledException e)
            {
                Sys.Write(string.Concat("async-server: CancelAfter(30) -> ", e.Message));
            }

            int calls2 = await s_clientDone.Task;
            Sys.Write(string.Concat("async-server: client done after ", calls2.ToString(), " calls; served ", s_served.ToString(),
                " while awaiting; events ", (loop.Dispatched > 10).ToString()));
            return 0;
        }

        private static int Client()
        {
            var server = new Endpoint(1);
            string answers = "";
            for (ulong i = 1; i <= 5; i++)
            {
                var m = new Message(Double, i);
                long r = server.Call(ref m);
                answers = string.Concat(answers, i == 1 ? "" : ",", r == 0 ? m.W0.ToString() : r.ToString());
                Sys.Sleep(20);
            }
            var done = new Message(Done, 5);
            long last = server.Call(ref done);
            Sys.Write(string.Concat("async-client: answers ", answers, "; done -> ", last.ToString()));
            return 0;
        }
    }
}
