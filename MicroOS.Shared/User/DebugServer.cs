using System.Runtime.CompilerServices;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.User
{
    // The Debug contract every server answers (IDebug, SystemContracts.cs): ServerLoop.Run calls
    // Handle before the server's own contract, so a server gets it by using the loop.
    public sealed unsafe class DebugServer : IDebug
    {
        private static int* s_nowhere;              // null, from memory: the compiler cannot drop the store
        private const ulong WildAddress = 0x0000_0DEA_D000_0000;   // canonical, user half, never mapped
        private static IDebug.Dispatcher s_dispatcher;

        // True if `m` was a Debug request (then `m` is the reply).
        public static bool Handle(ref Message m)
        {
            if (m.Label != IDebug.Labels.Ping && m.Label != IDebug.Labels.Crash)
                return false;
            if (s_dispatcher == null)
                s_dispatcher = new IDebug.Dispatcher(new DebugServer());
            s_dispatcher.Dispatch(ref m);
            return true;
        }

        long IDebug.Ping(ulong n) => unchecked((long)(n + 1));

        // Returns only for an unknown kind.
        long IDebug.Crash(CrashKind kind)
        {
            Crash(kind);
            return -1;
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
