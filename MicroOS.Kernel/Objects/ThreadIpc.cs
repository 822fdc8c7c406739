using MicroOS.Kernel.Syscalls;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    internal enum IpcWait : byte { None, Send, Call, Receive, Reply, Notification }

    // A thread's IPC state: what it waits for, the message it offers while it waits to send, its
    // reply slot (the caller it must answer) and its IPC buffer. Attached to a Thread on its first
    // IPC (Of) and recycled with it. Used by Endpoint.cs, Notification.cs and FaultMessages.cs.
    //
    // The reply mechanism is a per-thread reply slot: receiving a Call stores the caller and its
    // unique thread id here; Reply checks both, so a caller that died (its Thread object perhaps
    // recycled under a new id) makes the reply a harmless no-op.
    internal sealed unsafe class ThreadIpc : WaitNode
    {
        public Thread Thread;
        public IpcWait Wait;
        public SyscallFrame* Frame;         // where a partner writes this thread's results while it waits
        public long Result;                 // rax when the thread resumes

        // The message offered while waiting to send.
        public ulong Badge, Tag, Mr0, Mr1, Mr2, Mr3;
        public CapSlot CapToSend;           // checked again at delivery
        public object CapObject;

        // The reply slot.
        public ThreadIpc ReplyTo;
        public int ReplyToId;
        // The TSC when this thread's traced call was sent (Diagnostics/IpcTrace.cs): its reply's round trip. 0: none.
        public ulong TraceCallTsc;

        // The IPC buffer: a user page this thread registered (ipc_set_buffer). Its frame is pinned
        // (PageFlags.Pinned: unmap_memory refuses it) while registered, so a partner can write a
        // payload straight into it through the physmap (Buffer), whichever address space is loaded.
        // A payload this thread sends is read from BufferAddress in its own space (UserSpan). The
        // staging page holds a payload while this thread waits in a send queue.
        public ulong BufferAddress;
        public ulong ReceiveSlot;           // where an incoming capability goes; 0: none accepted
        public byte* Buffer;                // the registered page through the physmap; null: none
        public byte* Staging;
        public ulong StagingFrame;

        public Notification Bound;

        // For a thread blocked by a fault (FaultMessages): its reply lands here.
        public SyscallFrame FaultFrame;

        public static ThreadIpc Of(Thread t)
        {
            ThreadIpc ipc = t.Ipc;
            if (ipc == null)
            {
                ipc = new ThreadIpc { Thread = t };
                t.Ipc = ipc;
            }
            return ipc;
        }

        public bool HasValidReplyTarget => ReplyTo != null && ReplyTo.Thread.Id == ReplyToId && ReplyTo.Wait == IpcWait.Reply;

        // The thread's process ended: leave every queue, answer a pending caller with ObjectGone,
        // give the staging page back. Called by ProcessObjects.OnProcessEnd.
        public void Cancel()
        {
            if (Queue != null)
                Queue.Remove(this);
            if (HasValidReplyTarget)
                Endpoint.FailWaiter(ReplyTo, SyscallError.ObjectGone);
            ReplyTo = null;
            if (Bound != null && Bound.BoundThread == this)
                Bound.BoundThread = null;
            Bound = null;
            Wait = IpcWait.None;
            CapToSend = null;
            CapObject = null;
            // The address space goes with the process: the pin goes with it (nothing to undo).
            BufferAddress = 0;
            Buffer = null;
            ReceiveSlot = 0;
            if (StagingFrame != 0)
            {
                Memory.PhysicalMemory.Free(StagingFrame);
                StagingFrame = 0;
                Staging = null;
            }
        }
    }
}
