using System.Collections.Generic;

namespace System
{
    // What a faulted task's .Result and .Wait() throw: every exception it ended with. Message as in
    // .NET: "One or more errors occurred." followed by each inner message in parentheses.
    public class AggregateException : Exception
    {
        private readonly Exception[] _inner;

        public AggregateException() : this("One or more errors occurred.", new Exception[0]) { }
        public AggregateException(string message) : this(message, new Exception[0]) { }
        public AggregateException(params Exception[] innerExceptions) : this("One or more errors occurred.", innerExceptions) { }
        public AggregateException(IEnumerable<Exception> innerExceptions) : this("One or more errors occurred.", ToArray(innerExceptions)) { }
        public AggregateException(string message, Exception innerException) : this(message, new[] { innerException ?? throw new ArgumentNullException("innerException") }) { }

        public AggregateException(string message, params Exception[] innerExceptions)
            : base(message, innerExceptions != null && innerExceptions.Length > 0 ? innerExceptions[0] : null)
        {
            if (innerExceptions == null) throw new ArgumentNullException("innerExceptions");
            for (int i = 0; i < innerExceptions.Length; i++)
                if (innerExceptions[i] == null) throw new ArgumentException("An element of innerExceptions was null.");
            _inner = (Exception[])innerExceptions.Clone();
        }

        private static Exception[] ToArray(IEnumerable<Exception> exceptions)
        {
            if (exceptions == null) throw new ArgumentNullException("innerExceptions");
            var list = new List<Exception>();
            foreach (Exception e in exceptions) list.Add(e);
            return list.ToArray();
        }

        public IReadOnlyList<Exception> InnerExceptions => _inner;
        public override string TypeName => "System.AggregateException";

        public override string Message
        {
            get
            {
                if (_inner.Length == 0) return base.Message;
                string text = base.Message;
                for (int i = 0; i < _inner.Length; i++)
                    text = string.Concat(text, " (", _inner[i].Message, ")");
                return text;
            }
        }

        public AggregateException Flatten()
        {
            var flat = new List<Exception>();
            var pending = new List<AggregateException> { this };
            for (int p = 0; p < pending.Count; p++)
            {
                foreach (Exception e in pending[p]._inner)
                {
                    if (e is AggregateException a) pending.Add(a);
                    else flat.Add(e);
                }
            }
            return new AggregateException(base.Message, flat.ToArray());
        }

        public Exception GetBaseException()
        {
            Exception e = this;
            while (e is AggregateException a && a._inner.Length == 1) e = a._inner[0];
            return e;
        }
    }

    public class OperationCanceledException : SystemException
    {
        public OperationCanceledException() : base("The operation was canceled.") { }
        public OperationCanceledException(string message) : base(message) { }
        public OperationCanceledException(System.Threading.CancellationToken token) : this() => CancellationToken = token;
        public OperationCanceledException(string message, System.Threading.CancellationToken token) : base(message) => CancellationToken = token;

        public System.Threading.CancellationToken CancellationToken { get; }
        public override string TypeName => "System.OperationCanceledException";
    }
}

namespace System.Threading.Tasks
{
    public class TaskCanceledException : OperationCanceledException
    {
        public TaskCanceledException() : base("A task was canceled.") { }
        public TaskCanceledException(string message) : base(message) { }
        public TaskCanceledException(Task task) : this(task, default) { }
        internal TaskCanceledException(Task task, CancellationToken token) : base("A task was canceled.", token) => Task = task;

        public Task Task { get; }
        public override string TypeName => "System.Threading.Tasks.TaskCanceledException";
    }
}
