using System.Collections.Generic;

namespace System.Threading.Tasks
{
    // The producer's side of a Task (an IPC reply, an interrupt, a timer). Set* throw when the task
    // is already complete, TrySet* return false, as in .NET.
    public class TaskCompletionSource<TResult>
    {
        private readonly Task<TResult> _task = new Task<TResult>();

        public TaskCompletionSource() { }
        public TaskCompletionSource(TaskCreationOptions creationOptions) { }

        public Task<TResult> Task => _task;

        public bool TrySetResult(TResult result) => _task.TrySetResult(result);
        public bool TrySetException(Exception exception)
        {
            if (exception == null) throw new ArgumentNullException("exception");
            return _task.TrySetException(exception);
        }

        public bool TrySetException(IEnumerable<Exception> exceptions)
        {
            if (exceptions == null) throw new ArgumentNullException("exceptions");
            var list = new List<Exception>();
            foreach (Exception e in exceptions)
            {
                if (e == null) throw new ArgumentException("The exceptions collection included at least one null element.", "exceptions");
                list.Add(e);
            }
            if (list.Count == 0) throw new ArgumentException("The exceptions collection was empty.", "exceptions");
            return _task.TrySetExceptions(list);
        }

        public bool TrySetCanceled() => TrySetCanceled(default);
        public bool TrySetCanceled(CancellationToken cancellationToken) => _task.TrySetCanceled(cancellationToken);

        public void SetResult(TResult result) { if (!TrySetResult(result)) throw AlreadyCompleted(); }
        public void SetException(Exception exception) { if (!TrySetException(exception)) throw AlreadyCompleted(); }
        public void SetException(IEnumerable<Exception> exceptions) { if (!TrySetException(exceptions)) throw AlreadyCompleted(); }
        public void SetCanceled() => SetCanceled(default);
        public void SetCanceled(CancellationToken cancellationToken) { if (!TrySetCanceled(cancellationToken)) throw AlreadyCompleted(); }

        internal static InvalidOperationException AlreadyCompleted() =>
            new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed.");
    }

    public class TaskCompletionSource
    {
        private readonly Task _task = new Task();

        public TaskCompletionSource() { }
        public TaskCompletionSource(TaskCreationOptions creationOptions) { }

        public Task Task => _task;

        public bool TrySetResult() => _task.TrySetResult();
        public bool TrySetException(Exception exception)
        {
            if (exception == null) throw new ArgumentNullException("exception");
            return _task.TrySetException(exception);
        }
        public bool TrySetCanceled() => TrySetCanceled(default);
        public bool TrySetCanceled(CancellationToken cancellationToken) => _task.TrySetCanceled(cancellationToken);

        public void SetResult() { if (!TrySetResult()) throw TaskCompletionSource<int>.AlreadyCompleted(); }
        public void SetException(Exception exception) { if (!TrySetException(exception)) throw TaskCompletionSource<int>.AlreadyCompleted(); }
        public void SetCanceled() => SetCanceled(default);
        public void SetCanceled(CancellationToken cancellationToken) { if (!TrySetCanceled(cancellationToken)) throw TaskCompletionSource<int>.AlreadyCompleted(); }
    }
}
