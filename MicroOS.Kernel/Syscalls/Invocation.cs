using System.Runtime.CompilerServices;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // Decode, the first half of every syscall. The stubs generated from syscalls.spec
    // (SyscallTable.g.cs) decode every capability argument with Decode, every destination slot with
    // Destination, every user range with UserSpan, in argument order, before the handler runs: a
    // bad argument ends the syscall with InvalidCapability, WrongType, ObjectGone, MissingRight,
    // SlotOccupied or BadAddress, and the handler only performs. The IPC fast path inlines the same
    // Decode; the carried capability of a message (EndpointSyscalls.TakeMessage) uses it too.
    internal static class Invocation
    {
        // The one capability lookup: the slot's capability when it is in the table, of `type` (None:
        // any kind), live, with at least `requires`; else null (DecodeError says why). Loads and
        // compares only: with `type` a constant (every caller) the liveness test folds to one compare.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CapSlot Decode(ProcessObjects objects, ulong slot, CapType type, CapRights requires)
        {
            // An explicit early return, not `objects?.`: that compiles to a second null test on the
            // fast path (+2 instructions per IPC round trip).
            if (objects == null)
                return null;
            CapSlot c = objects.Caps.Lookup(slot);
            if (c == null || (type != CapType.None && c.Type != type) || (c.Rights & requires) != requires || !ProcessObjects.IsLive(c))
                return null;
            return c;
        }

        // Why Decode refused, off the fast path: in the order a caller can act on.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static long DecodeError(ProcessObjects objects, ulong slot, CapType type, CapRights requires)
        {
            CapSlot c = objects?.Caps.Lookup(slot);
            if (c == null)
                return (long)SyscallError.InvalidCapability;
            if (type != CapType.None && c.Type != type)
                return (long)SyscallError.WrongType;
            if (!ProcessObjects.IsLive(c))
                return (long)SyscallError.ObjectGone;
            if (!CapRightsAlgebra.Has(c.Rights, requires))
                return (long)SyscallError.MissingRight;
            return 0;
        }

        // A slot that holds a capability, stale or not (cap_move, cap_delete, cap_revoke, process_cap_read):
        // null for an empty slot or one outside the table (InvalidCapability).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CapSlot Held(ProcessObjects objects, ulong slot) => objects?.Caps.Lookup(slot);

        // A free destination slot in the caller's table (attached on first use).
        public static long Destination(ulong slot, out CapSlot destination) =>
            Destination(ProcessObjects.Of(Scheduler.Current.Process), slot, out destination);

        // A free destination slot in `objects` (cap_transfer's: the other process's table).
        public static long Destination(ProcessObjects objects, ulong slot, out CapSlot destination)
        {
            SyscallError? e = objects.Caps.Destination(slot, out destination);
            return e == null ? 0 : (long)e.Value;
        }
    }
}
