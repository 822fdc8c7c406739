using System;
using System.Runtime.CompilerServices;
using MicroOS.Kernel.Syscalls;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // An endpoint: the rendezvous point of synchronous IPC. Called by EndpointSyscalls (after decode)
    // and FaultMessages; the queue logic is Rendezvous.cs (pure, host-tested). A message is a tag and
    // four words, written straight into the partner's SyscallFrame (the entry stub pops them into
    // registers on return); a payload goes through the threads' staging pages (ThreadIpc).
    //
    // What must stay true:
    // - A thread waits in at most one queue; a woken thread finds its result in ThreadIpc.Result and
    //   its message already in its frame.
    // - Call and ReplyRecv hand the CPU straight to the partner (Scheduler.SwitchDirect): no ready queue.
    // - Nothing here allocates, and nothing fails after the syscall's decode except on a partner's
    //   disappearance (ObjectGone) or the receiver's own bad buffer (BadAddress, to the receiver).
    internal sealed unsafe class Endpoint : KernelObject
    {
        public const int ChargeBytes = 256;
        private static readonly ObjectPool<Endpoint> s_pool = new ObjectPool<Endpoint>(4096);

        public readonly Rendezvous Queue = new Rendezvous();

        public override CapType Type => CapType.Endpoint;

        public static Endpoint Create(Process owner)
        {
            if (!s_pool.CanTake)
                return null;
            Endpoint e = s_pool.TakeFree() ?? new Endpoint();
            e.Begin(owner, ChargeBytes);
            return e;
        }

        public void Release() => s_pool.Free(this);

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
            // the serial driver): it waits in the staging page until this thread runs again.
            return me.Result == 0 && me.PendingPayload != 0 ? FinishReceive(me) : me.Result;
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
            return me.Result == 0 && me.PendingPayload != 0 ? FinishReceive(me) : me.Result;
        }

        // `me` is the current thread with its message (Tag, Mr0..Mr3, CapToSend, Staging) filled in.
        public long Send(ThreadIpc me, ulong badge, bool call, bool block)
        {
            WaitNode w = Queue.TakeReceiver();
            if (w != null)
            {
                ThreadIpc receiver = Unsafe.As<ThreadIpc>(w);
                Transfer(me, receiver, badge);
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
                return me.Result == 0 && me.PendingPayload != 0 ? FinishReceive(me) : me.Result;
            }
            if (!block)
            {
                me.CapToSend = null;
                return (long)SyscallError.WouldBlock;
            }
            me.Badge = badge;
            me.Wait = call ? IpcWait.Call : IpcWait.Send;
            Queue.WaitToSend(me);
            Scheduler.Block();
            // A call's reply may carry a payload (DeliverReply left it in the staging page).
            return me.Result == 0 && me.PendingPayload != 0 ? FinishReceive(me) : me.Result;
        }

        public long Receive(ThreadIpc me, bool block)
        {
            if (TakeSignal(me))
                return 1;
            WaitNode w = Queue.TakeSender();
            if (w != null)
            {
                MeetSender(me, Unsafe.As<ThreadIpc>(w));
                return me.PendingPayload != 0 ? FinishReceive(me) : 0;
            }
            if (!block)
                return (long)SyscallError.WouldBlock;
            me.Wait = IpcWait.Receive;
            Queue.WaitToReceive(me);
            Scheduler.Block();
            return me.Result == 0 && me.PendingPayload != 0 ? FinishReceive(me) : me.Result;
        }

        // Reply to the last caller (if it still waits), then receive: the server loop's one syscall.
        public long ReplyReceive(ThreadIpc me)
        {
            ThreadIpc caller = TakeReplyTarget(me);
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
                return me.PendingPayload != 0 ? FinishReceive(me) : 0;
            }
            me.Wait = IpcWait.Receive;
            Queue.WaitToReceive(me);
            if (caller != null)
                Scheduler.SwitchDirect(caller.Thread);
            else
                Scheduler.Block();
            return me.Result == 0 && me.PendingPayload != 0 ? FinishReceive(me) : me.Result;
        }

        public static long Reply(ThreadIpc me)
        {
            bool had = me.ReplyTo != null;
            ThreadIpc caller = TakeReplyTarget(me);
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
            if (t.Queue != null)
                t.Queue.Remove(t);
            t.Wait = IpcWait.None;
            t.CapToSend = null;
            t.Result = (long)error;
            Scheduler.Wake(t.Thread);
        }

        private static void MeetSender(ThreadIpc me, ThreadIpc sender)
        {
            Transfer(sender, me, sender.Badge);
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

        private static ThreadIpc TakeReplyTarget(ThreadIpc me)
        {
            ThreadIpc caller = me.HasValidReplyTarget ? me.ReplyTo : null;
            me.ReplyTo = null;
            return caller;
        }

        // The message from `from` (tag, words, payload, capability) into `to`'s frame and staging page.
        private static void Transfer(ThreadIpc from, ThreadIpc to, ulong badge)
        {
            SyscallFrame* f = to.Frame;
            if ((from.Tag & 0x7FFF) == 0)
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
            int length = CopyPayload(from, to, tag.Length);
            ulong delivered = ((ulong)tag.Label << 32) | (uint)length | TransferCap(from, to);
            f->Arg0 = badge;
            f->Arg1 = delivered;
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

        // A reply carries no badge; it may carry one capability (Names' Lookup answers with an endpoint).
        private static void DeliverReply(ThreadIpc me, ThreadIpc caller)
        {
            SyscallFrame* f = caller.Frame;
            var tag = new MessageTag(me.Tag);
            int length = CopyPayload(me, caller, tag.Length);
            f->Arg0 = 0;
            f->Arg1 = ((ulong)tag.Label << 32) | (uint)length | TransferCap(me, caller);
            f->Arg2 = me.Mr0;
            f->Arg3 = me.Mr1;
            f->Arg4 = me.Mr2;
            f->Arg5 = me.Mr3;
            caller.Wait = IpcWait.None;
            caller.Result = 0;
            if (length > 0 && caller.Thread == Scheduler.Current)
                caller.Result = FinishReceive(caller);
        }

        // Kernel to kernel: the sender's staging page (filled by its syscall's copy-in) to the
        // receiver's. A receiver without an IPC buffer gets the words only (length 0).
        private static int CopyPayload(ThreadIpc from, ThreadIpc to, int length)
        {
            if (length == 0 || from.Staging == null || to.Staging == null)
                return 0;
            Buffer.MemoryCopy(from.Staging, to.Staging, (nuint)length);
            to.PendingPayload = length;
            return length;
        }

        // The receiving thread, running again: its payload out to its own IPC buffer (one copy out).
        public static long FinishReceive(ThreadIpc me)
        {
            int length = me.PendingPayload;
            if (length == 0)
                return 0;
            me.PendingPayload = 0;
            SyscallError? error = UserSpan.TryCreate(me.BufferAddress, (ulong)length, out UserSpan buffer);
            if (error == null)
                error = buffer.CopyOut(new ReadOnlySpan<byte>(me.Staging, length));
            return error == null ? 0 : (long)error.Value;
        }
    }
}
