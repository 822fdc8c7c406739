using System.Runtime;

namespace Internal.Runtime
{
    // The threads of a multi-threaded server image, as the runtime must know them: where each
    // one's stack is, and its thread statics. (The kernel image never starts one: its threads are
    // the scheduler's, and it has no collector.)
    //
    // The rule that makes the collector and the allocator safe with several threads is a runtime
    // lock (MicroOS.Shared/Native/User.asm, mos_runtime_lock): a thread runs managed code only
    // while it holds the lock, and lets go of it only inside a blocking syscall (yield, sleep,
    // send, recv, call, reply_recv, notification wait), after pushing every register that could
    // hold a reference onto its own stack and recording that stack pointer here (Park). So when a
    // thread collects, every other thread is parked: its references lie in [StackLow, StackTop)
    // and its Storage, and none of them runs until the collection is over. On one CPU this costs
    // no parallelism; what it means for server code is that everything between two blocking
    // calls runs without another thread of the same server in between (docs/writing-a-server.md).
    public static unsafe class RuntimeThreads
    {
        public const int MaxThreads = 16;
        private const int Free = 0, Running = 1, Parked = 2, Starting = 3;

        private struct Record
        {
            public nint StackLow;       // parked: the lowest word to scan
            public nint StackTop;       // exclusive
            public nint Storage;        // its ThreadStatics array while it is not the current thread
            public int State;
        }

        private static Record[] s_records;
        private static int s_current;

        // True once a second thread was made: from then on the blocking syscalls park.
        public static bool Active => s_records != null;

        public static int Current => s_current;

        // The current thread's stack top, for the collector (0 while the image is single-threaded).
        internal static nint CurrentStackTop => s_records == null ? 0 : s_records[s_current].StackTop;

        // Called (holding the lock) by the first thread start: the calling thread becomes record 0.
        public static void Activate(nint mainStackTop)
        {
            if (s_records != null)
                return;
            var records = new Record[MaxThreads];
            records[0].StackTop = mainStackTop;
            records[0].State = Running;
            s_current = 0;
            s_records = records;
        }

        // A record for a thread about to start on [.., stackTop): its index, or -1 when all are taken.
        public static int Reserve(nint stackTop)
        {
            for (int i = 1; i < MaxThreads; i++)
            {
                if (s_records[i].State != Free)
                    continue;
                s_records[i].StackTop = stackTop;
                s_records[i].StackLow = stackTop;
                s_records[i].Storage = 0;
                s_records[i].State = Starting;
                return i;
            }
            return -1;
        }

        // The thread ended (or was killed while it did not hold the lock): its stack is not scanned any more.
        public static void Release(int index)
        {
            s_records[index].State = Free;
            s_records[index].Storage = 0;
        }

        // From the parking stub, holding the lock, just before it lets go: everything this thread
        // may refer to now lies in [stackLow, StackTop) or its thread statics.
        [RuntimeExport("RhpThreadPark")]
        private static int Park(nint stackLow)
        {
            int me = s_current;
            s_records[me].StackLow = stackLow;
            s_records[me].Storage = ThreadStatics.CurrentStorage;
            s_records[me].State = Parked;
            return me;
        }

        // From the parking stub (or a new thread's entry), holding the lock again.
        [RuntimeExport("RhpThreadUnpark")]
        private static void Unpark(int me)
        {
            s_current = me;
            s_records[me].State = Running;
            ThreadStatics.CurrentStorage = s_records[me].Storage;
        }

        // The collector's roots beyond its own stack: every other thread's stack and statics.
        internal static void MarkOtherThreads(delegate*<nint, void> mark)
        {
            if (s_records == null)
                return;
            for (int i = 0; i < MaxThreads; i++)
            {
                if (i == s_current || s_records[i].State != Parked)
                    continue;
                for (nint* p = (nint*)s_records[i].StackLow; p < (nint*)s_records[i].StackTop; p++)
                    mark(*p);
                mark(s_records[i].Storage);
            }
        }
    }
}
