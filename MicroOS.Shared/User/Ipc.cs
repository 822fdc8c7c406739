using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // The six argument registers of an IPC syscall, in and out (mos_ipc in User.asm):
    // in: A0 = capability slot, A1 = tag, A2..A5 = message words; out: A0 = badge (or notification
    // bits), A1 = tag, A2..A5 = words.
    [StructLayout(LayoutKind.Sequential)]
    public struct IpcRegisters
    {
        public ulong A0, A1, A2, A3, A4, A5;
    }

    // A message as a server sees it: tag, four words in registers, and who sent it (badge).
    public struct Message
    {
        public MessageTag Tag;
        public ulong W0, W1, W2, W3;
        public ulong Badge;

        public Message(uint label, ulong w0 = 0, ulong w1 = 0, ulong w2 = 0, ulong w3 = 0)
        {
            Tag = MessageTag.Of(label);
            W0 = w0; W1 = w1; W2 = w2; W3 = w3;
            Badge = 0;
        }

        public uint Label => Tag.Label;
    }

    // Typed stubs for every IPC and capability syscall. Each is one `syscall`. Called by the typed
    // wrappers in Endpoint.cs (Endpoint, Notification, FrameCap, IoPorts, IrqLineCap, ProcessCap)
    // and by servers that want the raw registers (the benchmarks); the next stop is mos_ipc in User.asm.
    public static unsafe class Ipc
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_ipc")]
        public static extern long Raw(ulong number, IpcRegisters* registers);

        public static long Invoke(Syscall number, ref Message m, int slot)
        {
            IpcRegisters r;
            r.A0 = (ulong)slot;
            r.A1 = m.Tag.Value;
            r.A2 = m.W0; r.A3 = m.W1; r.A4 = m.W2; r.A5 = m.W3;
            long result = Raw((ulong)number, &r);
            if (result >= 0 && number != Syscall.EndpointSend && number != Syscall.EndpointNBSend)
            {
                m.Badge = r.A0;
                m.Tag = new MessageTag(r.A1);
                m.W0 = r.A2; m.W1 = r.A3; m.W2 = r.A4; m.W3 = r.A5;
            }
            return result;
        }

        // A syscall with up to four plain arguments and the registers it returns.
        public static long Syscall4(Syscall number, ulong a0, ulong a1, ulong a2, ulong a3, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = a0; r.A1 = a1; r.A2 = a2; r.A3 = a3; r.A4 = 0; r.A5 = 0;
            long value = Raw((ulong)number, &r);
            result = r;
            return value;
        }

        // The thread's IPC buffer (page aligned) and the slot received capabilities land in.
        public static long SetBuffer(void* page, int receiveSlot) =>
            SysCalls.IpcSetBuffer((ulong)page, (ulong)receiveSlot);

        // Reply to the last call this thread received.
        public static long Reply(ref Message m) => Invoke(Syscall.EndpointReply, ref m, 0);
    }

    public static unsafe partial class Caps
    {
        public static long Copy(int source, int destination) => SysCalls.CapCopy((ulong)source, (ulong)destination);
        public static long Mint(int source, int destination, CapRights rights, ulong badge = 0) =>
            SysCalls.CapMint((ulong)source, (ulong)destination, (ulong)rights, badge);
        public static long Move(int source, int destination) => SysCalls.CapMove((ulong)source, (ulong)destination);
        public static long Delete(int slot) => SysCalls.CapDelete((ulong)slot);
        public static long Revoke(int slot) => SysCalls.CapRevoke((ulong)slot);
        public static long Count() => SysCalls.CapCount();

        // CapInfo-packed type and rights (or an error); the badge comes back too.
        public static long Inspect(int slot, out ulong badge)
        {
            long info = SysCalls.CapInspect((ulong)slot, out IpcRegisters r);
            badge = r.A0;
            return info;
        }

        // The identity of the object a live capability names (never reused: two caps with the same
        // identity name one object), or a negative SyscallError (ObjectGone: it died).
        public static long Identity(int slot)
        {
            long info = SysCalls.CapInspect((ulong)slot, out IpcRegisters r);
            return info < 0 ? info : (long)r.A2;
        }

        // The same, and the size of a Frame in pages (0 for any other object).
        public static long Inspect(int slot, out ulong badge, out int framePages)
        {
            long info = SysCalls.CapInspect((ulong)slot, out IpcRegisters r);
            badge = r.A0;
            framePages = info < 0 ? 0 : (int)r.A1;
            return info;
        }

        public static long CreateEndpoint(int destination) => SysCalls.EndpointCreate((ulong)destination);
        public static long CreateNotification(int destination) => SysCalls.NotificationCreate((ulong)destination);
        public static long CreateFrame(int destination, int pages) => SysCalls.FrameCreate((ulong)destination, (ulong)pages);
        // object_destroy: ends an endpoint, notification or frame this process made, through its
        // original cap (docs/capabilities.md "Destroy by owner"); every cap to it then answers ObjectGone.
        public static long Destroy(int slot) => SysCalls.ObjectDestroy((ulong)slot);
    }
}
