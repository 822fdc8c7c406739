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
            long pid = Create(s_started[index], s_processSlots[index]);
            if (pid < 0)
                return pid;
            long e = new ProcessCap(supervisor).Transfer(s_processSlots[index], supervisorSlot, CapRights.Read | CapRights.Manage);
            return e < 0 ? e : pid;
        }

        private static void Start(ManifestEntry entry)
        {
            int slot = s_nextSlot++;
            long pid = Create(entry, slot);
            if (pid < 0)
                return;
            s_started.Add(entry);
            s_processSlots.Add(slot);
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
            process.Resume();
            Sys.Write(string.Concat("init: started ", entry.Name, " (pid ", pid.ToString(), ")"));
            return pid;
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
