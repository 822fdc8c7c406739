using MicroOS.Shared.User;

namespace MicroOS.Shared.Contracts
{
    // A contract as data, at run time: its name, and per method its label, name, parameters (name,
    // type, kind, direction) — what the generator (MicroOS.Build/Contracts/ContractGenerator.cs)
    // knows at compile time, written out as `IFoo.Description.Info` for every [Contract], listed in
    // ContractIndex.All for the contracts of MicroOS.Shared. Two uses: a tool names a message by
    // (contract, label) (Method(label)); and every generated Dispatcher answers DescribeLabel with
    // Write's encoding, so a client that knows nothing of a server at compile time (the shell's
    // `call` and `contracts`) reads its contract with Read and marshals by the same layout rules.
    //
    // The describe exchange: request label DescribeLabel, no payload, no capability (anything else:
    // ContractError.BadMessage); reply label DescribeLabel, W0 = 0, W1 = Version, payload =
    //   string name, u16 method count, per method:
    //     u32 label, string name, u8 parameter count, per parameter:
    //       u8 flags (FlagOut, FlagRest), u8 kind (ParamKind), u8 size (a word's bytes), string name,
    //       string type; for Records: u8 field count, per field: u8 kind, u8 size, string name
    // (strings with their 2-byte length, Payload's layout). One page at most: a contract whose
    // description does not fit is answered with ContractError.TooLarge (ContractInfoTests checks
    // every contract of the tree fits).
    public sealed class ContractInfo
    {
        public const uint DescribeLabel = 0xDC01;   // reserved in every contract (the generator refuses it as a method's label)
        public const ulong Version = 1;
        public const byte FlagOut = 0x80, FlagRest = 0x40;

        public readonly string Name;
        public readonly ContractMethod[] Methods;

        public ContractInfo(string name, ContractMethod[] methods)
        {
            Name = name;
            Methods = methods;
        }

        // The method with this label or name; null if none.
        public ContractMethod Method(uint label)
        {
            foreach (ContractMethod m in Methods)
                if (m.Label == label)
                    return m;
            return null;
        }

        public ContractMethod Method(string name)
        {
            foreach (ContractMethod m in Methods)
                if (m.Name == name)
                    return m;
            return null;
        }

        // The describe reply's payload; Failed is set on `w` if it does not fit.
        public void Write(ref Payload w)
        {
            w.WriteString(Name, false);
            w.WriteCount(Methods.Length);
            foreach (ContractMethod m in Methods)
            {
                w.WriteInteger(m.Label, 4);
                w.WriteString(m.Name, false);
                w.WriteInteger((ulong)m.Params.Length, 1);
                foreach (ContractParam p in m.Params)
                {
                    w.WriteInteger((ulong)((p.Out ? FlagOut : 0) | (p.Rest ? FlagRest : 0)), 1);
                    w.WriteInteger((ulong)p.Kind, 1);
                    w.WriteInteger((ulong)p.Size, 1);
                    w.WriteString(p.Name, false);
                    w.WriteString(p.Type, false);
                    if (p.Kind == ParamKind.Records)
                    {
                        w.WriteInteger((ulong)p.Fields.Length, 1);
                        foreach (ContractParam f in p.Fields)
                        {
                            w.WriteInteger((ulong)f.Kind, 1);
                            w.WriteInteger((ulong)f.Size, 1);
                            w.WriteString(f.Name, false);
                        }
                    }
                }
            }
        }

