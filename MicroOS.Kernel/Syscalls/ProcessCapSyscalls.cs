using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // process_start, process_create, process_kill, process_inspect, process_set_fault_endpoint, ...: what the
    // holder of a Process (or BootImage) cap can do. The generated stubs (syscalls.spec) decoded every
    // capability and destination slot (and liveness: a dead process is ObjectGone).
    internal static unsafe class ProcessCapSyscalls
    {
        public static long Kill(SyscallFrame* f, CapSlot cap)
        {
            ProcessManager.Kill((Process)cap.Object, "by the holder of its process capability");
            return 0;
        }

        // process_start(image cap, dst): the manifest entry the cap names becomes a process (with the
        // entry's memory limit, priority, arguments and initial caps); the caller gets its Process cap.
        public static long Start(SyscallFrame* f, CapSlot cap, CapSlot destination)
        {
            Process p = ServerStartup.StartEntry(((BootImage)cap.Object).Entry, Scheduler.Current.Process);
            if (p == null)
                return (long)SyscallError.OutOfMemory;
            ProcessObjects.Of(Scheduler.Current.Process).Caps.InsertOriginal(destination, CapType.Process, CapRights.All, 0, p, (ulong)p.Id);
            return p.Id;
        }

        // Also its budget: r8 = its limit in frames, r9 = frames of kernel objects charged to it | the
        // limits it carved out for its children << 32 (use = rsi + low r9; `ps` and `mem` in the shell).
        public static long Inspect(SyscallFrame* f, CapSlot cap)
        {
            var p = (Process)cap.Object;
            f->Arg0 = (ulong)p.State;
            f->Arg1 = p.Space.OwnedFrames;
            f->Arg2 = p.MessagesSent;
            f->Arg3 = p.MessagesReceived;
            f->Arg4 = p.Space.LimitFrames;
            f->Arg5 = (p.Space.ChargedFrames & 0xFFFF_FFFF) | (p.Space.GivenFrames << 32);
            return p.Id;
        }

        private const int MaxCreateText = 512;
        private const ulong MaxCreateMemoryKiB = 256 * 1024;
        private static readonly byte[] s_createText = new byte[MaxCreateText];
        // The name and arguments as strings, rewritten in place by every call (ReusedText): the
        // loader copies the arguments to the new process's page and the name to its Process.
        private static readonly string s_name = ReusedText.Make(Process.MaxNameLength);
        private static readonly string s_arguments = ReusedText.Make(MaxCreateText);

        // process_create(image cap, dst, text, length | memory KiB << 16 | high << 63): the image as a
        // new process named by the first word of `text`, its arguments the rest, not yet running
        // (process_resume). The caller fills its table first with cap_transfer.
        public static long Create(SyscallFrame* f, CapSlot cap, CapSlot destination)
        {
            var image = (BootImage)cap.Object;
            ulong packed = f->Arg3;
            int length = ProcessCreateArgs.Length(packed);
            ulong memoryKiB = ProcessCreateArgs.MemoryKiB(packed);
            bool high = ProcessCreateArgs.High(packed);
            if (length == 0 || length > MaxCreateText || memoryKiB == 0 || memoryKiB > MaxCreateMemoryKiB || !ProcessCreateArgs.ReservedClear(packed))
                return (long)SyscallError.InvalidArgument;
            SyscallError? error = UserSpan.TryCreate(f->Arg2, (ulong)length, out UserSpan text);
            if (error != null)
                return (long)error.Value;
            var bytes = new System.Span<byte>(s_createText, 0, length);
            error = text.CopyIn(bytes);
            if (error != null)
                return (long)error.Value;
            int nameEnd = 0;
            while (nameEnd < length && bytes[nameEnd] != (byte)' ')
                nameEnd++;
            if (nameEnd == 0 || nameEnd > Process.MaxNameLength)
                return (long)SyscallError.InvalidArgument;
            ulong start = image.ModuleStart, end = image.ModuleEnd;
            if (image.Entry != null && !ServerStartup.ModuleOf(image.Entry.Image, out start, out end))
                return (long)SyscallError.ObjectGone;
            string name = ReusedText.Write(s_name, bytes.Slice(0, nameEnd));
            string arguments = nameEnd + 1 < length ? ReusedText.Write(s_arguments, bytes.Slice(nameEnd + 1)) : "";
            var span = new System.ReadOnlySpan<byte>(Memory.PhysMap.ToVirtual(start), (int)(end - start));
            Process p = ProcessManager.Start(name, span, memoryKiB << 10, high ? Priority.High : Priority.Normal, arguments, true, Scheduler.Current.Process);
            if (p == null)
                return (long)SyscallError.OutOfMemory;
            ProcessObjects.Of(Scheduler.Current.Process).Caps.InsertOriginal(destination, CapType.Process, CapRights.All, 0, p, (ulong)p.Id);
            return p.Id;
        }

        // cap_transfer(process cap, my slot, their slot, rights): a child of my capability (rights
        // only shrink, the badge stays) in the process's table, so revoking mine removes it.
        // Their slot was decoded against that table by the stub; the caller itself as the target is refused.
        public static long Transfer(SyscallFrame* f, CapSlot cap, CapSlot source, CapSlot destination)
        {
            bool lend = (f->Arg3 & CapTransferArgs.Lend) != 0;
            if ((f->Arg3 & ~CapTransferArgs.Lend) > (ulong)CapRights.All)
                return (long)SyscallError.InvalidArgument;
            if (destination.Table == ProcessObjects.Of(Scheduler.Current.Process).Caps)
                return (long)SyscallError.InvalidArgument;
            if (!lend)
            {
                SyscallError? error = CapTable.Mint(source, destination, (CapRights)(f->Arg3 & 0xFF), 0);
                return error == null ? 0 : (long)error.Value;
            }
            // Lend: the capability itself moves (rights unchanged) and comes back when the process ends.
            CapTable lender = source.Table;
            CapTable.Move(source, destination);
            destination.ReturnTo = source;
            destination.LenderId = lender.OwnerId;
            return 0;
        }

        public static long Resume(SyscallFrame* f, CapSlot cap) =>
            ProcessManager.Resume((Process)cap.Object) ? 0 : (long)SyscallError.InvalidArgument;

        // process_cap_read(process cap, slot): what the process holds there (the supervisor's Caps);
        // the slot was decoded against that process's table by the stub.
        public static long CapRead(SyscallFrame* f, CapSlot cap, CapSlot slot)
        {
            bool live = ProcessObjects.IsLive(slot);
            f->Arg0 = slot.Badge;
            f->Arg1 = live ? slot.Generation : 0;
            f->Arg2 = live ? DeviceOf(slot.Object) : 0;
            return CapInfo.Pack(slot.Type, slot.Rights);
        }

        // Which hardware a device capability reaches (the supervisor's `caps` shows it as the boot
        // manifest writes it): ports first | count << 16, an IRQ line's number, a device frame's
        // physical address | pages. 0 for everything else (a RAM frame's address is not told).
        private static ulong DeviceOf(object o)
        {
            if (o is IoPortRange ports)
                return ports.First | ((ulong)ports.Count << 16);
            if (o is IrqLine irq)
                return (ulong)irq.Irq;
            if (o is Frame frame && frame.Device)
                return frame.Physical | (ulong)frame.Pages;
            return 0;
        }

        public static long SetFaultEndpoint(SyscallFrame* f, CapSlot cap, CapSlot endpoint)
        {
            var p = (Process)cap.Object;
            ProcessObjects objects = ProcessObjects.Of(p);
            var ep = (Endpoint)endpoint.Object;
            objects.FaultEndpoint = ep;
            objects.FaultGeneration = ep.Generation;
            ep.HasWeakReferences = true;        // forgotten when it dies (KernelObject.Destroy)
            objects.FaultBadge = endpoint.Badge != 0 ? endpoint.Badge : (ulong)p.Id;
            return 0;
        }

        // process_set_death_notification(process, notification, bits): the supervisor learns of a death
        // at once instead of finding it at its next poll (ProcessObjects.OnProcessEnd signals).
        public static long SetDeathNotification(SyscallFrame* f, CapSlot cap, CapSlot notification)
        {
            var p = (Process)cap.Object;
            if (f->Arg2 == 0)
                return (long)SyscallError.InvalidArgument;
            ProcessObjects objects = ProcessObjects.Of(p);
            var n = (Notification)notification.Object;
            objects.DeathNotification = n;
            objects.DeathGeneration = n.Generation;
            n.HasWeakReferences = true;
            objects.DeathBits = f->Arg2;
            return 0;
        }
    }
}
