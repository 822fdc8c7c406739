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

        public static Delegate Combine(Delegate a, Delegate b) =>
            a == null ? b : b == null ? a : throw new NotSupportedException("multicast delegates");

        public static Delegate Remove(Delegate source, Delegate value) =>
            source == value ? null : throw new NotSupportedException("multicast delegates");
    }

    public abstract class MulticastDelegate : Delegate
    {
    }

    public delegate void Action();
    public delegate void Action<in T>(T obj);
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
    public delegate TResult Func<out TResult>();
    public delegate TResult Func<in T, out TResult>(T arg);
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
    public delegate bool Predicate<in T>(T obj);
    public delegate int Comparison<in T>(T x, T y);
}
