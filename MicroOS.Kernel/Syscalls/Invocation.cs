using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // Decode, the first half of every capability syscall. SyscallDispatcher calls DecodeCapArgument
    // for each row of SyscallTable that names an object type: the slot in rdi must hold a live
    // capability of that type with at least the row's `Requires` rights, or the syscall ends here
    // with InvalidCapability, WrongType, ObjectGone or MissingRight, before its handler runs. So a
    // handler cannot forget the check; it finds the decoded capability in `Cap`. Handlers decode any
    // further capability arguments with Lookup, then perform.
    internal static class Invocation
    {
        // The capability the dispatcher decoded for the running syscall (one CPU, interrupts off).
        public static CapSlot Cap;

        // The IPC fast path goes through here: kept to loads and compares (no cast helper, one store).
        public static long DecodeCapArgument(ulong slot, CapType type, CapRights requires)
        {
            ProcessObjects objects = Scheduler.Current.Process.Objects;
            if (objects == null)
                return (long)SyscallError.InvalidCapability;
            CapSlot c = objects.Caps.Lookup(slot);
            if (c == null)
                return (long)SyscallError.InvalidCapability;
            if (c.Type != type)
                return (long)SyscallError.WrongType;
            if (!ProcessObjects.IsLive(c))
                return (long)SyscallError.ObjectGone;
            if ((c.Rights & requires) != requires)
                return (long)SyscallError.MissingRight;
            Cap = c;
            return 0;
        }

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
