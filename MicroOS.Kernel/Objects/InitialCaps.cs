using System.Collections.Generic;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Manifest;

namespace MicroOS.Kernel.Objects
{
    // The capabilities a server starts with, from its boot manifest line (`caps=`, ManifestCaps.cs).
    // Called by ServerStartup.Start right after the process is created, before it runs. Endpoints and
    // notifications are named boot-wide: the first line naming one creates it and owns it (it is
    // charged to that process and dies with it; list servers before their clients), later lines get
    // capabilities to the same object. A later issue moves this job to Init.
    internal static class InitialCaps
    {
        private const int MaxNamed = 64;
        private static readonly string[] s_names = new string[MaxNamed];
        private static readonly KernelObject[] s_objects = new KernelObject[MaxNamed];
        private static readonly ulong[] s_generations = new ulong[MaxNamed];

        // Parsed once per manifest entry: the kernel heap is never collected and servers restart.
        private static readonly List<ManifestEntry> s_parsedFor = new List<ManifestEntry>();
        private static readonly List<List<CapSpec>> s_parsed = new List<List<CapSpec>>();

        public static void Grant(Process p, ManifestEntry entry)
        {
            List<CapSpec> specs = SpecsFor(entry);
            if (specs == null || specs.Count == 0)
                return;
            ProcessObjects objects = ProcessObjects.Of(p);
            for (int i = 0; i < specs.Count; i++)
            {
                CapSpec s = specs[i];
                CapSlot slot = objects.Caps.At((ulong)(i + 1));
                string problem = GrantOne(p, objects, s, slot);
                if (problem != null)
                {
                    Log.Write("servers: ");
                    Log.Write(p.Name);
                    Log.Write(": capability ");
                    Log.WriteDecimal(i + 1);
                    Log.Write(" not granted: ");
                    Log.Write(problem);
                    Log.Write("\n");
                }
            }
        }

        private static List<CapSpec> SpecsFor(ManifestEntry entry)
        {
            for (int i = 0; i < s_parsedFor.Count; i++)
                if (s_parsedFor[i] == entry)
                    return s_parsed[i];
            string list = ManifestCaps.Find(entry.Arguments);
            List<CapSpec> specs = null;
            if (list != null)
            {
                specs = new List<CapSpec>();
                string error = ManifestCaps.Parse(list, specs);
                if (error != null)
                {
                    Log.WriteLine(string.Concat("warning: manifest caps of '", entry.Name, "': ", error));
                    specs = null;
                }
            }
            s_parsedFor.Add(entry);
            s_parsed.Add(specs);
            return specs;
        }

        private static string GrantOne(Process p, ProcessObjects objects, CapSpec s, CapSlot slot)
        {
            switch (s.Kind)
            {
                case CapSpecKind.Process:
                {
                    Process target = ProcessManager.FindLive(s.Name);
                    if (target == null)
                        return "no such running process (start it earlier)";
                    objects.Caps.InsertOriginal(slot, CapType.Process, s.Rights, 0, target, (ulong)target.Id);
                    return null;
                }
                case CapSpecKind.Endpoint:
                case CapSpecKind.Notification:
                case CapSpecKind.FaultEndpoint:
                {
                    CapType type = s.Kind == CapSpecKind.Notification ? CapType.Notification : CapType.Endpoint;
                    KernelObject obj = FindNamed(s.Name, type);
                    if (obj == null)
                    {
                        obj = type == CapType.Endpoint ? Endpoint.Create(p) : Notification.Create(p);
                        if (obj == null || !objects.TryAdopt(obj))
                            return "out of memory";
                        Remember(s.Name, obj);
                    }
                    objects.Caps.InsertOriginal(slot, type, s.Rights, s.Badge, obj, obj.Generation);
                    if (s.Kind == CapSpecKind.FaultEndpoint)
                    {
                        objects.FaultEndpoint = (Endpoint)obj;
                        objects.FaultGeneration = obj.Generation;
                        obj.HasWeakReferences = true;
                        objects.FaultBadge = (ulong)p.Id;
                    }
                    return null;
                }
                case CapSpecKind.IoPorts:
                {
                    IoPortRange r = IoPortRange.Create(p, (ushort)s.Base, (int)s.Count);
                    if (r == null || !objects.TryAdopt(r))
                        return "out of memory";
                    objects.Caps.InsertOriginal(slot, CapType.IoPortRange, s.Rights, 0, r, r.Generation);
                    return null;
                }
                case CapSpecKind.Irq:
                {
                    IrqLine l = IrqLine.Create(p, (int)s.Base);
                    if (l == null)
                        return "line taken, reserved or out of range";
                    if (!objects.TryAdopt(l))
                        return "out of memory";
                    objects.Caps.InsertOriginal(slot, CapType.IrqLine, s.Rights, 0, l, l.Generation);
                    return null;
                }
                case CapSpecKind.Spawn:
                {
                    ManifestEntry target = ServerStartup.FindEntry(s.Name);
                    if (target == null)
                        return "no such manifest entry";
                    BootImage image = BootImage.Create(p, target);
                    if (image == null || !objects.TryAdopt(image))
                        return "out of memory";
                    objects.Caps.InsertOriginal(slot, CapType.BootImage, s.Rights, 0, image, image.Generation);
                    return null;
                }
                case CapSpecKind.Trace:
                {
                    IpcTraceCap t = IpcTraceCap.Create(p);
                    if (t == null || !objects.TryAdopt(t))
                        return "out of memory";
                    objects.Caps.InsertOriginal(slot, CapType.Trace, s.Rights, 0, t, t.Generation);
                    return null;
                }
                case CapSpecKind.Mmio:
                {
                    Frame f = Frame.CreateDevice(p, s.Base, (int)s.Count);
                    if (f == null || !objects.TryAdopt(f))
                        return "out of memory";
                    objects.Caps.InsertOriginal(slot, CapType.Frame, s.Rights, 0, f, f.Generation);
                    return null;
                }
            }
            return "unknown kind";
        }

        private static KernelObject FindNamed(string name, CapType type)
        {
            for (int i = 0; i < MaxNamed; i++)
                if (s_names[i] != null && s_names[i] == name && s_objects[i].Generation == s_generations[i] && s_objects[i].Type == type)
                    return s_objects[i];
            return null;
        }

        private static void Remember(string name, KernelObject obj)
        {
            int free = -1;
            for (int i = 0; i < MaxNamed; i++)
            {
                if (s_names[i] == null || s_objects[i].Generation != s_generations[i] || s_names[i] == name)
                {
                    free = i;
                    break;
                }
            }
            if (free < 0)
                return;
            s_names[free] = name;
            s_objects[free] = obj;
            s_generations[free] = obj.Generation;
            obj.HasWeakReferences = true;
        }

        // A named object died (KernelObject.Destroy): its memory goes back, so its entry goes.
        public static void Forget(KernelObject obj)
        {
            for (int i = 0; i < MaxNamed; i++)
            {
                if (s_objects[i] == obj)
                {
                    s_objects[i] = null;
                    s_names[i] = null;
                }
            }
        }
    }
}
