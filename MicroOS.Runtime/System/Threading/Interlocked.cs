namespace System.Threading
{
    // Only one thread of a server runs managed code at a time (the runtime lock, taken back only
    // after a blocking syscall: RuntimeThreads.cs), and none of these blocks, so a plain
    // read-modify-write is atomic here, for 64-bit values as for 32-bit ones.
    public static class Interlocked
    {
        public static T CompareExchange<T>(ref T location, T value, T comparand) where T : class
        {
            T old = location;
            if ((object)old == comparand) location = value;
            return old;
        }

        public static int CompareExchange(ref int location, int value, int comparand)
        {
            int old = location;
            if (old == comparand) location = value;
            return old;
        }

        public static uint CompareExchange(ref uint location, uint value, uint comparand)
        {
            uint old = location;
            if (old == comparand) location = value;
            return old;
        }

        public static long CompareExchange(ref long location, long value, long comparand)
        {
            long old = location;
            if (old == comparand) location = value;
            return old;
        }

        public static ulong CompareExchange(ref ulong location, ulong value, ulong comparand)
        {
            ulong old = location;
            if (old == comparand) location = value;
            return old;
        }

        public static nint CompareExchange(ref nint location, nint value, nint comparand)
        {
            nint old = location;
            if (old == comparand) location = value;
            return old;
        }

        public static object CompareExchange(ref object location, object value, object comparand)
        {
            object old = location;
            if (old == comparand) location = value;
            return old;
        }

        public static T Exchange<T>(ref T location, T value) where T : class { T old = location; location = value; return old; }
        public static object Exchange(ref object location, object value) { object old = location; location = value; return old; }
        public static int Exchange(ref int location, int value) { int old = location; location = value; return old; }
        public static uint Exchange(ref uint location, uint value) { uint old = location; location = value; return old; }
        public static long Exchange(ref long location, long value) { long old = location; location = value; return old; }
        public static ulong Exchange(ref ulong location, ulong value) { ulong old = location; location = value; return old; }
        public static nint Exchange(ref nint location, nint value) { nint old = location; location = value; return old; }

        public static int Increment(ref int location) => ++location;
        public static uint Increment(ref uint location) => ++location;
        public static long Increment(ref long location) => ++location;
        public static ulong Increment(ref ulong location) => ++location;
        public static int Decrement(ref int location) => --location;
        public static uint Decrement(ref uint location) => --location;
        public static long Decrement(ref long location) => --location;
        public static ulong Decrement(ref ulong location) => --location;

        public static int Add(ref int location, int value) => location += value;
        public static uint Add(ref uint location, uint value) => location += value;
        public static long Add(ref long location, long value) => location += value;
        public static ulong Add(ref ulong location, ulong value) => location += value;

        public static int And(ref int location, int value) { int old = location; location &= value; return old; }
        public static uint And(ref uint location, uint value) { uint old = location; location &= value; return old; }
        public static long And(ref long location, long value) { long old = location; location &= value; return old; }
        public static ulong And(ref ulong location, ulong value) { ulong old = location; location &= value; return old; }
        public static int Or(ref int location, int value) { int old = location; location |= value; return old; }
        public static uint Or(ref uint location, uint value) { uint old = location; location |= value; return old; }
        public static long Or(ref long location, long value) { long old = location; location |= value; return old; }
        public static ulong Or(ref ulong location, ulong value) { ulong old = location; location |= value; return old; }

        public static long Read(ref long location) => location;
        public static ulong Read(ref ulong location) => location;

        public static void MemoryBarrier() { }
    }

    // As Interlocked: one thread runs managed code at a time, and a 64-bit access is one instruction
    // on x86-64, so plain reads and writes are what Volatile promises.
    public static class Volatile
    {
        public static bool Read(ref bool location) => location;
        public static byte Read(ref byte location) => location;
        public static int Read(ref int location) => location;
        public static uint Read(ref uint location) => location;
        public static long Read(ref long location) => location;
        public static ulong Read(ref ulong location) => location;
        public static nint Read(ref nint location) => location;
        public static double Read(ref double location) => location;
        public static T Read<T>(ref T location) where T : class => location;
        public static void Write(ref bool location, bool value) => location = value;
        public static void Write(ref byte location, byte value) => location = value;
        public static void Write(ref int location, int value) => location = value;
        public static void Write(ref uint location, uint value) => location = value;
        public static void Write(ref long location, long value) => location = value;
        public static void Write(ref ulong location, ulong value) => location = value;
        public static void Write(ref nint location, nint value) => location = value;
        public static void Write(ref double location, double value) => location = value;
        public static void Write<T>(ref T location, T value) where T : class => location = value;
    }
}
