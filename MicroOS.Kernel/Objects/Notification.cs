using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // A notification: a word of bits that Signal ORs into and Wait takes (and clears). Asynchronous:
    // the signaller never blocks. Called by NotificationSyscalls, IrqLine (from the interrupt
    // handler) and Endpoint (a bound thread's Recv takes pending bits first).
    // A notification bound to a thread wakes that thread out of an endpoint Recv (rax = 1, bits in rdi)
    // and out of a sleep (the supervisor's poll: a death notice ends its wait at once).
    internal sealed unsafe class Notification : KernelObject
    {

        public ulong Bits;
        public WaitQueue Waiters = new WaitQueue();      // not readonly: built in place (ObjectArena)
        public ThreadIpc BoundThread;

        // Its one-shot timer (notification_signal_after; NotificationTimer.cs keeps the list).
        public bool TimerArmed;
        public ulong TimerDeadline, TimerBits;
        public Process TimerArmedBy;
        public Notification TimerNext, TimerPrev;

        public override CapType Type => CapType.Notification;

        public static Notification Create(Process owner)
        {
            var n = (Notification)ProcessObjects.Of(owner).Arena.Take(ProcessObjects.Of(owner), CapType.Notification);
            n?.Begin(owner, 0);
            return n;
        }

        protected override bool OnDestroy()
        {
            NotificationTimer.Cancel(this);
            WaitNode w;
            while ((w = Waiters.Dequeue()) != null)
                Endpoint.FailWaiter((ThreadIpc)w, SyscallError.ObjectGone);
            if (BoundThread != null && BoundThread.Bound == this)
                BoundThread.Bound = null;
            BoundThread = null;
            return true;
        }

        public void Signal(ulong bits)
        {
            Bits |= bits;
            WaitNode w = Waiters.Dequeue();
            if (w != null)
            {
                Wake((ThreadIpc)w, 0);
                return;
            }
            ThreadIpc bound = BoundThread;
            if (bound != null && bound.Wait == IpcWait.Receive)
            {
                bound.Queue?.Remove(bound);
                Wake(bound, 1);
            }
            else if (bound != null)
                Scheduler.EndSleep(bound.Thread);      // a sleeping bound thread wakes early; its next Recv takes the bits
        }

        private void Wake(ThreadIpc t, long result)
        {
            t.Frame->Arg0 = Bits;
            Bits = 0;
            t.Wait = IpcWait.None;
            t.Result = result;
            Scheduler.Wake(t.Thread);
        }

        public long Wait(ThreadIpc me, bool block)
        {
            if (Bits != 0)
            {
                me.Frame->Arg0 = Bits;
                Bits = 0;
                return 0;
            }
            if (!block)
                return (long)SyscallError.WouldBlock;
            me.Wait = IpcWait.Notification;
            Waiters.Enqueue(me);
            Scheduler.Block();
            return me.Result;
        }

        public long Bind(ThreadIpc me)
        {
            if (BoundThread != null && BoundThread != me)
                return (long)SyscallError.InvalidArgument;
            if (me.Bound != null && me.Bound != this)
                me.Bound.BoundThread = null;
            BoundThread = me;
            me.Bound = this;
            return 0;
        }
    }
}
