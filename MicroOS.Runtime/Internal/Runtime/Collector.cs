using System.Runtime;

namespace Internal.Runtime
{
    // A mark-sweep garbage collector for server images (the kernel does not enable it: its objects
    // are pooled). Roots are found precisely in the GC static region and the thread statics, and
    // conservatively on the stack (any word that points at the start of a heap object keeps it
    // alive). Inside the heap, references are found precisely through the GC descriptor ILC emits
    // just below each MethodTable. Objects never move.
    //
    // Heap layout: chunks from the host, each [start bitmap: one bit per 8 bytes][blocks]. A block
    // is an object (header word, MethodTable, fields) or a free block (header = FreeFlag, size,
    // next free). The header word holds the mark bit during a collection.
    //
    // Growth and shrink: when neither the free list nor a bump can serve an allocation, the collector
    // collects first if at least a budget (the live bytes of the last collection, at least
    // MinBudget) has been allocated since, and only otherwise maps a new chunk. Chunks grow with the
    // heap (a quarter of it, between 64 KiB and 1 MiB) so a large heap needs few. After a sweep, a
    // chunk with no live object goes back to the host (unmap_memory) while what stays mapped is at
    // least twice live + budget, the size growth aims for: a heap gives memory back only when its
    // live set has fallen, never in a steady state, so it does not unmap and remap each cycle
    // (hysteresis). A released chunk keeps its slot and address, and is mapped there again
    // (map_memory at an address) before a new chunk is made.
    internal static unsafe class Collector
    {
        private const int MaxChunks = 128;       // the table is raw memory every server pays for: 6 KiB
        private const nuint MinChunk = 64 * 1024;
        private const nuint MaxGrowthChunk = 1024 * 1024;
        private const nuint MinBudget = 1024 * 1024;
        private const ulong FreeFlag = 1;
        private const ulong MarkFlag = 2;
        private const nuint MinBlock = 32;
        private const int MarkStackSize = 2048;

        private struct Chunk
        {
            public byte* Data;       // first block
            public byte* Next;       // bump position
            public byte* Limit;
            public ulong* Starts;    // bit i: an object starts at Data + 8 * i; also where the mapping begins
            public nuint Total;      // bytes the host mapped: [Starts, Starts + Total) = bitmap, then data
            public bool Released;    // given back to the host: Next == Data (no block), Limit kept, until remapped
            public bool Empty;       // the last sweep found no live block in it
        }

        private static bool s_enabled;
        private static Chunk* s_chunks;
        private static int s_chunkCount;
        private static byte* s_freeList;
        private static nint* s_markStack;
        private static int s_markTop;
        private static bool s_markOverflow;
        private static nint s_stackTop;
        private static int s_bumpChunk = -1;      // where Bump looks: the chunk made last, and the one before
        private static int s_previousBumpChunk = -1;
        private static int s_lastFound;           // ChunkOf's guess: the chunk it found last
        private static nuint s_sinceCollection;   // bytes allocated since the last collection

        public static ulong Collections;
        public static ulong FreedBytes;
        public static ulong MarkStackOverflows;
        public static ulong MappedBytes;          // chunks the host has mapped now (bitmaps included)
        public static ulong PeakMappedBytes;
        public static ulong ReleasedBytes;        // given back to the host, over the whole run
        public static ulong LiveBytes;            // found live by the last collection

        public static bool Enabled => s_enabled;

        public static void Enable(nint stackTop)
        {
            s_chunks = (Chunk*)Heap.AllocateRaw((nuint)(MaxChunks * sizeof(Chunk)));
            s_markStack = (nint*)Heap.AllocateRaw((nuint)(MarkStackSize * sizeof(nint)));
            s_stackTop = stackTop;
            s_enabled = true;
        }

