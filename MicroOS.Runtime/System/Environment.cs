using Internal.Runtime;

namespace System
{
    public static class Environment
    {
        // The id of the thread that runs managed code now (iterators ask for it to detect cross-thread use).
        public static int CurrentManagedThreadId => 1;
        public static string NewLine => "\n";
        // One CPU: MicroOS schedules every thread of every server on it.
        public static int ProcessorCount => 1;
        public static bool Is64BitProcess => true;
        public static bool Is64BitOperatingSystem => true;

        // Milliseconds since the machine started (the host's monotonic counter: on MicroOS the TSC).
        public static long TickCount64 => RuntimeClock.Milliseconds();
        public static int TickCount => (int)TickCount64;
    }
}
