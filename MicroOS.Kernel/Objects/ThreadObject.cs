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
    // - Its charge covers the thread's kernel stack (ChargeBytes; the object itself is in its
    //   owner's object pages, ObjectArena), so a thread_create loop ends in OutOfMemory at the
    //   process's limit, and an ended thread gives the stack back at once (End), long before its
    //   process ends; its cell waits in the arena for the process's next thread.
    internal sealed class ThreadObject : KernelObject
    {
        // No system-wide bound: each thread's kernel stack is charged to its process's limit, and
        // the kernel stack region has a slot for every stack memory can hold.
        public const int ChargeBytes = KernelStacks.StackPages * (int)PhysicalMemory.FrameSize;

        public Thread Thread;

        public override CapType Type => CapType.Thread;

        // Its cell in the owner's object pages (null when they are full); the thread comes after
        // (Attach), once the charge is taken, so a refused creation makes no thread.
        public static ThreadObject Create(Process owner)
        {
            ProcessObjects objects = ProcessObjects.Of(owner);
            var o = (ThreadObject)objects.Arena.Take(objects, CapType.Thread);
            o?.Begin(owner, ChargeBytes);
            return o;
        }

        public void Attach(Thread thread)
        {
            Thread = thread;
            thread.Object = this;
        }

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
            objects.Arena.Free(this);
        }
    }
}