        // Zeroed memory for one object of `size` bytes (8-aligned), or null when even a collection
        // cannot make room.
        public static byte* Allocate(nuint size)
        {
            if (size < MinBlock)
                size = MinBlock;
            byte* block = TakeFree(size);
            if (block == null)
                block = Bump(size);
            bool collected = false;
            if (block == null && s_sinceCollection >= Budget)
            {
                CollectNow();
                collected = true;
                block = TakeFree(size);
                if (block == null)
                    block = Bump(size);
            }
            if (block == null && AddChunk(size))
                block = Bump(size);
            if (block == null && !collected)
            {
                CollectNow();
                block = TakeFree(size);
                if (block == null)
                    block = Bump(size);
            }
            if (block != null)
            {
                SetStart(block, true);
                s_sinceCollection += size;
            }
            return block;
        }

        private static nuint Budget => LiveBytes > MinBudget ? (nuint)LiveBytes : MinBudget;

        private static byte* Bump(nuint size)
        {
            for (int k = 0; k < 2; k++)
            {
                int i = k == 0 ? s_bumpChunk : s_previousBumpChunk;
                if (i < 0)
                    continue;
                Chunk* c = &s_chunks[i];
                if ((nuint)(c->Limit - c->Next) >= size)
                {
                    byte* block = c->Next;
                    c->Next += size;
                    return block;
                }
            }
            return null;
        }

        private static bool AddChunk(nuint size)
        {
            if (RuntimeHost.s_moreMemory == null)
                return false;
            nuint growth = (nuint)(MappedBytes / 4) & ~(MinChunk - 1);
            if (growth > MaxGrowthChunk)
                growth = MaxGrowthChunk;
            if (growth < MinChunk)
                growth = MinChunk;
            nuint data = size > growth ? (size + 4095) & ~(nuint)4095 : growth;
            // A released slot big enough comes back first (smallest fit): its pages are remapped
            // at the same address, so the heap's address range does not creep.
            int reuse = -1;
            for (int i = 0; i < s_chunkCount; i++)
                if (s_chunks[i].Released && (nuint)(s_chunks[i].Limit - s_chunks[i].Data) >= data && (reuse < 0 || s_chunks[i].Total < s_chunks[reuse].Total))
                    reuse = i;
            if (reuse >= 0 && RuntimeHost.s_remapMemory != null && RuntimeHost.s_remapMemory(s_chunks[reuse].Starts, s_chunks[reuse].Total))
            {
                Chunk* r = &s_chunks[reuse];
                r->Released = false;
                r->Next = r->Data;
                Mapped(r->Total);
                MakeBumpChunk(reuse);
                return true;
            }
            if (s_chunkCount == MaxChunks)
                return false;
            nuint bitmapBytes = ((data / 8 + 63) / 64) * 8;
            nuint total = (bitmapBytes + data + 4095) & ~(nuint)4095;
            byte* memory = (byte*)RuntimeHost.s_moreMemory(total);
            if (memory == null && data > MinChunk && data > size)
            {
                // Near the memory limit a grown chunk may not fit where the object still does.
                data = size > MinChunk ? (size + 4095) & ~(nuint)4095 : MinChunk;
                bitmapBytes = ((data / 8 + 63) / 64) * 8;
                total = (bitmapBytes + data + 4095) & ~(nuint)4095;
                memory = (byte*)RuntimeHost.s_moreMemory(total);
            }
            if (memory == null)
                return false;
            Chunk* c = &s_chunks[s_chunkCount];
            c->Total = total;
            c->Released = false;
            c->Empty = false;
            c->Starts = (ulong*)memory;
            c->Data = memory + bitmapBytes;
            c->Next = c->Data;
            c->Limit = c->Data + data;      // not memory + total: the bitmap covers exactly `data` bytes
            Mapped(total);
            MakeBumpChunk(s_chunkCount++);
            return true;
        }

        private static void Mapped(nuint bytes)
        {
            MappedBytes += bytes;
            if (MappedBytes > PeakMappedBytes)
                PeakMappedBytes = MappedBytes;
        }

