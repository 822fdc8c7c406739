namespace Internal.Runtime
{
    // The managed heap: a bump allocator over chunks the host hands out. No GC yet: objects live
    // until their image ends. Counters feed the `mem` report and the leak tests.
    public static unsafe class Heap
    {
        private const nuint ChunkSize = 64 * 1024;
        private static byte* s_next;
        private static byte* s_limit;
        private static ulong s_allocatedBytes;
        private static ulong s_objectCount;

        public static ulong AllocatedBytes => s_allocatedBytes;
        public static ulong ObjectCount => s_objectCount;

        // Returns zeroed memory of `size` bytes (rounded to 8), or fails fast with OutOfMemory.
        internal static byte* Allocate(nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            if (s_next == null || (nuint)(s_limit - s_next) < size)
                Refill(size);
            byte* result = s_next;
            s_next += size;
            s_allocatedBytes += size;
            s_objectCount++;
            return result;
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
