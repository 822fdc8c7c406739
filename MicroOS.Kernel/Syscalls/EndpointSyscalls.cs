using System.Runtime.CompilerServices;
using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // endpoint_send, _recv, _call, _reply, _reply_recv, _nbsend, _nbrecv and ipc_set_buffer.
    // SyscallDispatcher has already decoded the endpoint capability in rdi (`cap`: type
    // Endpoint, the row's rights). Here: decode the message (tag, words, payload copied in once,
    // the capability to transfer), then perform it on the Endpoint (Objects/Endpoint.cs).
    internal static unsafe class EndpointSyscalls
    {
        private const ulong PayloadAndCapBits = 0x7FFF;     // MessageTag bits 0..14: length and cap count

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

        // The message in the caller's registers (and IPC buffer) into its ThreadIpc. `endpoint` is
        // the cap it is sent through (null for a reply, which carries no capability).
        private static long TakeMessage(ThreadIpc me, SyscallFrame* f, CapSlot endpoint)
        {
            if ((f->Arg1 & PayloadAndCapBits) == 0)
            {
                // The fast path: four words in registers, nothing to copy, no capability.
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
            if (tag.Length > 0)
            {
                if (me.Staging == null)
                    return (long)SyscallError.InvalidArgument;      // no IPC buffer registered
                SyscallError? error = UserSpan.TryCreate(me.BufferAddress, (ulong)tag.Length, out UserSpan buffer);
                if (error == null)
                    error = buffer.CopyIn(new System.Span<byte>(me.Staging, tag.Length));
                if (error != null)
                    return (long)error.Value;
            }
            if (tag.CapCount > 1)
                return (long)SyscallError.InvalidArgument;
            if (tag.CapCount == 1)
            {
                // A reply (endpoint null) may carry a capability of the replier's: the caller asked.
                if (endpoint != null && !CapRightsAlgebra.Has(endpoint.Rights, CapRights.Grant))
                    return (long)SyscallError.MissingRight;
                long e = Invocation.Lookup((ulong)tag.CapSlot, CapType.None, CapRights.None, out CapSlot carried);
                if (e != 0)
                    return e;
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
        // the slot an incoming capability lands in (0: none accepted). The kernel keeps one staging
        // page per thread, charged to the process.
        public static long SetBuffer(SyscallFrame* f)
        {
            ulong address = f->Arg0;
            ulong receiveSlot = f->Arg1;
            if ((address & (PhysicalMemory.FrameSize - 1)) != 0 || !VirtualAddress.IsUserRange(address, PhysicalMemory.FrameSize))
                return (long)SyscallError.BadAddress;
            if (receiveSlot >= CapTable.DefaultSlotCount)
                return (long)SyscallError.InvalidCapability;
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            ProcessObjects objects = ProcessObjects.Of(Scheduler.Current.Process);
            if (address != 0 && me.StagingFrame == 0)
            {
                if (!objects.TryCharge((int)PhysicalMemory.FrameSize))
                    return (long)SyscallError.OutOfMemory;
                if (!PhysicalMemory.TryAllocate(out ulong frame))
                {
                    objects.Uncharge((int)PhysicalMemory.FrameSize);
                    return (long)SyscallError.OutOfMemory;
                }
                me.StagingFrame = frame;
                me.Staging = (byte*)PhysMap.ToVirtual(frame);
            }
            else if (address == 0 && me.StagingFrame != 0)
            {
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
