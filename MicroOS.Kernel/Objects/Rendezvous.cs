using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Objects
{
    // The state machine of an endpoint: at any moment it has nobody waiting (Idle), senders waiting
    // (Sending) or receivers waiting (Receiving), never both, each in arrival order (FIFO). Pure logic
    // (no kernel types), compiled as written by the host tests (KernelLogic/RendezvousTests.cs).
    // Endpoint.cs drives it; the waiting "nodes" are threads' IPC states (ThreadIpc).
    internal enum EndpointState { Idle, Sending, Receiving }

    // Something that can wait in one queue at a time (intrusive links: queueing never allocates).
    internal class WaitNode
    {
        public WaitNode QueueNext, QueuePrev;
        public WaitQueue Queue;
    }

    internal sealed class WaitQueue
    {
        public WaitNode Head, Tail;
        public int Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Enqueue(WaitNode n)
        {
            // A node outside every queue has null links (Dequeue and Remove clear them).
            n.Queue = this;
            WaitNode tail = Tail;
            if (tail != null)
            {
                n.QueuePrev = tail;
                tail.QueueNext = n;
            }
            else
            {
                Head = n;
            }
            Tail = n;
            Count++;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public WaitNode Dequeue()
        {
            WaitNode n = Head;
            if (n == null)
                return null;
            WaitNode next = n.QueueNext;
            Head = next;
            if (next != null)
            {
                next.QueuePrev = null;
                n.QueueNext = null;
            }
            else
            {
                Tail = null;
            }
            n.Queue = null;
            Count--;
            return n;
        }

        // Removes `n` if it is in this queue (a waiting thread that is killed).
        public bool Remove(WaitNode n)
        {
            if (n.Queue != this)
                return false;
            if (n.QueuePrev != null) n.QueuePrev.QueueNext = n.QueueNext; else Head = n.QueueNext;
            if (n.QueueNext != null) n.QueueNext.QueuePrev = n.QueuePrev; else Tail = n.QueuePrev;
            n.QueueNext = n.QueuePrev = null;
            n.Queue = null;
            Count--;
            return true;
        }
    }

    internal sealed class Rendezvous
    {
        // Not readonly: the kernel builds an endpoint's Rendezvous and WaitQueue in place, in the
        // owner's object pages (ObjectArena), without running constructors (UseQueue).
        private WaitQueue _waiting = new WaitQueue();
        private EndpointState _kind = EndpointState.Idle;

        internal WaitQueue Queue => _waiting;
        internal void UseQueue(WaitQueue q) => _waiting = q;

        public EndpointState State => _waiting.Count == 0 ? EndpointState.Idle : _kind;
        public int Waiting => _waiting.Count;

        // A sender arrives: the receiver it meets (the longest waiting), or null if none waits.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public WaitNode TakeReceiver() => _kind == EndpointState.Receiving ? _waiting.Dequeue() : null;

        // The receiver a sender would meet, left in the queue (the IPC fast path decides first).
        public WaitNode FirstReceiver
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => _kind == EndpointState.Receiving ? _waiting.Head : null;
        }

        // A receiver arrives: the sender it meets, or null.
        public WaitNode TakeSender() => _kind == EndpointState.Sending ? _waiting.Dequeue() : null;

        // Only after TakeReceiver returned null: the sender waits its turn.
        public void WaitToSend(WaitNode sender)
        {
            _kind = EndpointState.Sending;
            _waiting.Enqueue(sender);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WaitToReceive(WaitNode receiver)
        {
            _kind = EndpointState.Receiving;
            _waiting.Enqueue(receiver);
        }

        public bool Cancel(WaitNode n) => _waiting.Remove(n);

        // The endpoint dies: every waiter, in order (the caller fails each with ObjectGone).
        public WaitNode TakeAny() => _waiting.Dequeue();
    }
}
