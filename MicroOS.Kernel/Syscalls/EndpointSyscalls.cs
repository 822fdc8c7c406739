using System.Runtime.CompilerServices;
using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // endpoint_send, _recv, _call, _reply, _reply_recv, _nbsend, _nbrecv and ipc_set_buffer.
    // SyscallDispatcher has already decoded the endpoint capability in rdi (`cap`: type
    // Endpoint, the row's rights). Here: decode the message (tag, words, payload length,
    // the capability to transfer), then perform it on the Endpoint (Objects/Endpoint.cs), which
    // copies a payload once from the caller's IPC buffer to the receiver's.
    internal static unsafe class EndpointSyscalls
    {
        private const ulong PayloadAndCapBits = MessageTag.PayloadAndCapBits;

        public static long Send(SyscallFrame* f, CapSlot cap) => SendCommon(f, cap, call: false, block: true);
        public static long NBSend(SyscallFrame* f, CapSlot cap) => SendCommon(f, cap, call: false, block: false);
        // The fast case (register-only, a receiver waiting) is IpcFastPath.cs's, unless `ipcslow`.
        public static long Call(SyscallFrame* f, CapSlot cap) => SendCommon(f, cap, call: true, block: true);

        public static long Recv(SyscallFrame* f, CapSlot cap)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            me.Frame = f;
            return Received(((Endpoint)cap.Object).Receive(me, block: true));
        }

        public static long NBRecv(SyscallFrame* f, CapSlot cap)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            me.Frame = f;
            return Received(((Endpoint)cap.Object).Receive(me, block: false));
        }

        public static long Reply(SyscallFrame* f)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            long e = TakeMessage(me, f, null);
            if (e != 0)
                return e;
            me.Frame = f;
            return Endpoint.Reply(me);
        }

        // The fast case (register-only reply to a waiting caller, nothing queued) is IpcFastPath.cs's.
        public static long ReplyRecv(SyscallFrame* f, CapSlot cap)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            long e = TakeMessage(me, f, null);
            if (e != 0)
                return e;
            me.Frame = f;
            return Received(Unsafe.As<Endpoint>(cap.Object).ReplyReceive(me));
        }

        // The per-process message counters (the supervisor's List): a receive that delivered a message.
        private static long Received(long result)
        {
            if (result == 0)
                Scheduler.Current.Process.MessagesReceived++;
            return result;
        }

        private static long SendCommon(SyscallFrame* f, CapSlot cap, bool call, bool block)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            long e = TakeMessage(me, f, cap);
            if (e != 0)
                return e;
            me.Frame = f;
            Scheduler.Current.Process.MessagesSent++;
            return Unsafe.As<Endpoint>(cap.Object).Send(me, cap.Badge, call, block);
        }

        // The message in the caller's registers into its ThreadIpc; a payload stays in the caller's
        // IPC buffer until Endpoint copies it, once, to where it goes (its length is checked here).
        // `endpoint` is the cap it is sent through (null for a reply, which carries no badge).
        private static long TakeMessage(ThreadIpc me, SyscallFrame* f, CapSlot endpoint)
        {
            if ((f->Arg1 & PayloadAndCapBits) == 0)
            {
                // Four words in registers, nothing to copy, no capability.
                if (me.CapToSend != null)
                    me.CapToSend = null;
                me.Tag = f->Arg1;
                me.Mr0 = f->Arg2;
                me.Mr1 = f->Arg3;
                me.Mr2 = f->Arg4;
                me.Mr3 = f->Arg5;
                return 0;
            }
            var tag = new MessageTag(f->Arg1);
            me.CapToSend = null;
            if (tag.Length > MessageTag.MaxPayload)
                return (long)SyscallError.OutOfRange;
            if (tag.Length > 0 && me.Staging == null)
                return (long)SyscallError.InvalidArgument;      // no IPC buffer registered
            if (tag.CapCount > 1)
                return (long)SyscallError.InvalidArgument;
            if (tag.CapCount == 1)
            {
                // A reply (endpoint null) may carry a capability of the replier's: the caller asked.
                if (endpoint != null && !CapRightsAlgebra.Has(endpoint.Rights, CapRights.Grant))
                    return (long)SyscallError.MissingRight;
                ProcessObjects objects = Scheduler.Current.Process.Objects;
                CapSlot carried = Invocation.Decode(objects, (ulong)tag.CapSlot, CapType.None, CapRights.None);
                if (carried == null)
                    return Invocation.DecodeError(objects, (ulong)tag.CapSlot, CapType.None, CapRights.None);
                me.CapToSend = carried;
                me.CapObject = carried.Object;
            }
            me.Tag = f->Arg1;
            me.Mr0 = f->Arg2;
            me.Mr1 = f->Arg3;
            me.Mr2 = f->Arg4;
            me.Mr3 = f->Arg5;
            return 0;
        }

        // ipc_set_buffer(address, receive slot): a page-aligned user page for payloads (0: none) and
        // the slot an incoming capability lands in (0: none accepted). The page must be mapped,
        // writable and the process's own (map_memory's, not a Frame mapping), and not another
        // thread's buffer: else BadAddress. It is pinned while registered (unmap_memory refuses
        // it), so partners write payloads straight into its frame. The kernel also keeps one staging
        // page per thread for payloads that wait in a send queue, charged to the process.
        public static long SetBuffer(SyscallFrame* f)
        {
            ulong address = f->Arg0;
            ulong receiveSlot = f->Arg1;
            if ((address & (PhysicalMemory.FrameSize - 1)) != 0 || !VirtualAddress.IsUserRange(address, PhysicalMemory.FrameSize))
                return (long)SyscallError.BadAddress;
            if (receiveSlot >= CapTable.DefaultSlotCount)
                return (long)SyscallError.InvalidCapability;
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            Process process = Scheduler.Current.Process;
            ProcessObjects objects = ProcessObjects.Of(process);
            if (address != 0 && address != me.BufferAddress)
            {
                // Decode first: the new page pinned and the staging page there, or nothing changes.
                if (me.StagingFrame == 0 && !objects.TryCharge((int)PhysicalMemory.FrameSize))
                    return (long)SyscallError.OutOfMemory;
                if (!process.Space.TryPin(address, out ulong bufferFrame))
                {
                    if (me.StagingFrame == 0)
                        objects.Uncharge((int)PhysicalMemory.FrameSize);
                    return (long)SyscallError.BadAddress;
                }
                if (me.StagingFrame == 0)
                {
                    if (!PhysicalMemory.TryAllocate(out ulong frame))
                    {
                        process.Space.Unpin(address);
                        objects.Uncharge((int)PhysicalMemory.FrameSize);
                        return (long)SyscallError.OutOfMemory;
                    }
                    me.StagingFrame = frame;
                    me.Staging = (byte*)PhysMap.ToVirtual(frame);
                }
                if (me.BufferAddress != 0)
                    process.Space.Unpin(me.BufferAddress);
                me.Buffer = (byte*)PhysMap.ToVirtual(bufferFrame);
            }
            else if (address == 0 && me.BufferAddress != 0)
            {
                process.Space.Unpin(me.BufferAddress);
                me.Buffer = null;
                PhysicalMemory.Free(me.StagingFrame);
                objects.Uncharge((int)PhysicalMemory.FrameSize);
                me.StagingFrame = 0;
                me.Staging = null;
            }
            me.BufferAddress = address;
            me.ReceiveSlot = receiveSlot;
            return 0;
        }
    }
}
