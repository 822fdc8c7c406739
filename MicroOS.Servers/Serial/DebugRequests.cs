using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers
{
    // The Debug contract (SystemContracts.cs) every server answers besides its own: the supervisor's
    // heartbeat and its crash orders. Linked into each of the console's servers until a shared
    // ServerBase exists. Handle returns true when the message was a Debug request (`m` is the reply).
    internal static unsafe class DebugRequests
    {
        public static bool Handle(string server, ref Message m)
        {
            if (m.Label == DebugContract.Ping)
            {
                m = new Message(DebugContract.Ping, m.W0 + 1);
                return true;
            }
            if (m.Label != DebugContract.Crash)
                return false;
            Sys.Write(string.Concat(server, ": crash ordered, kind ", m.W0.ToString()));
            switch ((CrashKind)m.W0)
            {
                case CrashKind.Null:
                    *(ulong*)0 = 1;
                    break;
                case CrashKind.Wild:
                    *(ulong*)0x0000_0066_6000_0000 = 1;
                    break;
                case CrashKind.Loop:
                    while (true) { }
                case CrashKind.Exit:
                    Sys.Exit(3);
                    break;
            }
            m = new Message(DebugContract.Crash, 1);     // an unknown kind: refused, the server lives on
            return true;
        }
    }
}
