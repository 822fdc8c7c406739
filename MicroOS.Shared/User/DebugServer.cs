using System.Runtime.CompilerServices;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.User
{
    // The Debug contract every server answers (SystemContracts.cs): ServerLoop.Run calls Handle
    // before the server's own handler, so a server gets it by using the loop.
    public static unsafe class DebugServer
    {
        private static int* s_nowhere;              // null, from memory: the compiler cannot drop the store
        private const ulong WildAddress = 0x0000_0DEA_D000_0000;   // canonical, user half, never mapped

        // True if `m` was a Debug request (then `m` is the reply).
        public static bool Handle(ref Message m)
        {
            if (m.Label == DebugContract.Ping)
            {
                m = new Message(DebugContract.Ping, m.W0 + 1);
                return true;
            }
            if (m.Label == DebugContract.Crash)
            {
                Crash((CrashKind)m.W0);
                m = new Message(DebugContract.Crash, ulong.MaxValue);   // an unknown kind: answered, no crash
                return true;
            }
            return false;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Crash(CrashKind kind)
        {
            switch (kind)
            {
                case CrashKind.Null:
                    // The runtime's fault upcall would turn this #PF into a NullReferenceException;
                    // switched off first, it is a plain ring-3 fault and the kernel kills the server.
                    Sys.SetFaultHandler(0, 0, 0);
                    *s_nowhere = 1;
                    break;
                case CrashKind.Wild:
                    *(ulong*)WildAddress = 1;
                    break;
                case CrashKind.Loop:
                    while (true) { }
                case CrashKind.Exit:
                    Sys.Exit(3);
                    break;
            }
        }
    }
}
