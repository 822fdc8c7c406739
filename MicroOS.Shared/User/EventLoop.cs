using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // A server's event loop: the one place its thread waits. It waits on the server's endpoint (a
    // message: the handler runs and is replied to) with its notification bound, so the same wait
    // also wakes for
    //   - its timers: one kernel timer (notification_signal_after, syscall 53) armed for the
    //     earliest of Task.Delay / CancelAfter's deadlines (bit TimerBit);
    //   - replies to CallAsync (bit ReplyBit), see CallWorker below;
    //   - work Posted from another thread (bit PostBit);
    //   - sources: an interrupt line or any notification routed to a bit of its own (WaitAsync).
    // Without an endpoint (Run with no Serve) it waits on the notification alone.
    //
    // `await` resumes here: the loop is the thread's SynchronizationContext, so a continuation
    // completed by a worker thread or a timer runs on the loop's thread, in order, between waits.
    //
    // CallAsync. The kernel's Call is synchronous (seL4): the caller's thread blocks until the reply,
    // and the reply goes to that thread. So an awaited call is made by a worker thread (a small pool,
    // CallWorker): the loop hands it the message, the worker blocks in Call, then queues the reply
    // and signals the loop's ReplyBit; the loop completes the task on its own thread. Chosen over
    // "send + a reply endpoint" because every existing server answers with Reply (to the caller's
    // thread): a reply endpoint would need every server to change its protocol, and would lose the
    // kernel's guarantee that a reply reaches exactly the caller (and ObjectGone if the server dies).
    // The price is two more thread switches per awaited call (`./microos bench`: awaited ipc call).
    // Workers carry register messages only (no IPC buffer payloads).
    //
    // What must stay true: only one thread runs managed code at a time (RuntimeThreads.cs), and a
    // worker touches the loop's state only between its blocking syscalls, so no locks are needed.
    public sealed class EventLoop : Internal.Runtime.AsyncPump
    {
        public const ulong TimerBit = 1, ReplyBit = 2, PostBit = 4;
        private const int FirstSourceBit = 3;
        public const int MaxWorkers = 4;

        public delegate void RequestHandler(ref Message m);

        private readonly Notification _notification;    // bound to the loop's thread; Read | Write
        private readonly int _replySlot, _postSlot;     // badged copies that workers signal
        private readonly LoopContext _context;
        private readonly ulong _hertz;

        private Endpoint _endpoint;
        private RequestHandler _handler;
        private bool _serving;

        private readonly List<LoopTimer> _timers = new List<LoopTimer>();       // by deadline
        private ulong _armedDeadline = ulong.MaxValue;
        private readonly Queue<Action> _posted = new Queue<Action>();
        private readonly List<CallWorker> _workers = new List<CallWorker>();
        private readonly Queue<CallWorker> _replied = new Queue<CallWorker>();
        private readonly Queue<PendingCall> _waitingCalls = new Queue<PendingCall>();
        private readonly Source[] _sources = new Source[64];
        private int _nextSourceBit = FirstSourceBit;

        public static EventLoop Current => Internal.Runtime.AsyncPump.Current as EventLoop;

        public ulong Dispatched { get; private set; }       // events handled (messages, signals, timers)

        // Creates the loop's notification (in a free slot), binds it to the calling thread (the
        // loop's thread from now on) and installs the loop there as SynchronizationContext and as
        // the runtime's pump. One per server.
        public EventLoop()
        {
            int slot = FreeSlot();
            long r = Caps.CreateNotification(slot);
            if (r != 0) throw new IpcException("event loop: notification_create", r);
            _notification = new Notification(slot);
            r = _notification.BindToThisThread();
            if (r != 0) throw new IpcException("event loop: notification_bind", r);
            _replySlot = MintBit(ReplyBit);
            _postSlot = MintBit(PostBit);
            Sys.SystemInfo(out _, out _hertz, out _);
            _context = new LoopContext(this);
            SynchronizationContext.SetSynchronizationContext(_context);
            Internal.Runtime.AsyncPump.Current = this;
        }

        // Messages on `endpoint` run `handler` on the loop's thread; what it leaves in `m` is the reply.
        // The handler replies before the loop waits again (the kernel keeps one reply target per
        // thread): work that must await starts a task and answers later by other means.
        public void Serve(Endpoint endpoint, RequestHandler handler)
        {
            _endpoint = endpoint;
            _handler = handler;
            _serving = true;
        }

        // Runs until `until` completes (forever for null), then throws as `await until` would.
        public void Run(Task until = null)
        {
            while (until == null || !until.IsCompleted)
                RunOnce();
            until.GetAwaiter().GetResult();
        }

        public override void RunOnce()
        {
            if (_posted.Count > 0)
            {
                RunPosted();
                return;
            }
            if (_replied.Count > 0)
            {
                CompleteReplies();
                return;
            }
            ulong now = Now();
            if (FireDueTimers(now))
                return;
            ArmKernelTimer(now);
            ulong bits;
            if (_serving)
            {
                long r = _endpoint.Receive(out Message m);
                if (r < 0) throw new IpcException("event loop: receive", r);
                if (r == 0)
                {
                    Dispatched++;
                    _handler(ref m);
                    Ipc.Reply(ref m);       // NoReplyTarget for a Send: nothing to answer
                    return;
                }
                bits = m.Badge;
            }
            else
            {
                long r = _notification.Wait(out bits);
                if (r < 0) throw new IpcException("event loop: notification_wait", r);
            }
            Dispatch(bits);
        }

        private void Dispatch(ulong bits)
        {
            Dispatched++;
            if ((bits & TimerBit) != 0)
            {
                _armedDeadline = ulong.MaxValue;       // that timer is spent
                FireDueTimers(Now());
            }
            if ((bits & ReplyBit) != 0)
                CompleteReplies();
            if ((bits & PostBit) != 0)
                RunPosted();
            for (int bit = FirstSourceBit; bit < _nextSourceBit; bit++)
                if ((bits & (1UL << bit)) != 0)
                    _sources[bit]?.Signalled();
        }

        // ---- posted work (the SynchronizationContext)

        public override void Post(Action action)
        {
            _posted.Enqueue(action);
            if (SynchronizationContext.Current != _context)
                new Notification(_postSlot).Signal();       // from another thread: wake the loop
        }

        private void RunPosted()
        {
            int n = _posted.Count;      // what is queued now; what these post runs next time
            for (int i = 0; i < n; i++)
                _posted.Dequeue()();
        }

        private sealed class LoopContext : SynchronizationContext
        {
            private readonly EventLoop _loop;
            public LoopContext(EventLoop loop) => _loop = loop;
            public override void Post(SendOrPostCallback d, object state) => _loop.Post(() => d(state));
            public override SynchronizationContext CreateCopy() => this;
        }

        // ---- timers

        private sealed class LoopTimer
        {
            public ulong Deadline;
            public Action Callback;
        }

        private ulong Now() => Sys.SystemInfo(out _, out _, out _);

        public override object StartTimer(ulong milliseconds, Action callback)
        {
            // At least `milliseconds`: whole ticks, rounded up; the kernel adds the tick in progress.
            var t = new LoopTimer { Deadline = Now() + (milliseconds * _hertz + 999) / 1000, Callback = callback };
            int at = _timers.Count;
            while (at > 0 && _timers[at - 1].Deadline > t.Deadline)
                at--;
            _timers.Insert(at, t);      // after every timer due no later: equal deadlines fire in order
            return t;
        }

        public override void StopTimer(object handle) => _timers.Remove((LoopTimer)handle);

        private bool FireDueTimers(ulong now)
        {
            bool fired = false;
            while (_timers.Count > 0 && _timers[0].Deadline < now)
            {
                LoopTimer t = _timers[0];
                _timers.RemoveAt(0);
                fired = true;
                t.Callback();
            }
            return fired;
        }

        private void ArmKernelTimer(ulong now)
        {
            ulong deadline = _timers.Count > 0 ? _timers[0].Deadline : ulong.MaxValue;
            if (deadline == _armedDeadline)
                return;
            _armedDeadline = deadline;
            if (deadline == ulong.MaxValue)
            {
                _notification.CancelTimer();
                return;
            }
            ulong ticks = deadline > now ? deadline - now : 0;
            // The kernel signals after the tick `ticks` from now ends: past the deadline.
            long r = _notification.SignalAfter(ticks == 0 ? 1 : (ticks * 1000 + _hertz - 1) / _hertz, TimerBit);
            if (r != 0) throw new IpcException("event loop: notification_signal_after", r);
        }

        // ---- sources: interrupts and other notifications, each on a bit of the loop's notification

        private sealed class Source
        {
            public TaskCompletionSource<bool> Waiter;
            public bool Pending;

            public void Signalled()
            {
                TaskCompletionSource<bool> w = Waiter;
                if (w == null) { Pending = true; return; }
                Waiter = null;
                w.SetResult(true);
            }

            public Task Wait()
            {
                if (Pending)
                {
                    Pending = false;
                    return Task.CompletedTask;
                }
                Waiter ??= new TaskCompletionSource<bool>();
                return Waiter.Task;
            }
        }

        // A new source: a Write cap of the loop's notification badged with its own bit, in a free
        // slot (give it to an IRQ line, a peer, process_set_death_notification...). WaitAsync(bit)
        // completes when it is signalled (a signal before the wait is kept, once).
        public long AddSource(out int capSlot, out int bit)
        {
            capSlot = -1;
            bit = _nextSourceBit;
            if (bit >= 64)
                return (long)SyscallError.OutOfRange;
            capSlot = MintBit(1UL << bit);
            _sources[bit] = new Source();
            _nextSourceBit++;
            return 0;
        }

        public Task WaitAsync(int bit)
        {
            if (bit < FirstSourceBit || bit >= _nextSourceBit)
                throw new ArgumentOutOfRangeException("bit");
            return _sources[bit].Wait();
        }

        // ---- awaited IPC calls

        private sealed class PendingCall
        {
            public Endpoint Target;
            public Message Message;
            public TaskCompletionSource<Message> Reply;
        }

        public Task<Message> CallAsync(Endpoint target, Message m)
        {
            var call = new PendingCall { Target = target, Message = m, Reply = new TaskCompletionSource<Message>() };
            CallWorker worker = IdleWorker();
            if (worker == null)
                _waitingCalls.Enqueue(call);
            else
                worker.Begin(call);
            return call.Reply.Task;
        }

        private CallWorker IdleWorker()
        {
            for (int i = 0; i < _workers.Count; i++)
                if (_workers[i].Call == null)
                    return _workers[i];
            if (_workers.Count == MaxWorkers)
                return null;
            var w = new CallWorker(this);
            _workers.Add(w);
            return w;
        }

        private void CompleteReplies()
        {
            while (_replied.Count > 0)
            {
                CallWorker w = _replied.Dequeue();
                PendingCall call = w.Call;
                long result = w.Result;
                Message reply = w.Reply;
                w.Call = null;
                if (_waitingCalls.Count > 0)
                    w.Begin(_waitingCalls.Dequeue());
                Dispatched++;
                if (result < 0)
                    call.Reply.SetException(new IpcException("call", result));
                else
                    call.Reply.SetResult(reply);
            }
        }

        // One thread that makes blocking Calls for the loop. It waits on its own notification for
        // work, calls, leaves the reply and signals the loop (a badged cap: ReplyBit).
        private sealed class CallWorker
        {
            private readonly EventLoop _loop;
            private readonly Notification _go;
            public PendingCall Call;
            public long Result;
            public Message Reply;

            public CallWorker(EventLoop loop)
            {
                _loop = loop;
                int slot = FreeSlot();
                long r = Caps.CreateNotification(slot);
                if (r != 0) throw new IpcException("call worker: notification_create", r);
                _go = new Notification(slot);
                int threadSlot = FreeSlot();
                if (ServerThread.Start(threadSlot, Body, out r, 16 * 1024) == null)
                    throw new IpcException("call worker: thread", r);
            }

            public void Begin(PendingCall call)
            {
                Call = call;
                _go.Signal();
            }

            private void Body()
            {
                var done = new Notification(_loop._replySlot);
                while (true)
                {
                    _go.Wait(out _);
                    Message m = Call.Message;
                    Result = Call.Target.Call(ref m);
                    Reply = m;
                    _loop._replied.Enqueue(this);
                    done.Signal();
                }
            }
        }

        // ---- slots

        private int MintBit(ulong bit)
        {
            int slot = FreeSlot();
            long r = Caps.Mint(_notification.Slot, slot, CapRights.Write, bit);
            if (r != 0) throw new IpcException("event loop: cap_mint", r);
            return slot;
        }

        // The highest empty slot: manifest caps fill the table from slot 1 up.
        internal static int FreeSlot()
        {
            for (int slot = CapSlots - 1; slot > 0; slot--)
                if (Caps.Inspect(slot, out _) == (long)SyscallError.InvalidCapability)
                    return slot;
            throw new IpcException("no free capability slot", (long)SyscallError.SlotOccupied);
        }

        private const int CapSlots = 128;
    }

    // An IPC syscall that failed where the caller expected it to work (an awaited call to a server
    // that died: ObjectGone). Surfaces at the `await`, as any exception of an awaited task.
    public sealed class IpcException : Exception
    {
        public readonly long Error;

        public IpcException(string operation, long error)
            : base(string.Concat(operation, " failed: ", Name(error), " (", error.ToString(), ")")) => Error = error;

        // (MicroOS.Shared is not built with the TypeNames generator: no Enum.ToString here.)
        private static string Name(long error) => SyscallErrors.Name(error);

        public override string TypeName => "MicroOS.Shared.User.IpcException";
    }

    public static class AsyncIpc
    {
        // `await endpoint.CallAsync(m)`: the reply, or IpcException at the await (EventLoop above).
        public static Task<Message> CallAsync(this Endpoint endpoint, Message m) =>
            (EventLoop.Current ?? throw new InvalidOperationException("CallAsync needs an EventLoop on this server")).CallAsync(endpoint, m);

        // `await irq.WaitAsync()`: the first call routes the line to a bit of the loop (irq_set_notification);
        // each await completes after one interrupt. Acknowledge (irq_ack) after handling, as with a blocking loop.
        public static Task WaitAsync(this IrqLineCap irq)
        {
            EventLoop loop = EventLoop.Current ?? throw new InvalidOperationException("WaitAsync needs an EventLoop on this server");
            int bit = IrqBits.Find(irq.Slot);
            if (bit < 0)
            {
                long r = loop.AddSource(out int capSlot, out bit);
                if (r == 0)
                    r = irq.SetNotification(new Notification(capSlot));
                if (r != 0)
                    return Task.FromException(new IpcException("irq_set_notification", r));
                IrqBits.Add(irq.Slot, bit);
            }
            return loop.WaitAsync(bit);
        }

        private static class IrqBits
        {
            private static readonly List<int> s_slots = new List<int>(), s_bits = new List<int>();
            public static int Find(int slot)
            {
                int i = s_slots.IndexOf(slot);
                return i < 0 ? -1 : s_bits[i];
            }
            public static void Add(int slot, int bit) { s_slots.Add(slot); s_bits.Add(bit); }
        }
    }
}
