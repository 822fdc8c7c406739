using System;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // A contract defined here, in the probe, that the shell has never seen: the shell's `call` and
    // `contracts` (MicroOS.Servers/Shell/CallCommand.cs) must learn it from the describe reply the
    // generated dispatcher gives (MicroOS.Tests/Boot/CallCommandTests.cs, manifest section [call-test]).
    // One method per kind of argument the shell parses, mixes of them, and methods it must refuse.
    [Contract]
    public partial interface ICallTest
    {
        long Add(long a, long b);                                   // a + b
        long Negate(bool value, out bool negated);                  // 0; negated = !value
        long Greet(string name, out string greeting);               // greeting's length; "hello, NAME"
        long Repeat(byte times, string text, bool upper, out string result, out uint length);   // times; text times times
        long Fail(long code);                                       // code (a negative one is an error)
        long Keep(Endpoint endpoint);                               // a capability: the shell cannot make one
        long Sum(ReadOnlySpan<byte> bytes);                         // bytes: the shell refuses them too
    }

    internal sealed class CallTestServer : ICallTest
    {
        public static int Run() => Server.Serve("calltest", new ICallTest.Dispatcher(new CallTestServer()));

        public long Add(long a, long b) => a + b;

        public long Negate(bool value, out bool negated)
        {
            negated = !value;
            return 0;
        }

        public long Greet(string name, out string greeting)
        {
            greeting = string.Concat("hello, ", name);
            return greeting.Length;
        }

        public long Repeat(byte times, string text, bool upper, out string result, out uint length)
        {
            string one = upper ? text.ToUpperInvariant() : text;
            result = "";
            for (int i = 0; i < times; i++)
                result = string.Concat(result, one);
            length = (uint)result.Length;
            return times;
        }

        public long Fail(long code) => code;

        public long Keep(Endpoint endpoint)
        {
            Caps.FreeSlot(endpoint.Slot);
            return 0;
        }

        public long Sum(ReadOnlySpan<byte> bytes)
        {
            long sum = 0;
            foreach (byte b in bytes)
                sum += b;
            return sum;
        }
    }
}
