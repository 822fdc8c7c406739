using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // A thread as a capability names it: one more thread of its owner's own process, made by
    // thread_create (Syscalls/ThreadSyscalls.cs). The scheduler's Thread (Tasks/Thread.cs) is the
    // thread itself; this object is what a Thread cap points at, so a cap can outlive the thread
    // safely: when the thread ends (thread_exit, thread_kill, its process's end) the object dies
    // with it (Generation 0) and every cap to it answers ObjectGone.
    //
    // What must stay true:
    // - One object per created thread, and Thread.Object points back at it while both live.
    // - Its charge covers the thread's kernel stack as well as the object (ChargeBytes), so a
    //   thread_create loop ends in OutOfMemory at the process's limit, and an ended thread gives
    //   it all back at once (End), long before its process ends.
    internal sealed class ThreadObject : KernelObject
    {
        public const int ChargeBytes = KernelStacks.StackPages * (int)PhysicalMemory.FrameSize + 512;
        // No system-wide bound: each thread's charge (its kernel stack included) comes out of its
        // process's limit, and the kernel stack region has a slot for every stack memory can hold.
        private static readonly ObjectPool<ThreadObject> s_pool = new ObjectPool<ThreadObject>();

        public Thread Thread;

        public override CapType Type => CapType.Thread;

        public static bool CanCreate => s_pool.CanTake;

        // Only after CanCreate said yes.
        public static ThreadObject Create(Process owner, Thread thread)
        {
            ThreadObject o = s_pool.TakeFree() ?? new ThreadObject();
            o.Begin(owner, ChargeBytes);
            o.Thread = thread;
            thread.Object = o;
            return o;
        }

        public void Release() => s_pool.Free(this);

        // Its owner ended (ProcessObjects.OnProcessEnd): the thread dies with the process anyway.
        protected override bool OnDestroy()
        {
            if (Thread != null && Thread.Object == this)
                Thread.Object = null;
            Thread = null;
            return true;
        }

        // The thread ended before its process: the object dies now, leaves its owner's list and
        // gives its charge back.
        public void End()
        {
            ProcessObjects objects = Owner?.Objects;
            if (objects == null)
                return;
            objects.Disown(this);
            objects.Uncharge(ChargedBytes);
            Destroy();
            Release();
        }
    }
}
