using System.Collections.Generic;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // What every kernel object a capability can name has in common. Created by the *Syscalls files
    // (endpoint_create, ...) and by InitialCaps at server start; freed by ProcessObjects when the
    // owning process ends.
    //
    // What must stay true:
    // - Objects come from typed pools (ObjectPool) and are recycled, never collected. A capability
    //   stores the Generation the object had when the cap was made; Destroy sets Generation to 0 and a
    //   reuse takes a fresh, never-used number, so a stale cap can never reach the recycled object:
    //   it reports ObjectGone.
    // - An object lives as long as its owner process (seL4 frees on the last cap; here the owner's
    //   death is the one moment, which makes "server died -> every client gets ObjectGone" direct).
    // - Its memory is charged to the owner's memory limit (ChargedBytes) and uncharged when it dies.
    internal abstract class KernelObject
    {
        private static ulong s_nextGeneration = 1;

        public ulong Generation;
        public Process Owner;
        public int ChargedBytes;
        public KernelObject NextOwned;      // the owner's list (ProcessObjects.Owned)

        public abstract CapType Type { get; }

        public bool IsLive => Generation != 0;

        // Called when the object is taken from its pool, before its first capability exists.
        protected void Begin(Process owner, int chargedBytes)
        {
            Generation = s_nextGeneration++;
            Owner = owner;
            ChargedBytes = chargedBytes;
            NextOwned = null;
        }

        // Ends the object: every waiter fails with ObjectGone, every cap to it becomes stale.
        // Returns true when the object can go back to its pool now (a mapped frame waits for its unmaps).
        public bool Destroy()
        {
            Generation = 0;
            Owner = null;
            return OnDestroy();
        }

        protected abstract bool OnDestroy();
    }

    // A typed free list. The kernel heap is never collected, so freed objects wait here for reuse.
    // No pool has a system-wide size one process could empty: each object is charged to its
    // creator's limit (KernelObject.Begin, ProcessObjects.TryAdopt), and the limits are budgets
    // carved out of one another (ProcessManager.Carve), so how many exist at once is bounded by the
    // memory each process was given, and one process's objects only use up its own budget (seL4's
    // untyped memory: a process consumes only what it was given). Limit is kept for objects the
    // hardware bounds (IrqLine: 16 lines), not for memory.
    internal sealed class ObjectPool<T> where T : KernelObject
    {
        private readonly List<T> _free = new List<T>(16);
        public readonly int Limit;
        public int Live;

        public ObjectPool() => Limit = int.MaxValue;

        public ObjectPool(int limit) => Limit = limit;

        // Below the limit: the caller may take one (TakeFree, or `new` when it returns null).
        public bool CanTake => Live < Limit;

        // Counts one more live object and returns a recycled one, or null: then the caller `new`s it.
        public T TakeFree()
        {
            Live++;
            if (_free.Count == 0)
                return null;
            T t = _free[_free.Count - 1];
            _free.RemoveAt(_free.Count - 1);
            return t;
        }

        public void Free(T t)
        {
            Live--;
            _free.Add(t);
        }
    }
}
