using System;
using System.Buffers.Binary;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // `lab ipc-tax N` (lab 6's grader, MicroOS.Tests/Labs/Lab06Tests.cs; docs/labs/06-ipc-tax.md): a
    // client of `tally`. It checks AddMany on small batches and bad ones, then sends the same N numbers
    // twice — the chatty way (one Add, one round trip through the kernel, per number) and by SendAll
    // (the student's) — and reads the timestamp counter around each. The grader boots under QEMU's
    // -icount shift=0, where the counter advances one per guest instruction: the figures are
    // instructions (the client's, the kernel's and tally's), exact and repeatable. Lines
    // "ipc-tax: WHAT -> RESULT", then "ipc-tax: done".
    internal static class IpcTax
    {
        public static int Run(string[] args)
        {
            int n = args.Length > 2 && int.TryParse(args[2], out int count) && count > 0 ? count : 1000;
            Server.Begin("ipc-tax");
            Endpoint names = Caps.Endpoint("names");
            Endpoint server = default;
            bool found = false;
            for (int i = 0; i < 300 && !found; i++)
            {
                found = new INames.Client(names).Lookup("tally", out server) == 0;
                if (!found)
                    Sys.Sleep(10);
            }
            if (!found)
            {
                Report("lookup tally", "not found");
                Sys.Write("ipc-tax: done");
                return 1;
            }
            var tally = new ITally.Client(server);

            // AddMany by itself: a batch, an empty one, and two it must refuse whole.
            tally.Reset();
            var three = new byte[3 * TallyLimits.ItemBytes];
            for (int i = 0; i < 3; i++)
                BinaryPrimitives.WriteInt64LittleEndian(new Span<byte>(three, i * TallyLimits.ItemBytes, TallyLimits.ItemBytes), 10 * (i + 1) - 35);
            Report("batch of 3", Totals(tally.AddMany(three), tally));                      // -25 + -15 + -5
            Report("empty batch", Totals(tally.AddMany(new byte[0]), tally));
            Report("batch of 7 bytes", Totals(tally.AddMany(new byte[7]), tally));
            Report("batch of 501", Totals(tally.AddMany(new byte[(TallyLimits.MaxBatch + 1) * TallyLimits.ItemBytes]), tally));

            var items = new long[n];
            ulong state = 0x9E3779B97F4A7C15;
            long expected = 0;
            for (int i = 0; i < n; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                items[i] = (long)(state % 1000000);
                expected += items[i];
            }
            Report("expected", string.Concat(n.ToString(), " ", expected.ToString()));

            tally.Reset();
            ulong t0 = Sys.ReadTimestamp();
            for (int i = 0; i < n; i++)
                tally.Add(items[i]);
            ulong chatty = Sys.ReadTimestamp() - t0;
            Report("chatty", string.Concat(Totals(0, tally), " instructions ", chatty.ToString()));

            tally.Reset();
            t0 = Sys.ReadTimestamp();
            long sent = SendAll(tally, items);
            ulong batched = Sys.ReadTimestamp() - t0;
            Report("send-all", string.Concat(Totals(sent, tally), " instructions ", batched.ToString()));
            Sys.Write("ipc-tax: done");
            return 0;
        }

        // Sends every item to tally; answers how many it added, or the first error. The starter sends
        // them one message each (Add); cut the messages (AddMany takes TallyLimits.MaxBatch at a time).
        private static long SendAll(ITally.Client tally, long[] items)
        {
            // LAB 6 BEGIN: send the items in batches with AddMany
            var batch = new byte[TallyLimits.MaxBatch * TallyLimits.ItemBytes];
            long added = 0;
            for (int start = 0; start < items.Length; start += TallyLimits.MaxBatch)
            {
                int count = Math.Min(TallyLimits.MaxBatch, items.Length - start);
                for (int i = 0; i < count; i++)
                    BinaryPrimitives.WriteInt64LittleEndian(new Span<byte>(batch, i * TallyLimits.ItemBytes, TallyLimits.ItemBytes), items[start + i]);
                long r = tally.AddMany(new ReadOnlySpan<byte>(batch, 0, count * TallyLimits.ItemBytes));
                if (r < 0)
                    return r;
                added += r;
            }
            return added;
            // LAB 6 STARTER
            // foreach (long item in items)
            // {
            //     long r = tally.Add(item);
            //     if (r < 0)
            //         return r;
            // }
            // return items.Length;
            // LAB 6 END
        }

        // "ANSWER count COUNT sum SUM"
        private static string Totals(long answer, ITally.Client tally) =>
            string.Concat(answer.ToString(), " count ", tally.Count().ToString(), " sum ", tally.Sum().ToString());

        private static void Report(string what, string result) => Sys.Write(string.Concat("ipc-tax: ", what, " -> ", result));
    }
}
