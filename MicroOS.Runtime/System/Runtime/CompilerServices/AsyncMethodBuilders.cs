using System.Threading;
using System.Threading.Tasks;

// What Roslyn needs for `async` and `await` (the shapes are .NET's). The state machine is a struct
// (release builds): on its first real await the builder boxes it once and hands the box to itself
// (SetStateMachine, called on the box's copy), so every later await resumes the same box. The task
// is created before that boxing, so the caller's copy (which returns builder.Task) and the box
// share it.
namespace System.Runtime.CompilerServices
{
    public interface IAsyncStateMachine
    {
        void MoveNext();
        void SetStateMachine(IAsyncStateMachine stateMachine);
    }

    public interface INotifyCompletion { void OnCompleted(Action continuation); }

    public interface ICriticalNotifyCompletion : INotifyCompletion { void UnsafeOnCompleted(Action continuation); }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class AsyncStateMachineAttribute : Attribute { public AsyncStateMachineAttribute(Type stateMachineType) { } }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Delegate | AttributeTargets.Enum | AttributeTargets.Method, Inherited = false)]
    public sealed class AsyncMethodBuilderAttribute : Attribute { public AsyncMethodBuilderAttribute(Type builderType) { } }

    // A delegate to an interface method is not supported by this runtime (Delegate.cs): the box's
    // MoveNext is reached through this small object instead.
    internal sealed class MoveNextRunner
    {
        private readonly IAsyncStateMachine _machine;
        public readonly Action Run;

        public MoveNextRunner(IAsyncStateMachine machine)
        {
            _machine = machine;
            Run = MoveNext;
        }

        private void MoveNext() => _machine.MoveNext();
    }

    internal static class AsyncBuilderCore
    {
        public static void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
        {
            if (stateMachine == null) throw new ArgumentNullException("stateMachine");
            stateMachine.MoveNext();
        }

        // The box and its runner, made on the first await that suspends.
        public static MoveNextRunner Box<TStateMachine>(ref MoveNextRunner runner, ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
        {
            if (runner != null) return runner;
            IAsyncStateMachine box = stateMachine;
            var made = new MoveNextRunner(box);
            runner = made;                  // this copy (the caller's, on its stack)...
            box.SetStateMachine(box);       // ...and the box's copy, through the builder's SetStateMachine
            return made;
        }

        public static void SetStateMachine(ref MoveNextRunner runner, IAsyncStateMachine stateMachine)
        {
            if (stateMachine == null) throw new ArgumentNullException("stateMachine");
            runner ??= new MoveNextRunner(stateMachine);
        }
    }

    public struct AsyncTaskMethodBuilder
    {
        private Task _task;
        private MoveNextRunner _runner;

        public static AsyncTaskMethodBuilder Create() => default;

        public Task Task => _task ??= new Task();

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine =>
            AsyncBuilderCore.Start(ref stateMachine);

        public void SetStateMachine(IAsyncStateMachine stateMachine) => AsyncBuilderCore.SetStateMachine(ref _runner, stateMachine);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _ = Task;
            awaiter.OnCompleted(AsyncBuilderCore.Box(ref _runner, ref stateMachine).Run);
        }

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _ = Task;
            awaiter.UnsafeOnCompleted(AsyncBuilderCore.Box(ref _runner, ref stateMachine).Run);
        }

        public void SetResult()
        {
            if (_task == null) { _task = Task.CompletedTask; return; }
            if (!_task.TrySetResult()) throw TaskCompletionSource<int>.AlreadyCompleted();
        }

        public void SetException(Exception exception)
        {
            if (exception == null) throw new ArgumentNullException("exception");
            Task t = Task;
            bool set = exception is OperationCanceledException oce ? t.TrySetCanceled(oce) : t.TrySetException(exception);
            if (!set) throw TaskCompletionSource<int>.AlreadyCompleted();
        }
    }

    public struct AsyncTaskMethodBuilder<TResult>
    {
        private Task<TResult> _task;
        private MoveNextRunner _runner;

        public static AsyncTaskMethodBuilder<TResult> Create() => default;

        public Task<TResult> Task => _task ??= new Task<TResult>();

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine =>
            AsyncBuilderCore.Start(ref stateMachine);

        public void SetStateMachine(IAsyncStateMachine stateMachine) => AsyncBuilderCore.SetStateMachine(ref _runner, stateMachine);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _ = Task;
            awaiter.OnCompleted(AsyncBuilderCore.Box(ref _runner, ref stateMachine).Run);
        }

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _ = Task;
            awaiter.UnsafeOnCompleted(AsyncBuilderCore.Box(ref _runner, ref stateMachine).Run);
        }

        public void SetResult(TResult result)
        {
            if (!Task.TrySetResult(result)) throw TaskCompletionSource<int>.AlreadyCompleted();
        }

        public void SetException(Exception exception)
        {
            if (exception == null) throw new ArgumentNullException("exception");
            Task<TResult> t = Task;
            bool set = exception is OperationCanceledException oce ? t.TrySetCanceled(oce) : t.TrySetException(exception);
            if (!set) throw TaskCompletionSource<int>.AlreadyCompleted();
        }
    }

    // async void: an exception has no task to go to. .NET posts it to the captured context (or the
    // thread pool), which ends the process; here it is rethrown where it arose, the same end.
    public struct AsyncVoidMethodBuilder
    {
        private MoveNextRunner _runner;

        public static AsyncVoidMethodBuilder Create() => default;

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine =>
            AsyncBuilderCore.Start(ref stateMachine);

        public void SetStateMachine(IAsyncStateMachine stateMachine) => AsyncBuilderCore.SetStateMachine(ref _runner, stateMachine);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine =>
            awaiter.OnCompleted(AsyncBuilderCore.Box(ref _runner, ref stateMachine).Run);

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine =>
            awaiter.UnsafeOnCompleted(AsyncBuilderCore.Box(ref _runner, ref stateMachine).Run);

        public void SetResult() { }

        public void SetException(Exception exception) => throw exception;
    }

    public struct AsyncValueTaskMethodBuilder
    {
        private AsyncTaskMethodBuilder _inner;
        private bool _synchronous, _awaited;

        public static AsyncValueTaskMethodBuilder Create() => default;

        public ValueTask Task => _awaited || !_synchronous ? new ValueTask(_inner.Task) : default;

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine =>
            AsyncBuilderCore.Start(ref stateMachine);

        public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _awaited = true;
            _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);
        }

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _awaited = true;
            _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
        }

        public void SetResult()
        {
            if (!_awaited) { _synchronous = true; return; }
            _inner.SetResult();
        }

        public void SetException(Exception exception)
        {
            _awaited = true;
            _inner.SetException(exception);
        }
    }

    public struct AsyncValueTaskMethodBuilder<TResult>
    {
        private AsyncTaskMethodBuilder<TResult> _inner;
        private bool _synchronous, _awaited;
        private TResult _result;

        public static AsyncValueTaskMethodBuilder<TResult> Create() => default;

        public ValueTask<TResult> Task => _awaited || !_synchronous ? new ValueTask<TResult>(_inner.Task) : new ValueTask<TResult>(_result);

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine =>
            AsyncBuilderCore.Start(ref stateMachine);

        public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _awaited = true;
            _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);
        }

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
        {
            _awaited = true;
            _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
        }

        public void SetResult(TResult result)
        {
            if (!_awaited) { _synchronous = true; _result = result; return; }
            _inner.SetResult(result);
        }

        public void SetException(Exception exception)
        {
            _awaited = true;
            _inner.SetException(exception);
        }
    }

    public readonly struct TaskAwaiter : ICriticalNotifyCompletion
    {
        private readonly Task _task;
        internal TaskAwaiter(Task task) => _task = task;
        public bool IsCompleted => _task.IsCompleted;
        public void OnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public void GetResult()
        {
            if (!_task.IsCompleted) _task.WaitForCompletion();       // called without an await: blocks, as in .NET
            _task.ThrowIfNotSuccessful();
        }
    }

    public readonly struct TaskAwaiter<TResult> : ICriticalNotifyCompletion
    {
        private readonly Task<TResult> _task;
        internal TaskAwaiter(Task<TResult> task) => _task = task;
        public bool IsCompleted => _task.IsCompleted;
        public void OnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public TResult GetResult()
        {
            if (!_task.IsCompleted) _task.WaitForCompletion();
            _task.ThrowIfNotSuccessful();
            return _task.ResultUnchecked;
        }
    }

    public readonly struct ConfiguredTaskAwaitable
    {
        private readonly ConfiguredTaskAwaiter _awaiter;
        internal ConfiguredTaskAwaitable(Task task, bool continueOnCapturedContext) => _awaiter = new ConfiguredTaskAwaiter(task, continueOnCapturedContext);
        public ConfiguredTaskAwaiter GetAwaiter() => _awaiter;

        public readonly struct ConfiguredTaskAwaiter : ICriticalNotifyCompletion
        {
            private readonly Task _task;
            private readonly bool _capture;
            internal ConfiguredTaskAwaiter(Task task, bool capture) { _task = task; _capture = capture; }
            public bool IsCompleted => _task.IsCompleted;
            public void OnCompleted(Action continuation) => _task.AddContinuation(continuation, _capture);
            public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation, _capture);
            public void GetResult()
            {
                if (!_task.IsCompleted) _task.WaitForCompletion();
                _task.ThrowIfNotSuccessful();
            }
        }
    }

    public readonly struct ConfiguredTaskAwaitable<TResult>
    {
        private readonly ConfiguredTaskAwaiter _awaiter;
        internal ConfiguredTaskAwaitable(Task<TResult> task, bool continueOnCapturedContext) => _awaiter = new ConfiguredTaskAwaiter(task, continueOnCapturedContext);
        public ConfiguredTaskAwaiter GetAwaiter() => _awaiter;

        public readonly struct ConfiguredTaskAwaiter : ICriticalNotifyCompletion
        {
            private readonly Task<TResult> _task;
            private readonly bool _capture;
            internal ConfiguredTaskAwaiter(Task<TResult> task, bool capture) { _task = task; _capture = capture; }
            public bool IsCompleted => _task.IsCompleted;
            public void OnCompleted(Action continuation) => _task.AddContinuation(continuation, _capture);
            public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation, _capture);
            public TResult GetResult()
            {
                if (!_task.IsCompleted) _task.WaitForCompletion();
                _task.ThrowIfNotSuccessful();
                return _task.ResultUnchecked;
            }
        }
    }

    // Task.Yield(): the rest of the method is Posted to the current SynchronizationContext (the event
    // loop); without one it needs a loop to come back through, as .NET needs its thread pool.
    public readonly struct YieldAwaitable
    {
        public YieldAwaiter GetAwaiter() => default;

        public readonly struct YieldAwaiter : ICriticalNotifyCompletion
        {
            public bool IsCompleted => false;
            public void OnCompleted(Action continuation) => Post(continuation);
            public void UnsafeOnCompleted(Action continuation) => Post(continuation);
            public void GetResult() { }

            private static void Post(Action continuation)
            {
                SynchronizationContext context = SynchronizationContext.Current;
                if (context != null)
                    context.Post(s_run, continuation);
                else
                    Internal.Runtime.AsyncPump.Required.Post(continuation);
            }

            private static readonly SendOrPostCallback s_run = RunAction;
            private static void RunAction(object state) => ((Action)state)();
        }
    }
}
