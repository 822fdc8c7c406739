using System.Collections.Generic;

namespace System.Threading
{
    // Cooperative cancellation, as in .NET. Callbacks run on the thread that cancels, newest first
    // (.NET's order); one registered after cancellation runs at once. CancelAfter uses the event
    // loop's timers (Internal.Runtime.AsyncPump).
    public readonly struct CancellationToken : IEquatable<CancellationToken>
    {
        private readonly CancellationTokenSource _source;
        private readonly bool _canceled;    // new CancellationToken(true): no source, always canceled

        internal CancellationToken(CancellationTokenSource source) { _source = source; _canceled = false; }

        public CancellationToken(bool canceled) { _source = null; _canceled = canceled; }

        public static CancellationToken None => default;

        public bool IsCancellationRequested => _canceled || (_source != null && _source.IsCancellationRequested);
        public bool CanBeCanceled => _canceled || _source != null;

        public void ThrowIfCancellationRequested()
        {
            if (IsCancellationRequested) throw new OperationCanceledException("The operation was canceled.", this);
        }

        public CancellationTokenRegistration Register(Action callback)
        {
            if (callback == null) throw new ArgumentNullException("callback");
            if (_source == null)
            {
                if (_canceled) callback();
                return default;
            }
            return _source.Register(callback);
        }

        public CancellationTokenRegistration Register(Action<object> callback, object state)
        {
            if (callback == null) throw new ArgumentNullException("callback");
            return Register(() => callback(state));
        }

        public bool Equals(CancellationToken other) => _source == other._source && (_source != null || _canceled == other._canceled);
        public override bool Equals(object obj) => obj is CancellationToken t && Equals(t);
        public override int GetHashCode() => _source?.GetHashCode() ?? (_canceled ? 1 : 0);
        public static bool operator ==(CancellationToken left, CancellationToken right) => left.Equals(right);
        public static bool operator !=(CancellationToken left, CancellationToken right) => !left.Equals(right);
    }

    public readonly struct CancellationTokenRegistration : IDisposable, IEquatable<CancellationTokenRegistration>
    {
        private readonly CancellationTokenSource _source;
        private readonly object _entry;

        internal CancellationTokenRegistration(CancellationTokenSource source, object entry) { _source = source; _entry = entry; }

        public CancellationToken Token => _source == null ? default : _source.Token;

        public void Dispose() => _source?.Unregister(_entry);
        public bool Unregister() => _source != null && _source.Unregister(_entry);

        public bool Equals(CancellationTokenRegistration other) => _source == other._source && _entry == other._entry;
        public override bool Equals(object obj) => obj is CancellationTokenRegistration r && Equals(r);
        public override int GetHashCode() => _entry?.GetHashCode() ?? 0;
    }

    public class CancellationTokenSource : IDisposable
    {
        private sealed class Entry { public Action Callback; }

        private List<Entry> _callbacks;
        private bool _canceled, _disposed;
        private object _timer;
        private List<CancellationTokenRegistration> _links;

        public CancellationTokenSource() { }

        public CancellationTokenSource(int millisecondsDelay)
        {
            if (millisecondsDelay < -1) throw new ArgumentOutOfRangeException("millisecondsDelay");
            CancelAfter(millisecondsDelay);
        }

        public bool IsCancellationRequested => _canceled;

        public CancellationToken Token
        {
            get
            {
                if (_disposed) throw new ObjectDisposedExceptionShim();
                return new CancellationToken(this);
            }
        }

        public void Cancel() => Cancel(false);

        public void Cancel(bool throwOnFirstException)
        {
            if (_disposed) throw new ObjectDisposedExceptionShim();
            if (_canceled) return;
            _canceled = true;
            StopTimer();
            List<Entry> callbacks = _callbacks;
            _callbacks = null;
            if (callbacks == null) return;
            List<Exception> errors = null;
            for (int i = callbacks.Count - 1; i >= 0; i--)
            {
                try { callbacks[i].Callback(); }
                catch (Exception e)
                {
                    if (throwOnFirstException) throw;
                    (errors ??= new List<Exception>()).Add(e);
                }
            }
            if (errors != null) throw new AggregateException(errors);
        }

        public void CancelAfter(int millisecondsDelay)
        {
            if (_disposed) throw new ObjectDisposedExceptionShim();
            if (millisecondsDelay < -1) throw new ArgumentOutOfRangeException("millisecondsDelay");
            if (_canceled) return;
            StopTimer();
            if (millisecondsDelay == -1) return;
            if (millisecondsDelay == 0) { Cancel(); return; }
            _timer = Internal.Runtime.AsyncPump.Required.StartTimer((ulong)millisecondsDelay, OnTimer);
        }

        public bool TryReset()
        {
            if (_canceled) return false;
            StopTimer();
            return true;
        }

        private void OnTimer()
        {
            _timer = null;
            if (!_disposed) Cancel();
        }

        private void StopTimer()
        {
            if (_timer == null) return;
            Internal.Runtime.AsyncPump.Current?.StopTimer(_timer);
            _timer = null;
        }

        internal CancellationTokenRegistration Register(Action callback)
        {
            if (_canceled)
            {
                callback();
                return default;
            }
            var entry = new Entry { Callback = callback };
            (_callbacks ??= new List<Entry>()).Add(entry);
            return new CancellationTokenRegistration(this, entry);
        }

        internal bool Unregister(object entry) => _callbacks != null && _callbacks.Remove((Entry)entry);

        public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token1, CancellationToken token2) =>
            CreateLinkedTokenSource(new[] { token1, token2 });

        public static CancellationTokenSource CreateLinkedTokenSource(params CancellationToken[] tokens)
        {
            if (tokens == null) throw new ArgumentNullException("tokens");
            var linked = new CancellationTokenSource();
            linked._links = new List<CancellationTokenRegistration>();
            for (int i = 0; i < tokens.Length; i++)
            {
                if (!tokens[i].CanBeCanceled) continue;
                if (tokens[i].IsCancellationRequested) { linked._canceled = true; break; }
                linked._links.Add(tokens[i].Register(linked.CancelFromLink));
            }
            return linked;
        }

        private void CancelFromLink()
        {
            if (!_disposed) Cancel();
        }

        public void Dispose()
        {
            if (_disposed) return;
            StopTimer();
            if (_links != null)
                for (int i = 0; i < _links.Count; i++) _links[i].Dispose();
            _links = null;
            _disposed = true;
        }

        // ObjectDisposedException is h-bcl's to add to the runtime; until then this one names itself
        // the same way. (Replace with ObjectDisposedException when it exists.)
        private sealed class ObjectDisposedExceptionShim : InvalidOperationException
        {
            public ObjectDisposedExceptionShim() : base("The CancellationTokenSource has been disposed.") { }
            public override string TypeName => "System.ObjectDisposedException";
        }
    }
}
