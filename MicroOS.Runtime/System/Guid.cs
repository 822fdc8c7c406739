namespace System
{
    // A 128-bit identifier laid out as .NET's Guid (int, short, short, 8 bytes; ToByteArray in that
    // little-endian order), printing and parsing the D, N, B and P forms. NewGuid is a version-4
    // random Guid from an unseeded Random (the TSC): unique enough within a machine, not secret.
    public readonly struct Guid : IEquatable<Guid>, IComparable<Guid>, IComparable, IFormattable
    {
        private readonly int _a;
        private readonly short _b, _c;
        private readonly byte _d, _e, _f, _g, _h, _i, _j, _k;

        public static readonly Guid Empty = default;
        private static Random s_random;

        public Guid(byte[] b) : this(new ReadOnlySpan<byte>(b ?? throw new ArgumentNullException("b"))) { }

        public Guid(ReadOnlySpan<byte> b)
        {
            if (b.Length != 16) throw new ArgumentException("Byte array for Guid must be exactly 16 bytes long.", "b");
            _a = b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24;
            _b = (short)(b[4] | b[5] << 8);
            _c = (short)(b[6] | b[7] << 8);
            _d = b[8]; _e = b[9]; _f = b[10]; _g = b[11]; _h = b[12]; _i = b[13]; _j = b[14]; _k = b[15];
        }

        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k)
        {
            _a = a; _b = b; _c = c;
            _d = d; _e = e; _f = f; _g = g; _h = h; _i = i; _j = j; _k = k;
        }

        public Guid(int a, short b, short c, byte[] d)
        {
            if (d == null) throw new ArgumentNullException("d");
            if (d.Length != 8) throw new ArgumentException("Byte array for Guid must be exactly 8 bytes long.", "d");
            _a = a; _b = b; _c = c;
            _d = d[0]; _e = d[1]; _f = d[2]; _g = d[3]; _h = d[4]; _i = d[5]; _j = d[6]; _k = d[7];
        }

        public Guid(string g)
        {
            if (g == null) throw new ArgumentNullException("g");
            if (!TryParse(g, out Guid parsed))
                throw new FormatException("Unrecognized Guid format.");
            this = parsed;
        }

        public static Guid NewGuid()
        {
            Span<byte> b = stackalloc byte[16];
            (s_random ??= new Random()).NextBytes(b);
            b[7] = (byte)(b[7] & 0x0F | 0x40);     // version 4
            b[8] = (byte)(b[8] & 0x3F | 0x80);     // the RFC 4122 variant
            return new Guid(b);
        }

        public byte[] ToByteArray()
        {
            byte[] b = new byte[16];
            TryWriteBytes(b);
            return b;
        }

        public bool TryWriteBytes(Span<byte> destination)
        {
            if (destination.Length < 16) return false;
            destination[0] = (byte)_a; destination[1] = (byte)(_a >> 8); destination[2] = (byte)(_a >> 16); destination[3] = (byte)(_a >> 24);
            destination[4] = (byte)_b; destination[5] = (byte)(_b >> 8);
            destination[6] = (byte)_c; destination[7] = (byte)(_c >> 8);
            destination[8] = _d; destination[9] = _e; destination[10] = _f; destination[11] = _g;
            destination[12] = _h; destination[13] = _i; destination[14] = _j; destination[15] = _k;
            return true;
        }

        public override string ToString() => ToString("D");
        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public string ToString(string format)
        {
            if (string.IsNullOrEmpty(format)) format = "D";
            if (format.Length != 1) throw new FormatException("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
            string hex = string.Concat(((uint)_a).ToString("x8"), ((ushort)_b).ToString("x4"), ((ushort)_c).ToString("x4"),
                string.Concat(_d.ToString("x2"), _e.ToString("x2")),
                string.Concat(_f.ToString("x2"), _g.ToString("x2"), _h.ToString("x2"), string.Concat(_i.ToString("x2"), _j.ToString("x2"), _k.ToString("x2"))));
            string dashed = string.Concat(string.Concat(hex.Substring(0, 8), "-", hex.Substring(8, 4), "-"), string.Concat(hex.Substring(12, 4), "-", hex.Substring(16, 4), "-"), hex.Substring(20, 12));
            switch (format[0])
            {
                case 'D': case 'd': return dashed;
                case 'N': case 'n': return hex;
                case 'B': case 'b': return string.Concat("{", dashed, "}");
                case 'P': case 'p': return string.Concat("(", dashed, ")");
                default: throw new FormatException("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
            }
        }

        public static Guid Parse(string input)
        {
            if (input == null) throw new ArgumentNullException("input");
            if (!TryParse(input, out Guid g)) throw new FormatException("Unrecognized Guid format.");
            return g;
        }

        // The N, D, B and P forms, surrounded by white space.
        public static bool TryParse(string input, out Guid result)
        {
            result = default;
            if (input == null) return false;
            string s = input.Trim();
            if (s.Length == 38 && (s[0] == '{' && s[37] == '}' || s[0] == '(' && s[37] == ')'))
                s = s.Substring(1, 36);
            if (s.Length == 36)
            {
                if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return false;
                s = string.Concat(string.Concat(s.Substring(0, 8), s.Substring(9, 4)), string.Concat(s.Substring(14, 4), s.Substring(19, 4)), s.Substring(24, 12));
            }
            if (s.Length != 32) return false;
            Span<byte> b = stackalloc byte[16];
            for (int i = 0; i < 16; i++)
            {
                int hi = Hex(s[2 * i]), lo = Hex(s[2 * i + 1]);
                if (hi < 0 || lo < 0) return false;
                b[i] = (byte)(hi << 4 | lo);
            }
            result = new Guid(
                b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3], (short)(b[4] << 8 | b[5]), (short)(b[6] << 8 | b[7]),
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
            return true;
        }

        private static int Hex(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        public bool Equals(Guid g) => _a == g._a && _b == g._b && _c == g._c && _d == g._d && _e == g._e && _f == g._f && _g == g._g && _h == g._h && _i == g._i && _j == g._j && _k == g._k;
        public override bool Equals(object o) => o is Guid g && Equals(g);
        public override int GetHashCode() => _a ^ ((_b << 16) | (ushort)_c) ^ ((_f << 24) | _k);
        public static bool operator ==(Guid a, Guid b) => a.Equals(b);
        public static bool operator !=(Guid a, Guid b) => !a.Equals(b);

        // .NET's order: the fields as unsigned numbers, first to last.
        public int CompareTo(Guid value)
        {
            if ((uint)_a != (uint)value._a) return (uint)_a < (uint)value._a ? -1 : 1;
            if ((ushort)_b != (ushort)value._b) return (ushort)_b < (ushort)value._b ? -1 : 1;
            if ((ushort)_c != (ushort)value._c) return (ushort)_c < (ushort)value._c ? -1 : 1;
            Span<byte> x = stackalloc byte[16], y = stackalloc byte[16];
            TryWriteBytes(x);
            value.TryWriteBytes(y);
            for (int i = 8; i < 16; i++)
                if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
            return 0;
        }

        public int CompareTo(object value) => value == null ? 1 : value is Guid g ? CompareTo(g) : throw new ArgumentException("Object must be of type Guid.");
    }
}
