using System.Runtime.CompilerServices;

namespace System.Threading.Tasks
{
    // A result that is often ready at once: no Task is allocated then. Backed by a Task otherwise
    // (this runtime has no IValueTaskSource pooling).
    [AsyncMethodBuilder(typeof(AsyncValueTaskMethodBuilder))]
    public readonly struct ValueTask : IEquatable<ValueTask>
    {
        private readonly Task _task;

        public ValueTask(Task task) => _task = task ?? throw new ArgumentNullException("task");

        public static ValueTask CompletedTask => default;

        public static ValueTask<TResult> FromResult<TResult>(TResult result) => new ValueTask<TResult>(result);
        public static ValueTask FromException(Exception exception) => new ValueTask(Task.FromException(exception));
        public static ValueTask FromCanceled(CancellationToken cancellationToken) => new ValueTask(Task.FromCanceled(cancellationToken));

        public bool IsCompleted => _task == null || _task.IsCompleted;
        public bool IsCompletedSuccessfully => _task == null || _task.IsCompletedSuccessfully;
        public bool IsFaulted => _task != null && _task.IsFaulted;
        public bool IsCanceled => _task != null && _task.IsCanceled;

        public Task AsTask() => _task ?? Task.CompletedTask;
        public ValueTask Preserve() => this;

        public ValueTaskAwaiter GetAwaiter() => new ValueTaskAwaiter(_task);

        public ConfiguredTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) => AsTask().ConfigureAwait(continueOnCapturedContext);

        public bool Equals(ValueTask other) => _task == other._task;
        public override bool Equals(object obj) => obj is ValueTask v && Equals(v);
        public override int GetHashCode() => _task?.GetHashCode() ?? 0;
        public static bool operator ==(ValueTask left, ValueTask right) => left.Equals(right);
        public static bool operator !=(ValueTask left, ValueTask right) => !left.Equals(right);
    }

    [AsyncMethodBuilder(typeof(AsyncValueTaskMethodBuilder<>))]
    public readonly struct ValueTask<TResult> : IEquatable<ValueTask<TResult>>
    {
        private readonly Task<TResult> _task;
        private readonly TResult _result;

        public ValueTask(TResult result) { _task = null; _result = result; }
        public ValueTask(Task<TResult> task) { _task = task ?? throw new ArgumentNullException("task"); _result = default; }

        public bool IsCompleted => _task == null || _task.IsCompleted;
        public bool IsCompletedSuccessfully => _task == null || _task.IsCompletedSuccessfully;
        public bool IsFaulted => _task != null && _task.IsFaulted;
        public bool IsCanceled => _task != null && _task.IsCanceled;

        public TResult Result => _task == null ? _result : _task.GetAwaiter().GetResult();     // as an await throws (.NET)

        public Task<TResult> AsTask() => _task ?? Task.FromResult(_result);
        public ValueTask<TResult> Preserve() => this;

        public ValueTaskAwaiter<TResult> GetAwaiter() => new ValueTaskAwaiter<TResult>(_task, _result);

        public ConfiguredTaskAwaitable<TResult> ConfigureAwait(bool continueOnCapturedContext) => AsTask().ConfigureAwait(continueOnCapturedContext);

        public bool Equals(ValueTask<TResult> other) =>
            _task != null || other._task != null ? _task == other._task : System.Collections.Generic.EqualityComparer<TResult>.Default.Equals(_result, other._result);
        public override bool Equals(object obj) => obj is ValueTask<TResult> v && Equals(v);
        public override int GetHashCode() => _task != null ? _task.GetHashCode() : _result == null ? 0 : _result.GetHashCode();
        public static bool operator ==(ValueTask<TResult> left, ValueTask<TResult> right) => left.Equals(right);
        public static bool operator !=(ValueTask<TResult> left, ValueTask<TResult> right) => !left.Equals(right);

        public override string ToString()
        {
            if (_task == null) return _result == null ? "" : _result.ToString();
            if (!_task.IsCompletedSuccessfully) return "";
            TResult r = _task.ResultUnchecked;
            return r == null ? "" : r.ToString();
        }
    }
}

namespace System.Runtime.CompilerServices
{
    public readonly struct ValueTaskAwaiter : ICriticalNotifyCompletion
    {
        private readonly System.Threading.Tasks.Task _task;
        internal ValueTaskAwaiter(System.Threading.Tasks.Task task) => _task = task;
        public bool IsCompleted => _task == null || _task.IsCompleted;
        public void OnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public void GetResult()
        {
            if (_task == null) return;
            if (!_task.IsCompleted) _task.WaitForCompletion();
            _task.ThrowIfNotSuccessful();
        }
    }

    public readonly struct ValueTaskAwaiter<TResult> : ICriticalNotifyCompletion
    {
        private readonly System.Threading.Tasks.Task<TResult> _task;
        private readonly TResult _result;
        internal ValueTaskAwaiter(System.Threading.Tasks.Task<TResult> task, TResult result) { _task = task; _result = result; }
        public bool IsCompleted => _task == null || _task.IsCompleted;
        public void OnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation, captureContext: true);
        public TResult GetResult()
        {
            if (_task == null) return _result;
            if (!_task.IsCompleted) _task.WaitForCompletion();
            _task.ThrowIfNotSuccessful();
            return _task.ResultUnchecked;
        }
    }
}
