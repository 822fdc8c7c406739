using System.Collections.Generic;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.Manifest
{
    public enum CapSpecKind { Endpoint, Notification, IoPorts, Irq, Mmio, Process, FaultEndpoint, Spawn, Trace }

    public struct CapSpec
    {
        public CapSpecKind Kind;
        public string Name;         // endpoints, notifications: a boot-wide name; process: a manifest server name
        public CapRights Rights;
        public ulong Badge;
        public ulong Base;          // io: first port; irq: line; mmio: physical address
        public ulong Count;         // io: ports; mmio: pages
    }

    // The initial capabilities of a server, from the `caps=` word of its boot manifest arguments:
    //   caps=ITEM,ITEM,...   item i lands in capability slot i + 1 (slot 0 stays empty)
    //   ep:NAME[:RIGHTS[:BADGE]]     an endpoint shared by every line naming NAME (rights r w g m)
    //   ntfn:NAME[:RIGHTS[:BADGE]]   a notification, likewise
    //   io:HEX+COUNT[:RIGHTS]        I/O ports HEX .. HEX+COUNT-1
    //   irq:N[:RIGHTS]               legacy interrupt line N
    //   mmio:HEX+PAGES[:RIGHTS]      device memory as a Frame
    //   proc:NAME[:RIGHTS]           the (already started) process NAME
    //   faultep:NAME                 this process's faults go to endpoint NAME (the slot gets a send cap)
    //   spawn:NAME                   process_start may start manifest entry NAME
    //   trace:RIGHTS                 the kernel's IPC trace ring (r: trace_read, w: trace_control)
    // Pure logic (host tests: KernelLogic/ManifestCapsTests.cs). InitialCaps makes the objects.
    public static class ManifestCaps
    {
        public const string Word = "caps=";
        public const int MaxItems = 32;

        // The capability slot item `index` (0-based) of a list lands in.
        public static int SlotOfItem(int index) => index + 1;

        // The list after `caps=` in the arguments, or null.
        public static string Find(string arguments)
        {
            if (arguments == null)
                return null;
            int at = arguments.IndexOf(Word);
            if (at < 0 || (at > 0 && arguments[at - 1] != ' '))
                return null;
            int end = at;
            while (end < arguments.Length && arguments[end] != ' ')
                end++;
            return arguments.Substring(at + Word.Length, end - at - Word.Length);
        }

        public static string Parse(string list, List<CapSpec> specs)
        {
            string[] items = list.Split(',');
            if (items.Length > MaxItems)
                return "too many capabilities";
            foreach (string item in items)
            {
                string[] f = item.Split(':');
                if (f.Length < 2 || f[1].Length == 0)
                    return string.Concat("bad capability '", item, "'");
                var s = new CapSpec { Rights = CapRights.All };
                string kind = f[0];
                if (kind == "ep") { s.Kind = CapSpecKind.Endpoint; s.Name = f[1]; }
                else if (kind == "ntfn") { s.Kind = CapSpecKind.Notification; s.Name = f[1]; }
                else if (kind == "proc") { s.Kind = CapSpecKind.Process; s.Name = f[1]; }
                else if (kind == "spawn") { s.Kind = CapSpecKind.Spawn; s.Name = f[1]; }
                else if (kind == "trace")
                {
                    // The one ring there is: the second field is its rights (trace:rw), nothing follows.
                    s.Kind = CapSpecKind.Trace;
                    if (f.Length > 2 || !TryRights(f[1], out s.Rights))
                        return string.Concat("bad trace capability '", item, "' (trace:RIGHTS, letters r w)");
                    specs.Add(s);
                    continue;
                }
                else if (kind == "faultep") { s.Kind = CapSpecKind.FaultEndpoint; s.Name = f[1]; s.Rights = CapRights.Write; }
                else if (kind == "irq")
                {
                    s.Kind = CapSpecKind.Irq;
                    if (!TryNumber(f[1], 10, out s.Base) || s.Base > 15)
                        return string.Concat("bad irq in '", item, "'");
                }
                else if (kind == "io" || kind == "mmio")
                {
                    s.Kind = kind == "io" ? CapSpecKind.IoPorts : CapSpecKind.Mmio;
                    int plus = f[1].IndexOf('+');
                    if (plus < 1 || !TryNumber(f[1].Substring(0, plus), 16, out s.Base) || !TryNumber(f[1].Substring(plus + 1), 10, out s.Count) || s.Count == 0)
                        return string.Concat("bad range in '", item, "' (use HEX+COUNT)");
                    if (s.Kind == CapSpecKind.IoPorts && s.Base + s.Count > 0x10000)
                        return string.Concat("ports past 0xFFFF in '", item, "'");
                    if (s.Kind == CapSpecKind.Mmio && ((s.Base & 0xFFF) != 0 || s.Count > 64))
                        return string.Concat("mmio must be page aligned, at most 64 pages: '", item, "'");
                }
                else
                {
                    return string.Concat("unknown capability kind in '", item, "'");
                }
                if (f.Length > 2 && s.Kind != CapSpecKind.FaultEndpoint)
                {
                    if (!TryRights(f[2], out s.Rights))
                        return string.Concat("bad rights in '", item, "' (letters r w g m)");
                }
                if (f.Length > 3)
                {
                    if ((s.Kind != CapSpecKind.Endpoint && s.Kind != CapSpecKind.Notification) || !TryNumber(f[3], 10, out s.Badge) || s.Badge == 0)
                        return string.Concat("bad badge in '", item, "'");
                }
                if (f.Length > 4)
                    return string.Concat("too many fields in '", item, "'");
                specs.Add(s);
            }
            return null;
        }

        public static bool TryRights(string text, out CapRights rights)
        {
            rights = CapRights.None;
            for (int i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case 'r': rights |= CapRights.Read; break;
                    case 'w': rights |= CapRights.Write; break;
                    case 'g': rights |= CapRights.Grant; break;
                    case 'm': rights |= CapRights.Manage; break;
                    case '-': break;
                    default: return false;
                }
            }
            return true;
        }

        private static bool TryNumber(string text, int radix, out ulong value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 16)
                return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
                if (d >= radix)
                    return false;
                value = value * (ulong)radix + (ulong)d;
            }
            return true;
        }
    }
}
