namespace Internal.Runtime
{
    // The managed heap: a bump allocator over chunks the host hands out (the kernel: objects live
    // as long as the kernel, which pools what it reuses), or, once a server image enables it, the
    // mark-sweep Collector. Counters feed the `mem` report and the leak tests.
    public static unsafe class Heap
    {
        private const nuint ChunkSize = 64 * 1024;
        private static byte* s_next;
        private static byte* s_limit;
        private static ulong s_allocatedBytes;
        private static ulong s_objectCount;

        public static ulong AllocatedBytes => s_allocatedBytes;
        public static ulong ObjectCount => s_objectCount;
        public static ulong Collections => Collector.Collections;
        public static ulong CollectedBytes => Collector.FreedBytes;
        public static ulong MarkStackOverflows => Collector.MarkStackOverflows;
        // The collector's heap (servers): mapped now, at most so far, given back so far, and live
        // at the last collection. Zero in the kernel.
        public static ulong MappedBytes => Collector.MappedBytes;
        public static ulong PeakMappedBytes => Collector.PeakMappedBytes;
        public static ulong ReleasedBytes => Collector.ReleasedBytes;
        public static ulong LiveBytes => Collector.LiveBytes;

        // A full collection now (servers); nothing in the kernel, which does not collect.
        public static void Collect()
        {
            if (Collector.Enabled)
                Collector.CollectNow();
        }

        private static byte* s_rawNext;
        private static byte* s_rawLimit;

        // Turns on the collector (server images): from here every object comes from Collector.
        public static void EnableCollector(nint stackTop) => Collector.Enable(stackTop);

        // Returns zeroed memory for an object of `size` bytes (rounded to 8), or fails fast with OutOfMemory.
        internal static byte* Allocate(nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            if (Collector.Enabled)
            {
                byte* block = Collector.Allocate(size);
                if (block == null)
                    ThrowOutOfMemory();
                s_allocatedBytes += size;
                s_objectCount++;
                return block;
            }
            if (s_next == null || (nuint)(s_limit - s_next) < size)
                Refill(size);
            byte* result = s_next;
            s_next += size;
            s_allocatedBytes += size;
            s_objectCount++;
            return result;
        }

        // Memory that is not an object (runtime tables such as interface dispatch cache entries): never
        // collected and never walked by the collector.
        internal static byte* AllocateRaw(nuint size)
        {
            size = (size + 15) & ~(nuint)15;
            if (!Collector.Enabled)
                return Allocate(size);
            if (s_rawNext == null || (nuint)(s_rawLimit - s_rawNext) < size)
            {
                nuint want = size > 16 * 1024 ? (size + 4095) & ~(nuint)4095 : 16 * 1024;
                s_rawNext = RuntimeHost.s_moreMemory != null ? (byte*)RuntimeHost.s_moreMemory(want) : null;
                if (s_rawNext == null)
                    RuntimeHost.Fatal("System.OutOfMemoryException", "no memory for runtime tables");
                s_rawLimit = s_rawNext + want;
            }
            byte* result = s_rawNext;
            s_rawNext += size;
            return result;
        }

        // The exception is made before it is needed: when it is, there is no memory to make it.
        // s_outOfMemory is a GC static: its storage is itself an object that start-up allocates
        // (StartupCodeHelpers.InitializeStatics), so until then reading it dereferences the
        // uninitialised base and faults. s_outOfMemoryReady is a plain static (image data, readable
        // from the first instruction), and ThrowOutOfMemory reads the GC static only once it is set.
        // Before it is set the failure ends the server with one line (ServerRuntime.Fatal, which
        // does not allocate). Rare: the kernel starts a server only if its limit also holds the
        // first 80 KiB of heap (ProcessManager.FirstHeapBytes), so start-up must need more than that
        // (GC statics, eager class constructors) to get here; no boot test provokes it yet.
        private static System.OutOfMemoryException s_outOfMemory;
        private static bool s_outOfMemoryReady;

        public static void PrepareOutOfMemory()
        {
            if (s_outOfMemoryReady)
                return;
            s_outOfMemory = new System.OutOfMemoryException();
            s_outOfMemoryReady = true;
        }

        private static void ThrowOutOfMemory()
        {
            if (!s_outOfMemoryReady)
                RuntimeHost.Fatal("System.OutOfMemoryException", "the managed heap is exhausted before the runtime finished starting (the memory limit leaves no room for the first objects)");
            throw s_outOfMemory;
        }

        private static void Refill(nuint size)
        {
            nuint want = size > ChunkSize ? (size + 4095) & ~(nuint)4095 : ChunkSize;
            byte* chunk = RuntimeHost.s_moreMemory != null ? (byte*)RuntimeHost.s_moreMemory(want) : null;
            if (chunk == null)
                RuntimeHost.Fatal("System.OutOfMemoryException", "the managed heap is exhausted");
            s_next = chunk;
            s_limit = chunk + want;
        }
    }
}
