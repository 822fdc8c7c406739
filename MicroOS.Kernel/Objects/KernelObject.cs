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
    // - An object's memory is its owner's (ObjectArena: pages charged to the owner's limit, given
    //   back to the frame allocator when the owner ends). So when it dies nothing may point at it:
    //   Destroy moves every capability to it to a dead stand-in of its type (CapTarget.Retarget;
    //   their holders see ObjectGone, as before), and forgets every other reference the kernel keeps
    //   by identity and generation (a fault endpoint, a death notification, an IRQ route, a named
    //   manifest object: HasWeakReferences marks the objects that have one, ForgetWeakReferences).
    // - A capability stores the Generation the object had when the cap was made; Destroy sets it to
    //   0 and a new object takes a fresh, never-used number.
    // - An object lives as long as its owner process (seL4 frees on the last cap; here the owner's
    //   death is the one moment, which makes "server died -> every client gets ObjectGone" direct),
    //   but a thread's object, which dies with its thread, and an endpoint, notification or frame
    //   its owner ends early through its original cap (object_destroy: ProcessObjects.DestroyOwned,
    //   the same Destroy, then the cell goes to the arena's free list).
    // - What it holds beyond its cell (a frame's pages, a thread's kernel stack) is charged to the
    //   owner's memory limit (ChargedBytes) and uncharged when it dies.
    internal abstract class KernelObject : CapTarget
    {
        private static ulong s_nextGeneration = 1;

        public Process Owner;
        public int ChargedBytes;
        public KernelObject NextOwned;      // the owner's list (ProcessObjects.Owned)
        // Some kernel structure outside the capability tables refers to it (see Destroy).
        public bool HasWeakReferences;

        public abstract CapType Type { get; }

        public bool IsLive => Generation != 0;

        // Called when the object is taken from its pool, before its first capability exists.
        protected void Begin(Process owner, int chargedBytes)
        {
            Generation = s_nextGeneration++;
            Owner = owner;
            ChargedBytes = chargedBytes;
            NextOwned = null;
            HasWeakReferences = false;
        }

        // Ends the object: every waiter fails with ObjectGone, every cap to it becomes stale (and
        // points at the dead stand-in from now on), every other reference to it is forgotten.
        // Returns true when its memory can go now (a mapped frame waits for its unmaps).
        public bool Destroy()
        {
            Generation = 0;
            Owner = null;
            Retarget(ObjectArena.StandIn(Type));
            if (HasWeakReferences)
            {
                HasWeakReferences = false;
                ProcessObjects.ForgetWeakReferences(this);
                IrqLine.ForgetTarget(this);
                InitialCaps.Forget(this);
            }
            return OnDestroy();
        }

        protected abstract bool OnDestroy();
    }

    // A typed free list on the kernel heap, for objects the hardware bounds (IrqLine: 16 lines,
    // each owned once): every other kind lives in its owner's ObjectArena.
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
