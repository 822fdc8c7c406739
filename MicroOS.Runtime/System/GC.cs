namespace System
{
    // The collector as C# code sees it (Internal.Runtime.Collector does the work; servers only).
    public static class GC
    {
        public static void Collect() => Internal.Runtime.Heap.Collect();

        // One generation: every collection is a full one.
        public static int CollectionCount(int generation) => generation == 0 ? (int)Internal.Runtime.Heap.Collections : 0;
    }
}
