using System.Collections.Generic;
using System.Text;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Manifest;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `capgraph`: who may talk to whom, live. The supervisor reads every process it holds a Process
    // cap of (ISupervisor.List, CapsOf: process_cap_read), and each capability becomes one edge from
    // its holder: an endpoint or notification to the process that receives on it (the holder with
    // `r` in a manifest slot, else in a run-time one, init only if nobody else has it), a device (io
    // ports, irq, device frame) to a node of its own, a Process cap to that process. Printed twice:
    // one line per capability (the human form, which MicroOS.Tests/Boot/CapGraphTests.cs checks
    // against the manifest's caps=) and Graphviz DOT between marker lines (`./microos capgraph` renders it; docs/capabilities.md says how to read it).
    // Init's own caps are left out: it holds the creator's copy of every object (counted, not drawn).
    // Slots past the manifest's (ManifestCaps.MaxItems) were acquired at run time (Caps.NewSlot): marked,
    // dashed. (A hand-written driver's fixed low slots cannot be told apart from granted ones here.)
    internal static class CapGraphCommand
    {
        public const string Usage = "usage: capgraph\n";
        public const string DotBegin = "--- capgraph dot begin ---", DotEnd = "--- capgraph dot end ---";

        private sealed class Holding
        {
            public string Holder;
            public CapRecord Cap;
            public string Target;
        }

        public static void Run(ISupervisor.Client supervisor, System.Action<string> print)
        {
            if (supervisor.List(out ServerRecord[] servers) != 0)
            {
                print("capgraph: supervisor not available\n");
                return;
            }
            var held = new List<Holding>();
            var unreadable = new List<string>();
            var initCaps = new List<CapRecord>();
            foreach (ServerRecord s in servers)
            {
                if (s.State != ServerState.Running || supervisor.CapsOf(s.Name, out CapRecord[] caps) != 0)
                {
                    unreadable.Add(s.Name);
                    continue;
                }
                foreach (CapRecord c in caps)
                {
                    if (s.Name == "init")
                        initCaps.Add(c);
                    else
                        held.Add(new Holding { Holder = s.Name, Cap = c });
                }
            }
            foreach (Holding h in held)
                h.Target = Target(h.Cap, held, initCaps, servers);

            // Printed as it goes, a few lines at a time: the whole graph at once would not fit the
            // shell's heap (512K for the process; the text is several KiB, twice over while it grows).
            var text = new Output(print);
            text.Append(string.Concat("capgraph: ", servers.Length.ToString(), " processes, ", held.Count.ToString(), " capabilities (init's ",
                initCaps.Count.ToString(), " not drawn: the creator's copy of every object)\n"));
            foreach (ServerRecord s in servers)
                text.Append(string.Concat("process ", s.Pid.ToString(), " ", s.Name, Has(unreadable, s.Name) ? " not readable by the supervisor" : "", "\n"));
            foreach (Holding h in held)
            {
                text.Append(string.Concat(h.Holder, " -> ", h.Target, " ", Object(h.Cap), " ", CapText.Rights(h.Cap.Rights)));
                text.Append(string.Concat(" badge ", h.Cap.Badge.ToString(), " slot ", h.Cap.Slot.ToString(), RunTime(h.Cap) ? " run-time" : "", "\n"));
            }
            Dot(text, servers, unreadable, held);
            text.Flush();
        }

        // Lines collected up to about 1 KiB, then printed.
        private sealed class Output
        {
            private const int Chunk = 1024;
            private readonly System.Action<string> _print;
            private readonly StringBuilder _text = new StringBuilder();

            public Output(System.Action<string> print) => _print = print;

            public void Append(string s)
            {
                _text.Append(s);
                if (_text.Length >= Chunk)
                    Flush();
            }

            public void Flush()
            {
                if (_text.Length == 0)
                    return;
                _print(_text.ToString());
                _text.Clear();
            }
        }

        private static bool Has(List<string> list, string name)
        {
            foreach (string s in list)
                if (s == name)
                    return true;
            return false;
        }

        private static bool RunTime(CapRecord c) => c.Slot > ManifestCaps.MaxItems;

        private static bool IsDevice(CapRecord c) =>
            c.Type == CapType.IoPortRange || c.Type == CapType.IrqLine || c.Type == CapType.Frame && c.Device != 0;

        // "endpoint#26", "ioports:3f8+8", "frame:b8000+1", "process#2".
        private static string Object(CapRecord c) => IsDevice(c)
            ? string.Concat(CapText.TypeName(c.Type), CapText.Device(c.Type, c.Device))
            : string.Concat(CapText.TypeName(c.Type), "#", c.ObjectId.ToString());

        private static string Target(CapRecord c, List<Holding> held, List<CapRecord> initCaps, ServerRecord[] servers)
        {
            if (IsDevice(c))
                return Object(c);
            if (c.Type == CapType.Process)
            {
                // A Process cap's object is the process (its id is the pid).
                foreach (ServerRecord s in servers)
                    if ((ulong)s.Pid == c.ObjectId)
                        return s.Name;
                return Object(c);
            }
            if (c.Type == CapType.Endpoint || c.Type == CapType.Notification)
            {
                // A receiver by its manifest line first: Names holds the endpoints registered with it,
                // with `r`, but does not receive on them.
                for (int pass = 0; pass < 2; pass++)
                    foreach (Holding h in held)
                        if (h.Cap.ObjectId == c.ObjectId && h.Cap.Type == c.Type && (h.Cap.Rights & CapRights.Read) != 0 && RunTime(h.Cap) == (pass == 1))
                            return h.Holder;
                foreach (CapRecord i in initCaps)
                    if (i.ObjectId == c.ObjectId && i.Type == c.Type && (i.Rights & CapRights.Read) != 0)
                        return "init";
            }
            return Object(c);
        }

        private static void Dot(Output text, ServerRecord[] servers, List<string> unreadable, List<Holding> held)
        {
            text.Append(string.Concat(DotBegin, "\n"));
            text.Append("digraph capgraph {\n  rankdir=LR;\n  node [fontname=\"monospace\", fontsize=10];\n  edge [fontname=\"monospace\", fontsize=8];\n");
            // Processes: what each receives on (its own endpoints and notifications) in its box.
            foreach (ServerRecord s in servers)
            {
                string label = string.Concat(s.Name, " (pid ", s.Pid.ToString(), ")");
                foreach (Holding h in held)
                    if (h.Holder == s.Name && h.Target == s.Name && h.Cap.Type != CapType.Process)
                        label = string.Concat(label, "\\nreceives ", Object(h.Cap), " ", CapText.Rights(h.Cap.Rights));
                if (Has(unreadable, s.Name))
                    label = string.Concat(label, "\\n(not readable)");
                text.Append(string.Concat("  \"", s.Name, "\" [shape=box, style=rounded, label=\"", label, "\"];\n"));
            }
            var devices = new List<string>();
            foreach (Holding h in held)
                if (IsDevice(h.Cap) && !Has(devices, h.Target))
                {
                    devices.Add(h.Target);
                    text.Append(string.Concat("  \"", h.Target, "\" [shape=note, style=filled, fillcolor=\"#fff3c4\"];\n"));
                }
            foreach (Holding h in held)
            {
                if (h.Holder == h.Target && h.Cap.Type != CapType.Process)
                    continue;       // in the holder's box
                string label = IsDevice(h.Cap) ? CapText.Rights(h.Cap.Rights) : string.Concat(Object(h.Cap), " ", CapText.Rights(h.Cap.Rights));
                if (h.Cap.Badge != 0)
                    label = string.Concat(label, " badge ", h.Cap.Badge.ToString());
                string style = h.Cap.Type == CapType.Process ? ", style=dotted, color=gray40"
                    : h.Cap.Type == CapType.Notification ? ", color=blue"
                    : IsDevice(h.Cap) ? ", color=darkorange3" : "";
                if (RunTime(h.Cap))
                    style = string.Concat(style, ", style=dashed");
                text.Append(string.Concat("  \"", h.Holder, "\" -> \"", h.Target, "\" [label=\"", label, "\"", style, "];\n"));
            }
            text.Append(string.Concat("}\n", DotEnd, "\n"));
        }
    }
}
