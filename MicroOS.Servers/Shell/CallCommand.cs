using System.Collections.Generic;
using System.Text;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `call NAME METHOD [ARGS...]` and `contracts [NAME]`: any server's contract, from the shell,
    // with no code of the server's compiled in. The server describes itself (every generated
    // Dispatcher answers ContractInfo.DescribeLabel: MicroOS.Shared/Contracts/ContractInfo.cs), and
    // the request and reply are marshalled here by the description, with the generator's layout:
    // integer parameters in W0..W3 in order, strings in the payload (the last one without its
    // length), the result in the reply's W0, integer outs in W1..W3, the rest in the payload.
    // Arguments are ints (decimal or 0x hex, range-checked by the parameter's size), booleans (true,
    // false) and strings ("quoted" for spaces, \" and \\ inside); a parameter the shell cannot make
    // (a capability, bytes, records) makes its method listed but refused. NAME is an endpoint the
    // shell holds by that name (console, supervisor, names), else Names' lookup, freed after.
    internal static class CallCommand
    {
        public const string Usage = "usage: call NAME METHOD [ARGS...] (contracts NAME lists the methods)\n";
        public const string ContractsUsage = "usage: contracts [NAME]\n";

        public static string Call(string line, Endpoint names)
        {
            List<string> args = Tokens(line, out string bad);
            if (bad != null)
                return string.Concat("call: ", bad, "\n");
            // `call --count N NAME METHOD ARGS...`: the same call N times (tools/bench.sh's `call round
            // trip`), the last result printed, then the guest instructions per call: the timestamp
            // counter, which advances one per instruction under QEMU's -icount shift=0 (the figure
            // covers the lookup, the describe request, the call and the result's text, not its printing).
            if (args.Count >= 3 && args[1] == "--count")
            {
                if (!int.TryParse(args[2], out int count) || count < 1 || count > 1000000)
                    return "call: --count takes 1..1000000\n";
                args.RemoveRange(1, 2);
                if (args.Count < 3)
                    return Usage;
                string result = null;
                ulong t0 = Sys.ReadTimestamp();
                for (int i = 0; i < count; i++)
                    result = Once(args, names);
                ulong t1 = Sys.ReadTimestamp();
                return string.Concat(result, "call: ", count.ToString(), " calls, ", ((t1 - t0) / (ulong)count).ToString(), " instructions per call (TSC; -icount shift=0)\n");
            }
            if (args.Count < 3)
                return Usage;
            return Once(args, names);
        }

        private static string Once(List<string> args, Endpoint names)
        {
            string name = args[1], methodName = args[2];
            string error = Find(name, names, out Endpoint server, out bool owned);
            if (error != null)
                return string.Concat("call: ", error, "\n");
            string result = Call(name, server, methodName, args);
            if (owned)
                Caps.FreeSlot(server.Slot);
            return result;
        }

        public static string Contracts(string[] words, Endpoint names, ISupervisor.Client supervisor)
        {
            if (words.Length == 2)
            {
                string error = Find(words[1], names, out Endpoint server, out bool owned);
                if (error != null)
                    return string.Concat("contracts: ", error, "\n");
                string text = Describe(server, out ContractInfo info);
                if (owned)
                    Caps.FreeSlot(server.Slot);
                return info == null ? string.Concat("contracts: ", words[1], " ", text, "\n") : Methods(words[1], info);
            }
            if (words.Length != 1)
                return ContractsUsage;
            // Every server the supervisor lists, as far as it can be reached and describes itself.
            if (supervisor.List(out ServerRecord[] servers) != 0)
                return "contracts: supervisor not available\n";
            var sb = new StringBuilder();
            foreach (ServerRecord s in servers)
            {
                string line;
                if (s.State != ServerState.Running)
                    line = "not running";
                else if (Find(s.Name, names, out Endpoint server, out bool owned) != null)
                    line = "not reachable by name";
                else
                {
                    line = Describe(server, out ContractInfo info);
                    if (owned)
                        Caps.FreeSlot(server.Slot);
                    if (info != null)
                        line = string.Concat(info.Name, " (", info.Methods.Length.ToString(), info.Methods.Length == 1 ? " method)" : " methods)");
                }
                sb.Append(string.Concat(s.Name, ": ", line, "\n"));
            }
            return sb.ToString();
        }

        // The endpoint of `name`: one of the shell's own (not to be freed), or Names' answer (freed by the caller).
        internal static string Find(string name, Endpoint names, out Endpoint server, out bool owned)
        {
            owned = false;
            if (Caps.TryEndpoint(name, out server))
                return null;
            if (Caps.Inspect(names.Slot, out _) < 0)
                return "names not available";
            long found = new INames.Client(names).Lookup(name, out server);
            if (found < 0)
                return string.Concat("names not available (", found.ToString(), ")");
            if (found == (long)NamesError.BadName)
                return string.Concat("'", name, "' is not a server name (1..32 of a-z 0-9 -)");
            if (found != 0)
                return string.Concat("no server named '", name, "'");
            owned = true;
            return null;
        }

        // Asks the server for its contract; on failure `info` is null and the text says why.
        internal static string Describe(Endpoint server, out ContractInfo info)
        {
            info = null;
            var m = new Message(ContractInfo.DescribeLabel);
            long r = server.Call(ref m);
            if (m.Tag.CapCount != 0)
                IpcBuffer.DropReceived();
            if (r < 0)
                return string.Concat("did not answer (", SyscallErrors.Name(r), ")");
            if (m.Label != ContractInfo.DescribeLabel || m.W0 != 0 || m.W1 != ContractInfo.Version)
                return "does not describe its contract (not a generated dispatcher)";
            info = ContractInfo.Read(m.Tag.Length);
            return info == null ? "sent a malformed contract description" : null;
        }

        private static string Methods(string name, ContractInfo info)
        {
            var sb = new StringBuilder();
            sb.Append(string.Concat(name, ": ", info.Name, "\n"));
            foreach (ContractMethod m in info.Methods)
            {
                string why = Uncallable(m);
                sb.Append(string.Concat("  ", m.Signature(), why == null ? "" : string.Concat("  [not callable from the shell: ", why, "]"), "\n"));
            }
            return sb.ToString();
        }

        // Why the shell cannot make this method's request (a parameter it has no way to build); null if it can.
        private static string Uncallable(ContractMethod m)
        {
            foreach (ContractParam p in m.Params)
            {
                if (p.Out)
                    continue;
                if (p.IsCapability)
                    return string.Concat(p.Name, " is a capability (", p.Type, ")");
                if (p.Kind == ParamKind.Bytes || p.Kind == ParamKind.Records)
                    return string.Concat(p.Name, " is ", p.Type);
            }
            return null;
        }

        private static string Call(string name, Endpoint server, string methodName, List<string> args)
        {
            string described = Describe(server, out ContractInfo info);
            if (info == null)
                return string.Concat("call: ", name, " ", described, "\n");
            ContractMethod method = info.Method(methodName);
            if (method == null)
                return UsageOf(name, info, string.Concat("no method '", methodName, "' in ", info.Name));
            string why = Uncallable(method);
            if (why != null)
                return string.Concat("call: ", method.Name, " cannot be called from the shell: ", why, "\n");

            int given = args.Count - 3, wanted = 0;
            foreach (ContractParam p in method.Params)
                if (!p.Out)
                    wanted++;
            if (given != wanted)
                return UsageOf(name, info, string.Concat(method.Name, " takes ", wanted.ToString(), " argument", wanted == 1 ? "" : "s", ", not ", given.ToString()));

            // The request: words and payload, in parameter order.
            var words = new ulong[4];
            var request = Payload.Writer();
            int a = 3;
            foreach (ContractParam p in method.Params)
            {
                if (p.Out)
                    continue;
                string arg = args[a++];
                if (p.IsWord)
                {
                    if (!ParseWord(arg, p, out ulong w))
                        return UsageOf(name, info, string.Concat(p.Name, " is ", p.Type, ": '", arg, "' is not ", Expected(p)));
                    words[p.Word] = w;
                }
                else
                    request.WriteString(arg, p.Rest);
            }
            if (request.Failed)
                return "call: the arguments do not fit in a message\n";
            var m = new Message(method.Label, words[0], words[1], words[2], words[3]);
            m.Tag = MessageTag.Of(method.Label, request.Length);
            long r = server.Call(ref m);
            if (r < 0)
                return string.Concat("call: ", name, " did not answer (", SyscallErrors.Name(r), ")\n");
            bool capReceived = m.Tag.CapCount != 0;
            if (capReceived)
                IpcBuffer.DropReceived();       // the shell keeps nothing it did not ask to keep
            if (m.Label != method.Label)
                return string.Concat("call: ", name, " sent a malformed reply (label ", m.Label.ToString(), ")\n");
            long status = unchecked((long)m.W0);
            if (status < 0)
                return string.Concat(method.Name, " -> error ", status.ToString(), ErrorName(status), "\n");

            // The reply: the result, then each out parameter.
            var sb = new StringBuilder();
            sb.Append(string.Concat(method.Name, " -> ", status.ToString(), "\n"));
            var reply = Payload.Reader(m.Tag.Length);
            foreach (ContractParam p in method.Params)
            {
                if (!p.Out)
                    continue;
                sb.Append(string.Concat("  ", p.Name, " = "));
                if (p.IsWord)
                    sb.Append(WordText(p.Word == 1 ? m.W1 : p.Word == 2 ? m.W2 : m.W3, p));
                else if (p.IsCapability)
                    sb.Append(capReceived ? "a capability (released: the shell keeps none)" : "no capability");
                else if (p.Kind == ParamKind.Records)
                {
                    int count = reply.ReadCount(1);
                    sb.Append(string.Concat(count.ToString(), " record", count == 1 ? "" : "s"));
                    for (int i = 0; i < count && !reply.Failed; i++)
                    {
                        sb.Append(string.Concat("\n    [", i.ToString(), "]"));
                        foreach (ContractParam f in p.Fields)
                        {
                            string value = f.Kind == ParamKind.String ? Quote(reply.ReadString(false)) : WordText(reply.ReadInteger(f.Size), f);
                            sb.Append(string.Concat(" ", f.Name, "=", value));
                        }
                    }
                }
                else if (p.Kind == ParamKind.Bytes)
                {
                    byte[] bytes = reply.ReadBytes(p.Rest);
                    sb.Append(string.Concat((bytes == null ? 0 : bytes.Length).ToString(), " bytes"));
                }
                else
                    sb.Append(Quote(reply.ReadString(p.Rest)));
                sb.Append('\n');
            }
            if (!reply.AtEnd)
                return string.Concat("call: ", name, " sent a malformed reply (its payload does not match ", method.Name, ")\n");
            return sb.ToString();
        }

        // A usage error: what was wrong, then the contract's methods with their signatures.
        private static string UsageOf(string name, ContractInfo info, string what) =>
            string.Concat("call: ", what, "\n", Methods(name, info));

        private static string Expected(ContractParam p)
        {
            switch (p.Kind)
            {
                case ParamKind.Bool: return "true or false";
                case ParamKind.Char: return "one character";
                case ParamKind.Signed: return string.Concat("an integer of ", (p.Size * 8).ToString(), " bits");
                default: return string.Concat("an unsigned integer of ", (p.Size * 8).ToString(), " bits");
            }
        }

        private static string ErrorName(long status)
        {
            if (status == ContractError.BadMessage) return " (BadMessage: the server could not decode the request)";
            if (status == ContractError.BadReply) return " (BadReply)";
            if (status == ContractError.TooLarge) return " (TooLarge)";
            if (status >= -12) return string.Concat(" (", SyscallErrors.Name(status), ")");
            return " (the server's own error)";
        }

        // An argument as the word the generated client would send for this parameter.
        private static bool ParseWord(string text, ContractParam p, out ulong word)
        {
            word = 0;
            switch (p.Kind)
            {
                case ParamKind.Bool:
                    if (text == "true") { word = 1; return true; }
                    if (text == "false") return true;
                    return false;
                case ParamKind.Char:
                    if (text.Length != 1) return false;
                    word = text[0];
                    return true;
            }
            bool negative = text.Length > 0 && text[0] == '-';
            if (negative && p.Kind != ParamKind.Signed)
                return false;
            int i = negative ? 1 : 0;
            ulong radix = 10;
            if (text.Length > i + 2 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
            {
                radix = 16;
                i += 2;
            }
            if (i >= text.Length)
                return false;
            ulong v = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                ulong d = c >= '0' && c <= '9' ? (ulong)(c - '0') : radix == 16 && c >= 'a' && c <= 'f' ? (ulong)(c - 'a' + 10)
                    : radix == 16 && c >= 'A' && c <= 'F' ? (ulong)(c - 'A' + 10) : 99;
                if (d >= radix || v > (ulong.MaxValue - d) / radix)
                    return false;
                v = v * radix + d;
            }
            int bits = p.Size * 8;
            if (p.Kind == ParamKind.Signed)
            {
                ulong limit = 1UL << (bits - 1);        // |minimum|; the maximum is one less
                if (negative ? v > limit : v >= limit)
                    return false;
                word = negative ? unchecked(0 - v) : v;
                return true;
            }
            if (bits < 64 && v >> bits != 0)
                return false;
            word = v;
            return true;
        }

        // A word as the parameter's type reads it.
        private static string WordText(ulong w, ContractParam p)
        {
            switch (p.Kind)
            {
                case ParamKind.Bool: return w != 0 ? "true" : "false";
                case ParamKind.Char: return string.Concat("'", ((char)(ushort)w).ToString(), "'");
                case ParamKind.Signed:
                {
                    int shift = 64 - p.Size * 8;
                    return (unchecked((long)(w << shift)) >> shift).ToString();
                }
                default:
                    return (p.Size == 8 ? w : w & ((1UL << (p.Size * 8)) - 1)).ToString();
            }
        }

        private static string Quote(string s) => string.Concat("\"", s ?? "", "\"");

        // The line's words: spaces separate them, "double quotes" keep spaces in one (\" and \\ inside).
        private static List<string> Tokens(string line, out string bad)
        {
            bad = null;
            var tokens = new List<string>();
            int i = 0;
            while (i < line.Length)
            {
                if (line[i] == ' ')
                {
                    i++;
                    continue;
                }
                var word = new StringBuilder();
                if (line[i] == '"')
                {
                    i++;
                    while (i < line.Length && line[i] != '"')
                    {
                        if (line[i] == '\\' && i + 1 < line.Length)
                            i++;
                        word.Append(line[i++]);
                    }
                    if (i >= line.Length)
                    {
                        bad = "a quote is not closed";
                        return tokens;
                    }
                    i++;
                }
                else
                    while (i < line.Length && line[i] != ' ')
                        word.Append(line[i++]);
                tokens.Add(word.ToString());
            }
            return tokens;
        }
    }
}