        // A describe reply's payload of `length` bytes; null if it is malformed (short, long, a kind
        // or size that is not one of the layout's).
        public static ContractInfo Read(int length)
        {
            Payload r = Payload.Reader(length);
            string name = r.ReadString(false);
            // Each method takes at least 4 + 2 + 1 bytes; each parameter 1 + 1 + 1 + 2 + 2.
            int count = r.ReadCount(7);
            var methods = new ContractMethod[count];
            for (int i = 0; i < count && !r.Failed; i++)
            {
                uint label = (uint)r.ReadInteger(4);
                string method = r.ReadString(false);
                int n = (int)r.ReadInteger(1);
                var ps = new ContractParam[n];
                for (int j = 0; j < n && !r.Failed; j++)
                {
                    int flags = (int)r.ReadInteger(1);
                    var kind = (ParamKind)r.ReadInteger(1);
                    int size = (int)r.ReadInteger(1);
                    string pname = r.ReadString(false);
                    string type = r.ReadString(false);
                    ContractParam[] fields = null;
                    if (kind == ParamKind.Records)
                    {
                        int fn = (int)r.ReadInteger(1);
                        fields = new ContractParam[fn];
                        for (int k = 0; k < fn && !r.Failed; k++)
                        {
                            var fk = (ParamKind)r.ReadInteger(1);
                            int fs = (int)r.ReadInteger(1);
                            fields[k] = new ContractParam(r.ReadString(false), null, fk, fs, false, false, null);
                            if (!fields[k].IsValid || fk == ParamKind.Bytes || fk == ParamKind.Records || fk >= ParamKind.Endpoint)
                                return null;
                        }
                    }
                    if ((flags & ~(FlagOut | FlagRest)) != 0)
                        return null;
                    ps[j] = new ContractParam(pname, type, kind, size, (flags & FlagOut) != 0, (flags & FlagRest) != 0, fields);
                    if (!ps[j].IsValid)
                        return null;
                }
                methods[i] = new ContractMethod(label, method, ps);
            }
            return r.AtEnd ? new ContractInfo(name, methods) : null;
        }
    }

    public sealed class ContractMethod
    {
        public readonly uint Label;
        public readonly string Name;
        public readonly ContractParam[] Params;

        public ContractMethod(uint label, string name, ContractParam[] ps)
        {
            Label = label;
            Name = name;
            Params = ps;
            // The message word of each integer parameter: W0.. in a request, W1.. in a reply (W0 is the result).
            int inWord = 0, outWord = 1;
            foreach (ContractParam p in ps)
                if (p.IsWord)
                    p.Word = p.Out ? outWord++ : inWord++;
        }

        // As C# would write it: "Get(string key, out string value)".
        public string Signature()
        {
            var text = new System.Text.StringBuilder();
            text.Append(Name);
            text.Append('(');
            for (int i = 0; i < Params.Length; i++)
            {
                if (i > 0)
                    text.Append(", ");
                if (Params[i].Out)
                    text.Append("out ");
                text.Append(Params[i].Type);
                text.Append(' ');
                text.Append(Params[i].Name);
            }
            text.Append(')');
            return text.ToString();
        }
    }

    // How a parameter (or a record's field) travels (the layout in ContractGenerator.cs, Payload).
    public enum ParamKind : byte
    {
        Unsigned = 1,       // an integer word of Size bytes (an enum over an unsigned type, too)
        Signed = 2,
        Bool = 3,
        Char = 4,
        String = 5,         // payload: 2-byte length and ASCII bytes (no length if Rest)
        Bytes = 6,          // payload: as String
        Records = 7,        // payload: 2-byte count, then each record's Fields in order
        Endpoint = 8,       // the message's capability
        Notification = 9,
        Frame = 10,         // the message's capability: a FrameCap (memory lent to the server)
    }

    public sealed class ContractParam
    {
        public readonly string Name, Type;
        public readonly ParamKind Kind;
        public readonly int Size;
        public readonly bool Out, Rest;
        public readonly ContractParam[] Fields;     // a Records parameter's fields (Type null)
        public int Word;                            // a word parameter's message word (ContractMethod sets it)

        public ContractParam(string name, string type, ParamKind kind, int size, bool output, bool rest, ContractParam[] fields)
        {
            Name = name;
            Type = type;
            Kind = kind;
            Size = size;
            Out = output;
            Rest = rest;
            Fields = fields;
        }

        public bool IsWord => Kind >= ParamKind.Unsigned && Kind <= ParamKind.Char;

        public bool IsCapability => Kind == ParamKind.Endpoint || Kind == ParamKind.Notification || Kind == ParamKind.Frame;

        internal bool IsValid =>
            Name != null && (Kind < ParamKind.Unsigned || Kind > ParamKind.Frame ? false
                : IsWord ? Size == 1 || Size == 2 || Size == 4 || Size == 8
                : Size == 0) && (Kind != ParamKind.Records || Fields != null);
    }
}
