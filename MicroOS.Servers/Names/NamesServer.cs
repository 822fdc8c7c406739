using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Names
{
    // Endpoints by name (NamesContract). Slot 1: its endpoint (manifest `caps=ep:names:rwg`). A
    // Register carries the endpoint cap, which lands in ReceiveSlot and moves to the name's own slot;
    // a Lookup is answered with a copy of it. Only callers with the system badge, which Init mints
    // into the system servers' caps (`ep:names:w:20823`), may register.
    internal static unsafe class NamesServer
    {
        private const int EndpointSlot = 1;
        private const int ReceiveSlot = 2;
        private const int FirstNameSlot = 8;
        private const int MaxNames = 64;

        private static readonly string[] s_names = new string[MaxNames];
        private static byte* s_buffer;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            s_buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_buffer, ReceiveSlot);
            Sys.Write("names: ready");
            long r = ServerLoop.Run(new Endpoint(EndpointSlot), Handle);
            Sys.Write(string.Concat("names: receive failed: ", r.ToString()));
            return 1;
        }

        private static void Handle(ref Message m)
        {
            bool carried = m.Tag.CapCount == 1;
            string name = ReadName(m.Tag.Length);
            NamesError result;
            int answerSlot = 0;
            if (m.Label == NamesContract.Register)
                result = Register(name, carried, m.Badge);
            else if (m.Label == NamesContract.Lookup)
                result = Lookup(name, out answerSlot);
            else
                result = NamesError.BadName;
            if (carried)
                Caps.Delete(ReceiveSlot);       // not taken by Register: never kept
            m = new Message(m.Label, (ulong)result);
            if (answerSlot != 0)
                m.Tag = MessageTag.WithCap(NamesContract.Lookup, answerSlot);
        }

        private static NamesError Register(string name, bool carried, ulong badge)
        {
            if (badge != NamesContract.SystemBadge)
                return NamesError.NotPermitted;
            if (name == null || !carried)
                return NamesError.BadName;
            int free = -1;
            for (int i = 0; i < MaxNames; i++)
            {
                if (s_names[i] == name)
                {
                    Caps.Delete(FirstNameSlot + i);     // a restarted server: the name gets its new endpoint
                    free = i;
                    break;
                }
                if (s_names[i] == null && free < 0)
                    free = i;
            }
            if (free < 0)
                return NamesError.Full;
            if (Caps.Move(ReceiveSlot, FirstNameSlot + free) != 0)
                return NamesError.BadName;
            s_names[free] = name;
            Sys.Write(string.Concat("names: registered ", name));
            return NamesError.Ok;
        }

        private static NamesError Lookup(string name, out int slot)
        {
            slot = 0;
            if (name == null)
                return NamesError.BadName;
            for (int i = 0; i < MaxNames; i++)
                if (s_names[i] == name)
                {
                    slot = FirstNameSlot + i;
                    return NamesError.Ok;
                }
            return NamesError.NotFound;
        }

        // 1..32 bytes of [a-z0-9-], or null.
        private static string ReadName(int length)
        {
            if (length < 1 || length > NamesContract.MaxName)
                return null;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = s_buffer[i];
                if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-'))
                    return null;
                chars[i] = (char)b;
            }
            return new string(chars);
        }
    }
}
