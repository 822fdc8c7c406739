using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // thread_create, thread_resume, thread_kill, thread_inspect, thread_exit: more threads in the
    // caller's own address space (Objects/ThreadObject.cs). The dispatcher decoded the Thread cap of
    // resume, kill and inspect (rdi); a cap to an ended thread is ObjectGone there.
    //
    // The rule for a process's end: the main thread (the one the loader started) ending by any
    // means ends the process; a created thread's exit or kill ends that thread only; `exit` and a
    // fault the runtime does not take end the whole process from any thread.
    internal static unsafe class ThreadSyscalls
    {
        private const ulong NullPageEnd = PhysicalMemory.FrameSize;
        private const ulong StackAlignment = 16;

        // thread_create(dst, entry, stack top, arg) -> tid. Decode: entry must be mapped user and
        // executable in the caller's space, the stack top 16-byte aligned with the 16 bytes below it
        // mapped user and writable (an iretq to a kernel or non-canonical rip would fault in ring 0;
        // the rest saves a fault in the new thread that would end the whole process). Then charge,
        // make the thread (suspended), its object and its cap. Nothing is kept on an error path.
        public static long Create(SyscallFrame* f, CapSlot destination)
        {
            ulong entry = f->Arg1, stackTop = f->Arg2, argument = f->Arg3;
            Thread me = Scheduler.Current;
            AddressSpace space = me.Process.Space;
            if (entry < NullPageEnd || !VirtualAddress.IsUserRange(entry, 1)
                || !space.TryTranslate(entry, out PageTableEntry code) || !code.IsUser || !code.IsExecutable)
                return (long)SyscallError.BadAddress;
            if ((stackTop & (StackAlignment - 1)) != 0 || stackTop < NullPageEnd + StackAlignment
                || !VirtualAddress.IsUserRange(stackTop - StackAlignment, StackAlignment)
                || !space.TryTranslate(stackTop - StackAlignment, out PageTableEntry stack) || !stack.IsUser || !stack.IsWritable)
                return (long)SyscallError.BadAddress;
            ProcessObjects objects = ProcessObjects.Of(me.Process);
            // The object (its cell) and the kernel stack's charge before the thread: a refusal
            // leaves nothing behind (TryAdopt gives the cell back; End gives back both).
            ThreadObject o = ThreadObject.Create(me.Process);
            if (o == null || !objects.TryAdopt(o))
                return (long)SyscallError.OutOfMemory;
            Thread thread = Scheduler.CreateUserThread(me.Process, me.Process.Name, entry, stackTop, argument, 0, me.Priority);
            if (thread == null)
            {
                o.End();
                return (long)SyscallError.OutOfMemory;
            }
            thread.Suspended = true;
            o.Attach(thread);
            objects.Caps.InsertOriginal(destination, CapType.Thread, CapRights.All, 0, o, o.Generation);
            return thread.Id;
        }

        public static long Resume(SyscallFrame* f, CapSlot cap)
        {
            Thread t = ((ThreadObject)cap.Object).Thread;
            if (!t.Suspended)
                return (long)SyscallError.InvalidArgument;
            t.Suspended = false;
            Scheduler.MakeReady(t);
            return 0;
        }

        // Any state: suspended, ready, sleeping, blocked in send, call, receive, a reply or a
        // notification wait, or running (a thread that kills itself does not come back).
        public static long Kill(SyscallFrame* f, CapSlot cap)
        {
            ProcessManager.EndThread(((ThreadObject)cap.Object).Thread, "killed");
            return 0;
        }

        public static long Inspect(SyscallFrame* f, CapSlot cap)
        {
            Thread t = ((ThreadObject)cap.Object).Thread;
            f->Arg0 = (ulong)(t.Suspended ? ThreadInfo.Suspended : StateOf(t.State));
            f->Arg1 = t.Ticks;
            return t.Id;
        }

        private static ThreadInfo StateOf(ThreadState s) => s switch
        {
            ThreadState.Ready => ThreadInfo.Ready,
            ThreadState.Running => ThreadInfo.Running,
            ThreadState.Sleeping => ThreadInfo.Sleeping,
            _ => ThreadInfo.Blocked,
        };

        public static long Exit(SyscallFrame* f)
        {
            Thread me = Scheduler.Current;
            if (me == me.Process.MainThread)
                ProcessManager.ExitCurrent((int)f->Arg0);
            else
                ProcessManager.EndThread(me, "exited");
            return 0;
        }
    }
}
