using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Threading.Tasks
{
    public enum TaskStatus
    {
        Created, WaitingForActivation, WaitingToRun, Running, WaitingForChildrenToComplete,
        RanToCompletion, Canceled, Faulted,
    }

    [Flags]
    public enum TaskContinuationOptions
    {
        None = 0, PreferFairness = 1, LongRunning = 2, AttachedToParent = 4, DenyChildAttach = 8,
        HideScheduler = 16, LazyCancellation = 32, RunContinuationsAsynchronously = 64,
        NotOnRanToCompletion = 0x10000, NotOnFaulted = 0x20000, NotOnCanceled = 0x40000,
        OnlyOnRanToCompletion = NotOnFaulted | NotOnCanceled, OnlyOnFaulted = NotOnRanToCompletion | NotOnCanceled,
        OnlyOnCanceled = NotOnRanToCompletion | NotOnFaulted, ExecuteSynchronously = 0x80000,
    }

    [Flags]
    public enum TaskCreationOptions
    {
        None = 0, PreferFairness = 1, LongRunning = 2, AttachedToParent = 4, DenyChildAttach = 8,
        HideScheduler = 16, RunContinuationsAsynchronously = 64,
    }

    // A promise, as .NET's Task is to an awaiting method. Servers are single-threaded as far as managed
    // code goes (one thread at a time runs it: RuntimeThreads.cs), so completion needs no locks.
    //
    // What must stay true (so the conformance suite's host and MicroOS runs print the same lines):
    // - Continuations run in the order they were registered, when the task completes. An await's
    //   continuation runs inline on the completing code unless the await captured a
    //   SynchronizationContext other than the current one: then it is Posted there (the server's
    //   event loop). ContinueWith runs inline (as .NET's ExecuteSynchronously; on .NET without
    //   that option it would run on the thread pool, which a server does not have).
    // - Awaiting a faulted task rethrows its first exception itself; .Result and .Wait() throw an
    //   AggregateException holding them all; a canceled task throws TaskCanceledException (wrapped
    //   in AggregateException for .Result and .Wait()).
    // - A task that is not complete when .Wait() or .Result asks runs the event loop
    //   (Internal.Runtime.AsyncPump) until it is; with no loop installed that would wait forever,
    //   so it throws InvalidOperationException instead.
    public class Task
    {
        private static int s_nextId;
        private static Task s_completed;

        // The core library is not built with the TypeNames generator: TaskStatus names itself here,
        // so that Status.ToString() prints as on .NET.
        static Task()
        {
            RuntimeTypeHandle type = typeof(TaskStatus).TypeHandle;
            System.Runtime.TypeNames.Register(type, "TaskStatus", "System.Threading.Tasks.TaskStatus");
            var names = new string[8];
            var values = new ulong[8];
            names[0] = "Created"; names[1] = "WaitingForActivation"; names[2] = "WaitingToRun"; names[3] = "Running";
            names[4] = "WaitingForChildrenToComplete"; names[5] = "RanToCompletion"; names[6] = "Canceled"; names[7] = "Faulted";
            for (int i = 0; i < 8; i++) values[i] = (ulong)i;
            System.Runtime.TypeNames.RegisterEnum(type, false, values, names);
        }

        internal TaskStatus _status = TaskStatus.WaitingForActivation;
        private List<Exception> _exceptions;
        private OperationCanceledException _cancellation;   // the one an async method threw: an await rethrows it
        private CancellationToken _cancelToken;
        private object _continuations;      // null, one Continuation, or List<Continuation>
        private int _id;
        private readonly Action _action;     // new Task(action), Task.Run

        internal Task() { }

        internal Task(TaskStatus status) => _status = status;

        public Task(Action action)
        {
            if (action == null) throw new ArgumentNullException("action");
            _action = action;
            _status = TaskStatus.Created;
        }

        public int Id
        {
            get
            {
                if (_id == 0) _id = ++s_nextId;
                return _id;
            }
        }

        public TaskStatus Status => _status;
        public bool IsCompleted => _status >= TaskStatus.RanToCompletion;
        public bool IsCompletedSuccessfully => _status == TaskStatus.RanToCompletion;
        public bool IsFaulted => _status == TaskStatus.Faulted;
        public bool IsCanceled => _status == TaskStatus.Canceled;

        public AggregateException Exception => _status == TaskStatus.Faulted ? new AggregateException(_exceptions) : null;

        public static Task CompletedTask => s_completed ??= new Task(TaskStatus.RanToCompletion);

        // Task.Run-shaped: starts the action at once, inline (a server has no thread pool).
        public void Start()
        {
            if (_status != TaskStatus.Created)
                throw new InvalidOperationException("Start may not be called on a task that was already started.");
            _status = TaskStatus.Running;
            try
            {
                RunAction();
            }
            catch (Exception e)
            {
                TrySetException(e);     // without a token of its own, a task whose action throws OCE is faulted (.NET)
            }
        }

        internal virtual void RunAction()
        {
            _action();
            TrySetResult();
        }

        public void RunSynchronously() => Start();

        internal bool TrySetResult()
        {
            if (IsCompleted) return false;
            _status = TaskStatus.RanToCompletion;
            RunContinuations();
            return true;
        }

        internal bool TrySetException(Exception exception)
        {
            if (IsCompleted) return false;
            _exceptions = new List<Exception>(1) { exception };
            _status = TaskStatus.Faulted;
            RunContinuations();
            return true;
        }

        internal bool TrySetExceptions(List<Exception> exceptions)
        {
            if (IsCompleted) return false;
            _exceptions = exceptions;
            _status = TaskStatus.Faulted;
            RunContinuations();
            return true;
        }

        internal bool TrySetCanceled(OperationCanceledException cancellation)
        {
            if (IsCompleted) return false;
            _cancellation = cancellation;
            _cancelToken = cancellation.CancellationToken;
            _status = TaskStatus.Canceled;
            RunContinuations();
            return true;
        }

        internal bool TrySetCanceled(CancellationToken token)
        {
            if (IsCompleted) return false;
            _cancelToken = token;
            _status = TaskStatus.Canceled;
            RunContinuations();
            return true;
        }

        internal List<Exception> Exceptions => _exceptions;

        // What an await throws for a canceled task: the exception that canceled it, else a new one.
        internal OperationCanceledException CanceledException() => _cancellation ?? new TaskCanceledException(this, _cancelToken);

        internal CancellationToken CancellationTokenOfCancel => _cancelToken;

        // Throws as `await` does.
        internal void ThrowIfNotSuccessful()
        {
            if (_status == TaskStatus.RanToCompletion) return;
            if (_status == TaskStatus.Faulted) throw _exceptions[0];
            if (_status == TaskStatus.Canceled) throw CanceledException();
            throw new InvalidOperationException("The task has not completed.");
        }

        // Throws as .Wait() and .Result do.
        internal void ThrowAggregateIfNotSuccessful()
        {
            if (_status == TaskStatus.Faulted) throw new AggregateException(_exceptions);
            if (_status == TaskStatus.Canceled) throw new AggregateException(new TaskCanceledException(this, _cancelToken));
        }

        internal void WaitForCompletion()
        {
            while (!IsCompleted)
            {
                Internal.Runtime.AsyncPump pump = Internal.Runtime.AsyncPump.Current;
                if (pump == null)
                    throw new InvalidOperationException("Task.Wait on a task that is not complete: no event loop runs in this server (MicroOS.Shared.User.EventLoop), so it would wait forever.");
                pump.RunOnce();
            }
        }

        public void Wait()
        {
            WaitForCompletion();
            ThrowAggregateIfNotSuccessful();
        }

        public void Dispose() { }

        // ---- continuations

        private sealed class Continuation
        {
            public Action Action;
            public SynchronizationContext Context;
        }

        internal void AddContinuation(Action action, bool captureContext)
        {
            SynchronizationContext context = captureContext ? SynchronizationContext.Current : null;
            if (IsCompleted)
            {
                Invoke(action, context);
                return;
            }
            var c = new Continuation { Action = action, Context = context };
            if (_continuations == null)
                _continuations = c;
            else if (_continuations is List<Continuation> list)
                list.Add(c);
            else
                _continuations = new List<Continuation>(2) { (Continuation)_continuations, c };
        }

        private static void Invoke(Action action, SynchronizationContext context)
        {
            if (context != null && context != SynchronizationContext.Current)
                context.Post(s_runAction, action);
            else
                action();
        }

        private static readonly SendOrPostCallback s_runAction = RunPostedAction;

        private static void RunPostedAction(object state) => ((Action)state)();

        private void RunContinuations()
        {
            object continuations = _continuations;
            _continuations = null;
            if (continuations == null) return;
            if (continuations is Continuation one)
            {
                Invoke(one.Action, one.Context);
                return;
            }
            var list = (List<Continuation>)continuations;
            for (int i = 0; i < list.Count; i++)
                Invoke(list[i].Action, list[i].Context);
        }

        public TaskAwaiter GetAwaiter() => new TaskAwaiter(this);

        public ConfiguredTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) => new ConfiguredTaskAwaitable(this, continueOnCapturedContext);

        // ---- ContinueWith (runs inline when this task completes)

        public Task ContinueWith(Action<Task> continuation) => ContinueWith(continuation, TaskContinuationOptions.None);

        public Task ContinueWith(Action<Task> continuation, TaskContinuationOptions options)
        {
            if (continuation == null) throw new ArgumentNullException("continuationAction");
            var next = new Task();
            AddContinuation(() =>
            {
                if (!ShouldRun(options)) { next.TrySetCanceled(default(CancellationToken)); return; }
                try { continuation(this); next.TrySetResult(); }
                catch (Exception e) { next.TrySetException(e); }
            }, captureContext: false);
            return next;
        }

        public Task<TResult> ContinueWith<TResult>(Func<Task, TResult> continuation) => ContinueWith(continuation, TaskContinuationOptions.None);

        public Task<TResult> ContinueWith<TResult>(Func<Task, TResult> continuation, TaskContinuationOptions options)
        {
            if (continuation == null) throw new ArgumentNullException("continuationFunction");
            var next = new Task<TResult>();
            AddContinuation(() =>
            {
                if (!ShouldRun(options)) { next.TrySetCanceled(default(CancellationToken)); return; }
                try { next.TrySetResult(continuation(this)); }
                catch (Exception e) { next.TrySetException(e); }
            }, captureContext: false);
            return next;
        }

        internal bool ShouldRun(TaskContinuationOptions options) =>
            _status switch
            {
                TaskStatus.RanToCompletion => (options & TaskContinuationOptions.NotOnRanToCompletion) == 0,
                TaskStatus.Faulted => (options & TaskContinuationOptions.NotOnFaulted) == 0,
                _ => (options & TaskContinuationOptions.NotOnCanceled) == 0,
            };

        // ---- factories

        public static Task<TResult> FromResult<TResult>(TResult result)
        {
            var t = new Task<TResult>();
            t.TrySetResult(result);
            return t;
        }

        public static Task FromException(Exception exception)
        {
            if (exception == null) throw new ArgumentNullException("exception");
            var t = new Task();
            t.TrySetException(exception);
            return t;
        }

        public static Task<TResult> FromException<TResult>(Exception exception)
        {
            if (exception == null) throw new ArgumentNullException("exception");
            var t = new Task<TResult>();
            t.TrySetException(exception);
            return t;
        }

        public static Task FromCanceled(CancellationToken cancellationToken)
        {
            if (!cancellationToken.IsCancellationRequested) throw new ArgumentOutOfRangeException("cancellationToken");
            var t = new Task();
            t.TrySetCanceled(cancellationToken);
            return t;
        }

        public static Task<TResult> FromCanceled<TResult>(CancellationToken cancellationToken)
        {
            if (!cancellationToken.IsCancellationRequested) throw new ArgumentOutOfRangeException("cancellationToken");
            var t = new Task<TResult>();
            t.TrySetCanceled(cancellationToken);
            return t;
        }

        // Runs the action now (there is no thread pool) and returns its outcome as a task.
        public static Task Run(Action action)
        {
            var t = new Task(action);
            t.Start();
            return t;
        }

        public static Task<TResult> Run<TResult>(Func<TResult> function)
        {
            var t = new Task<TResult>(function);
            t.Start();
            return t;
        }

        public static Task Run(Func<Task> function)
        {
            if (function == null) throw new ArgumentNullException("function");
            try { return function() ?? FromCanceled(new CancellationToken(true)); }
            catch (OperationCanceledException e) { var t = new Task(); t.TrySetCanceled(e); return t; }
            catch (Exception e) { return FromException(e); }
        }

        public static Task<TResult> Run<TResult>(Func<Task<TResult>> function)
        {
            if (function == null) throw new ArgumentNullException("function");
            try { return function(); }
            catch (OperationCanceledException e) { var t = new Task<TResult>(); t.TrySetCanceled(e); return t; }
            catch (Exception e) { return FromException<TResult>(e); }
        }

        // ---- Delay (the event loop's timers: Internal.Runtime.AsyncPump)

        public static Task Delay(int millisecondsDelay) => Delay(millisecondsDelay, default);

        public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken)
        {
            if (millisecondsDelay < -1) throw new ArgumentOutOfRangeException("millisecondsDelay", "The value needs to be either -1 (signifying an infinite timeout), 0 or a positive integer.");
            if (cancellationToken.IsCancellationRequested) return FromCanceled(cancellationToken);
            if (millisecondsDelay == 0) return CompletedTask;
            var t = new DelayTask(cancellationToken);
            if (millisecondsDelay > 0)
                t.Timer = Internal.Runtime.AsyncPump.Required.StartTimer((ulong)millisecondsDelay, t.Fire);
            if (cancellationToken.CanBeCanceled)
                t.Registration = cancellationToken.Register(t.Cancel);
            return t;
        }

        private sealed class DelayTask : Task
        {
            public object Timer;
            public CancellationTokenRegistration Registration;
            private readonly CancellationToken _token;

            public DelayTask(CancellationToken token) => _token = token;

            public void Fire()
            {
                Timer = null;
                Registration.Dispose();
                TrySetResult();
            }

            public void Cancel()
            {
                if (Timer != null)
                    Internal.Runtime.AsyncPump.Current?.StopTimer(Timer);
                Timer = null;
                TrySetCanceled(_token);
            }
        }

        // ---- WhenAll / WhenAny

        public static Task WhenAll(params Task[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException("tasks");
            var all = new Task();
            WhenAllCore(tasks, all, () => all.TrySetResult());
            return all;
        }

        public static Task WhenAll(IEnumerable<Task> tasks) => WhenAll(ToArray(tasks));

        public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException("tasks");
            var all = new Task<TResult[]>();
            var copy = new Task[tasks.Length];
            for (int i = 0; i < tasks.Length; i++) copy[i] = tasks[i];
            WhenAllCore(copy, all, () =>
            {
                var results = new TResult[tasks.Length];
                for (int i = 0; i < tasks.Length; i++) results[i] = tasks[i].ResultUnchecked;
                all.TrySetResult(results);
            });
            return all;
        }

        public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks)
        {
            var list = new List<Task<TResult>>();
            foreach (Task<TResult> t in tasks) list.Add(t);
            return WhenAll(list.ToArray());
        }

        private static void WhenAllCore(Task[] tasks, Task all, Action succeed)
        {
            for (int i = 0; i < tasks.Length; i++)
                if (tasks[i] == null) throw new ArgumentException("The tasks argument included a null value.", "tasks");
            int left = tasks.Length;
            if (left == 0) { succeed(); return; }
            Action one = () =>
            {
                if (--left != 0) return;
                List<Exception> errors = null;
                Task canceled = null;
                for (int i = 0; i < tasks.Length; i++)
                {
                    if (tasks[i].IsFaulted) (errors ??= new List<Exception>()).AddRange(tasks[i]._exceptions);
                    else if (tasks[i].IsCanceled && canceled == null) canceled = tasks[i];
                }
                if (errors != null) all.TrySetExceptions(errors);
                else if (canceled != null) all.TrySetCanceled(canceled.CancellationTokenOfCancel);
                else succeed();
            };
            for (int i = 0; i < tasks.Length; i++)
                tasks[i].AddContinuation(one, captureContext: false);
        }

        public static Task<Task> WhenAny(params Task[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException("tasks");
            if (tasks.Length == 0) throw new ArgumentException("The tasks argument contains no tasks.", "tasks");
            for (int i = 0; i < tasks.Length; i++)
                if (tasks[i] == null) throw new ArgumentException("The tasks argument included a null value.", "tasks");
            var any = new Task<Task>();
            for (int i = 0; i < tasks.Length; i++)
            {
                if (tasks[i].IsCompleted) { any.TrySetResult(tasks[i]); return any; }
            }
            for (int i = 0; i < tasks.Length; i++)
            {
                Task t = tasks[i];
                t.AddContinuation(() => any.TrySetResult(t), captureContext: false);
            }
            return any;
        }

        public static Task<Task> WhenAny(IEnumerable<Task> tasks) => WhenAny(ToArray(tasks));

        public static Task<Task<TResult>> WhenAny<TResult>(params Task<TResult>[] tasks)
        {
            var copy = new Task[tasks?.Length ?? 0];
            for (int i = 0; i < copy.Length; i++) copy[i] = tasks[i];
            Task<Task> any = WhenAny(tasks == null ? null : copy);
            var typed = new Task<Task<TResult>>();
            any.AddContinuation(() => typed.TrySetResult((Task<TResult>)any.ResultUnchecked), captureContext: false);
            return typed;
        }

        private static Task[] ToArray(IEnumerable<Task> tasks)
        {
            if (tasks == null) throw new ArgumentNullException("tasks");
            var list = new List<Task>();
            foreach (Task t in tasks) list.Add(t);
            return list.ToArray();
        }

        public static YieldAwaitable Yield() => default;
    }

    public class Task<TResult> : Task
    {
        private TResult _result;

        internal Task() { }

        private readonly Func<TResult> _function;

        public Task(Func<TResult> function) : base(TaskStatus.Created)
        {
            if (function == null) throw new ArgumentNullException("function");
            _function = function;
        }

        internal override void RunAction() => TrySetResult(_function());

        internal TResult ResultUnchecked => _result;

        public TResult Result
        {
            get
            {
                WaitForCompletion();
                ThrowAggregateIfNotSuccessful();
                return _result;
            }
        }

        internal bool TrySetResult(TResult result)
        {
            if (IsCompleted) return false;
            _result = result;
            return TrySetResult();
        }

        public new TaskAwaiter<TResult> GetAwaiter() => new TaskAwaiter<TResult>(this);

        public new ConfiguredTaskAwaitable<TResult> ConfigureAwait(bool continueOnCapturedContext) =>
            new ConfiguredTaskAwaitable<TResult>(this, continueOnCapturedContext);

        public Task ContinueWith(Action<Task<TResult>> continuation) => ContinueWith(continuation, TaskContinuationOptions.None);

        public Task ContinueWith(Action<Task<TResult>> continuation, TaskContinuationOptions options)
        {
            if (continuation == null) throw new ArgumentNullException("continuationAction");
            return base.ContinueWith(t => continuation((Task<TResult>)t), options);
        }

        public Task<TNew> ContinueWith<TNew>(Func<Task<TResult>, TNew> continuation) => ContinueWith(continuation, TaskContinuationOptions.None);

        public Task<TNew> ContinueWith<TNew>(Func<Task<TResult>, TNew> continuation, TaskContinuationOptions options)
        {
            if (continuation == null) throw new ArgumentNullException("continuationFunction");
            return base.ContinueWith(t => continuation((Task<TResult>)t), options);
        }
    }
}
