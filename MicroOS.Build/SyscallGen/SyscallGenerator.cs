using System;
using System.Collections.Generic;
using System.Text;

namespace MicroOS.Build.SyscallGen
{
    // The syscall ABI's generator (issue 16): reads MicroOS.Shared/Abi/syscalls.spec and gives every
    // place the ABI is written -- the Syscall enum, the kernel's table and decode stubs, the user-side
    // stubs, the blocking mask User.asm includes, the table in docs/capabilities.md. Plain .NET, no
    // Roslyn: its outputs are checked in (reviewable, greppable, no cost in the build) and
    // SyscallSpecTests regenerates them and fails on any difference, so none can drift from the spec.
    public static class SyscallGenerator
    {
        public enum ArgKind { Value, Cap, Held, Destination, UserIn }

        public sealed class Arg
        {
            public string Name = "";
            public ArgKind Kind;
            public string CapType = "";         // Cap: the type, or None for any kind
            public string[] Rights = Array.Empty<string>();
            public int LengthArg = -1;          // UserIn: the argument holding the length
            public ulong Max;                   // UserIn: the longest accepted
            public string Spec = "";            // as written in the spec
            public string Of = "";              // Held, Destination: the cap(Process) argument whose table holds the slot (empty: the caller's)
        }

        public sealed class Entry
        {
            public int Number;
            public string Name = "", CsName = "", Handler = "", Result = "", What = "";
            public bool Blocks;
            public bool Reserved;               // a number the spec skips: no syscall, UnknownSyscall
            public List<Arg> Args = new();

            public bool NeedsStub => Args.Exists(a => a.Kind != ArgKind.Value);
        }

        public static readonly string[] Registers = { "rdi", "rsi", "rdx", "r10", "r8", "r9" };

