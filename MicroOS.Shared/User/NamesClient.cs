using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.User
{
    // A client of the Names server (NamesContract), through an endpoint cap to it. The name goes in
    // the IPC buffer, so the thread must have one (Ipc.SetBuffer; `buffer` is that page).
    public readonly unsafe struct NamesClient
    {
        private readonly Endpoint _names;
        private readonly byte* _buffer;

        public NamesClient(Endpoint names, byte* buffer)
        {
            _names = names;
            _buffer = buffer;
        }

        // 0 (NamesError.Ok), a NamesError, or a negative SyscallError.
        public long Register(string name, int endpointSlot)
        {
            int length = Put(name);
            var m = new Message(NamesContract.Register) { Tag = MessageTag.WithCap(NamesContract.Register, endpointSlot, length) };
            long r = _names.Call(ref m);
            return r < 0 ? r : (long)m.W0;
        }

        // 0 and the endpoint in the thread's receive slot, a NamesError, or a negative SyscallError.
        public long Lookup(string name)
        {
            int length = Put(name);
            var m = new Message(NamesContract.Lookup) { Tag = MessageTag.Of(NamesContract.Lookup, length) };
            long r = _names.Call(ref m);
            return r < 0 ? r : (long)m.W0;
        }

        private int Put(string name)
        {
            int length = name.Length < NamesContract.MaxName + 1 ? name.Length : NamesContract.MaxName + 1;
            for (int i = 0; i < length; i++)
                _buffer[i] = (byte)name[i];
            return length;
        }
    }
}
