using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.User
{
    // The chores every server shares, done once: its name for log lines, the IPC buffer, its
    // endpoint found by name (Caps.Endpoint), its name registered with Names when its manifest line
    // grants `ep:names` (the supervisor finds it there for the heartbeat, the shell for `ping`), and
    // the receive loop, which answers the Debug contract (DebugServer.cs) before the server's own
    // contract. A server is then its contract's implementation and a [ServerMain] that calls Serve:
    //
    //     [ServerMain] internal static int Main() => Server.Serve("hello", new IHello.Dispatcher(new HelloServer()));
    //
    // ([ServerMain] makes the ring-3 entry point: MicroOS.Build/Contracts/ServerMainGenerator.cs.)
    public static class Server
    {
        public static string Name { get; private set; }

        // The badge of the message being handled (who sent it, as the sender's capability says).
        public static ulong CallerBadge { get; private set; }

        // Live update (issue 17 item 5): what this server hands its successor when `update` replaces
        // it (IDebug.HandOver, DebugServer.cs), at most HandOverContract.MaxState bytes; null: no state.
        // Called on the loop's thread between requests, so the state is consistent.
        public static System.Func<byte[]> HandOverState;

        // The state the server this one replaces handed over (Init puts the page in the slot its
        // `handover=SLOT` argument names), once; null when there is none: a boot, a restart, an
        // update whose old server did not answer the hand-over, or a page that is not one.
        public static unsafe byte[] TakeOverState()
        {
            string args = ServerRuntime.Arguments ?? "";
            int at = args.IndexOf(HandOverContract.Argument);
            if (at < 0)
                return null;
            int end = args.IndexOf(' ', at);
            string word = args.Substring(at + HandOverContract.Argument.Length, (end < 0 ? args.Length : end) - at - HandOverContract.Argument.Length);
            if (!int.TryParse(word, out int slot) || slot <= 0 || slot >= Caps.SlotCount)
                return null;
            const ulong map = FrameCap.WindowBase + 0x7000_0000;
            long info = Caps.Inspect(slot, out _, out int pages);
            if (info < 0 || CapInfo.TypeOf(info) != CapType.Frame || pages < 1 || new FrameCap(slot).Map(map, writable: false) != 0)
            {
                Caps.Delete(slot);
                return null;
            }
            byte* page = (byte*)map;
            byte[] state = null;
            ulong length = *(ulong*)(page + 8);
            if (*(ulong*)page == HandOverContract.Magic && length <= HandOverContract.MaxState)
            {
                state = new byte[(int)length];
                for (int i = 0; i < state.Length; i++)
                    state[i] = page[HandOverContract.HeaderBytes + i];
            }
            FrameCap.Unmap(map);
            Caps.Delete(slot);
            return state;
        }

        // A program that is not (yet) a server, or one with set-up to do before it serves: its
        // name and its IPC buffer (a client's calls need it as much as a server's replies).
        public static void Begin(string name)
        {
            Name = name;
            IpcBuffer.Setup();
        }

        // Serves `contract` on the endpoint its manifest line grants as `ep:ENDPOINT` (by default
        // the server's own name) until the endpoint fails; `signal` takes the bits of a notification
        // bound to this thread. The exit code (1: the loop ended).
        public static int Serve(string name, IDispatcher contract, ServerLoop.SignalHandler signal = null, string endpoint = null)
        {
            Begin(name);
            return Serve(name, Caps.Endpoint(endpoint ?? name), contract, signal);
        }

        // The same on an endpoint the server holds otherwise (Init makes its own). `register`: false
        // for a server that registered itself (fat registers a write-only copy of its endpoint).
        public static int Serve(string name, Endpoint own, IDispatcher contract, ServerLoop.SignalHandler signal = null, bool register = true)
        {
            Begin(name);
            if (register)
                Register(own);
            long r = ServerLoop.Run(own, (ref Message m) =>
            {
                CallerBadge = m.Badge;
                contract.Dispatch(ref m);
            }, signal);
            Sys.Write(string.Concat(name, ": receive failed: ", r.ToString()));
            return 1;
        }

        // Registers `own` under this server's name when the manifest grants Names with the system badge.
        public static void Register(Endpoint own)
        {
            if (!Caps.TryEndpoint("names", out Endpoint names) || Name == "names")
                return;
            // Names takes registrations only with the system badge: a mere client of Names (the
            // supervisor's `ep:names:w`) does not try.
            if (Caps.Inspect(names.Slot, out ulong badge) < 0 || badge != NamesContract.SystemBadge)
                return;
            long r = new INames.Client(names).Register(Name, own);
            Sys.Write(r == 0 ? string.Concat(Name, ": registered with names") : string.Concat(Name, ": names refused the registration: ", r.ToString()));
        }
    }

    // What a contract's generated Dispatcher is to the loop: a request in `m` becomes its reply.
    public interface IDispatcher
    {
        void Dispatch(ref Message m);
    }
}
