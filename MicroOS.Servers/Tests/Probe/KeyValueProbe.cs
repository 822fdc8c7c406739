using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // `lab kv-check N SEED` (lab 2's grader, MicroOS.Tests/Labs/Lab02Tests.cs): a client of the `kv`
    // server that sends what a careless or hostile client would — requests the contract allows but the
    // server must refuse (bad keys, a long value, a missing key, a 65th key), then N random messages (a
    // random label, random words, a random payload length and bytes) — and checks that kv still answers. One line per check: "kv-check: WHAT -> RESULT", then "kv-check: done".
    internal static unsafe class KeyValueProbe
    {
        public static int Run(string[] args)
        {
            int count = args.Length > 2 && int.TryParse(args[2], out int n) ? n : 500;
            ulong state = args.Length > 3 && ulong.TryParse(args[3], out ulong seed) && seed != 0 ? seed : 0x9E3779B97F4A7C15;
            byte* buffer = (byte*)Sys.MapMemory(4096);
            int receiveSlot = 100;
            Ipc.SetBuffer(buffer, receiveSlot);
            IpcBuffer.Adopt(buffer, receiveSlot);
            Server.Begin("kv-check");
            Endpoint names = Caps.Endpoint("names");

            // kv registers itself at start: wait for it (bounded).
            Endpoint kv = default;
            bool found = false;
            for (int i = 0; i < 200 && !found; i++)
            {
                found = new INames.Client(names).Lookup("kv", out kv) == 0;
                if (!found)
                    Sys.Sleep(10);
            }
            Report("lookup kv", found ? "0" : "not found");
            if (!found)
            {
                Sys.Write("kv-check: done");
                return 1;
            }

            var client = new IKeyValue.Client(kv);
            Report("put empty key", client.Put("", "x").ToString());
            Report("put upper-case key", client.Put("Key", "x").ToString());
            Report("put key with a space", client.Put("a b", "x").ToString());
            Report("put 33-byte key", client.Put("k23456789012345678901234567890123", "x").ToString());
            Report("put 32-byte key", client.Put("k2345678901234567890123456789012", "x").ToString());
            Report("put 161-byte value", client.Put("long", new string('v', 161)).ToString());
            Report("put 160-byte value", client.Put("long", new string('v', 160)).ToString());
            long got = client.Get("long", out string value);
            Report("get 160-byte value", string.Concat(got.ToString(), value == new string('v', 160) ? " equal" : " differs"));
            Report("get missing key", client.Get("missing", out _).ToString());
            Report("delete missing key", client.Delete("missing").ToString());
            Report("get bad key", client.Get("BAD", out _).ToString());

            // Fill to the limit, one more, then replace an existing key while full.
            long before = client.Count();
            int put = 0;
            for (int i = 0; i < KeyValueLimits.MaxKeys + 8; i++)
                if (client.Put(string.Concat("fill-", i.ToString()), "x") == 0)
                    put++;
            Report("fill", string.Concat((before + put).ToString(), " keys"));
            Report("put when full", client.Put("one-more", "x").ToString());
            Report("replace when full", client.Put("fill-0", "y").ToString());
            Report("count", client.Count().ToString());
            for (int i = 0; i < KeyValueLimits.MaxKeys + 8; i++)
                client.Delete(string.Concat("fill-", i.ToString()));
            Report("count after deletes", client.Count().ToString());
            // Last, random messages (they may add keys): kv must answer each (an error is an answer) or at least survive them.
            int answered = 0;
            for (int i = 0; i < count; i++)
            {
                state = Next(state);
                uint label = (state & 1) == 0 ? (uint)(1 + (state >> 1) % 4) : (uint)(state >> 8);
                int length = (int)((state >> 20) % 300);
                for (int b = 0; b < length; b++)
                {
                    state = Next(state);
                    buffer[b] = (byte)state;
                }
                var m = new Message(label, Next(state), state >> 3, state << 5, ~state) { Tag = MessageTag.Of(label, length) };
                long r = kv.Call(ref m);
                if (r < 0)
                    break;                              // the call itself failed: kv is gone
                answered++;
            }
            Report("random messages", string.Concat(answered.ToString(), " answered"));

            Report("ping", new IDebug.Client(kv).Ping(41).ToString());
            Sys.Write("kv-check: done");
            return 0;
        }

        private static ulong Next(ulong s)
        {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            return s;
        }

        private static void Report(string what, string result) => Sys.Write(string.Concat("kv-check: ", what, " -> ", result));
    }
}
