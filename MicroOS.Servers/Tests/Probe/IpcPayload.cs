using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Probe `ipc payload` (IpcTests): payloads through pong, byte for byte, on each way the kernel
    // copies them (docs/ipc-path.md): a Call to a waiting pong (one copy in, one copy of the reply
    // back), and a Send that has to queue behind another (through the staging page). Then the
    // IPC buffer's rules: it must be a mapped page of the caller's own, and stays pinned while
    // registered (unmap_memory refuses it until ipc_set_buffer(0)). Slot 1 = pong's endpoint.
    internal static unsafe class IpcPayload
    {
        public static int Run()
        {
            var pong = new Endpoint(1);
            byte* pages = (byte*)Sys.MapMemory(3 * 4096);
            byte* buffer = pages;
            Sys.Write(string.Concat("payload: unmap a spare page -> ", Sys.UnmapMemory(pages + 2 * 4096, 4096).ToString()));
            Sys.Write(string.Concat("payload: set_buffer on an unmapped page -> ", Ipc.SetBuffer(pages + 2 * 4096, 0).ToString()));
            Sys.Write(string.Concat("payload: set_buffer on a kernel address -> ",
                Ipc.Syscall4(Syscall.IpcSetBuffer, 0xFFFF_FFFF_8000_0000, 0, 0, 0, out _).ToString()));
            Sys.Write(string.Concat("payload: set_buffer -> ", Ipc.SetBuffer(buffer, 0).ToString()));
            Sys.Write(string.Concat("payload: unmap the registered buffer -> ", Sys.UnmapMemory(buffer, 4096).ToString()));

            // A Call with 4 KiB to pong, waiting: the bytes arrive (pong's hash), and its reply's
            // payload (each byte + 1) lands in our buffer.
            for (int i = 0; i < 4096; i++)
                buffer[i] = (byte)(i * 7 + 3);
            ulong sent = EchoContract.Hash(buffer, 4096);
            var m = new Message(EchoContract.EchoPayload) { Tag = MessageTag.Of(EchoContract.EchoPayload, 4096) };
            long r = pong.Call(ref m);
            int wrong = 0;
            for (int i = 0; i < 4096; i++)
                if (buffer[i] != (byte)(i * 7 + 4))
                    wrong++;
            Sys.Write(string.Concat("payload: call with 4096 bytes -> ", r.ToString(), ", reply ", m.Tag.Length.ToString(),
                " bytes, hash ", m.W0 == sent ? "matches" : "differs", ", ", wrong.ToString(), " reply bytes wrong"));

            // Two Sends back to back: the first meets pong waiting, the second finds it busy and waits
            // in the queue (its payload in the staging page) until pong receives again.
            for (int i = 0; i < 100; i++)
                buffer[i] = (byte)(255 - i);
            ulong first = EchoContract.Hash(buffer, 100);
            m = new Message(EchoContract.EchoPayload) { Tag = MessageTag.Of(EchoContract.EchoPayload, 100) };
            long s1 = pong.Send(ref m);
            for (int i = 0; i < 3000; i++)
                buffer[i] = (byte)(i ^ 0x5A);
            ulong second = EchoContract.Hash(buffer, 3000);
            m = new Message(EchoContract.EchoPayload) { Tag = MessageTag.Of(EchoContract.EchoPayload, 3000) };
            long s2 = pong.Send(ref m);
            m = new Message(EchoContract.PayloadHashes);
            r = pong.Call(ref m);
            Sys.Write(string.Concat("payload: two sends -> ", s1.ToString(), ", ", s2.ToString(), "; hashes -> ", r.ToString(), ", ",
                m.W0 == first ? "first matches" : "first differs", ", ", m.W1 == second ? "second matches" : "second differs"));

            // A payload longer than the ABI allows, and the buffer let go (then it may be unmapped).
            m = new Message(EchoContract.EchoPayload) { Tag = new MessageTag(((ulong)EchoContract.EchoPayload << 32) | 0x1FFF) };
            Sys.Write(string.Concat("payload: call with 8191 bytes -> ", pong.Call(ref m).ToString()));
            Sys.Write(string.Concat("payload: set_buffer(0) -> ", Ipc.SetBuffer(null, 0).ToString(),
                ", then unmap -> ", Sys.UnmapMemory(buffer, 4096).ToString()));
            m = new Message(EchoContract.EchoPayload) { Tag = MessageTag.Of(EchoContract.EchoPayload, 16) };
            Sys.Write(string.Concat("payload: call with 16 bytes and no buffer -> ", pong.Call(ref m).ToString()));

            // Register-only calls to pong, waiting in ReplyRecv: the IPC fast path's case. How many of
            // these calls and pong's reply_recvs took the general path (system_info's r10): 0 with
            // the fast path, all 40 with the kernel option ipcslow. The replies are the same.
            ulong before = GeneralPathCount();
            ulong sum = 0;
            for (int i = 0; i < 20; i++)
            {
                m = new Message(EchoContract.Ping, (ulong)i);
                r = pong.Call(ref m);
                sum += r == 0 ? m.W0 : 1000;
            }
            Sys.Write(string.Concat("payload: 20 register-only calls, replies sum to ", sum.ToString()));
            Sys.Write(string.Concat("paths: ", (GeneralPathCount() - before).ToString(), " of them and pong's reply_recvs took the general path"));
            return 0;
        }

        private static ulong GeneralPathCount()
        {
            Ipc.Syscall4(Syscall.SystemInfo, 0, 0, 0, 0, out IpcRegisters r);
            return r.A3;
        }
    }
}
