using System.Runtime.CompilerServices;
using MicroOS.Shared.Abi;
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
            // Only Init can put the page and the notification in this process's slots (it holds its
            // Process cap): a HandOver from anyone else (a client, a fuzzer) is an unknown request.
            if (m.Label == IDebug.Labels.HandOver && m.W0 == HandOverContract.Slot && HandOverPrepared())
                HandOver(HandOverContract.Slot);        // does not return
            if (m.Label == IDebug.Labels.HandOver)
                return false;
            if (m.Label != IDebug.Labels.Ping && m.Label != IDebug.Labels.Crash)
                return false;
            if (s_dispatcher == null)
                s_dispatcher = new IDebug.Dispatcher(new DebugServer());
            s_dispatcher.Dispatch(ref m);
            return true;
        }

        long IDebug.Ping(ulong n) => unchecked((long)(n + 1));

        // Handle takes HandOver before the dispatcher (only when Init prepared it); this is for the
        // interface's sake: an unprepared one is refused.
        long IDebug.HandOver(ulong slot) => -1;

        private static bool HandOverPrepared()
        {
            long page = Caps.Inspect(HandOverContract.Slot, out _), done = Caps.Inspect(HandOverContract.Slot + 1, out _);
            return page >= 0 && CapInfo.TypeOf(page) == CapType.Frame
                && done >= 0 && CapInfo.TypeOf(done) == CapType.Notification;
        }

        // Live update (InitServer.Update): the state (Server.HandOverState, at most MaxState bytes,
        // none without one) into the page in `slot`, the magic last, a signal on the notification in
        // `slot + 1` (Init's, badged), then no more receives: the
        // successor takes the calls that wait on the endpoint meanwhile, and Init kills this process.
        // A page that cannot be mapped gets nothing: Init then sees no magic and updates without state.
        private static void HandOver(int slot)
        {
            const ulong at = FrameCap.WindowBase + 0x7000_0000;
            if (slot > 0 && slot < Caps.SlotCount && new FrameCap(slot).Map(at, writable: true) == 0)
            {
                byte[] state = null;
                try
                {
                    state = Server.HandOverState?.Invoke();
                }
                catch (System.Exception)
                {
                    state = null;       // a state that could not be made: none rather than half of one
                }
                int n = state == null ? 0 : state.Length > HandOverContract.MaxState ? HandOverContract.MaxState : state.Length;
                byte* page = (byte*)at;
                for (int i = 0; i < n; i++)
                    page[HandOverContract.HeaderBytes + i] = state[i];
                *(ulong*)(page + 8) = (ulong)n;
                *(ulong*)page = HandOverContract.Magic;
                FrameCap.Unmap(at);
            }
            Caps.Delete(slot);
            new Notification(slot + 1).Signal();        // Init waits for this (or its timer)
            Caps.Delete(slot + 1);
            while (true)
                Sys.Sleep(1000000);
        }

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
