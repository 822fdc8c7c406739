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
        public const int ChargeBytes = 128;
        private static readonly ObjectPool<Notification> s_pool = new ObjectPool<Notification>();

        public ulong Bits;
        public readonly WaitQueue Waiters = new WaitQueue();
        public ThreadIpc BoundThread;

        // Its one-shot timer (notification_signal_after; NotificationTimer.cs keeps the list).
        public bool TimerArmed;
        public ulong TimerDeadline, TimerBits;
        public Process TimerArmedBy;
        public Notification TimerNext, TimerPrev;

        public override CapType Type => CapType.Notification;

        public static Notification Create(Process owner)
        {
            if (!s_pool.CanTake)
                return null;
            Notification n = s_pool.TakeFree() ?? new Notification();
            n.Begin(owner, ChargeBytes);
            n.Bits = 0;
            n.BoundThread = null;
            return n;
        }

        public void Release() => s_pool.Free(this);

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
