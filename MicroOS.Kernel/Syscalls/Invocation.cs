using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // Decode, the first half of every capability syscall. SyscallDispatcher calls DecodeCapArgument
    // for each row of SyscallTable that names an object type: the slot in rdi must hold a live
    // capability of that type with at least the row's `Requires` rights, or the syscall ends here
    // with InvalidCapability, WrongType, ObjectGone or MissingRight, before its handler runs. So a
    // handler cannot forget the check; it receives the decoded capability as its second argument. Handlers decode any
    // further capability arguments with Lookup, then perform.
    internal static class Invocation
    {
        // The IPC fast path goes through here: kept to loads and compares (no cast helper, one store).
        // Called by SyscallDispatcher for a row naming an object type: decode rdi, then the handler
        // with the decoded cap; then any switch a preemption window deferred (as the dispatcher does).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static unsafe long DecodeAndPerform(SyscallFrame* frame, ref SyscallTable.Row row)
        {
            CapSlot cap = DecodeCapArgument(frame->Arg0, row.Object, row.Requires);
            if (cap == null)
                return DecodeError(frame->Arg0, row.Object, row.Requires);
            long result = row.CapHandler(frame, cap);
            if (Preemption.Pending)
                Scheduler.Yield();
            return result;
        }

        // The decoded capability, or null (then DecodeError says why). Loads and compares only: the
        // IPC fast path runs through here.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static CapSlot DecodeCapArgument(ulong slot, CapType type, CapRights requires)
        {
            ProcessObjects objects = Scheduler.Current.Process.Objects;
            CapSlot c = objects?.Caps.Lookup(slot);
            if (c == null || c.Type != type || !ProcessObjects.IsLive(c) || (c.Rights & requires) != requires)
                return null;
            return c;
        }

        public static long DecodeError(ulong slot, CapType type, CapRights requires) => Lookup(slot, type, requires, out _);

        // 0 and the capability, or a SyscallError. `type` None accepts any kind.
        public static long Lookup(ulong slot, CapType type, CapRights requires, out CapSlot cap)
        {
            cap = null;
            ProcessObjects objects = Scheduler.Current.Process.Objects;
            if (objects == null)
                return (long)SyscallError.InvalidCapability;
            CapSlot c = objects.Caps.Lookup(slot);
            if (c == null)
                return (long)SyscallError.InvalidCapability;
            if (type != CapType.None && c.Type != type)
                return (long)SyscallError.WrongType;
            if (!ProcessObjects.IsLive(c))
                return (long)SyscallError.ObjectGone;
            if (!CapRightsAlgebra.Has(c.Rights, requires))
                return (long)SyscallError.MissingRight;
            cap = c;
            return 0;
        }

        // The caller's table (attached on first use) and a free destination slot in it.
        public static long Destination(ulong slot, out ProcessObjects objects, out CapSlot destination)
        {
            objects = ProcessObjects.Of(Scheduler.Current.Process);
            SyscallError? e = objects.Caps.Destination(slot, out destination);
            return e == null ? 0 : (long)e.Value;
        }
    }
}