        // The spec's lines, checked: numbers 0..n-1 in order, unique names, known kinds. Throws with the line.
        public static List<Entry> Parse(string spec)
        {
            var entries = new List<Entry>();
            string[] lines = spec.Replace("\r", "").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith("#"))
                    continue;
                try
                {
                    entries.Add(ParseLine(line));
                }
                catch (FormatException e)
                {
                    throw new FormatException($"syscalls.spec line {i + 1}: {e.Message}");
                }
            }
            // Numbers ascend; a number the spec skips is reserved (helpers and labs claim numbers ahead
            // of one another, and a lab's starter leaves its syscall out): its row answers UnknownSyscall.
            var names = new HashSet<string>();
            var filled = new List<Entry>();
            foreach (Entry e in entries)
            {
                if (e.Number < filled.Count)
                    throw new FormatException($"syscalls.spec: {e.Name} has number {e.Number}, expected {filled.Count} or more (numbers ascend)");
                while (filled.Count < e.Number)
                    filled.Add(ReservedEntry(filled.Count));
                if (!names.Add(e.Name) || !names.Add("C#" + e.CsName))
                    throw new FormatException($"syscalls.spec: {e.Name} repeats a name");
                filled.Add(e);
            }
            return filled;
        }

        private static Entry ReservedEntry(int number) => new Entry
        {
            Number = number,
            Name = "reserved_" + number,
            CsName = "Reserved" + number,
            Handler = "SyscallTable.Reserved",
            Result = "UnknownSyscall",
            What = "no syscall: a number the spec skips",
            Reserved = true,
        };

        // Lab regions in the spec (issue 18): a spec line between `# LAB N BEGIN` and `# LAB N STARTER`
        // is a lab's solution, the `# `-commented lines up to `# LAB N END` its starter (usually none).
        // The outputs are generated from both sides and carry the same regions (WithLabRegions), so
        // `./microos lab start N` leaves a tree whose generated files match its spec, and the student
        // regenerates after writing the line.
        private static readonly System.Text.RegularExpressions.Regex s_labMarker =
            new(@"^\s*#\s*LAB (?<lab>\d+) (?<kind>BEGIN|STARTER|END)\b:?\s*(?<title>.*)$");

        // The labs with regions in the spec, each with its first region's title.
        public static SortedDictionary<int, string> Labs(string spec)
        {
            var labs = new SortedDictionary<int, string>();
            foreach (string line in spec.Replace("\r", "").Split('\n'))
            {
                var m = s_labMarker.Match(line);
                if (m.Success && m.Groups["kind"].Value == "BEGIN" && !labs.ContainsKey(int.Parse(m.Groups["lab"].Value)))
                    labs[int.Parse(m.Groups["lab"].Value)] = m.Groups["title"].Value.Trim();
            }
            return labs;
        }

        // The spec as `lab start lab` leaves it: regions of that lab and later ones become their starters.
        public static string StarterSpec(string spec, int lab)
        {
            var b = new StringBuilder();
            bool inSolution = false, inStarter = false, replace = false;
            foreach (string line in spec.Replace("\r", "").Split('\n'))
            {
                var m = s_labMarker.Match(line);
                if (m.Success)
                {
                    string kind = m.Groups["kind"].Value;
                    if (kind == "BEGIN") { replace = int.Parse(m.Groups["lab"].Value) >= lab; inSolution = true; }
                    else if (kind == "STARTER") { inSolution = false; inStarter = true; }
                    else { inSolution = false; inStarter = false; }
                    continue;
                }
                if (replace && inSolution)
                    continue;
                if (replace && inStarter)
                {
                    string t = line.TrimStart();
                    b.Append(t.StartsWith("#") ? t.Substring(1).TrimStart() : t).Append('\n');
                    continue;
                }
                b.Append(line).Append('\n');
            }
            return b.ToString();
        }

        // One output with its lab regions: generated from the spec (main's side) and from each lab's
        // starter spec; every run of lines where they differ becomes `LAB N BEGIN`, main's lines,
        // `LAB N STARTER`, the starter's lines commented out, `LAB N END` (comment is `//` or `;`).
        public static string WithLabRegions(string spec, Func<List<Entry>, string> generate, string comment)
        {
            List<Entry> mainEntries = Parse(spec);
            string main = generate(mainEntries);
            var labs = Labs(spec);
            if (labs.Count == 0)
                return main;
            string[] lines = SplitLines(main);
            var hunks = new List<(int Start, int End, string[] Starter, int Lab, string Title)>();
            foreach (var lab in labs.Reverse())
                foreach (var h in Diff(lines, SplitLines(generate(Padded(Parse(StarterSpec(spec, lab.Key)), mainEntries.Count)))))
                {
                    // Lab N's starter replaces the regions of every later lab too: a hunk a later lab
                    // (visited first) already claimed is that lab's, not this one's.
                    if (hunks.Exists(x => x.Start == h.Start && x.End == h.End))
                        continue;
                    if (hunks.Exists(x => h.Start < x.End && x.Start < h.End || h.Start == x.Start))
                        throw new FormatException($"syscalls.spec: generated lines of lab {lab.Key} overlap another lab's; keep lab syscalls apart");
                    hunks.Add((h.Start, h.End, h.Starter, lab.Key, lab.Value));
                }
            hunks.Sort((a, b2) => a.Start.CompareTo(b2.Start));
            var o = new StringBuilder();
            int at = 0;
            foreach (var h in hunks)
            {
                for (; at < h.Start; at++)
                    o.Append(lines[at]).Append('\n');
                string sample = "";
                for (int i = h.Start; i < h.End && sample.Trim().Length == 0; i++)
                    sample = lines[i];
                foreach (string s in h.Starter)
                    if (sample.Trim().Length == 0)
                        sample = s;
                string indent = sample.Substring(0, sample.Length - sample.TrimStart().Length);
                o.Append(indent).Append(comment).Append(" LAB ").Append(h.Lab).Append(" BEGIN").Append(h.Title.Length > 0 ? ": " + h.Title : "").Append('\n');
                for (; at < h.End; at++)
                    o.Append(lines[at]).Append('\n');
                o.Append(indent).Append(comment).Append(" LAB ").Append(h.Lab).Append(" STARTER\n");
                foreach (string s in h.Starter)
                {
                    string own = s.Substring(0, s.Length - s.TrimStart().Length);
                    o.Append(s.Trim().Length == 0 ? "" : own + comment + " " + s.TrimStart()).Append('\n');
                }
                o.Append(indent).Append(comment).Append(" LAB ").Append(h.Lab).Append(" END\n");
            }
            for (; at < lines.Length; at++)
                o.Append(lines[at]).Append('\n');
            return main.EndsWith("\n") ? o.ToString() : o.ToString().TrimEnd('\n');
        }

        // A starter keeps the numbers main has: the lab's syscall, left out, is reserved, not gone
        // (so SyscallAbi.Count and every later row stay where they are).
        private static List<Entry> Padded(List<Entry> entries, int count)
        {
            while (entries.Count < count)
                entries.Add(ReservedEntry(entries.Count));
            return entries;
        }

        private static string[] SplitLines(string text)
        {
            string[] lines = text.Split('\n');
            return text.EndsWith("\n") ? lines[..^1] : lines;
        }

        // The runs where b differs from a, as (start, end) in a and b's replacement lines: a longest
        // common subsequence over the lines between the common head and tail.
        private static List<(int Start, int End, string[] Starter)> Diff(string[] a, string[] b)
        {
            int head = 0;
            while (head < a.Length && head < b.Length && a[head] == b[head])
                head++;
            int tail = 0;
            while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
                tail++;
            int n = a.Length - head - tail, m = b.Length - head - tail;
            var lcs = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
                for (int j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            var hunks = new List<(int, int, string[])>();
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[head + x] == b[head + y])
                {
                    x++; y++;
                    continue;
                }
                int sx = x, sy = y;
                while ((x < n || y < m) && !(x < n && y < m && a[head + x] == b[head + y]))
                {
                    if (y >= m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1]))
                        x++;
                    else
                        y++;
                }
                hunks.Add((head + sx, head + x, b[(head + sy)..(head + y)]));
            }
            return hunks;
        }

        private static Entry ParseLine(string line)
        {
            string[] f = line.Split('|');
            if (f.Length != 8)
                throw new FormatException($"expected 8 fields separated by |, found {f.Length}");
            var e = new Entry
            {
                Number = int.Parse(f[0].Trim()),
                Name = f[1].Trim(),
                CsName = f[2].Trim(),
                Handler = f[3].Trim(),
                Result = f[6].Trim(),
                What = f[7].Trim(),
            };
            string blocks = f[4].Trim();
            if (blocks != "blocks" && blocks != "-")
                throw new FormatException($"blocks field is '{blocks}', not 'blocks' or '-'");
            e.Blocks = blocks == "blocks";
            string args = f[5].Trim();
            if (args.Length > 0)
                foreach (string a in SplitArgs(args))
                    e.Args.Add(ParseArg(a.Trim()));
            if (e.Args.Count > Registers.Length)
                throw new FormatException("more than six arguments");
            foreach (Arg a in e.Args)
                if (a.Kind == ArgKind.UserIn)
                {
                    string lengthName = a.Spec.Substring(a.Spec.IndexOf('(') + 1).Split(',')[0].Trim();
                    a.LengthArg = e.Args.FindIndex(x => x.Name == lengthName);
                    if (a.LengthArg < 0 || e.Args[a.LengthArg].Kind != ArgKind.Value)
                        throw new FormatException($"{a.Name}: no value argument '{lengthName}' for its length");
                }
            for (int i = 0; i < e.Args.Count; i++)
                if (e.Args[i].Of != "")
                {
                    int of = e.Args.FindIndex(x => x.Name == e.Args[i].Of);
                    if (of < 0 || of >= i || e.Args[of].Kind != ArgKind.Cap || e.Args[of].CapType != "Process")
                        throw new FormatException($"{e.Args[i].Name}: '{e.Args[i].Of}' is not a cap(Process) argument before it");
                }
            return e;
        }

        // Commas inside parentheses (in(length,4096)) do not separate arguments.
        private static IEnumerable<string> SplitArgs(string s)
        {
            int depth = 0, start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '(') depth++;
                else if (s[i] == ')') depth--;
                else if (s[i] == ',' && depth == 0)
                {
                    yield return s.Substring(start, i - start);
                    start = i + 1;
                }
            }
            yield return s.Substring(start);
        }

        private static readonly HashSet<string> s_types = new() { "Any", "Endpoint", "Notification", "Frame", "IoPortRange", "IrqLine", "Process", "Thread", "BootImage", "Trace" };
        private static readonly HashSet<string> s_rights = new() { "Read", "Write", "Grant", "Manage" };

        private static Arg ParseArg(string s)
        {
            int colon = s.IndexOf(':');
            if (colon <= 0)
                throw new FormatException($"argument '{s}' is not name:kind");
            var a = new Arg { Name = s.Substring(0, colon), Spec = s.Substring(colon + 1) };
            string k = a.Spec;
            if (k == "val")
                a.Kind = ArgKind.Value;
            else if (k == "held" || k.StartsWith("held(") && k.EndsWith(")"))
            {
                a.Kind = ArgKind.Held;
                a.Of = k == "held" ? "" : k.Substring(5, k.Length - 6);
            }
            else if (k == "dst" || k.StartsWith("dst(") && k.EndsWith(")"))
            {
                a.Kind = ArgKind.Destination;
                a.Of = k == "dst" ? "" : k.Substring(4, k.Length - 5);
            }
            else if (k.StartsWith("cap(") && k.EndsWith(")"))
            {
                a.Kind = ArgKind.Cap;
                string[] parts = k.Substring(4, k.Length - 5).Split(':');
                if (!s_types.Contains(parts[0]))
                    throw new FormatException($"{a.Name}: unknown capability type '{parts[0]}'");
                a.CapType = parts[0] == "Any" ? "None" : parts[0];
                a.Rights = parts.Length > 1 ? parts[1].Split('+') : Array.Empty<string>();
                foreach (string r in a.Rights)
                    if (!s_rights.Contains(r))
                        throw new FormatException($"{a.Name}: unknown right '{r}'");
            }
            else if (k.StartsWith("in(") && k.EndsWith(")"))
            {
                a.Kind = ArgKind.UserIn;
                string[] parts = k.Substring(3, k.Length - 4).Split(',');
                if (parts.Length != 2 || !ulong.TryParse(parts[1].Trim(), out a.Max))
                    throw new FormatException($"{a.Name}: in(lengthArg,max) expected");
            }
            else
                throw new FormatException($"{a.Name}: unknown kind '{k}'");
            return a;
        }

        // The table a Held or Destination slot is decoded in: the caller's, or that of the process the
        // named cap(Process) argument (decoded before it) designates. A read (Held) does not attach a
        // table to a process that has none (Held answers InvalidCapability); a Destination does.
        private static string TableOf(Arg a) =>
            a.Of == "" ? "objects"
            : a.Kind == ArgKind.Held ? "((Tasks.Process)" + a.Of + ".Object).Objects"
            : "ProcessObjects.Of((Tasks.Process)" + a.Of + ".Object)";

        private static string RightsExpr(Arg a) =>
            a.Rights.Length == 0 ? "CapRights.None" : string.Join(" | ", Array.ConvertAll(a.Rights, r => "CapRights." + r));

        private const string Banner = "Generated from MicroOS.Shared/Abi/syscalls.spec by MicroOS.Build/SyscallGen/SyscallGenerator.cs: do not edit (SyscallSpecTests).";

        public static ulong BlockingMask(List<Entry> entries)
        {
            ulong mask = 0;
            foreach (Entry e in entries)
                if (e.Blocks)
                {
                    if (e.Number > 63)
                        throw new FormatException($"{e.Name}: a blocking syscall must be numbered below 64 (User.asm's bit test)");
                    mask |= 1UL << e.Number;
                }
            return mask;
        }

        // MicroOS.Shared/Abi/Syscall.g.cs
        public static string Enum(List<Entry> entries)
        {
            var b = new StringBuilder();
            b.Append("// ").Append(Banner).Append('\n');
            b.Append("namespace MicroOS.Shared.Abi\n{\n");
            b.Append("    // System call numbers: `syscall` with the number in rax and arguments in rdi, rsi, rdx, r10, r8, r9.\n");
            b.Append("    // The result comes back in rax: >= 0 is a value, < 0 a SyscallError. docs/capabilities.md lists each call.\n");
            b.Append("    public enum Syscall : ulong\n    {\n");
            foreach (Entry e in entries)
            {
                b.Append("        ").Append(e.CsName).Append(" = ").Append(e.Number).Append(",    // ").Append(e.Name).Append('(');
                b.Append(string.Join(", ", e.Args.ConvertAll(a => a.Name))).Append(") -> ").Append(e.Result).Append('\n');
            }
            b.Append("    }\n\n");
            b.Append("    public static class SyscallAbi\n    {\n");
            b.Append("        // Syscalls 0 .. Count - 1 exist; every number from Count on is UnknownSyscall.\n");
            b.Append("        public const int Count = ").Append(entries.Count).Append(";\n\n");
            b.Append("        // Bit n: syscall n may block (User.asm's BLOCKING_SYSCALLS, Syscalls.g.inc).\n");
            b.Append("        public const ulong BlockingMask = 0x").Append(BlockingMask(entries).ToString("X")).Append(";\n");
            b.Append("    }\n}\n");
            return b.ToString();
        }

        // MicroOS.Shared/Native/Syscalls.g.inc
        public static string AsmInclude(List<Entry> entries)
        {
            var b = new StringBuilder();
            b.Append("; ").Append(Banner).Append('\n');
            b.Append("; The syscalls that may block: User.asm parks the runtime lock around them.\n");
            var names = new List<string>();
            foreach (Entry e in entries)
                if (e.Blocks)
                    names.Add(e.Name);
            b.Append("; ").Append(string.Join(", ", names)).Append('\n');
            b.Append("BLOCKING_SYSCALLS equ 0x").Append(BlockingMask(entries).ToString("X")).Append('\n');
            foreach (Entry e in entries)
                if (e.Name == "yield")
                    b.Append("SYSCALL_YIELD equ ").Append(e.Number).Append('\n');
            return b.ToString();
        }

        // MicroOS.Kernel/Syscalls/SyscallTable.g.cs: the rows, and for each syscall with a capability,
        // slot or user-memory argument a stub that decodes all of them (in argument order) and passes
        // the handler typed, checked values.
        public static string KernelTable(List<Entry> entries)
        {
            var b = new StringBuilder();
            b.Append("// ").Append(Banner).Append('\n');
            b.Append("using MicroOS.Kernel.Objects;\nusing MicroOS.Shared.Abi;\n\n");
            b.Append("namespace MicroOS.Kernel.Syscalls\n{\n");
            b.Append("    internal static unsafe partial class SyscallTable\n    {\n");
            b.Append("        public static readonly Row[] Rows =\n        {\n");
            foreach (Entry e in entries)
            {
                Arg? first = e.Args.Count > 0 && e.Args[0].Kind == ArgKind.Cap ? e.Args[0] : null;
                b.Append("            R(Syscall.").Append(e.CsName).Append(", \"").Append(e.Name).Append("\", ");
                b.Append(first == null ? "CapType.None" : "CapType." + first.CapType).Append(", ");
                b.Append(first == null ? "CapRights.None" : RightsExpr(first)).Append(", ");
                b.Append(e.NeedsStub ? "&Decode" + e.CsName : "&" + e.Handler).Append("),\n");
            }
            b.Append("        };\n");
            foreach (Entry e in entries)
            {
                if (!e.NeedsStub)
                    continue;
                b.Append("\n        // ").Append(e.Name).Append('(').Append(string.Join(", ", e.Args.ConvertAll(a => a.Name + ":" + a.Spec))).Append(")\n");
                b.Append("        private static long Decode").Append(e.CsName).Append("(SyscallFrame* f)\n        {\n");
                var passed = new List<string> { "f" };
                bool needsObjects = e.Args.Exists(a => a.Kind == ArgKind.Cap || a.Kind == ArgKind.Held);
                if (needsObjects)
                    b.Append("            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;\n");
                for (int i = 0; i < e.Args.Count; i++)
                {
                    Arg a = e.Args[i];
                    string reg = "f->Arg" + i;
                    switch (a.Kind)
                    {
                        case ArgKind.Cap:
                            string t = "CapType." + a.CapType, r = RightsExpr(a);
                            b.Append("            CapSlot ").Append(a.Name).Append(" = Invocation.Decode(objects, ").Append(reg).Append(", ").Append(t).Append(", ").Append(r).Append(");\n");
                            b.Append("            if (").Append(a.Name).Append(" == null)\n");
                            b.Append("                return Invocation.DecodeError(objects, ").Append(reg).Append(", ").Append(t).Append(", ").Append(r).Append(");\n");
                            passed.Add(a.Name);
                            break;
                        case ArgKind.Held:
                            b.Append("            CapSlot ").Append(a.Name).Append(" = Invocation.Held(").Append(TableOf(a)).Append(", ").Append(reg).Append(");\n");
                            b.Append("            if (").Append(a.Name).Append(" == null)\n");
                            b.Append("                return (long)SyscallError.InvalidCapability;\n");
                            passed.Add(a.Name);
                            break;
                        case ArgKind.Destination:
                            b.Append("            long ").Append(a.Name).Append("Error = Invocation.Destination(").Append(a.Of == "" ? "" : TableOf(a) + ", ").Append(reg).Append(", out CapSlot ").Append(a.Name).Append(");\n");
                            b.Append("            if (").Append(a.Name).Append("Error != 0)\n");
                            b.Append("                return ").Append(a.Name).Append("Error;\n");
                            passed.Add(a.Name);
                            break;
                        case ArgKind.UserIn:
                            string len = "f->Arg" + a.LengthArg;
                            b.Append("            if (").Append(len).Append(" > ").Append(a.Max).Append(")\n");
                            b.Append("                return (long)SyscallError.InvalidArgument;\n");
                            b.Append("            SyscallError? ").Append(a.Name).Append("Error = UserSpan.TryCreate(").Append(reg).Append(", ").Append(len).Append(", out UserSpan ").Append(a.Name).Append(");\n");
                            b.Append("            if (").Append(a.Name).Append("Error != null)\n");
                            b.Append("                return (long)").Append(a.Name).Append("Error.Value;\n");
                            passed.Add(a.Name);
                            break;
                    }
                }
                b.Append("            return ").Append(e.Handler).Append('(').Append(string.Join(", ", passed)).Append(");\n");
                b.Append("        }\n");
            }
            b.Append("    }\n}\n");
            return b.ToString();
        }

        // MicroOS.Shared/User/SysCalls.g.cs: one stub per syscall, arguments in register order. The
        // short form (at most four arguments, the result in rax) is one `syscall` through mos_syscall;
        // the long form returns the six result registers too (mos_ipc).
        public static string UserStubs(List<Entry> entries)
        {
            var b = new StringBuilder();
            b.Append("// ").Append(Banner).Append('\n');
            b.Append("using MicroOS.Shared.Abi;\n\n");
            b.Append("namespace MicroOS.Shared.User\n{\n");
            b.Append("    // Every syscall as a typed stub (raw words: slots and values as ulong). The wrappers in Sys.cs,\n");
            b.Append("    // Ipc.cs and Endpoint.cs give them meaning; a server may call these directly.\n");
            b.Append("    public static unsafe class SysCalls\n    {\n");
            foreach (Entry e in entries)
            {
                if (e.Reserved)
                    continue;
                string parameters = string.Join(", ", e.Args.ConvertAll(a => "ulong " + Identifier(a.Name)));
                b.Append("        // ").Append(e.Name).Append(": ").Append(e.What).Append(" -> ").Append(e.Result).Append('\n');
                if (e.Args.Count <= 4)
                {
                    var words = new List<string>();
                    for (int i = 0; i < 4; i++)
                        words.Add(i < e.Args.Count ? Identifier(e.Args[i].Name) : "0");
                    b.Append("        public static long ").Append(e.CsName).Append('(').Append(parameters).Append(") =>\n");
                    b.Append("            Sys.Raw((ulong)Syscall.").Append(e.CsName).Append(", ").Append(string.Join(", ", words)).Append(");\n");
                }
                b.Append("        public static long ").Append(e.CsName).Append('(').Append(parameters).Append(parameters.Length > 0 ? ", " : "").Append("out IpcRegisters result)\n        {\n");
                b.Append("            IpcRegisters r;\n");
                for (int i = 0; i < 6; i++)
                    b.Append("            r.A").Append(i).Append(" = ").Append(i < e.Args.Count ? Identifier(e.Args[i].Name) : "0").Append(";\n");
                b.Append("            long rax = Ipc.Raw((ulong)Syscall.").Append(e.CsName).Append(", &r);\n");
                b.Append("            result = r;\n            return rax;\n        }\n\n");
            }
            b.Length -= 1;
            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static string Identifier(string name) => name == "unused" ? "unused" : name;

        public const string DocsBegin = "<!-- syscalls:begin (generated from MicroOS.Shared/Abi/syscalls.spec: edit the spec, then regenerate, SyscallSpecTests) -->";
        public const string DocsEnd = "<!-- syscalls:end -->";

        // The section of docs/capabilities.md between DocsBegin and DocsEnd.
        public static string DocsTable(List<Entry> entries)
        {
            var b = new StringBuilder();
            b.Append(DocsBegin).Append('\n');
            b.Append("| # | syscall | arguments (rdi, rsi, rdx, r10, r8, r9) | result (rax; more registers) | blocks | what |\n");
            b.Append("|---|---|---|---|---|---|\n");
            foreach (Entry e in entries)
            {
                var args = e.Args.ConvertAll(a => a.Kind switch
                {
                    ArgKind.Cap => $"{a.Name}: {(a.CapType == "None" ? "any" : a.CapType)} cap" + (a.Rights.Length > 0 ? $" ({string.Join("+", a.Rights)})" : ""),
                    ArgKind.Held => $"{a.Name}: a held slot",
                    ArgKind.Destination => $"{a.Name}: an empty slot",
                    ArgKind.UserIn => $"{a.Name}: user bytes (≤ {a.Max})",
                    _ => a.Name,
                });
                b.Append("| ").Append(e.Number).Append(" | `").Append(e.Name).Append("` | ").Append(args.Count == 0 ? "—" : string.Join(", ", args));
                b.Append(" | ").Append(e.Result).Append(" | ").Append(e.Blocks ? "yes" : "").Append(" | ").Append(e.What).Append(" |\n");
            }
            b.Append(DocsEnd);
            return b.ToString();
        }

        // The docs file with its generated section replaced (the markers must be there once each).
        public static string ReplaceDocsSection(string docs, string section)
        {
            int begin = docs.IndexOf(DocsBegin, StringComparison.Ordinal);
            int end = docs.IndexOf(DocsEnd, StringComparison.Ordinal);
            if (begin < 0 || end < begin)
                throw new FormatException("docs/capabilities.md lacks the syscalls:begin/end markers");
            return docs.Substring(0, begin) + section + docs.Substring(end + DocsEnd.Length);
        }
    }
}
