using System;
using System.Globalization;
using System.Linq;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // Seeded Random (the same numbers as .NET for a seed), Convert (hex, base64, bases, rounding),
    // Math.BigMul and Math.Log2, BitConverter's span members, integer parsing from spans and with
    // NumberStyles (hex), Guid.
    internal static class Numbers
    {
        public static void Run()
        {
            Randoms();
            Converts();
            MathMore();
            Parsing();
            Wide();
        }

        // Int128 and UInt128: arithmetic that wraps, truncated division, shifts (arithmetic >> and
        // logical >>>), comparisons, conversions from and to double, D and X formats, Parse/TryParse.
        private static void Wide()
        {
            Int128 big = O(Int128.MaxValue), small = O(Int128.MinValue);
            UInt128 ubig = O(UInt128.MaxValue);
            C("int128.limits", big + " " + small + " " + ubig + " " + Int128.Zero + " " + Int128.One + " " + Int128.NegativeOne + " " + UInt128.One + " " + (big + 1) + " " + (ubig + 1u));
            C("int128.formats", big.ToString("X") + " " + small.ToString("x") + " " + O((Int128)(-1)).ToString("X") + " " + O((Int128)255).ToString("X4") + " " + O((Int128)42).ToString("D6") + " " + O((Int128)(-42)).ToString("D6") + " " + ubig.ToString("x") + " " + $"{O((Int128)7),5}|{O((UInt128)9):D3}");
            C("int128.ops", (O((Int128)long.MaxValue) * long.MaxValue) + " " + (O((Int128)(-7)) / 2) + " " + (O((Int128)(-7)) % 2) + " " + (O((Int128)7) % -2) + " " + (small >> 100) + " " + (small >>> 100) + " " + (O((Int128)1) << 127) + " " + (O((UInt128)1) << 128) + " " + Int128.Abs(O((Int128)(-5))) + " " + Int128.Sign(small) + " " + Int128.Max(O((Int128)3), -4) + " " + UInt128.LeadingZeroCount(O((UInt128)1)) + " " + UInt128.IsPow2(O((UInt128)1) << 90));
            C("int128.convert", (double)big + " " + (double)small + " " + (double)ubig + " " + (Int128)1e30 + " " + (Int128)(-2.5e20) + " " + (UInt128)3.9e38 + " " + (Int128)double.NaN + " " + (long)(O(big)) + " " + (ulong)O(ubig) + " " + (int)O((Int128)(-3)) + " " + (UInt128)O((Int128)(-1)) + " " + (Int128)O(ubig));
            C("int128.compare", (big > small) + " " + (O((Int128)(-1)) < 0) + " " + ((UInt128)O((Int128)(-1)) > 5u) + " " + big.CompareTo(small) + " " + O((Int128)5).Equals((Int128)5) + " " + O((Int128)5).Equals((object)5L) + " " + (O((Int128)5).GetHashCode() == ((Int128)5).GetHashCode()) + " " + new Int128(1, 2) + " " + new UInt128(3, 4));
            C("int128.parse", Int128.Parse(O(" -170141183460469231731687303715884105728 ")) + " " + UInt128.Parse(O("+340282366920938463463374607431768211455")) + " " + Int128.TryParse(O("170141183460469231731687303715884105728"), out Int128 over) + over + " " + UInt128.TryParse(O("-1"), out UInt128 neg) + neg + " " + Int128.TryParse(O("12x"), out _) + " " + Int128.Parse(O("7fffffffffffffffffffffffffffffff"), NumberStyles.HexNumber, null) + " " + Int128.Parse(O("ffffffffffffffffffffffffffffffff"), NumberStyles.HexNumber, null));
            for (int i = 0; i < 30; i++)
            {
                Int128 a = new Int128(Next() >> NextInt(64), Next()) * (NextInt(2) == 0 ? 1 : -1);
                Int128 b = NextInt(3) == 0 ? (Int128)(long)(Next() >> NextInt(64)) : new Int128(Next() >> NextInt(64) + 1, Next());
                if (b == 0) b = 3;
                int shift = NextInt(130);
                UInt128 ua = (UInt128)a, ub = (UInt128)b;
                C($"int128#{i}", (a + b) + " " + (a - b) + " " + (a * b) + " " + (a / b) + " " + (a % b) + " " + (ua / ub) + " " + (ua % ub) + " " + (a << shift) + " " + (a >> shift) + " " + (ua >> shift) + " " + a.CompareTo(b) + " " + (a & b) + " " + (a | ~b) + " " + (a ^ b)
                    + " " + ((double)a).ToString("R") + " " + ((double)ua).ToString("R") + " " + a.ToString("X") + " " + Int128.Parse(a.ToString()).Equals(a) + " " + (Int128)(((double)a) / 3));
            }
        }

        private static void Randoms()
        {
            int[] seeds = { 0, 1, 42, -7, int.MaxValue, int.MinValue, 123456 };
            foreach (int seed in seeds)
            {
                var r = new Random(O(seed));
                var sb = new StringBuilder();
                for (int i = 0; i < 6; i++) sb.Append(r.Next()).Append(',');
                sb.Append(r.Next(100)).Append(',').Append(r.Next(-50, 50)).Append(',').Append(r.Next(int.MinValue, int.MaxValue)).Append(',');
                sb.Append(r.NextDouble().ToString("R")).Append(',').Append(r.NextInt64()).Append(',').Append(r.NextInt64(1000)).Append(',').Append(r.NextInt64(-5, 5)).Append(',').Append(r.NextSingle().ToString("R"));
                byte[] bytes = new byte[8];
                r.NextBytes(bytes);
                int[] deck = Enumerable.Range(0, 10).ToArray();
                r.Shuffle(deck);
                C($"random.seed#{seed}", sb + " " + Encodings.Hex(bytes) + " " + string.Join("", deck) + " " + string.Join("", r.GetItems(new[] { 'a', 'b', 'c' }, 5)));
            }
            var u = new Random();
            int x = u.Next(10), y = u.Next(5, 8);
            double d = Random.Shared.NextDouble();
            C("random.unseeded", (x >= 0 && x < 10) + " " + (y >= 5 && y < 8) + " " + (d >= 0 && d < 1) + " " + (u.NextInt64(3) < 3) + " " + (Random.Shared.Next(1) == 0));
        }

        private static void Converts()
        {
            byte[] data = O(new byte[] { 0, 1, 0x7F, 0x80, 0xAB, 0xFF, 0x10 });
            C("convert.hex", Convert.ToHexString(data) + " " + Convert.ToHexStringLower(data) + " " + Convert.ToHexString(data, 2, 3) + " " + Encodings.Hex(Convert.FromHexString(O("00ff10AbcD"))) + " " + Convert.FromHexString(O("")).Length);
            for (int n = 0; n <= 8; n++)
            {
                byte[] part = data.AsSpan(0, Math.Min(n, data.Length)).ToArray();
                string b64 = Convert.ToBase64String(part);
                C($"convert.base64#{n}", b64 + " " + Encodings.Hex(Convert.FromBase64String(b64)) + " " + Convert.ToBase64String(data, 1, n % 6));
            }
            byte[] big = Enumerable.Range(0, 70).Select(i => (byte)(i * 7)).ToArray();
            string lines = Convert.ToBase64String(big, Base64FormattingOptions.InsertLineBreaks);
            C("convert.base64.lines", lines.Replace("\r\n", "|") + " " + Encodings.Hex(Convert.FromBase64String(lines)).Length + " " + Encodings.Hex(Convert.FromBase64String(O(" QU Jj\nRA== "))));
            Span<byte> dest = stackalloc byte[4];
            C("convert.trybase64", Convert.TryFromBase64String(O("QUJD"), dest, out int written) + " " + written + " " + Convert.TryFromBase64String(O("QUJDREVG"), dest, out int w2) + " " + w2 + " " + Convert.TryFromBase64String(O("QU=J"), dest, out _));
            C("convert.tobase", Convert.ToString(O(255), 2) + " " + Convert.ToString(O(255), 8) + " " + Convert.ToString(O(255), 16) + " " + Convert.ToString(O(-1), 16) + " " + Convert.ToString(O(-1L), 2).Length + " " + Convert.ToString(O((short)-2), 16) + " " + Convert.ToString(O((byte)200), 2) + " " + Convert.ToString(O(-42), 10) + " " + Convert.ToString(O(0), 2));
            C("convert.frombase", Convert.ToInt32(O("ff"), 16) + " " + Convert.ToInt32(O("0x1F"), 16) + " " + Convert.ToInt32(O("FFFFFFFF"), 16) + " " + Convert.ToInt32(O("777"), 8) + " " + Convert.ToInt32(O("-123"), 10) + " " + Convert.ToInt64(O("1010"), 2) + " " + Convert.ToByte(O("11111111"), 2) + " " + Convert.ToInt16(O("FFFF"), 16) + " " + Convert.ToUInt16(O("ABCD"), 16) + " " + Convert.ToUInt32(O("FFFFFFFF"), 16) + " " + Convert.ToUInt64(O("FFFFFFFFFFFFFFFF"), 16) + " " + Convert.ToInt64(O("8000000000000000"), 16));
            C("convert.numbers", Convert.ToInt32(O(2.5)) + " " + Convert.ToInt32(O(3.5)) + " " + Convert.ToInt32(O(-2.5)) + " " + Convert.ToInt32(O(2.4999)) + " " + Convert.ToInt64(O(1e15 + 0.5)) + " " + Convert.ToInt32(O("42")) + " " + Convert.ToDouble(O("2.5")) + " " + Convert.ToBoolean(O("True")) + " " + Convert.ToChar(O(65)) + " " + Convert.ToByte(O(200)) + " " + Convert.ToInt32(O(true)) + " " + Convert.ToString(O(1.5)) + " " + Convert.ToInt32(O<string>(null)));
        }

        private static void MathMore()
        {
            ulong[] us = { 0, 1, 0xFFFFFFFFFFFFFFFF, 0x123456789ABCDEF0, 0x8000000000000000, 3 };
            var sb = new StringBuilder();
            foreach (ulong a in us)
                foreach (ulong b in us)
                {
                    ulong hi = Math.BigMul(O(a), b, out ulong lo);
                    sb.Append(hi.ToString("X")).Append(':').Append(lo.ToString("X")).Append(' ');
                }
            C("math.bigmul.ulong", sb.ToString());
            long[] ls = { 0, -1, long.MinValue, long.MaxValue, 12345678901234, -98765 };
            sb.Clear();
            foreach (long a in ls)
                foreach (long b in ls)
                {
                    long hi = Math.BigMul(O(a), b, out long lo);
                    sb.Append(hi).Append(':').Append(lo).Append(' ');
                }
            C("math.bigmul.long", sb.ToString() + Math.BigMul(O(uint.MaxValue), uint.MaxValue) + " " + Math.BigMul(O(-5), int.MaxValue));
            for (int i = 0; i < 60; i++)
            {
                ulong a = Next(), b = Next() >> NextInt(64);
                ulong hi = Math.BigMul(a, b, out ulong lo);
                C($"math.bigmul#{i}", a.ToString("X") + "*" + b.ToString("X") + "=" + hi.ToString("X16") + lo.ToString("X16"));
            }
            double[] logs = { 1, 2, 1024, 0.5, 0.125, 3, 10, 1000, 1e-300, 5e-324, double.MaxValue, 0, -1, double.NaN, double.PositiveInfinity, 1.5, 0.75, 6, 7, 1e10, 123456789, 0.1 };
            C("math.log2", string.Join(" ", logs.Select(v => Math.Log2(O(v)).ToString("R"))));
            sb.Clear();
            for (int e = -1074; e <= 1023; e += 37)
                sb.Append(Math.Log2(O(Math.Pow(2, e)))).Append(' ');
            C("math.log2.powers", sb.ToString());
        }

        private static void Parsing()
        {
            string[] hex = { "ff", "FF", "7FFFFFFF", "80000000", "FFFFFFFF", "100000000", " 1a ", "-1", "0x10", "", "g", "00000000000000000001" };
            foreach (string h in hex)
                C($"parse.hex#{h.Trim()}", int.TryParse(O(h), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int iv) + ":" + iv + " " + long.TryParse(h, NumberStyles.HexNumber, null, out long lv) + ":" + lv + " " + uint.TryParse(h, NumberStyles.AllowHexSpecifier, null, out uint uv) + ":" + uv + " " + byte.TryParse(h, NumberStyles.HexNumber, null, out byte bv) + ":" + bv + " " + short.TryParse(h, NumberStyles.HexNumber, null, out short sv) + ":" + sv + " " + ulong.TryParse(h, NumberStyles.HexNumber, null, out ulong ulv) + ":" + ulv);
            C("parse.hex.parse", int.Parse(O("7f"), NumberStyles.HexNumber) + " " + long.Parse(O("FFFFFFFFFFFFFFFF"), NumberStyles.HexNumber) + " " + ushort.Parse(O("fFfF"), NumberStyles.HexNumber) + " " + sbyte.Parse(O("80"), NumberStyles.HexNumber) + " " + int.Parse(O("10"), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            string[] styled = { "1,234", "(42)", "42-", " +7 ", "1,2,3", "1.0", "1.5", ",1" };
            foreach (string s in styled)
                C($"parse.styles#{s.Trim()}", int.TryParse(O(s), NumberStyles.Number, null, out int a) + ":" + a + " " + int.TryParse(s, NumberStyles.AllowThousands, null, out int b) + ":" + b + " " + int.TryParse(s, NumberStyles.AllowParentheses | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, null, out int c) + ":" + c + " " + long.TryParse(s, NumberStyles.Integer | NumberStyles.AllowTrailingSign, null, out long d) + ":" + d);
            ReadOnlySpan<char> line = O("id=1234;len=-56;x=ff;");
            int eq = line.IndexOf('='), semi = line.IndexOf(';');
            int id = int.Parse(line.Slice(eq + 1, semi - eq - 1));
            ReadOnlySpan<char> rest = line.Slice(semi + 1);
            C("parse.span", id + " " + int.Parse(rest.Slice(4, 3)) + " " + int.TryParse(rest.Slice(4, 3), out int neg) + neg + " " + int.TryParse(O("12x").AsSpan(), out int bad) + bad + " " + long.Parse(O("  99  ").AsSpan()) + " " + byte.Parse(O("255").AsSpan()) + " " + int.Parse(rest.Slice(10, 2), NumberStyles.HexNumber) + " " + uint.TryParse(O("4294967295").AsSpan(), out uint umax) + umax + " " + ulong.TryParse(O("-0").AsSpan(), out ulong uz) + uz);
            Guid g = new Guid(O("0f8fad5b-d9cb-469f-a165-70867728950e"));
            C("guid", g + " " + g.ToString("N") + " " + g.ToString("B") + " " + g.ToString("P") + " " + g.ToString("D").ToUpperInvariant() + " " + Encodings.Hex(g.ToByteArray()) + " " + new Guid(g.ToByteArray()).Equals(g) + " " + Guid.Empty + " " + (g == Guid.Parse("{0F8FAD5B-D9CB-469F-A165-70867728950E}")) + " " + Guid.TryParse(O("0f8fad5bd9cb469fa16570867728950e"), out Guid g2) + (g2 == g) + " " + Guid.TryParse(O("nope"), out _) + " " + g.CompareTo(Guid.Empty) + " " + (Guid.NewGuid() != Guid.NewGuid()) + " " + Guid.NewGuid().ToString().Length + " " + Guid.NewGuid().ToString()[14]);
        }
    }
}
