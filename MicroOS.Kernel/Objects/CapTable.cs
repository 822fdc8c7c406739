using System.Runtime.CompilerServices;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // A process's capability table and the derivation tree that links capabilities across tables.
    // Pure logic, no kernel types: the host tests (MicroOS.Tests/KernelLogic/CapTableTests.cs) compile
    // this file as written. The kernel reaches it through ProcessObjects (one table per process) and
    // CapSyscalls / Invocation (decode), which add what needs the kernel: liveness of the object.
    //
    // What must stay true:
    // - A derived capability (copy, mint, IPC transfer) never has a right its parent lacks.
    // - Every capability derived from C, however deep and in whichever table, is in C's subtree, so
    //   Revoke(C) reaches it. Delete re-attaches the deleted cap's children to its parent, so a revoke
    //   higher up still reaches them; siblings are never touched.
    // - A slot number is an index into one table and means nothing elsewhere.
    // - Nothing here allocates after the table is built: slots are preallocated and recycled.
    // - Every filled slot whose object is a CapTarget is on that target's list (FirstRef), so the
    //   target's death can reach every capability to it (Retarget) before its memory is reused.
    internal sealed class CapSlot
    {
        public CapTable Table;
        public int Index;
        public CapType Type;
        public CapRights Rights;
        public ulong Badge;
        public object Object;        // the kernel object (Endpoint, Notification, Frame, ..., Process)
        public ulong Generation;     // the object's generation when this cap was made (stale caps: ObjectGone)
        public CapSlot Parent, FirstChild, NextSibling, PrevSibling;
        // cap_transfer's lend: when this table's process ends, the capability moves back to this
        // slot of the lender (Init's device caps: a restarted driver gets them again, and no one
        // else holds them meanwhile). Valid only while the lender's table still belongs to the same
        // lender: tables (and the processes that own them) are recycled, so the check is by identity
        // *and* generation: the table's OwnerId (a pid, never reused) must still be LenderId. A loan
        // whose lender has ended is deleted with the borrower's table, never delivered.
        public CapSlot ReturnTo;
        public ulong LenderId;
        // Told when this capability leaves the slot, however it goes (delete, revoke, move, the
        // process's end): io_port_enable hangs its grant here (Objects/IoPortGrant.cs). Null for most.
        public CapWatcher Watcher;
        // The other capabilities to the same CapTarget (CapTarget.FirstRef); RefTarget is the list
        // this slot is on, null when on none.
        public CapSlot NextRef, PrevRef;
        public CapTarget RefTarget;

        public bool IsEmpty => Type == CapType.None;
    }

    // An object whose capabilities are all known to it (the kernel's objects: their memory goes back
    // to the frame allocator when they die, so no capability may keep pointing at it). A slot joins
    // the list when filled with it and leaves when emptied; Retarget moves all of them at once.
    internal abstract class CapTarget
    {
        // What a capability's Generation is compared with, the one liveness test for every kind
        // (ProcessObjects.IsLive): a KernelObject's number from its pool, 0 once destroyed; a
        // Process's pid while it runs, 0 once it ended (Process.Reset, ProcessManager.End).
        public ulong Generation;
        public CapSlot FirstRef;
        // Set on objects that stand in for dead ones (tombstones): capabilities to them are not listed.
        public bool Untracked;

        // Points every capability to `this` at `standIn` (an object of the same type that is dead:
        // its holders see ObjectGone, as they would have from the dead object), and empties the list.
        // Linear in the capabilities to this object; nothing else changes in their slots.
        public int Retarget(object standIn)
        {
            int moved = 0;
            CapSlot s = FirstRef;
            while (s != null)
            {
                CapSlot next = s.NextRef;
                s.Object = standIn;
                s.NextRef = s.PrevRef = null;
                s.RefTarget = null;
                moved++;
                s = next;
            }
            FirstRef = null;
            return moved;
        }

        public int RefCount
        {
            get
            {
                int n = 0;
                for (CapSlot s = FirstRef; s != null; s = s.NextRef)
                    n++;
                return n;
            }
        }
    }

    // Something that must end when a capability leaves its slot (CapSlot.Watcher).
    internal abstract class CapWatcher
    {
        public abstract void CapRemoved(CapSlot slot);
    }

    internal static class CapRightsAlgebra
    {
        public static bool Has(CapRights held, CapRights needed) => (held & needed) == needed;

        // Mint and copy: the result is never wider than the parent, whatever was asked for.
        public static CapRights Derive(CapRights parent, CapRights requested) => parent & requested & CapRights.All;
    }

    internal sealed class CapTable
    {
        public const int DefaultSlotCount = 128;

        private readonly CapSlot[] _slots;
        public int Count { get; private set; }
        // Who owns the table, as an identity that survives recycling: the kernel's owner is a process
        // and this is its pid (never reused); 0 while the table is free. (A reference to the owner
        // would not do: the kernel recycles processes and tables.)
        public ulong OwnerId;

        public CapTable(int slotCount)
        {
            _slots = new CapSlot[slotCount];
            for (int i = 0; i < slotCount; i++)
                _slots[i] = new CapSlot { Table = this, Index = i };
        }

        public int SlotCount => _slots.Length;

        // The capability in `slot`, or null for a number outside the table or an empty slot.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public CapSlot Lookup(ulong slot)
        {
            if (slot >= (ulong)_slots.Length)
                return null;
            CapSlot s = _slots[(int)slot];
            return s.IsEmpty ? null : s;
        }

        // The slot itself (empty or not), or null for a number outside the table.
        public CapSlot At(ulong slot) => slot < (ulong)_slots.Length ? _slots[(int)slot] : null;

        // A free slot to receive into, or the error that says why not.
        public SyscallError? Destination(ulong slot, out CapSlot destination)
        {
            destination = At(slot);
            if (destination == null)
                return SyscallError.InvalidCapability;
            if (!destination.IsEmpty)
                return SyscallError.SlotOccupied;
            return null;
        }

        // A capability with no parent: the first one to a new object.
        public void InsertOriginal(CapSlot destination, CapType type, CapRights rights, ulong badge, object obj, ulong generation)
        {
            Fill(destination, type, rights & CapRights.All, badge, obj, generation);
        }

        // Copy: same rights and badge, a child of `source` (so revoking `source` removes it).
        // `destination` may be in another table (IPC transfer).
        public static void Copy(CapSlot source, CapSlot destination) =>
            Derive(source, destination, source.Rights, source.Badge);

        // Mint: rights can only shrink; a badge can be set only on an unbadged endpoint or notification cap.
        public static SyscallError? Mint(CapSlot source, CapSlot destination, CapRights rights, ulong badge)
        {
            if (badge != 0)
            {
                if (source.Type != CapType.Endpoint && source.Type != CapType.Notification)
                    return SyscallError.InvalidArgument;
                if (source.Badge != 0)
                    return SyscallError.InvalidArgument;
            }
            Derive(source, destination, CapRightsAlgebra.Derive(source.Rights, rights), badge != 0 ? badge : source.Badge);
            return null;
        }

        private static void Derive(CapSlot source, CapSlot destination, CapRights rights, ulong badge)
        {
            destination.Table.Fill(destination, source.Type, rights, badge, source.Object, source.Generation);
            LinkChild(source, destination);
        }

        // Move: the capability changes slot (and table) keeping its place in the derivation tree, and
        // its loan: a borrower that moves a lent cap within its table still gives it back at its end
        // (found by DestroyTests: the loan used to stay behind with the old slot, and was lost).
        public static void Move(CapSlot source, CapSlot destination)
        {
            destination.Table.Fill(destination, source.Type, source.Rights, source.Badge, source.Object, source.Generation);
            destination.ReturnTo = source.ReturnTo;
            destination.LenderId = source.LenderId;
            source.ReturnTo = null;
            source.LenderId = 0;
            destination.Parent = source.Parent;
            destination.PrevSibling = source.PrevSibling;
            destination.NextSibling = source.NextSibling;
            destination.FirstChild = source.FirstChild;
            if (source.PrevSibling != null)
                source.PrevSibling.NextSibling = destination;
            else if (source.Parent != null)
                source.Parent.FirstChild = destination;
            if (source.NextSibling != null)
                source.NextSibling.PrevSibling = destination;
            for (CapSlot c = source.FirstChild; c != null; c = c.NextSibling)
                c.Parent = destination;
            source.Parent = source.FirstChild = source.NextSibling = source.PrevSibling = null;
            source.Table.Clear(source);
        }

        // Delete: empties the slot. Its children move up to its parent (or become originals).
        public static void Delete(CapSlot slot)
        {
            CapSlot parent = slot.Parent;
            CapSlot child = slot.FirstChild;
            while (child != null)
            {
                CapSlot next = child.NextSibling;
                child.Parent = null;
                child.NextSibling = child.PrevSibling = null;
                if (parent != null)
                    LinkChild(parent, child);
                child = next;
            }
            slot.FirstChild = null;
            Unlink(slot);
            slot.Table.Clear(slot);
        }

        // Revoke: deletes every capability derived from `slot`, in every table, however deep; `slot`
        // itself stays. Returns how many were removed. Deepest first, without recursion or allocation.
        public static int Revoke(CapSlot slot)
        {
            int removed = 0, n;
            while ((n = RevokeSome(slot, int.MaxValue)) > 0)
                removed += n;
            return removed;
        }

        // At most `max` of them (0 when none is left). Each step removes a leaf and goes on from its
        // parent, so the whole revoke is linear in the caps removed, whatever the tree's depth. The
        // tree is whole between two calls: the kernel lets interrupts in between slices (CapSyscalls).
        public static int RevokeSome(CapSlot slot, int max)
        {
            int removed = 0;
            CapSlot node = slot.FirstChild;
            while (node != null && removed < max)
            {
                while (node.FirstChild != null)
                    node = node.FirstChild;
                CapSlot parent = node.Parent;
                Unlink(node);
                node.Table.Clear(node);
                removed++;
                node = parent == slot ? slot.FirstChild : parent;
            }
            return removed;
        }

        // Deletes every capability in the table (its process ended). Children in other tables move up.
        // Lent capabilities go back to their lenders (see CapSlot.ReturnTo) if the lender is the same
        // one (OwnerId) and its slot is free; the others stay here and DeleteAll deletes them.
        public void ReturnLent()
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                CapSlot s = _slots[i];
                CapSlot back = s.ReturnTo;
                if (s.IsEmpty || back == null)
                    continue;
                if (back.IsEmpty && back.Table.OwnerId != 0 && back.Table.OwnerId == s.LenderId)
                {
                    Move(s, back);
                    back.ReturnTo = null;       // home again: no longer on loan
                    back.LenderId = 0;
                }
            }
        }

        public void DeleteAll()
        {
            for (int i = 0; i < _slots.Length; i++)
                if (!_slots[i].IsEmpty)
                    Delete(_slots[i]);
        }

        private void Fill(CapSlot s, CapType type, CapRights rights, ulong badge, object obj, ulong generation)
        {
            s.Type = type;
            s.Rights = rights;
            s.Badge = badge;
            s.Object = obj;
            s.Generation = generation;
            LeaveRefList(s);
            if (obj is CapTarget t && !t.Untracked)
            {
                s.RefTarget = t;
                s.PrevRef = null;
                s.NextRef = t.FirstRef;
                if (t.FirstRef != null)
                    t.FirstRef.PrevRef = s;
                t.FirstRef = s;
            }
            s.Parent = s.FirstChild = s.NextSibling = s.PrevSibling = null;
            s.ReturnTo = null;
            s.LenderId = 0;
            s.Watcher = null;
            Count++;
        }

        private void Clear(CapSlot s)
        {
            s.Type = CapType.None;
            s.Rights = CapRights.None;
            s.Badge = 0;
            LeaveRefList(s);
            s.Object = null;
            s.Generation = 0;
            Count--;
            CapWatcher w = s.Watcher;
            if (w != null)
            {
                s.Watcher = null;
                w.CapRemoved(s);
            }
        }

        private static void LeaveRefList(CapSlot s)
        {
            CapTarget t = s.RefTarget;
            if (t == null)
                return;
            if (s.PrevRef != null)
                s.PrevRef.NextRef = s.NextRef;
            else
                t.FirstRef = s.NextRef;
            if (s.NextRef != null)
                s.NextRef.PrevRef = s.PrevRef;
            s.NextRef = s.PrevRef = null;
            s.RefTarget = null;
        }

        private static void LinkChild(CapSlot parent, CapSlot child)
        {
            child.Parent = parent;
            child.PrevSibling = null;
            child.NextSibling = parent.FirstChild;
            if (parent.FirstChild != null)
                parent.FirstChild.PrevSibling = child;
            parent.FirstChild = child;
        }

        private static void Unlink(CapSlot s)
        {
            if (s.PrevSibling != null)
                s.PrevSibling.NextSibling = s.NextSibling;
            else if (s.Parent != null)
                s.Parent.FirstChild = s.NextSibling;
            if (s.NextSibling != null)
                s.NextSibling.PrevSibling = s.PrevSibling;
            s.Parent = s.NextSibling = s.PrevSibling = null;
        }
    }
}
