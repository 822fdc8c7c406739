using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // cap_copy, cap_mint, cap_move, cap_delete, cap_revoke, cap_inspect, cap_count and the object
    // creation calls (endpoint_create, notification_create, frame_create). The generated stubs
    // (syscalls.spec) have decoded every slot; here the values are checked, then the work is done
    // through CapTable (Objects/CapTable.cs, host-tested).
    internal static unsafe class CapSyscalls
    {
        public static long Copy(SyscallFrame* f, CapSlot source, CapSlot destination)
        {
            CapTable.Copy(source, destination);
            return 0;
        }

        public static long Mint(SyscallFrame* f, CapSlot source, CapSlot destination)
        {
            if (f->Arg2 > (ulong)CapRights.All)
                return (long)SyscallError.InvalidArgument;
            SyscallError? error = CapTable.Mint(source, destination, (CapRights)f->Arg2, f->Arg3);
            return error == null ? 0 : (long)error.Value;
        }

        // A stale cap may still be moved (or deleted, or revoked): only its slot is touched (spec: held).
        public static long Move(SyscallFrame* f, CapSlot source, CapSlot destination)
        {
            CapTable.Move(source, destination);
            return 0;
        }

        public static long Delete(SyscallFrame* f, CapSlot slot)
        {
            CapTable.Delete(slot);
            return 0;
        }

        public static long Revoke(SyscallFrame* f, CapSlot slot)
        {
            // A tree can hold every cap of every process: interrupts get in every slice.
            long removed = 0;
            while (true)
            {
                int n = CapTable.RevokeSome(slot, RevokeSlice);
                removed += n;
                if (n < RevokeSlice)
                    return removed;
                Preemption.Window();
            }
        }

        private const int RevokeSlice = 256;

        public static long Inspect(SyscallFrame* f, CapSlot slot)
        {
            f->Arg0 = slot.Badge;
            // A Frame's size, so a server lent one (the ata driver's Attach) can check what it is told.
            f->Arg1 = slot.Object is Frame frame ? (ulong)frame.Pages : 0;
            // The object's identity (its generation: never reused), so a holder of two caps can tell
            // whether they name one object (Names keeps a name with its endpoint while that lives).
            f->Arg2 = slot.Generation;
            return CapInfo.Pack(slot.Type, slot.Rights);
        }

        public static long Count(SyscallFrame* f)
        {
            ProcessObjects objects = Scheduler.Current.Process.Objects;
            return objects == null ? 0 : objects.Caps.Count;
        }

        // object_destroy: the owner ends an endpoint, notification or frame it made, before its own
        // end (a long-running server freeing what it made for one client). Only the owner, and only
        // through an original cap (no parent: the one endpoint_create / notification_create /
        // frame_create gave, or one the owner moved within its table): a copy, a minted child or a
        // cap someone was lent never destroys, whoever holds it (MissingRight). While the owner's
        // original is lent out it is in the borrower's table, so nobody can destroy it until it
        // comes back. The decode already refused a stale cap (ObjectGone: destroy twice).
        public static long Destroy(SyscallFrame* f, CapSlot slot)
        {
            if (slot.Type != CapType.Endpoint && slot.Type != CapType.Notification && slot.Type != CapType.Frame)
                return (long)SyscallError.WrongType;
            var obj = (KernelObject)slot.Object;
            Process caller = Scheduler.Current.Process;
            if (slot.Parent != null || obj.Owner != caller || slot.Table != caller.Objects.Caps)
                return (long)SyscallError.MissingRight;
            ProcessObjects.Of(caller).DestroyOwned(obj);
            return 0;
        }

        public static long CreateEndpoint(SyscallFrame* f, CapSlot destination) => CreateOriginal(destination, CapType.Endpoint);

        public static long CreateNotification(SyscallFrame* f, CapSlot destination) => CreateOriginal(destination, CapType.Notification);

        // endpoint_create / notification_create: a new object owned (and charged to) the caller, its
        // original capability with every right in the destination slot.
        private static long CreateOriginal(CapSlot destination, CapType type)
        {
            ProcessObjects objects = ProcessObjects.Of(Scheduler.Current.Process);
            Process owner = Scheduler.Current.Process;
            KernelObject o = type == CapType.Endpoint ? Endpoint.Create(owner) : Notification.Create(owner);
            if (o == null || !objects.TryAdopt(o))
                return (long)SyscallError.OutOfMemory;
            objects.Caps.InsertOriginal(destination, type, CapRights.All, 0, o, o.Generation);
            return 0;
        }

        public static long CreateFrame(SyscallFrame* f, CapSlot destination)
        {
            ProcessObjects objects = ProcessObjects.Of(Scheduler.Current.Process);
            if (f->Arg1 == 0 || f->Arg1 > Frame.MaxPages)
                return (long)SyscallError.OutOfRange;
            int pages = (int)f->Arg1;
            // Check the limit before taking memory: a refused creation touches nothing.
            if (!objects.TryCharge(pages * (int)Memory.PhysicalMemory.FrameSize))
                return (long)SyscallError.OutOfMemory;
            objects.Uncharge(pages * (int)Memory.PhysicalMemory.FrameSize);
            Frame frame = Frame.Create(Scheduler.Current.Process, pages);
            if (frame == null || !objects.TryAdopt(frame))
                return (long)SyscallError.OutOfMemory;
            objects.Caps.InsertOriginal(destination, CapType.Frame, CapRights.All, 0, frame, frame.Generation);
            return 0;
        }
    }
}
