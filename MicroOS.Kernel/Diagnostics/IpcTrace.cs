using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Syscalls;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Diagnostics
{
    // The IPC trace ring (issue 20): what `ipctrace` shows. Called by Objects/Endpoint.cs (a call, a
    // send, a reply, a caller failed), NotificationSyscalls.Signal and, to read and control it,
    // Syscalls/TraceSyscalls.cs (trace_read, trace_control, decoded against a Trace capability).
    //
    // What must stay true:
    // - The ring is allocated once, at boot (Initialize), and fixed size: recording allocates nothing,
    //   prints nothing, never blocks and never fails. A full ring overwrites its oldest entry; a
    //   reader learns how many it missed from the sequence numbers (trace_read's `lost`).
    // - Off costs the IPC fast path nothing: while tracing is on, IpcFastPath is switched off
    //   (IpcFastPath.SetTracing), so every Call and ReplyRecv takes the general path, which records;
    //   off, the general path's hooks are one test of `On` each and the fast path is as before.
    // - An entry is written whole before Written moves past it: syscalls run with interrupts off on
    //   the one CPU, so a reader never sees half an entry.
    internal static unsafe class IpcTrace
    {
        public const int Capacity = IpcTraceControl.RingEntries;     // entries (Capacity * IpcTraceEntry.Size bytes: 160 KiB)

        // In a class without a static constructor: no initialisation check on the hooks' test.
        public static bool On;
        private static IpcTraceEntry* s_ring;
        private static ulong s_written;         // entries ever recorded: the next one's sequence number
        private static ulong s_filterPids;      // up to four 16-bit pids (IpcTraceControl.PackPids); 0: any
        private static ulong s_filterEndpoint;  // an endpoint's object id; 0: any

        public static ulong Written => s_written;

        // KernelMain, once: the ring, and `trace` (the kernel option) turns it on from the first message.
        public static void Initialize(bool on)
        {
            s_ring = (IpcTraceEntry*)KernelHeapPages.AllocateZeroed((nuint)(Capacity * IpcTraceEntry.Size));
            if (sizeof(IpcTraceEntry) != IpcTraceEntry.Size)
                Panic.Halt("IpcTraceEntry is not IpcTraceEntry.Size bytes", QemuExitCode.Panic);
            Control(on, 0, 0);
        }

        public static void Control(bool on, ulong pids, ulong endpoint)
        {
            s_filterPids = pids;
            s_filterEndpoint = endpoint;
            On = on && s_ring != null;
            IpcFastPath.SetTracing(On);
        }

        // A message the kernel took from `from` (the current thread): to `to` (null: nobody waited,
        // or a notification), through `obj` (an endpoint or notification; null for a reply).
        public static void Message(IpcTraceKind kind, ThreadIpc from, ThreadIpc to, KernelObject obj, ulong tag, long result, bool capMoved)
        {
            ulong now = Cpu.ReadTsc();
            ulong roundTrip = 0;
            if (kind == IpcTraceKind.Reply && to != null && to.TraceCallTsc != 0)
            {
                roundTrip = now - to.TraceCallTsc;
                to.TraceCallTsc = 0;
            }
            else if (kind == IpcTraceKind.Call && from != null)
            {
                from.TraceCallTsc = result == 0 ? now : 0;
            }
            int fromPid = from == null ? 0 : from.Thread.Process.Id;
            // A message nobody waited for yet: the endpoint's last receiver is who it will most likely
            // go to (Endpoint.TraceReceiverPid), flagged Queued.
            int toPid = to != null ? to.Thread.Process.Id : obj is Endpoint queuedOn ? queuedOn.TraceReceiverPid : 0;
            if (to != null && obj is Endpoint deliveredOn)
                deliveredOn.TraceReceiverPid = toPid;
            uint endpoint = obj == null ? 0 : (uint)obj.Generation;
            if (!Passes(fromPid, toPid, endpoint))
                return;
            var tagBits = new MessageTag(tag);
            IpcTraceEntry* e = s_ring + (int)(s_written % Capacity);
            e->Tsc = now;
            e->RoundTrip = roundTrip;
            e->Endpoint = endpoint;
            e->Label = tagBits.Label;
            e->Result = (int)result;
            e->From = (ushort)fromPid;
            e->To = (ushort)toPid;
            e->Length = (tag & MessageTag.PayloadAndCapBits) == 0 ? (ushort)0 : (ushort)tagBits.Length;
            e->Kind = kind;
            e->Flags = (byte)((to == null && result == 0 && kind != IpcTraceKind.Signal && kind != IpcTraceKind.Reply ? IpcTraceFlags.Queued : 0)
                              | (capMoved ? IpcTraceFlags.CapMoved : 0));
            e->Reserved = 0;
            s_written++;
        }

        // A waiting caller failed without a reply (its server or the endpoint went): a reply from
        // nobody (From 0) with the error the caller gets.
        public static void Failed(ThreadIpc caller, long error)
        {
            if (caller.Wait == IpcWait.Reply || caller.Wait == IpcWait.Call)
                Message(IpcTraceKind.Reply, null, caller, null, 0, error, false);
        }

        private static bool Passes(int from, int to, uint endpoint)
        {
            if (s_filterPids == 0 && s_filterEndpoint == 0)
                return true;
            if (s_filterEndpoint != 0 && endpoint == (uint)s_filterEndpoint)
                return true;
            for (int i = 0; i < IpcTraceControl.MaxPids; i++)
            {
                int pid = (int)((s_filterPids >> (16 * i)) & 0xFFFF);
                if (pid != 0 && (pid == from || pid == to))
                    return true;
            }
            return false;
        }

        // trace_read's copy: entries from sequence number `cursor` on, at most `max`, into user memory
        // at `address` (checked by the caller: UserSpan). `lost`: entries after the cursor already
        // overwritten; `next`: the cursor to pass next time. Returns the count, or an error.
        public static long Read(ulong address, int max, ulong cursor, out ulong lost, out ulong next)
        {
            lost = 0;
            next = cursor;
            if (cursor > s_written)
                return (long)SyscallError.InvalidArgument;
            ulong oldest = s_written > Capacity ? s_written - Capacity : 0;
            if (cursor < oldest)
            {
                lost = oldest - cursor;
                cursor = oldest;
            }
            ulong available = s_written - cursor;
            int count = available < (ulong)max ? (int)available : max;
            int done = 0;
            while (done < count)
            {
                int at = (int)((cursor + (ulong)done) % Capacity);
                int run = Capacity - at < count - done ? Capacity - at : count - done;
                if (UserCopy.ToUser(address + (ulong)(done * IpcTraceEntry.Size), (byte*)(s_ring + at), (ulong)(run * IpcTraceEntry.Size)) != 0)
                    return (long)SyscallError.BadAddress;
                done += run;
            }
            next = cursor + (ulong)count;
            return count;
        }
    }
}
