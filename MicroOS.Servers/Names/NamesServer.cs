using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Names
{
    // Endpoints by name (INames). A Register carries the endpoint cap, which the dispatcher hands
    // over in a slot of its own: kept as the name's endpoint, or given back. A Lookup is answered
    // with a copy of it. Only callers with the system badge, which Init mints into the system
    // servers' caps (`ep:names:wg:20823`), may register.
    internal sealed class NamesServer : INames
    {
        private const int MaxNames = 64;

        private readonly string[] _names = new string[MaxNames];
        private readonly Endpoint[] _endpoints = new Endpoint[MaxNames];

        [ServerMain]
        internal static int Main()
        {
            Sys.Write("names: ready");
            return Server.Serve("names", new INames.Dispatcher(new NamesServer()));
        }

        public long Register(string name, Endpoint endpoint)
        {
            NamesError result = Add(name, endpoint);
            if (result != NamesError.Ok)
                Caps.FreeSlot(endpoint.Slot);       // not taken: never kept
            return (long)result;
        }

        private NamesError Add(string name, Endpoint endpoint)
        {
            if (Server.CallerBadge != NamesContract.SystemBadge)
                return NamesError.NotPermitted;
            if (!Valid(name) || endpoint.Slot == 0)
                return NamesError.BadName;
            int free = -1;
            for (int i = 0; i < MaxNames; i++)
            {
                if (_names[i] == name)
                {
                    // A name stays with its endpoint while that endpoint lives. A restarted server
                    // registers the same endpoint again (the manifest's, which Init owns) or a new one
                    // after its old one died with it; anyone else with the system badge offering a
                    // live name another endpoint would take over its clients (a compromised server
                    // posing as `fat` would read every file a client writes).
                    long old = Caps.Identity(_endpoints[i].Slot);
                    if (old >= 0 && old != Caps.Identity(endpoint.Slot))
                        return NamesError.Taken;
                    Caps.FreeSlot(_endpoints[i].Slot);
                    free = i;
                    break;
                }
                if (_names[i] == null && free < 0)
                    free = i;
            }
            if (free < 0)
                return NamesError.Full;
            _names[free] = name;
            _endpoints[free] = endpoint;
            Sys.Write(string.Concat("names: registered ", name));
            return NamesError.Ok;
        }

        public long Lookup(string name, out Endpoint endpoint)
        {
            endpoint = default;
            if (!Valid(name))
                return (long)NamesError.BadName;
            for (int i = 0; i < MaxNames; i++)
                if (_names[i] == name)
                {
                    endpoint = _endpoints[i];
                    return (long)NamesError.Ok;
                }
            return (long)NamesError.NotFound;
        }

        // 1..32 bytes of [a-z0-9-].
        private static bool Valid(string name)
        {
            if (name == null || name.Length < 1 || name.Length > NamesContract.MaxName)
                return false;
            foreach (char c in name)
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                    return false;
            return true;
        }
    }
}
