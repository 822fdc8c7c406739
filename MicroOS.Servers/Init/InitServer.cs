using System.Collections.Generic;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Manifest;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Init
{
    // The first process, and the only one the kernel starts (besides servers= test entries without
    // `testroot`: with it, Init starts them too, TestRoot.cs). It
    // holds every initial capability (Kernel/Objects/InitCaps.cs: the manifest, the devices, a boot
    // image per module), reads the boot manifest itself and starts each `system` server with exactly
    // the capabilities its line declares (docs/boot-manifest.md). Device capabilities are lent, not
    // copied: the driver holds the only one, and it comes back here if the driver dies, for the
    // restart the supervisor asks for (InitContract). Init stays up while any server it started may
    // need a restart: it owns the endpoints they share.
    // Init has no manifest line: its capabilities are the kernel's, in the fixed slots of InitSlots.
    internal sealed partial class InitServer : IInit
    {
        private static string[] s_images = new string[0];
        private static int s_nextSlot = InitSlots.FirstFree;
        private static readonly List<string> s_objectNames = new List<string>();
        private static readonly List<int> s_objectSlots = new List<int>();
        // Per object: the index in s_started of the process whose line named it first (-1: the
        // system's, kept for restarts). The test root destroys an object when that process ends.
        private static readonly List<int> s_objectNamers = new List<int>();
        private static int s_creating = -1;
        private const ulong LateDelayMs = 10;
        private static readonly List<ManifestEntry> s_started = new List<ManifestEntry>();
        private static readonly List<int> s_processSlots = new List<int>();
        // Per started server: the frame holding the image `update` gave it (0: its boot image) and
        // that image's length. A restart starts whichever image is the server's now.
        private static readonly List<int> s_imageFrames = new List<int>();
        private static readonly List<ulong> s_imageLengths = new List<ulong>();
        // The hand-over page (one, made at the first update, mapped at StateAddress for good) and
        // the notification the old server signals when it has written it.
        private static int s_stateSlot;
        private const ulong StateAddress = FrameCap.WindowBase + 0x3000_0000;
        private const ulong ReceivedAddress = FrameCap.WindowBase + 0x1000_0000, CopyAddress = FrameCap.WindowBase + 0x2000_0000;
        private static int s_doneSlot;
        private const int HandOverTries = 10;       // nbsend offered for up to 100 ms (a server busy with a client)
        private const ulong HandOverWaitMs = 200;   // then up to 200 ms for the page to be written
        private const ulong DoneBit = 1, TimeoutBit = 2;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("init");
            Sys.Write(string.Concat("init: running in ring 3 as pid ", Sys.ProcessId.ToString()));
            string text = ReadManifest(Word("manifest="));
            if (text == null)
                return 0;
            string images = Word("images=");
            if (images != null)
                s_images = images.Split(',');
            string section = Word("section=");

            var errors = new List<string>();
            List<ManifestEntry> entries = BootManifest.Parse(text, errors);
            foreach (string e in errors)
                Sys.Write(string.Concat("init: ", e));
            // `testroot servers=...`: the kernel passed the test manifest and the list (TestRoot.cs).
            string servers = Word("servers=");
            if (servers != null)
                return RunTestRoot(entries, servers);
            bool lateStarted = false;
            foreach (ManifestEntry entry in entries)
                if (entry.Kind == ServerKind.System && entry.Name != "init" && (entry.Section == null || entry.Section == section))
                {
                    if (entry.Late && !lateStarted)
                    {
                        // Init runs at high priority, so it would make every process before any runs.
                        // The first `late` line waits a tick: the servers above it (the console stack
                        // and the shell) run first and show the prompt; the late ones (storage) come
                        // up meanwhile, and a client that looks them up early waits in Names lookups.
                        lateStarted = true;
                        Sys.Sleep(LateDelayMs);
                    }
                    Start(entry);
                }
            // Whatever device capability was not lent to a driver goes: no one but a driver holds one.
            foreach (var device in InitSlots.Devices)
                Caps.Delete(device.Slot);
            Caps.Delete(InitSlots.Manifest);
            int held = Caps.Inspect(InitSlots.Manifest, out _) != (long)SyscallError.InvalidCapability ? 1 : 0;
            foreach (var device in InitSlots.Devices)
                if (Caps.Inspect(device.Slot, out _) != (long)SyscallError.InvalidCapability)
                    held++;
            Sys.Write(string.Concat("init: system up, ", s_started.Count.ToString(), " servers started; init holds ", held.ToString(), " device capabilities"));
            if (s_started.Count == 0)
                return 0;
            Serve();
            return 0;
        }

        // Restart requests from the supervisor, on the endpoint named `init`.
        private static void Serve()
        {
            int slot = ObjectSlot("init", CapType.Endpoint);
            if (slot < 0)
            {
                while (true)
                    Sys.Sleep(1000000);
            }
            Server.Serve("init", new Endpoint(slot), new IInit.Dispatcher(new InitServer()));
        }

        public long Restart(int slot, string name)
        {
            if (Server.CallerBadge != InitContract.SupervisorBadge)
                return (long)SyscallError.InvalidArgument;
            return Restart(name, slot);
        }

        private static long Restart(string name, int supervisorSlot)
        {
            int index = -1;
            for (int i = 0; i < s_started.Count; i++)
                if (s_started[i].Name == name)
                    index = i;
            int supervisor = ProcessSlotOf("supervisor");
            if (index < 0 || supervisor < 0)
                return InitContract.UnknownName;
            Caps.Delete(s_processSlots[index]);
            long pid = s_imageFrames[index] == 0 ? Create(s_started[index], s_processSlots[index])
                : CreateFromFrame(s_started[index], s_processSlots[index], s_imageFrames[index], s_imageLengths[index], false);
            if (pid < 0)
                return pid;
            if (s_imageFrames[index] != 0)
            {
                var process = new ProcessCap(s_processSlots[index]);
                Grant(s_started[index], s_processSlots[index], process);
                process.Resume();
            }
            long e = new ProcessCap(supervisor).Transfer(s_processSlots[index], supervisorSlot, CapRights.Read | CapRights.Manage);
            return e < 0 ? e : pid;
        }

        // Live update (issue 17 item 5; InitContract). The order is what makes it safe:
        //   1. the image is copied into a frame of Init's (the sender may reuse or lose its own; a
        //      later restart needs it) and the loader makes a suspended process of it: a refusal
        //      (InvalidArgument, OutOfMemory) returns here, and the old server never noticed;
        //   2. the old server is offered IDebug.HandOver (nbsend: only a server waiting in its loop
        //      takes it, so it is between calls) with the hand-over page in its slot
        //      HandOverContract.Slot; it writes its state and stops receiving, so the calls that come
        //      meanwhile wait on the endpoint, which is Init's and outlives it;
        //   3. the old server is killed (its device capabilities come back here), the new one gets
        //      the manifest line's capabilities in the same slots (the same endpoint objects: Names'
        //      entry and every client's cap name the new server now), and the page when the old one
        //      wrote it; then it runs, and its Process cap goes to the supervisor's `slot`.
        // Init's budget (the machine's, less the kernel) pays for the new process's limit and the
        // image's frame; the old one's comes back when it dies.
        public long Update(int slot, string name, ulong length, FrameCap image, out long handedOver)
        {
            handedOver = -1;
            long r = Server.CallerBadge != InitContract.SupervisorBadge ? (long)SyscallError.InvalidArgument : Update(name, length, image, out handedOver);
            if (r >= 0)
            {
                int index = IndexOf(name);
                long e = new ProcessCap(ProcessSlotOf("supervisor")).Transfer(s_processSlots[index], slot, CapRights.Read | CapRights.Manage);
                if (e < 0)
                    r = e;
            }
            if (image.Slot != 0)
                Caps.FreeSlot(image.Slot);
            return r;
        }

        private static long Update(string name, ulong length, FrameCap image, out long handedOver)
        {
            handedOver = -1;
            int index = IndexOf(name);
            if (index < 0 || ProcessSlotOf("supervisor") < 0 || name == "supervisor")
                return InitContract.UnknownName;
            long info = Caps.Inspect(image.Slot, out _, out int pages);
            if (image.Slot == 0 || info < 0 || CapInfo.TypeOf(info) != CapType.Frame)
                return (long)SyscallError.InvalidCapability;
            if (length == 0 || length > (ulong)pages * 4096 || length > InitContract.MaxImageBytes)
                return (long)SyscallError.OutOfRange;
            // Each slot is filled before the next is looked for (NewSlot finds empty ones).
            int copy = NewSlot();
            if (copy < 0)
                return (long)SyscallError.OutOfMemory;
            long e = Copy(image, length, copy);
            int process = e == 0 ? NewSlot() : -1;
            if (e == 0)
                e = process < 0 ? (long)SyscallError.OutOfMemory : CreateFromFrame(s_started[index], process, copy, length, true);
            if (e < 0)
            {
                Caps.Destroy(copy);
                Caps.Delete(copy);
                return e;
            }
            long pid = e;
            ManifestEntry entry = s_started[index];
            var old = new ProcessCap(s_processSlots[index]);
            long oldPid = old.Inspect();
            long state = HandOver(entry, old);
            old.Kill();
            Caps.Delete(s_processSlots[index]);
            Caps.Move(process, s_processSlots[index]);
            var fresh = new ProcessCap(s_processSlots[index]);
            Grant(entry, s_processSlots[index], fresh);
            if (state > 0)
                fresh.Transfer(s_stateSlot, HandOverContract.Slot, CapRights.Read);
            fresh.Resume();
            // The image it ran before is no one's now (a boot image stays: it is the kernel's module).
            if (s_imageFrames[index] != 0)
            {
                Caps.Destroy(s_imageFrames[index]);
                Caps.Delete(s_imageFrames[index]);
            }
            s_imageFrames[index] = copy;
            s_imageLengths[index] = length;
            handedOver = state;
            Sys.Write(string.Concat("init: updated ", name, " (pid ", oldPid.ToString(), " -> ", pid.ToString(), ", ",
                state < 0 ? "no state handed over" : string.Concat(state.ToString(), " bytes of state handed over"), ")"));
            return pid;
        }

        // The first `length` bytes of `image` into a new frame of Init's in `slot`: 0 or an error.
        private static unsafe long Copy(FrameCap image, ulong length, int slot)
        {
            int pages = (int)((length + 4095) / 4096);
            long e = Caps.CreateFrame(slot, pages);
            if (e != 0)
                return e;
            e = image.Map(ReceivedAddress, writable: false);
            if (e != 0)
                return e;
            e = new FrameCap(slot).Map(CopyAddress, writable: true);
            if (e == 0)
            {
                ulong* from = (ulong*)ReceivedAddress, to = (ulong*)CopyAddress;
                for (ulong i = 0; i < (length + 7) / 8; i++)
                    to[i] = from[i];
                FrameCap.Unmap(CopyAddress);
            }
            FrameCap.Unmap(ReceivedAddress);
            return e;
        }

        // Offers the old server the hand-over (see Update): the state's length, or -1 when it did
        // not take it (busy for HandOverTries, no endpoint of its own, not a ServerLoop, or stuck).
        // Init runs at high priority, so it does not poll: the old server signals the hand-over
        // notification (a copy badged DoneBit in its slot HandOverContract.Slot + 1) when the page is
        // written, and the same notification's timer (TimeoutBit) bounds the wait.
        private static unsafe long HandOver(ManifestEntry entry, ProcessCap old)
        {
            if (old.Inspect() < 0)
                return -1;
            int endpoint = OwnEndpoint(entry);
            if (endpoint < 0 || !HandOverObjects())
                return -1;
            ulong* page = (ulong*)StateAddress;
            page[0] = 0;
            page[1] = 0;
            var done = new Notification(s_doneSlot);
            done.CancelTimer();
            done.Poll(out _);
            if (old.Transfer(s_stateSlot, HandOverContract.Slot, CapRights.Read | CapRights.Write) != 0
                || Caps.Mint(s_doneSlot, InitSlots.Scratch, CapRights.Write, DoneBit) != 0)
                return -1;
            long given = old.Transfer(InitSlots.Scratch, HandOverContract.Slot + 1, CapRights.Write);
            Caps.Delete(InitSlots.Scratch);
            if (given != 0)
                return -1;
            long sent = -1;
            for (int tries = 0; sent != 0 && tries < HandOverTries; tries++)
            {
                if (tries > 0)
                    Sys.Sleep(10);
                var m = new Message(IDebug.Labels.HandOver, HandOverContract.Slot);
                sent = new Endpoint(endpoint).TrySend(ref m);
            }
            if (sent != 0)
                return -1;
            done.SignalAfter(HandOverWaitMs, TimeoutBit);
            ulong bits = 0;
            while ((bits & (DoneBit | TimeoutBit)) == 0 && done.Wait(out ulong more) == 0)
                bits |= more;
            done.CancelTimer();
            if (page[0] != HandOverContract.Magic || page[1] > HandOverContract.MaxState)
                return -1;
            return (long)page[1];
        }

        // The hand-over page (mapped at StateAddress for good) and notification, made at the first update.
        private static bool HandOverObjects()
        {
            if (s_stateSlot == 0)
            {
                int slot = NewSlot();
                if (slot < 0 || Caps.CreateFrame(slot, 1) != 0)
                    return false;
                if (new FrameCap(slot).Map(StateAddress, writable: true) != 0)
                {
                    Caps.Destroy(slot);
                    Caps.Delete(slot);
                    return false;
                }
                s_stateSlot = slot;     // mapped for good: HandOver writes it
            }
            if (s_doneSlot == 0)
            {
                int slot = NewSlot();
                if (slot < 0 || Caps.CreateNotification(slot) != 0)
                    return false;
                s_doneSlot = slot;
            }
            return true;
        }

        // The endpoint the manifest line grants under the server's own name (`ep:NAME`): Init's slot, or -1.
        private static int OwnEndpoint(ManifestEntry entry)
        {
            string list = ManifestCaps.Find(entry.Arguments);
            var specs = new List<CapSpec>();
            if (list == null || ManifestCaps.Parse(list, specs) != null)
                return -1;
            foreach (CapSpec s in specs)
                if (s.Kind == CapSpecKind.Endpoint && s.Name == entry.Name)
                    return ObjectSlot(s.Name, CapType.Endpoint);
            return -1;
        }

        private static int IndexOf(string name)
        {
            for (int i = 0; i < s_started.Count; i++)
                if (s_started[i].Name == name)
                    return i;
            return -1;
        }

        // A slot of Init's own (below Scratch), or -1.
        private static int NewSlot()
        {
            for (int slot = InitSlots.FirstFree; slot < InitSlots.Scratch; slot++)
                if (Caps.Inspect(slot, out _) == (long)SyscallError.InvalidCapability && slot >= s_nextSlot)
                {
                    s_nextSlot = slot + 1;
                    return slot;
                }
            for (int slot = InitSlots.FirstFree; slot < InitSlots.Scratch; slot++)
                if (Caps.Inspect(slot, out _) == (long)SyscallError.InvalidCapability && !s_objectSlots.Contains(slot))
                    return slot;
            return -1;
        }

        private static void Start(ManifestEntry entry)
        {
            int slot = s_nextSlot++;
            long pid = Create(entry, slot);
            if (pid < 0)
                return;
            s_started.Add(entry);
            s_processSlots.Add(slot);
            s_imageFrames.Add(0);
            s_imageLengths.Add(0);
        }

        // The entry as a process in `slot`, filled with its capabilities, then running: pid or an error.
        private static long Create(ManifestEntry entry, int slot)
        {
            int image = ImageSlot(entry.Image);
            if (image < 0)
            {
                Sys.Write(string.Concat("init: manifest line ", entry.Line.ToString(), ": no boot image '", entry.Image, "' for ", entry.Name));
                return (long)SyscallError.InvalidArgument;
            }
            string text = entry.Arguments.Length == 0 ? entry.Name : string.Concat(entry.Name, " ", entry.Arguments);
            long pid = new BootImageCap(image).Create(slot, text, entry.MemoryLimitBytes, entry.HighPriority);
            if (pid < 0)
            {
                Sys.Write(string.Concat("init: ", entry.Name, " not started: error ", pid.ToString()));
                return pid;
            }
            var process = new ProcessCap(slot);
            Grant(entry, slot, process);
            process.Resume();
            Sys.Write(string.Concat("init: started ", entry.Name, " (pid ", pid.ToString(), ")"));
            return pid;
        }

        // The entry from the image in Init's frame `frame` (an update's), suspended: pid or an
        // error. `handOver`: its arguments name the hand-over slot (Server.TakeOverState).
        private static unsafe long CreateFromFrame(ManifestEntry entry, int slot, int frame, ulong length, bool handOver)
        {
            string text = entry.Arguments.Length == 0 ? entry.Name : string.Concat(entry.Name, " ", entry.Arguments);
            if (handOver)
                text = string.Concat(text, " ", HandOverContract.Argument, HandOverContract.Slot.ToString());
            int n = text.Length < 512 ? text.Length : 512;
            byte* buffer = stackalloc byte[n];
            for (int i = 0; i < n; i++)
                buffer[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            long pid = SysCalls.ProcessCreateFrame((ulong)frame, (ulong)slot, (ulong)buffer,
                ProcessCreateArgs.Pack(n, entry.MemoryLimitBytes >> 10, entry.HighPriority), length, out _);
            if (pid < 0)
                Sys.Write(string.Concat("init: ", entry.Name, ": the new image was refused: error ", pid.ToString()));
            else if (!handOver)
                Sys.Write(string.Concat("init: started ", entry.Name, " from its updated image (pid ", pid.ToString(), ")"));
            return pid;
        }

        // The capabilities of the entry's `caps=` list into `process` (in Init's `slot`), as at boot.
        private static void Grant(ManifestEntry entry, int slot, ProcessCap process)
        {
            string list = ManifestCaps.Find(entry.Arguments);
            if (list != null)
            {
                var specs = new List<CapSpec>();
                string error = ManifestCaps.Parse(list, specs);
                if (error != null)
                    Sys.Write(string.Concat("init: manifest line ", entry.Line.ToString(), ": ", error));
                else
                    for (int i = 0; i < specs.Count; i++)
                    {
                        string problem = Grant(entry, slot, process, specs[i], ManifestCaps.SlotOfItem(i));
                        if (problem != null)
                            Sys.Write(string.Concat("init: ", entry.Name, ": capability ", ManifestCaps.SlotOfItem(i).ToString(), " not granted: ", problem));
                    }
            }
        }

        private static string Grant(ManifestEntry entry, int ownSlot, ProcessCap process, CapSpec s, int theirSlot)
        {
            long e;
            switch (s.Kind)
            {
                case CapSpecKind.Endpoint:
                case CapSpecKind.Notification:
                case CapSpecKind.FaultEndpoint:
                {
                    int mine = ObjectSlot(s.Name, s.Kind == CapSpecKind.Notification ? CapType.Notification : CapType.Endpoint);
                    if (mine < 0)
                        return "out of memory";
                    CapRights rights = s.Kind == CapSpecKind.FaultEndpoint ? CapRights.Write : s.Rights;
                    if (s.Badge != 0)
                    {
                        e = Caps.Mint(mine, InitSlots.Scratch, rights, s.Badge);
                        if (e == 0)
                            e = process.Transfer(InitSlots.Scratch, theirSlot, rights);
                        Caps.Delete(InitSlots.Scratch);
                    }
                    else
                        e = process.Transfer(mine, theirSlot, rights);
                    if (e == 0 && s.Kind == CapSpecKind.FaultEndpoint)
                        e = process.SetFaultEndpoint(new Endpoint(mine));
                    break;
                }
                case CapSpecKind.IoPorts:
                case CapSpecKind.Irq:
                case CapSpecKind.Mmio:
                {
                    int device = DeviceSlot(s);
                    if (device < 0)
                        return "no such device capability (docs/boot-manifest.md lists them)";
                    e = process.Lend(device, theirSlot);
                    if (e == (long)SyscallError.InvalidCapability)
                        return "already lent to another server";
                    break;
                }
                case CapSpecKind.Process:
                {
                    // A server started earlier, Init itself, or the server being created (`ps` rows).
                    int mine = s.Name == "init" ? InitSlots.Self : s.Name == entry.Name ? ownSlot : ProcessSlotOf(s.Name);
                    if (mine < 0)
                        return "no such system server started before this one";
                    e = process.Transfer(mine, theirSlot, s.Rights);
                    break;
                }
                case CapSpecKind.Trace:
                    // A child of Init's (rights only shrink): the holder's dies with it, Init's stays.
                    e = process.Transfer(InitSlots.Trace, theirSlot, s.Rights);
                    break;
                case CapSpecKind.Spawn:
                    return "spawn: is for test entries (the kernel's caps=)";
                default:
                    return "unknown kind";
            }
            return e == 0 ? null : string.Concat("error ", e.ToString());
        }

        // The device capability a manifest item names, by InitSlots.Devices; -1 if none.
        private static int DeviceSlot(CapSpec s)
        {
            string kind = s.Kind == CapSpecKind.IoPorts ? "io" : s.Kind == CapSpecKind.Irq ? "irq" : s.Kind == CapSpecKind.Mmio ? "mmio" : null;
            foreach (var device in InitSlots.Devices)
                if (device.Kind == kind && device.Base == s.Base && (kind == "irq" || device.Count == s.Count))
                    return device.Slot;
            return -1;
        }

        // The endpoint or notification `name`, made on first use; its slot in Init, or -1.
        private static int ObjectSlot(string name, CapType type)
        {
            for (int i = 0; i < s_objectNames.Count; i++)
                if (s_objectNames[i] == name)
                    return s_objectSlots[i];
            if (s_nextSlot >= InitSlots.Scratch)
                return -1;
            int slot = s_nextSlot++;
            long e = type == CapType.Notification ? Caps.CreateNotification(slot) : Caps.CreateEndpoint(slot);
            if (e != 0)
                return -1;
            s_objectNames.Add(name);
            s_objectSlots.Add(slot);
            s_objectNamers.Add(s_creating);
            return slot;
        }

        private static int ProcessSlotOf(string name)
        {
            for (int i = 0; i < s_started.Count; i++)
                if (s_started[i].Name == name)
                    return s_processSlots[i];
            return -1;
        }

        private static int ImageSlot(string image)
        {
            for (int i = 0; i < s_images.Length; i++)
                if (s_images[i] == image)
                    return InitSlots.FirstImage + i;
            return -1;
        }

        // `manifest=OFFSET+BYTES`: the module's text in the manifest's Frame.
        private static string ReadManifest(string where)
        {
            int plus = where == null ? -1 : where.IndexOf('+');
            if (plus < 0 || !int.TryParse(where.Substring(0, plus), out int offset) || !int.TryParse(where.Substring(plus + 1), out int length))
            {
                Sys.Write("init: no boot manifest (the kernel passes manifest=OFFSET+BYTES)");
                return null;
            }
            var frame = new FrameCap(InitSlots.Manifest);
            long e = frame.Map(FrameCap.WindowBase, false);
            if (e != 0)
            {
                Sys.Write(string.Concat("init: cannot map the boot manifest: error ", e.ToString()));
                return null;
            }
            return frame.ReadAscii(FrameCap.WindowBase, offset, length);
        }

        private static string Word(string key)
        {
            foreach (string w in ServerRuntime.Arguments.Split(' '))
                if (w.StartsWith(key))
                    return w.Substring(key.Length);
            return null;
        }
    }
}
