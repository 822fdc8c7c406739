using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage.Fat;

namespace MicroOS.Servers.Fat
{
    // Who may name which open file. Every client Connects first and gets a copy of the fat endpoint
    // minted with a badge of its own (the session id): the kernel stamps that badge on every message
    // sent through it, so a session cannot be forged by what a client writes in a message. Each session
    // has its own table of open files; a handle is (generation << 8 | index) into that table, so a
    // handle from another session, a closed one or an invented number names nothing (BadHandle).
    // Session ids only grow: when every session slot is taken the oldest session is dropped (its files
    // closed), and its badge, which its client may still hold, then matches no session.
    internal sealed class Sessions
    {
        public const int MaxSessions = 64;
        public const int HandlesPerSession = 32;

        private sealed class Session
        {
            public ulong Id;
            public readonly FatFile[] Files = new FatFile[HandlesPerSession];
            public readonly int[] Generations = new int[HandlesPerSession];
        }

        private readonly Session[] _sessions = new Session[MaxSessions];
        private ulong _nextId = 1;

        // A new session's id (its badge); the oldest is dropped when the table is full.
        public ulong Open(FatVolume volume)
        {
            int slot = -1;
            for (int i = 0; i < MaxSessions && slot < 0; i++)
                if (_sessions[i] == null)
                    slot = i;
            if (slot < 0)
            {
                slot = 0;
                for (int i = 1; i < MaxSessions; i++)
                    if (_sessions[i].Id < _sessions[slot].Id)
                        slot = i;
                CloseAll(_sessions[slot], volume);
            }
            var s = new Session { Id = _nextId++ };
            _sessions[slot] = s;
            return s.Id;
        }

        private Session Find(ulong badge)
        {
            if (badge == 0)
                return null;
            for (int i = 0; i < MaxSessions; i++)
                if (_sessions[i] != null && _sessions[i].Id == badge)
                    return _sessions[i];
            return null;
        }

        // A handle for file in the badge's session, or BadHandle / TooManyOpen (negative).
        public long Add(ulong badge, FatFile file)
        {
            Session s = Find(badge);
            if (s == null)
                return (long)FsError.BadHandle;
            for (int i = 0; i < HandlesPerSession; i++)
                if (s.Files[i] == null)
                {
                    s.Files[i] = file;
                    s.Generations[i] = (s.Generations[i] + 1) & 0x7FFFFF;
                    return (long)s.Generations[i] << 8 | (long)i;
                }
            return (long)FsError.TooManyOpen;
        }

        // The open file the handle names in the badge's session, or null.
        public FatFile Get(ulong badge, ulong handle)
        {
            Session s = Find(badge);
            if (s == null || handle > 0x7FFFFFFF)
                return null;
            int index = (int)(handle & 0xFF);
            int generation = (int)(handle >> 8);
            if (index >= HandlesPerSession || s.Files[index] == null || s.Generations[index] != generation)
                return null;
            return s.Files[index];
        }

        public void Remove(ulong badge, ulong handle)
        {
            Session s = Find(badge);
            if (s != null && Get(badge, handle) != null)
                s.Files[(int)(handle & 0xFF)] = null;
        }

        public bool IsSession(ulong badge) => Find(badge) != null;

        private static void CloseAll(Session s, FatVolume volume)
        {
            for (int i = 0; i < HandlesPerSession; i++)
                if (s.Files[i] != null)
                {
                    volume?.Close(s.Files[i]);
                    s.Files[i] = null;
                }
        }
    }
}
