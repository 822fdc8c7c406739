using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Tasks
{
    internal enum ThreadState { Ready, Running, Sleeping, Blocked, Dead }

    internal enum Priority { Normal = 0, High = 1 }

    // A thread: its own kernel stack, the rsp saved at its last switch, its FS base and its
    // kernel-runtime thread statics. Its user x87/SSE state lives on its kernel stack while it is in
    // the kernel (saved by the entry stubs), so switching threads never touches the FPU.
    internal sealed unsafe class Thread
    {
        // Thread objects are recycled (Scheduler keeps a pool): the kernel heap is never collected.
        public int Id;
        public Process Process;                   // null for kernel threads
        public string Name;
        public Priority Priority;
        public ThreadState State;
        public bool InReadyQueue;                 // a queue still holds it (then it may not be recycled)
        public ulong SavedRsp;
        public ulong KernelStackTop;
        public ulong WakeTick;
        public ulong FsBase;
        public nint ThreadStatics;
        public ulong Ticks;
        public Objects.ThreadIpc Ipc;            // IPC state, attached on first use and kept with the object
        public ulong MeasuredSyscall;             // under `irqoff`: 1 + the syscall it is in (0: none; Preemption)

        public Thread(int id, Process process, string name, Priority priority, ulong kernelStackTop) =>
            Reset(id, process, name, priority, kernelStackTop);

        public void Reset(int id, Process process, string name, Priority priority, ulong kernelStackTop)
        {
            MeasuredSyscall = 0;
            Id = id;
            WakeTick = 0;
            FsBase = 0;
            ThreadStatics = 0;
            Ticks = 0;
            InReadyQueue = false;
            Process = process;
            Name = name;
            Priority = priority;
            KernelStackTop = kernelStackTop;
            State = ThreadState.Ready;
        }

        public ulong StackStart => KernelStackTop;

        // Lays out the frame mos_switch_context pops on the first switch to this thread: six
        // callee-saved registers (r15 first) and the address it returns to.
        public void PrepareFirstSwitch(ulong returnAddress, ulong r12, ulong r13, ulong r14, ulong r15)
        {
            ulong* sp = (ulong*)StackStart;
            *--sp = returnAddress;     // after `ret` rsp = StackStart: 16-byte aligned for the trampoline's call
            *--sp = 0;                 // rbp
            *--sp = 0;                 // rbx
            *--sp = r12;
            *--sp = r13;
            *--sp = r14;
            *--sp = r15;
            SavedRsp = (ulong)sp;
        }
    }
}
