namespace System.Threading
{
    // Servers are single-threaded, so plain reads and writes are atomic enough; field-like events
    // compile to CompareExchange loops.
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

        public static T Exchange<T>(ref T location, T value) where T : class { T old = location; location = value; return old; }
        public static int Exchange(ref int location, int value) { int old = location; location = value; return old; }
        public static int Increment(ref int location) => ++location;
        public static int Decrement(ref int location) => --location;
        public static long Increment(ref long location) => ++location;
        public static int Add(ref int location, int value) => location += value;
    }
}
