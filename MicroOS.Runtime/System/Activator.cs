namespace System
{
    public static unsafe class Activator
    {
        // `new T()` compiles to this. ILC expands DefaultConstructorOf<T> to T's parameterless
        // constructor (or to one of the two markers below when T has none).
        public static T CreateInstance<T>()
        {
            if (default(T) != null)
                return default;
            object o = System.Runtime.RuntimeExports.RhNewObject(Internal.Runtime.MethodTable.Of<T>());
            ((delegate*<object, void>)DefaultConstructorOf<T>())(o);
            return System.Runtime.CompilerServices.Unsafe.As<object, T>(ref o);
        }

        [System.Runtime.CompilerServices.Intrinsic]
        private static IntPtr DefaultConstructorOf<T>() => throw new NotSupportedException("Activator.CreateInstance<T>");

        [System.Runtime.CompilerServices.Intrinsic]
        private static IntPtr AllocatorOf<T>() => throw new NotSupportedException("Activator.CreateInstance<T>");

        private static void MissingConstructorMethod(object o) => throw new MissingMethodException();

        private struct StructWithNoConstructor
        {
            public StructWithNoConstructor() { }
        }
    }

    public class MissingMethodException : SystemException
    {
        public MissingMethodException() : base("No parameterless constructor defined.") { }
        public override string TypeName => "System.MissingMethodException";
    }
}
