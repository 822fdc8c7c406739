using System.Collections.Generic;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Manifest;

namespace MicroOS.Shared.User
{
    // Capabilities by the names the boot manifest gives them: a server asks for
    // Caps.Endpoint("names"), never for slot 5. Init grants item i of a line's `caps=` list into
    // slot i + 1 and passes the list itself in the server's arguments, so the server reads the same
    // list with the same parser (Manifest/ManifestCaps.cs) and finds the slot by name. A capability
    // the list does not name, one Init could not grant, or one of another type stops the server at
    // start with one line that says which and why: a server never runs on a slot it misread.
    // Slots for objects a server makes itself come from NewSlot, above every granted one.
    public static partial class Caps
    {
        public const int SlotCount = 128;           // a process's table (Kernel/Objects/CapTable.cs DefaultSlotCount)
        private const int FirstOwnSlot = ManifestCaps.MaxItems + 1;
        private static List<CapSpec> s_specs;
        private static readonly bool[] s_taken = new bool[SlotCount];

        public static Endpoint Endpoint(string name) => new Endpoint(Granted(CapSpecKind.Endpoint, name, 0, CapType.Endpoint));
        public static Notification Notification(string name) => new Notification(Granted(CapSpecKind.Notification, name, 0, CapType.Notification));
        public static ProcessCap Process(string name) => new ProcessCap(Granted(CapSpecKind.Process, name, 0, CapType.Process));
        public static IoPorts IoPorts(ushort firstPort) => new IoPorts(Granted(CapSpecKind.IoPorts, null, firstPort, CapType.IoPortRange));
        public static IrqLineCap Irq(int line) => new IrqLineCap(Granted(CapSpecKind.Irq, null, (ulong)line, CapType.IrqLine));
        public static FrameCap DeviceMemory(ulong physicalAddress) => new FrameCap(Granted(CapSpecKind.Mmio, null, physicalAddress, CapType.Frame));
        // `trace:RIGHTS`: the kernel's IPC trace ring (IpcTraceCap.cs); slot 0 when the list does not name it.
        public static int TraceSlot() => SlotOf(CapSpecKind.Trace, null, 0);

        // An optional capability: false (and no complaint) when the list does not name it.
        public static bool TryEndpoint(string name, out Endpoint endpoint)
        {
            endpoint = default;
            if (SlotOf(CapSpecKind.Endpoint, name, 0) == 0)
                return false;
            endpoint = Endpoint(name);
            return true;
        }

        // The slot the list grants as `proc:NAME`, empty or not (Init leaves it empty when it could not
        // start NAME; a restart fills it again); slot 0 when the list does not name it.
        public static ProcessCap ListedProcess(string name) => new ProcessCap(SlotOf(CapSpecKind.Process, name, 0));

        // Every `proc:` name in the list, in order (the supervisor watches them).
        public static List<string> ProcessNames()
        {
            var names = new List<string>();
            foreach (CapSpec s in Specs())
                if (s.Kind == CapSpecKind.Process)
                    names.Add(s.Name);
            return names;
        }

        // An empty slot this server may fill (an object it creates, a capability it receives),
        // never one the manifest's list grants; 0 when the table is full.
        public static int NewSlot()
        {
            for (int slot = FirstOwnSlot; slot < SlotCount; slot++)
                if (!s_taken[slot] && Inspect(slot, out _) == (long)SyscallError.InvalidCapability)
                {
                    s_taken[slot] = true;
                    return slot;
                }
            return 0;
        }

        // A new notification in a new slot: 0, or why not (OutOfMemory: no slot free).
        public static long NewNotification(out Notification notification)
        {
            int slot = NewSlot();
            notification = new Notification(slot);
            return slot == 0 ? (long)SyscallError.OutOfMemory : CreateNotification(slot);
        }

        // Empties a slot from NewSlot and gives it back.
        public static void FreeSlot(int slot)
        {
            if (slot < FirstOwnSlot || slot >= SlotCount)
                return;
            Delete(slot);
            s_taken[slot] = false;
        }

        private static List<CapSpec> Specs()
        {
            if (s_specs != null)
                return s_specs;
            s_specs = new List<CapSpec>();
            string list = ManifestCaps.Find(ServerRuntime.Arguments);
            if (list != null && ManifestCaps.Parse(list, s_specs) != null)
                s_specs.Clear();
            return s_specs;
        }

        private static int SlotOf(CapSpecKind kind, string name, ulong device)
        {
            List<CapSpec> specs = Specs();
            for (int i = 0; i < specs.Count; i++)
                if (specs[i].Kind == kind && (name == null ? specs[i].Base == device : specs[i].Name == name))
                    return ManifestCaps.SlotOfItem(i);
            return 0;
        }

        private static int Granted(CapSpecKind kind, string name, ulong device, CapType type)
        {
            string what = name != null ? string.Concat(KindWord(kind), ":", name) : string.Concat(KindWord(kind), ":", device.ToString("x"));
            int slot = SlotOf(kind, name, device);
            if (slot == 0)
                Stop(string.Concat("no capability ", what, " in its manifest line's caps="));
            long info = Inspect(slot, out _);
            if (info < 0)
                Stop(string.Concat("capability ", what, " (slot ", slot.ToString(), ") was not granted: error ", info.ToString()));
            if (CapInfo.TypeOf(info) != type)
                Stop(string.Concat("capability ", what, " (slot ", slot.ToString(), ") holds ", A(TypeWord(CapInfo.TypeOf(info))), ", not ", A(TypeWord(type))));
            return slot;
        }

        private static void Stop(string why)
        {
            Sys.Write(string.Concat(Server.Name ?? "server", ": cannot start: ", why));
            Sys.Exit(ExitCodeMissingCapability);
        }

        public const int ExitCodeMissingCapability = 2;

        private static string KindWord(CapSpecKind kind)
        {
            switch (kind)
            {
                case CapSpecKind.Endpoint: return "ep";
                case CapSpecKind.Notification: return "ntfn";
                case CapSpecKind.IoPorts: return "io";
                case CapSpecKind.Irq: return "irq";
                case CapSpecKind.Mmio: return "mmio";
                case CapSpecKind.Process: return "proc";
            }
            return "?";
        }

        private static string A(string noun) => string.Concat("aeiouAEIOU".IndexOf(noun[0]) >= 0 ? "an " : "a ", noun);

        private static string TypeWord(CapType type)
        {
            switch (type)
            {
                case CapType.Endpoint: return "endpoint";
                case CapType.Notification: return "notification";
                case CapType.Frame: return "frame";
                case CapType.IoPortRange: return "I/O port range";
                case CapType.IrqLine: return "IRQ line";
                case CapType.Process: return "process";
                case CapType.BootImage: return "boot image";
                case CapType.Thread: return "thread";
                case CapType.Trace: return "IPC trace";
            }
            return "nothing";
        }
    }
}
