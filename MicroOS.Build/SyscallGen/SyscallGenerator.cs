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
            var names = new HashSet<string>();
            for (int i = 0; i < entries.Count; i++)
            {
                if (entries[i].Number != i)
                    throw new FormatException($"syscalls.spec: {entries[i].Name} has number {entries[i].Number}, expected {i}");
                if (!names.Add(entries[i].Name) || !names.Add("C#" + entries[i].CsName))
                    throw new FormatException($"syscalls.spec: {entries[i].Name} repeats a name");
            }
            return entries;
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

        private static readonly HashSet<string> s_types = new() { "Any", "Endpoint", "Notification", "Frame", "IoPortRange", "IrqLine", "Process", "Thread", "BootImage" };
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
