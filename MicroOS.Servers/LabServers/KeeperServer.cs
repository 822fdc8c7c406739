using System;
using System.Collections.Generic;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.LabServers
{
    // Lab 5's keeper (IKeeper): one blob per client, the client named by the badge of the capability
    // it calls with (Server.CallerBadge), never by anything it says — so a client cannot read or
    // overwrite another's state, and a restarted server (same manifest line, same badge) gets back
    // what its previous instance saved. The blobs live in the keeper's memory: they outlive the
    // clients, not the keeper (lab 5's challenge: write them to disk through `fat`).
    internal sealed class KeeperServer : IKeeper
    {
        private readonly Dictionary<ulong, byte[]> _states = new Dictionary<ulong, byte[]>();

        public long Save(ReadOnlySpan<byte> state)
        {
            if (state.Length > NotesLimits.MaxState)
                return NotesError.TooLarge;
            _states[Server.CallerBadge] = state.ToArray();
            return 0;
        }

        public long Load(out byte[] state)
        {
            if (!_states.TryGetValue(Server.CallerBadge, out state))
                state = new byte[0];
            return state.Length;
        }
    }
}