        private static void MakeBumpChunk(int index)
        {
            if (index == s_bumpChunk)
                return;
            s_previousBumpChunk = s_bumpChunk;
            s_bumpChunk = index;
        }

        private static byte* TakeFree(nuint size)
        {
            byte* previous = null;
            for (byte* block = s_freeList; block != null; previous = block, block = *(byte**)(block + 16))
            {
                nuint blockSize = *(nuint*)(block + 8);
                // Exact fit, or a remainder big enough to stay a free block: a smaller sliver could
                // not be described, and the heap walk would lose its footing there.
                if (blockSize < size || (blockSize != size && blockSize - size < MinBlock))
                    continue;
                byte* next = *(byte**)(block + 16);
                if (blockSize != size)
                {
                    // Split: the tail stays free and takes the block's place in the list.
                    byte* tail = block + size;
                    *(ulong*)tail = FreeFlag;
                    *(nuint*)(tail + 8) = blockSize - size;
                    *(byte**)(tail + 16) = next;
                    next = tail;
                }
                if (previous == null)
                    s_freeList = next;
                else
                    *(byte**)(previous + 16) = next;
                System.Buffer.Fill(block, 0, size);
                return block;
            }
            return null;
        }

        // A released chunk has Data == Next, so no address is ever found in it.
        private static Chunk* ChunkOf(byte* p)
        {
            Chunk* guess = &s_chunks[s_lastFound];      // slot 0 before any chunk: zeroed, finds nothing
            if (p >= guess->Data && p < guess->Next)
                return guess;
            for (int i = 0; i < s_chunkCount; i++)
            {
                if (p >= s_chunks[i].Data && p < s_chunks[i].Next)
                {
                    s_lastFound = i;
                    return &s_chunks[i];
                }
            }
            return null;
        }

        private static void SetStart(byte* block, bool value)
        {
            Chunk* c = ChunkOf(block);
            if (c != null)
                SetStartIn(c, block, value);
        }

        // The object whose MethodTable word is at `p`, if an object starts there.
        private static bool IsObject(nint p)
        {
            byte* block = (byte*)p - 8;
            if (((nuint)block & 7) != 0)
                return false;
            Chunk* c = ChunkOf(block);
            if (c == null)
                return false;
            nuint bit = (nuint)(block - c->Data) / 8;
            return (c->Starts[bit / 64] & (1UL << (int)(bit % 64))) != 0 && (*(ulong*)block & FreeFlag) == 0;
        }

        // The object's own size (header word included), as its GC descriptor counts it.
        private static nuint ObjectSize(byte* block)
        {
            var type = *(MethodTable**)(block + 8);
            nuint size = type->BaseSize;
            if (type->HasComponentSize)
                size += (nuint)(uint)*(int*)(block + 16) * type->ComponentSize;
            return size;
        }

        // The block's size on the heap: the object's size rounded up, at least MinBlock.
        private static nuint BlockSize(byte* block)
        {
            if ((*(ulong*)block & FreeFlag) != 0)
                return *(nuint*)(block + 8);
            nuint size = (ObjectSize(block) + 7) & ~(nuint)7;
            return size < MinBlock ? MinBlock : size;
        }

