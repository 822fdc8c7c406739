using Internal.Runtime;

namespace System
{
    // Console output goes to the image's write hook: a server's log line (`[name] text`).
    public static class Console
    {
        public static void WriteLine() => Write(string.Empty);
        public static void WriteLine(string value) => Write(value ?? string.Empty);
        public static void WriteLine(object value) => Write(value?.ToString() ?? string.Empty);
        public static void WriteLine(int value) => Write(value.ToString());
        public static void WriteLine(long value) => Write(value.ToString());
        public static void WriteLine(bool value) => Write(value.ToString());
        public static void WriteLine(char value) => Write(value.ToString());
        public static void WriteLine(double value) => Write(value.ToString());
        public static void WriteLine(string format, object arg0) => Write(string.Format(format, arg0));
        public static void WriteLine(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));
        public static void WriteLine(string format, params object[] args) => Write(string.Format(format, args));

        private static unsafe void Write(string line)
        {
            if (RuntimeHost.s_write != null)
                RuntimeHost.s_write(line);
        }
    }

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

namespace System.Threading
{
    // Servers are single-threaded: `lock` needs only reentrant counting, and an unbalanced Exit throws
    // SynchronizationLockException as .NET does. Counts live in a small table keyed by the object.
    public static class Monitor
    {
        private static object[] s_owners = new object[8];
        private static int[] s_counts = new int[8];

        public static void Enter(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            int free = -1;
            for (int i = 0; i < s_owners.Length; i++)
            {
                if (s_owners[i] == obj) { s_counts[i]++; return; }
                if (s_owners[i] == null && free < 0) free = i;
            }
            if (free < 0)
            {
                free = s_owners.Length;
                Array.Resize(ref s_owners, free * 2);
                Array.Resize(ref s_counts, free * 2);
            }
            s_owners[free] = obj;
            s_counts[free] = 1;
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            Enter(obj);
            lockTaken = true;
        }

        public static bool TryEnter(object obj) { Enter(obj); return true; }

        public static void Exit(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            for (int i = 0; i < s_owners.Length; i++)
            {
                if (s_owners[i] == obj)
                {
                    if (--s_counts[i] == 0) s_owners[i] = null;
                    return;
                }
            }
            throw new SynchronizationLockException();
        }

        public static bool IsEntered(object obj)
        {
            for (int i = 0; i < s_owners.Length; i++)
                if (s_owners[i] == obj) return true;
            return false;
        }
    }

    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException() : base("Object synchronization method was called from an unsynchronized block of code.") { }
        public override string TypeName => "System.Threading.SynchronizationLockException";
    }
}
