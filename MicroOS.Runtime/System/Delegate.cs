using System.Runtime.CompilerServices;

namespace System
{
    // Field names and the Initialize* methods are a contract with ILC: it builds each delegate's
    // Invoke from these four fields and calls the initializer matching the delegate's target kind.
    public abstract class Delegate
    {
        internal object _firstParameter;
        internal object _helperObject;
        internal nint _extraFunctionPointerOrData;
        internal IntPtr _functionPointer;

        // Closed over an instance (also how C# compiles lambdas: a closure or cached singleton object).
        private void InitializeClosedInstance(object firstParameter, IntPtr functionPointer)
        {
            if (firstParameter == null)
                throw new NullReferenceException();
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, IntPtr functionPointer) =>
            InitializeClosedInstance(firstParameter, functionPointer);

        // A static method: Invoke calls the thunk, which finds the real target in _extraFunctionPointerOrData.
        private void InitializeOpenStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeClosedStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
        }

        private void InitializeOpenInstanceThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeClosedInstanceToInterface(object firstParameter, IntPtr dispatchCell) =>
            throw new NotSupportedException("delegate to an interface method");

        private void InitializeClosedInstanceWithGVMResolution(object firstParameter, RuntimeMethodHandle tokenOfGenericVirtualMethod) =>
            throw new NotSupportedException("delegate to a generic virtual method");

        private void InitializeReversePInvokeThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk) =>
            throw new NotSupportedException("reverse P/Invoke delegate");

        protected virtual IntPtr GetThunk(int whichThunk) => IntPtr.Zero;

        public object Target => _firstParameter == this ? _helperObject : _firstParameter;

        // A multicast delegate (NativeAOT's layout): _helperObject holds the Wrapper[] invocation list,
        // _extraFunctionPointerOrData its count, and _functionPointer ILC's multicast thunk for this
        // delegate type (GetThunk(MulticastThunk)), which calls every element in order.
        private const int MulticastThunk = 0;

        // ILC's multicast thunk reads the list as an array of this wrapper struct.
        internal struct Wrapper
        {
            public Wrapper(Delegate value) => Value = value;
            internal Delegate Value;
        }

        private Wrapper[] InvocationList => _helperObject as Wrapper[];

        private bool IsMulticast => _firstParameter == this && _helperObject is Wrapper[] && GetThunk(MulticastThunk) == _functionPointer;

        public Delegate[] GetInvocationList()
        {
            if (!IsMulticast)
                return new Delegate[] { this };
            int count = (int)_extraFunctionPointerOrData;
            Delegate[] list = new Delegate[count];
            for (int i = 0; i < count; i++) list[i] = InvocationList[i].Value;
            return list;
        }

        private static unsafe Delegate NewMulticast(Delegate template, Delegate[] list, int count)
        {
            if (count == 0) return null;
            if (count == 1) return list[0];
            Delegate d = Unsafe.As<Delegate>(System.Runtime.RuntimeExports.RhNewObject(template.GetMethodTable()));
            var wrappers = new Wrapper[count];
            for (int i = 0; i < count; i++) wrappers[i] = new Wrapper(list[i]);
            d._firstParameter = d;
            d._helperObject = wrappers;
            d._extraFunctionPointerOrData = count;
            d._functionPointer = template.GetThunk(MulticastThunk);
            return d;
        }

        public static unsafe Delegate Combine(Delegate a, Delegate b)
        {
            if (a == null) return b;
            if (b == null) return a;
            if (a.GetMethodTable() != b.GetMethodTable())
                throw new ArgumentException("Delegates must be of the same type.");
            Delegate[] la = a.GetInvocationList(), lb = b.GetInvocationList();
            Delegate[] all = new Delegate[la.Length + lb.Length];
            for (int i = 0; i < la.Length; i++) all[i] = la[i];
            for (int i = 0; i < lb.Length; i++) all[la.Length + i] = lb[i];
            return NewMulticast(a, all, all.Length);
        }

        public static Delegate Combine(params Delegate[] delegates)
        {
            Delegate d = null;
            if (delegates != null)
                for (int i = 0; i < delegates.Length; i++) d = Combine(d, delegates[i]);
            return d;
        }

        // Removes the last occurrence of value's invocation list inside source's, as .NET does.
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source == null) return null;
            if (value == null) return source;
            Delegate[] ls = source.GetInvocationList(), lv = value.GetInvocationList();
            for (int start = ls.Length - lv.Length; start >= 0; start--)
            {
                bool match = true;
                for (int j = 0; j < lv.Length && match; j++)
                    match = ls[start + j].Equals(lv[j]);
                if (!match) continue;
                Delegate[] rest = new Delegate[ls.Length - lv.Length];
                int at = 0;
                for (int i = 0; i < ls.Length; i++)
                    if (i < start || i >= start + lv.Length) rest[at++] = ls[i];
                return NewMulticast(source, rest, rest.Length);
            }
            return source;
        }

        public override unsafe bool Equals(object obj)
        {
            if (obj == (object)this) return true;
            if (!(obj is Delegate d) || d.GetMethodTable() != GetMethodTable()) return false;
            if (IsMulticast || d.IsMulticast)
            {
                Delegate[] a = GetInvocationList(), b = d.GetInvocationList();
                if (a.Length != b.Length) return false;
                for (int i = 0; i < a.Length; i++) if (!a[i].Equals(b[i])) return false;
                return true;
            }
            bool selfFirst = _firstParameter == this, otherFirst = d._firstParameter == d;
            if (selfFirst != otherFirst) return false;
            if (selfFirst)
                return _extraFunctionPointerOrData == d._extraFunctionPointerOrData && _helperObject == d._helperObject && _functionPointer == d._functionPointer;
            return _firstParameter == d._firstParameter && _functionPointer == d._functionPointer;
        }

        public override int GetHashCode() => (int)(long)_functionPointer;

        public static bool operator ==(Delegate a, Delegate b) => (object)a == null ? (object)b == null : a.Equals(b);
        public static bool operator !=(Delegate a, Delegate b) => !(a == b);
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate a, MulticastDelegate b) => (object)a == null ? (object)b == null : a.Equals(b);
        public static bool operator !=(MulticastDelegate a, MulticastDelegate b) => !(a == b);
        public override bool Equals(object obj) => base.Equals(obj);
        public override int GetHashCode() => base.GetHashCode();
    }

    public delegate void Action();
    public delegate void Action<in T>(T obj);
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
    public delegate TResult Func<out TResult>();
    public delegate TResult Func<in T, out TResult>(T arg);
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
    public delegate void Action<in T1, in T2, in T3>(T1 arg1, T2 arg2, T3 arg3);
    public delegate void Action<in T1, in T2, in T3, in T4>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
    public delegate void Action<in T1, in T2, in T3, in T4, in T5>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);
    public delegate void Action<in T1, in T2, in T3, in T4, in T5, in T6>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
    public delegate TResult Func<in T1, in T2, in T3, out TResult>(T1 arg1, T2 arg2, T3 arg3);
    public delegate TResult Func<in T1, in T2, in T3, in T4, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
    public delegate TResult Func<in T1, in T2, in T3, in T4, in T5, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);
    public delegate TResult Func<in T1, in T2, in T3, in T4, in T5, in T6, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
    public delegate bool Predicate<in T>(T obj);
    public delegate int Comparison<in T>(T x, T y);
}