        // The object a stack word points into (its start or any byte inside it: spans and refs
        // point inside arrays), or 0.
        private static nint FindObject(nint p)
        {
            Chunk* c = ChunkOf((byte*)p);
            if (c == null)
                return 0;
            nuint bit = (nuint)((byte*)p - c->Data) / 8;
            nint word = (nint)(bit / 64);
            ulong bits = c->Starts[word] & (ulong.MaxValue >> (63 - (int)(bit % 64)));
            while (bits == 0)
            {
                if (--word < 0)
                    return 0;
                bits = c->Starts[word];
            }
            int highest = 63;
            while ((bits & (1UL << highest)) == 0)
                highest--;
            byte* block = c->Data + ((nuint)word * 64 + (nuint)highest) * 8;
            if ((*(ulong*)block & FreeFlag) != 0 || (byte*)p >= block + BlockSize(block) || (byte*)p < block + 8)
                return 0;
            return (nint)(block + 8);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        [RuntimeImport("RhpGcCollectSpill")]
        private static extern void SpillRegistersAndCollect();

        public static void CollectNow() => SpillRegistersAndCollect();

        // Entered from RhpGcCollectSpill (Native/Runtime.asm) with the callee-saved registers pushed
        // just above `stack`, so the scan of [stack, stack top) sees them too.
        [RuntimeExport("RhpGcCollectFromStack")]
        private static void CollectFromStack(nint* stack)
        {
            Collections++;
            s_markTop = 0;
            s_markOverflow = false;
            MarkStaticRoots();
            // The collecting thread's own stack; with several threads, every parked one's too
            // (RuntimeThreads: they hold no reference anywhere else while this one runs).
            nint top = RuntimeThreads.CurrentStackTop;
            if (top == 0)
                top = s_stackTop;
            for (nint* p = stack; p < (nint*)top; p++)
                MarkCandidate(FindObject(*p));
            RuntimeThreads.MarkOtherThreads(&MarkStackWord);
            Drain();
            while (s_markOverflow)
            {
                MarkStackOverflows++;
                // The mark stack overflowed: trace from every marked object again until nothing is lost.
                s_markOverflow = false;
                ForEachBlock(&RetraceIfMarked);
                Drain();
            }
            Sweep();
            Shrink();
            s_sinceCollection = 0;
        }

        private static void MarkStaticRoots()
        {
            ReadyToRunHeader* header = Internal.Runtime.CompilerHelpers.StartupCodeHelpers.Header;
            byte* region = (byte*)Internal.Runtime.CompilerHelpers.StartupCodeHelpers.GetSection(header, ReadyToRunSectionType.GCStaticRegion, out int length);
            for (byte* entry = region; entry < region + length; entry += sizeof(int))
            {
                nint* block = (nint*)(entry + *(int*)entry);
                MarkCandidate(*block);
            }
            MarkCandidate(ThreadStatics.CurrentStorage);
        }

        private static void MarkStackWord(nint p) => MarkCandidate(FindObject(p));

        private static void MarkCandidate(nint p)
        {
            if (p == 0 || !IsObject(p))
                return;
            ulong* header = (ulong*)((byte*)p - 8);
            if ((*header & MarkFlag) != 0)
                return;
            *header |= MarkFlag;
            if (s_markTop < MarkStackSize)
                s_markStack[s_markTop++] = p;
            else
                s_markOverflow = true;
        }

        private static void Drain()
        {
            while (s_markTop > 0)
                TraceObject((byte*)s_markStack[--s_markTop]);
        }

        private static void RetraceIfMarked(byte* block)
        {
            if ((*(ulong*)block & (FreeFlag | MarkFlag)) == MarkFlag)
            {
                TraceObject(block + 8);
                Drain();
            }
        }

        // Visits every reference field through the GC descriptor below the MethodTable (CoreCLR's
        // format): a count at MT-8; if positive, that many {size, offset} series below it (size is
        // relative to the object's size); if negative, arrays of structs: an offset at MT-16 and
        // {pointer count, bytes to skip} pairs below, repeated over the elements.
        private static void TraceObject(byte* obj)
        {
            var type = *(MethodTable**)obj;
            if (!type->HasPointers)
                return;
            nint objectSize = (nint)ObjectSize(obj - 8);
            nint* descriptor = (nint*)type;
            nint series = descriptor[-1];
            if (series > 0)
            {
                for (nint i = 0; i < series; i++)
                {
                    nint seriesSize = descriptor[-3 - 2 * i];
                    nint offset = descriptor[-2 - 2 * i];
                    nint* p = (nint*)(obj + offset);
                    nint* end = (nint*)((byte*)p + seriesSize + objectSize);
                    for (; p < end; p++)
                        MarkCandidate(*p);
                }
            }
            else
            {
                nint offset = descriptor[-2];
                uint* items = (uint*)type;
                nint count = -series;
                nint* p = (nint*)(obj + offset);
                nint* stop = (nint*)(obj + objectSize - 8);
                while (p < stop)
                {
                    for (nint i = 0; i < count && p < stop; i++)
                    {
                        // Item i (8 bytes: u32 pointer count, u32 bytes to skip) sits at MT - 24 - 8 i.
                        uint pointers = items[-6 - 2 * i];
                        uint skip = items[-5 - 2 * i];
                        nint* run = p + pointers;
                        for (; p < run; p++)
                            MarkCandidate(*p);
                        p = (nint*)((byte*)p + skip);
                    }
                }
            }
        }

        private static void ForEachBlock(delegate*<byte*, void> visit)
        {
            for (int i = 0; i < s_chunkCount; i++)
                for (byte* block = s_chunks[i].Data; block < s_chunks[i].Next; block += BlockSize(block))
                    visit(block);
        }

        private static void Sweep()
        {
            s_freeList = null;
            ulong live = 0;
            for (int i = 0; i < s_chunkCount; i++)
            {
                Chunk* c = &s_chunks[i];
                byte* run = null;
                c->Empty = false;
                for (byte* block = c->Data; block < c->Next;)
                {
                    nuint size = BlockSize(block);
                    ulong header = *(ulong*)block;
                    bool isLive = (header & (FreeFlag | MarkFlag)) == MarkFlag;
                    if (isLive)
                    {
                        live += size;
                        *(ulong*)block = header & ~MarkFlag;
                        if (run != null)
                        {
                            MakeFree(run, (nuint)(block - run));
                            run = null;
                        }
                    }
                    else
                    {
                        if ((header & FreeFlag) == 0)
                        {
                            FreedBytes += size;
                            SetStartIn(c, block, false);
                        }
                        if (run == null)
                            run = block;
                    }
                    block += size;
                }
                if (run == c->Data)
                    c->Empty = true;            // Shrink frees it or gives it back
                else if (run != null)
                    MakeFree(run, (nuint)(c->Next - run));
            }
            LiveBytes = live;
        }

        // Gives empty chunks back to the host while at least 2 (live + budget) stays mapped (see the
        // top of the file); an empty chunk that stays becomes one free block.
        private static void Shrink()
        {
            ulong keep = 2 * (LiveBytes + Budget);
            for (int i = s_chunkCount - 1; i >= 0; i--)
            {
                Chunk* c = &s_chunks[i];
                if (!c->Empty)
                    continue;
                c->Empty = false;
                if (RuntimeHost.s_releaseMemory != null && MappedBytes - c->Total >= keep
                    && RuntimeHost.s_releaseMemory(c->Starts, c->Total))
                {
                    c->Released = true;
                    c->Next = c->Data;          // ChunkOf and the heap walks see no block; Bump does not look here
                    MappedBytes -= c->Total;
                    ReleasedBytes += c->Total;
                    if (i == s_bumpChunk)
                        s_bumpChunk = -1;
                    if (i == s_previousBumpChunk)
                        s_previousBumpChunk = -1;
                }
                else
                {
                    // Not back to bumping from Data: Bump hands out memory as zeroed, and this is not.
                    MakeFree(c->Data, (nuint)(c->Next - c->Data));
                }
            }
        }

        private static void MakeFree(byte* block, nuint size)
        {
            *(ulong*)block = FreeFlag;
            *(nuint*)(block + 8) = size;
            *(byte**)(block + 16) = s_freeList;
            s_freeList = block;
        }

        private static void SetStartIn(Chunk* c, byte* block, bool value)
        {
            nuint bit = (nuint)(block - c->Data) / 8;
            if (value)
                c->Starts[bit / 64] |= 1UL << (int)(bit % 64);
            else
                c->Starts[bit / 64] &= ~(1UL << (int)(bit % 64));
        }
    }
}
