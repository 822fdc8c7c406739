using System;
using System.Collections.Generic;
using System.Text;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.LabServers
{
    // Lab 5 (docs/labs/05-restart.md): `notes` keeps a list of short notes (INotes). Its memory dies
    // with it: when it crashes, the supervisor starts a new instance from the same manifest line, on
    // the same endpoint (Init holds it), and that instance starts empty — unless the state was handed
    // to a peer that outlives it. Here the peer is `keeper` (KeeperServer.cs), which keeps one blob per
    // badge; the manifest gives notes `ep:keeper:w:BADGE`, so every instance of notes is the same
    // client to the keeper. What must stay true: a note is acknowledged (Add answers its index) only
    // once the keeper has it, so nothing a client was told is kept can be lost by a crash.
    internal sealed class NotesServer : INotes
    {
        private readonly List<string> _notes = new List<string>();
        private Endpoint _keeper;

        internal static int Run()
        {
            Server.Begin("notes");      // the IPC buffer: Restore calls the keeper before serving
            var server = new NotesServer();
            if (!Caps.TryEndpoint("keeper", out server._keeper))
            {
                Sys.Write("notes: no `keeper` capability in the manifest line");
                return 1;
            }
            long restored = server.Restore();
            Sys.Write(restored < 0
                ? string.Concat("notes: could not restore: error ", restored.ToString())
                : string.Concat("notes: started with ", server._notes.Count.ToString(), " notes"));
            return Server.Serve("notes", Caps.Endpoint("notes"), new INotes.Dispatcher(server));
        }

        public long Add(string text)
        {
            if (!IsNote(text))
                return NotesError.BadNote;
            if (_notes.Count == NotesLimits.MaxNotes)
                return NotesError.Full;
            _notes.Add(text);
            // LAB 5 BEGIN: hand the new state to the keeper before answering
            if (Save() < 0)
            {
                _notes.RemoveAt(_notes.Count - 1);      // not kept: the client must not be told it is
                return NotesError.NotSaved;
            }
            // LAB 5 STARTER
            // LAB 5 END
            return _notes.Count - 1;
        }

        public long Get(long index, out string text)
        {
            text = null;
            if (index < 0 || index >= _notes.Count)
                return NotesError.NotFound;
            text = _notes[(int)index];
            return text.Length;
        }

        public long Count() => _notes.Count;

        public long Instance() => Sys.ProcessId;

        private static bool IsNote(string text)
        {
            if (text == null || text.Length == 0 || text.Length > NotesLimits.MaxNote)
                return false;
            foreach (char c in text)
                if (c < ' ' || c > '~')
                    return false;
            return true;
        }

        // The list as bytes for the keeper: each note its length (one byte) then its ASCII characters.
        // At most 64 notes of 40 characters: 2,624 bytes, within NotesLimits.MaxState.
        private long Save()
        {
            // LAB 5 BEGIN: encode the notes and call the keeper's Save
            var state = new byte[NotesLimits.MaxState];
            int length = 0;
            foreach (string note in _notes)
            {
                state[length++] = (byte)note.Length;
                foreach (char c in note)
                    state[length++] = (byte)c;
            }
            return new IKeeper.Client(_keeper).Save(new ReadOnlySpan<byte>(state, 0, length));
            // LAB 5 STARTER
            // return 0;       // nothing is kept anywhere
            // LAB 5 END
        }

        // At start: the notes the keeper has for us (none the first time). The keeper's bytes are
        // checked like any message: a blob that does not decode is an error, and nothing is taken.
        private long Restore()
        {
            // LAB 5 BEGIN: load the state from the keeper and decode it
            long r = new IKeeper.Client(_keeper).Load(out byte[] state);
            if (r < 0)
                return r;
            var notes = new List<string>();
            int at = 0;
            while (at < state.Length)
            {
                int length = state[at++];
                if (length == 0 || at + length > state.Length || notes.Count == NotesLimits.MaxNotes)
                    return NotesError.BadNote;
                var text = new StringBuilder(length);
                for (int i = 0; i < length; i++)
                    text.Append((char)state[at + i]);
                at += length;
                notes.Add(text.ToString());
            }
            _notes.AddRange(notes);
            return notes.Count;
            // LAB 5 STARTER
            // return 0;       // every instance starts empty
            // LAB 5 END
        }
    }
}
