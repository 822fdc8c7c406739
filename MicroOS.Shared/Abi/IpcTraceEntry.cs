using System.Runtime.InteropServices;

namespace MicroOS.Shared.Abi
{
    // What the kernel's IPC trace ring records of one message (MicroOS.Kernel/Diagnostics/IpcTrace.cs
    // writes it, trace_read copies it out, the shell's `ipctrace` prints it). Fixed size, no
    // references: the ring is one array of these, allocated once at boot.
    public enum IpcTraceKind : byte
    {
        Call = 1,           // endpoint_call (the sender then waits for the reply)
        Send = 2,           // endpoint_send / endpoint_nbsend
        Reply = 3,          // endpoint_reply, or the reply half of endpoint_reply_recv
        Signal = 4,         // notification_signal (To: the notification's object id, no receiver)
    }

    public static class IpcTraceFlags
    {
        public const byte Queued = 1;           // nobody waited: the message waits on Endpoint; To is its last receiver (0: none known)
        public const byte CapMoved = 2;         // a capability went with it
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IpcTraceEntry
    {
        public const int Size = 40;

        public ulong Tsc;               // when the kernel took the message (rdtsc)
        public ulong RoundTrip;         // a reply: TSC cycles since its call was sent; else 0
        public uint Endpoint;           // the endpoint's (notification's) object generation; 0 for a reply
        public uint Label;              // the tag's label (a contract's method number)
        public int Result;              // 0, or the SyscallError the sender got
        public ushort From;             // sender's pid
        public ushort To;               // receiver's pid (Queued: the endpoint's last receiver, 0 if none known); 0 for a Signal
        public ushort Length;           // payload bytes
        public IpcTraceKind Kind;
        public byte Flags;              // IpcTraceFlags
        public uint Reserved;
    }

    // trace_control's arguments: mode, and a filter of up to four pids packed 16 bits each (0: none)
    // plus an endpoint object id (0: none). An empty filter records everything.
    public static class IpcTraceControl
    {
        public const ulong Off = 0, On = 1;
        public const int MaxPids = 4;
        public const int RingEntries = 4096;        // the kernel's ring (IpcTrace.Capacity): what a reader can get back at most

        public static ulong PackPids(int a, int b = 0, int c = 0, int d = 0) =>
            (ulong)(ushort)a | ((ulong)(ushort)b << 16) | ((ulong)(ushort)c << 32) | ((ulong)(ushort)d << 48);
    }
}
