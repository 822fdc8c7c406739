using System;
using System.Runtime.CompilerServices;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Syscalls;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // An endpoint: the rendezvous point of synchronous IPC. Called by Syscalls/IpcFastPath.cs (the
    // register-only Call and ReplyRecv: CallFast, ReplyReceiveFast), EndpointSyscalls (everything
    // else, after decode) and FaultMessages; the queue logic is Rendezvous.cs (pure, host-tested).
    // A message is a tag and four words, written straight into the partner's SyscallFrame (the entry
    // stub pops them into registers on return). A payload is copied once, from the sender's IPC
    // buffer straight into the receiver's buffer page (pinned by ipc_set_buffer, reached through the
    // physmap), when the receiver waits; twice, through the sender's staging page, when the sender
    // has to wait (ThreadIpc).
    //
    // What must stay true:
    // - A thread waits in at most one queue; a woken thread finds its result in ThreadIpc.Result and
    //   its message already in its frame and buffer.
    // - Call and ReplyRecv hand the CPU straight to the partner (Scheduler.SwitchDirect): no ready queue.
    // - The IPC trace (Diagnostics/IpcTrace.cs) sees every message here, when it is on: the fast
    //   path's CallFast and ReplyReceiveFast are not used then (IpcFastPath.SetTracing).
    // - Nothing here allocates. The only step that can fail is the copy from the current thread's
    //   buffer (BadAddress, to the sender), and it comes before anything changes; after it, nothing
    //   fails except on a partner's disappearance (ObjectGone).
    internal sealed unsafe class Endpoint : KernelObject
    {

        public Rendezvous Queue = new Rendezvous();       // not readonly: built in place (ObjectArena)
        // The pid that last received here while the IPC trace was on (IpcTrace): who a message that
        // has to wait will most likely go to, so a trace filtered by that server's pid keeps it.
        public int TraceReceiverPid;

        public override CapType Type => CapType.Endpoint;

        // Built in the owner's object pages (ObjectArena, charged there), or null when they are full.
        public static Endpoint Create(Process owner)
        {
            var e = (Endpoint)ProcessObjects.Of(owner).Arena.Take(ProcessObjects.Of(owner), CapType.Endpoint);
            e?.Begin(owner, 0);
            return e;
        }

        protected override bool OnDestroy()
        {
            WaitNode n;
            while ((n = Queue.TakeAny()) != null)
                FailWaiter((ThreadIpc)n, SyscallError.ObjectGone);
            return true;
        }

        // The perform half of the IPC fast path (Syscalls/IpcFastPath.cs has decoded: a register-only
        // Call, `receiver` the first receiver waiting here, with no unanswered caller). Cannot fail.
        // The words go straight from the caller's frame to the receiver's, the caller takes the
        // receiver's reply slot, and the CPU goes to the receiver. Returns when the reply came.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long CallFast(ThreadIpc me, ThreadIpc receiver, SyscallFrame* f, ulong badge)
        {
            Queue.TakeReceiver();
            SyscallFrame* r = receiver.Frame;
            r->Arg0 = badge;
            r->Arg1 = f->Arg1;
            r->Arg2 = f->Arg2;
            r->Arg3 = f->Arg3;
            r->Arg4 = f->Arg4;
            r->Arg5 = f->Arg5;
            receiver.Result = 0;
            receiver.Wait = IpcWait.None;
            me.Frame = f;
            me.Wait = IpcWait.Reply;
            receiver.ReplyTo = me;
            receiver.ReplyToId = me.Thread.Id;
            Scheduler.SwitchDirect(receiver.Thread);
            // A register-only request may still get a reply with a payload (the console's Read of
            // the serial driver): the replier copied it into this thread's buffer page already.
            return me.Result;
        }

        // The perform half of the fast ReplyRecv (decoded: a register-only reply, `caller` = me's
        // reply slot, still waiting; no sender queued here, no signal pending). Cannot fail: reply,
        // wait here as a receiver, and switch straight to the caller.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long ReplyReceiveFast(ThreadIpc me, ThreadIpc caller, SyscallFrame* f)
        {
            me.ReplyTo = null;
            SyscallFrame* c = caller.Frame;
            c->Arg0 = 0;
            c->Arg1 = f->Arg1;
            c->Arg2 = f->Arg2;
            c->Arg3 = f->Arg3;
            c->Arg4 = f->Arg4;
            c->Arg5 = f->Arg5;
            caller.Wait = IpcWait.None;
            caller.Result = 0;
            me.Frame = f;
            me.Wait = IpcWait.Receive;
            Queue.WaitToReceive(me);
            Scheduler.SwitchDirect(caller.Thread);
            return me.Result;
        }

        // `me` is the current thread with its message (Tag, Mr0..Mr3, CapToSend) filled in; a payload
        // is still in its IPC buffer (EndpointSyscalls.TakeMessage checked the tag only).
        public long Send(ThreadIpc me, ulong badge, bool call, bool block)
        {
            int length = PayloadLength(me.Tag);
            ThreadIpc receiver = Unsafe.As<ThreadIpc>(Queue.FirstReceiver);
            if (receiver != null)
            {
                // The one copy, and the only step that can fail: before anything changes.
                long e = CopyFromCurrent(me, receiver, length);
                if (IpcTrace.On)
                    IpcTrace.Message(call ? IpcTraceKind.Call : IpcTraceKind.Send, me, receiver, this, me.Tag, e, e == 0 && me.CapToSend != null);
                if (e != 0)
                {
                    me.CapToSend = null;
                    return e;
                }
                Queue.TakeReceiver();
                Transfer(me, receiver, badge, receiver.Buffer != null ? length : 0);
                receiver.Result = 0;
                receiver.Wait = IpcWait.None;
                if (!call)
                {
                    Scheduler.Wake(receiver.Thread);
                    return 0;
                }
                me.Wait = IpcWait.Reply;
                if (receiver.ReplyTo != null)
                    AbandonReply(receiver);
                receiver.ReplyTo = me;
                receiver.ReplyToId = me.Thread.Id;
                Scheduler.SwitchDirect(receiver.Thread);
                return me.Result;
            }
            if (!block)
            {
                if (IpcTrace.On)
                    IpcTrace.Message(IpcTraceKind.Send, me, null, this, me.Tag, (long)SyscallError.WouldBlock, false);
                me.CapToSend = null;
                return (long)SyscallError.WouldBlock;
            }
            // Nobody waits: the payload goes to the staging page now (the first of two copies; the
            // second, at the meeting, is kernel to kernel), as the buffer may change while we wait.
            long copied = CopyFromCurrent(me, null, length);
            if (IpcTrace.On)
                IpcTrace.Message(call ? IpcTraceKind.Call : IpcTraceKind.Send, me, null, this, me.Tag, copied, copied == 0 && me.CapToSend != null);
            if (copied != 0)
            {
                me.CapToSend = null;
                return copied;
            }
            me.Badge = badge;
            me.Wait = call ? IpcWait.Call : IpcWait.Send;
            Queue.WaitToSend(me);
            Scheduler.Block();
            // A call's reply, payload included, is already in this thread's frame and buffer.
            return me.Result;
        }

        public long Receive(ThreadIpc me, bool block)
        {
            if (TakeSignal(me))
                return 1;
            WaitNode w = Queue.TakeSender();
            if (w != null)
            {
                MeetSender(me, Unsafe.As<ThreadIpc>(w));
                return 0;
            }
            if (!block)
                return (long)SyscallError.WouldBlock;
            if (IpcTrace.On)
                TraceReceiverPid = me.Thread.Process.Id;
            me.Wait = IpcWait.Receive;
            Queue.WaitToReceive(me);
            Scheduler.Block();
            return me.Result;
        }

        // Reply to the last caller (if it still waits), then receive: the server loop's one syscall.
        public long ReplyReceive(ThreadIpc me)
        {
            ThreadIpc caller = me.HasValidReplyTarget ? me.ReplyTo : null;
            long e = CopyFromCurrent(me, caller, PayloadLength(me.Tag));
            if (IpcTrace.On && caller != null)
                IpcTrace.Message(IpcTraceKind.Reply, me, caller, null, me.Tag, e, e == 0 && me.CapToSend != null);
            if (e != 0)
            {
                me.CapToSend = null;
                return e;       // nothing happened: the caller still waits for a reply
            }
            me.ReplyTo = null;
            if (caller != null)
                DeliverReply(me, caller);
            if (TakeSignal(me))
            {
                if (caller != null)
                    Scheduler.Wake(caller.Thread);
                return 1;
            }
            WaitNode w = Queue.TakeSender();
            if (w != null)
            {
                if (caller != null)
                    Scheduler.Wake(caller.Thread);
                MeetSender(me, Unsafe.As<ThreadIpc>(w));
                return 0;
            }
            if (IpcTrace.On)
                TraceReceiverPid = me.Thread.Process.Id;
            me.Wait = IpcWait.Receive;
            Queue.WaitToReceive(me);
            if (caller != null)
                Scheduler.SwitchDirect(caller.Thread);
            else
                Scheduler.Block();
            return me.Result;
        }

        public static long Reply(ThreadIpc me)
        {
            bool had = me.ReplyTo != null;
            ThreadIpc caller = me.HasValidReplyTarget ? me.ReplyTo : null;
            long e = CopyFromCurrent(me, caller, PayloadLength(me.Tag));
            if (IpcTrace.On)
                IpcTrace.Message(IpcTraceKind.Reply, me, caller, null, me.Tag,
                                 e != 0 ? e : caller != null ? 0 : had ? (long)SyscallError.ObjectGone : (long)SyscallError.NoReplyTarget,
                                 e == 0 && caller != null && me.CapToSend != null);
            if (e != 0)
            {
                me.CapToSend = null;
                return e;
            }
            me.ReplyTo = null;
            if (caller == null)
                return had ? (long)SyscallError.ObjectGone : (long)SyscallError.NoReplyTarget;
            DeliverReply(me, caller);
            Scheduler.Wake(caller.Thread);
            return 0;
        }

        // The receiver takes a new call without having answered the previous one: that caller would
        // otherwise wait for good (no one holds its reply slot any more), so it fails with ObjectGone.
        private static void AbandonReply(ThreadIpc receiver)
        {
            if (receiver.HasValidReplyTarget)
                FailWaiter(receiver.ReplyTo, SyscallError.ObjectGone);
            receiver.ReplyTo = null;
        }

        // A waiting thread fails (its partner or the object is gone): it resumes with `error` in rax.
        public static void FailWaiter(ThreadIpc t, SyscallError error)
        {
            if (IpcTrace.On)
                IpcTrace.Failed(t, (long)error);
            if (t.Queue != null)
                t.Queue.Remove(t);
            t.Wait = IpcWait.None;
            t.CapToSend = null;
            t.Result = (long)error;
            Scheduler.Wake(t.Thread);
        }

        // A receiver meets a queued sender: its payload waited in the sender's staging page (the
        // second and last copy, kernel to kernel, into this thread's buffer page).
        private static void MeetSender(ThreadIpc me, ThreadIpc sender)
        {
            int length = PayloadLength(sender.Tag);
            if (length > 0 && me.Buffer != null)
                Buffer.MemoryCopy(sender.Staging, me.Buffer, (nuint)length);
            Transfer(sender, me, sender.Badge, me.Buffer != null ? length : 0);
            if (sender.Wait == IpcWait.Call)
            {
                sender.Wait = IpcWait.Reply;
                if (me.ReplyTo != null)
                    AbandonReply(me);
                me.ReplyTo = sender;
                me.ReplyToId = sender.Thread.Id;
            }
            else
            {
                sender.Wait = IpcWait.None;
                sender.Result = 0;
                Scheduler.Wake(sender.Thread);
            }
        }

        private static bool TakeSignal(ThreadIpc me)
        {
            Notification bound = me.Bound;
            if (bound == null || bound.Bits == 0)
                return false;
            me.Frame->Arg0 = bound.Bits;
            bound.Bits = 0;
            return true;
        }

        private static int PayloadLength(ulong tag) => (tag & MessageTag.PayloadAndCapBits) == 0 ? 0 : new MessageTag(tag).Length;

        // The one copy of a payload the current thread sends: `length` bytes of its IPC buffer (a
        // user page, read through UserSpan: a page that is gone is BadAddress, never a kernel fault)
        // straight into `to`'s buffer page, pinned at ipc_set_buffer and written through the physmap.
        // `to` null or without a buffer: into the sender's own staging page instead (a queued send, or
        // a partner that takes words only: the buffer is read all the same, so a bad one is
        // BadAddress whoever the partner is). Bounded: at most MaxPayload (4 KiB) bytes, one rep
        // movsb with interrupts off, as the copy-in always was. A copy that fails part way may have
        // written into the waiting receiver's buffer; it has been told nothing and keeps waiting.
        private static long CopyFromCurrent(ThreadIpc from, ThreadIpc to, int length)
        {
            if (length == 0)
                return 0;
            byte* destination = to != null && to.Buffer != null ? to.Buffer : from.Staging;
            SyscallError? error = UserSpan.TryCreate(from.BufferAddress, (ulong)length, out UserSpan buffer);
            if (error == null)
                error = buffer.CopyIn(new Span<byte>(destination, length));
            return error == null ? 0 : (long)error.Value;
        }

        // The message from `from` (tag, words, capability) into `to`'s frame; `delivered` payload
        // bytes are already in `to`'s buffer page.
        private static void Transfer(ThreadIpc from, ThreadIpc to, ulong badge, int delivered)
        {
            SyscallFrame* f = to.Frame;
            if ((from.Tag & MessageTag.PayloadAndCapBits) == 0)
            {
                f->Arg0 = badge;
                f->Arg1 = from.Tag;
                f->Arg2 = from.Mr0;
                f->Arg3 = from.Mr1;
                f->Arg4 = from.Mr2;
                f->Arg5 = from.Mr3;
                return;
            }
            var tag = new MessageTag(from.Tag);
            f->Arg0 = badge;
            f->Arg1 = ((ulong)tag.Label << 32) | (uint)delivered | TransferCap(from, to);
            f->Arg2 = from.Mr0;
            f->Arg3 = from.Mr1;
            f->Arg4 = from.Mr2;
            f->Arg5 = from.Mr3;
        }

        // The capability `from` sends along (if it is still the one it named when it sent) lands in
        // `to`'s receive slot as a child of the sender's. Returns the tag bits that say so (count 1,
        // the slot), or 0 when nothing was carried or there was nowhere to put it.
        private static ulong TransferCap(ThreadIpc from, ThreadIpc to)
        {
            CapSlot source = from.CapToSend;
            if (source == null)
                return 0;
            from.CapToSend = null;
            if (source.IsEmpty || source.Object != from.CapObject || to.ReceiveSlot == 0)
                return 0;
            ProcessObjects objects = ProcessObjects.Of(to.Thread.Process);
            if (objects == null || objects.Caps.Destination(to.ReceiveSlot, out CapSlot destination) != null)
                return 0;
            CapTable.Copy(source, destination);
            return (1UL << 13) | (to.ReceiveSlot << 16);
        }

        // A reply carries no badge; it may carry one capability (Names' Lookup answers with an
        // endpoint). Its payload is already in the caller's buffer page (CopyFromCurrent).
        private static void DeliverReply(ThreadIpc me, ThreadIpc caller)
        {
            SyscallFrame* f = caller.Frame;
            var tag = new MessageTag(me.Tag);
            int delivered = caller.Buffer != null ? tag.Length : 0;
            f->Arg0 = 0;
            f->Arg1 = ((ulong)tag.Label << 32) | (uint)delivered | TransferCap(me, caller);
            f->Arg2 = me.Mr0;
            f->Arg3 = me.Mr1;
            f->Arg4 = me.Mr2;
            f->Arg5 = me.Mr3;
            caller.Wait = IpcWait.None;
            caller.Result = 0;
        }
    }
}
