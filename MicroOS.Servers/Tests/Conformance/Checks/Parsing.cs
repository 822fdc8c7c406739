using System;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // TryParse of the integer types and bool (invariant, NumberStyles.Integer: whitespace and a sign).
    internal static class Parsing
    {
        public static void Run()
        {
            string[] inputs =
            {
                "0", "42", " 42 ", "\t7\n", "-5", "+5", "- 5", "0x10", "1e3", "12a", "", " ", "2147483647", "2147483648",
                "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "18446744073709551615", "18446744073709551616", "255", "256", "-1", "-0", "00012",
                "32767", "32768", "-32768", "65535", "127", "-128", "1.0", "1,000", "٣", "\u00A012",
            };
            for (int i = 0; i < inputs.Length; i++)
            {
                string s = O(inputs[i]);
                C($"int.tryparse#{i}", Show(int.TryParse(s, out int a), a));
                C($"uint.tryparse#{i}", Show(uint.TryParse(s, out uint b), b));
                C($"long.tryparse#{i}", Show(long.TryParse(s, out long c), c));
                C($"ulong.tryparse#{i}", Show(ulong.TryParse(s, out ulong d), d));
                C($"short.tryparse#{i}", Show(short.TryParse(s, out short e), e));
                C($"ushort.tryparse#{i}", Show(ushort.TryParse(s, out ushort f), f));
                C($"byte.tryparse#{i}", Show(byte.TryParse(s, out byte g), g));
                C($"sbyte.tryparse#{i}", Show(sbyte.TryParse(s, out sbyte h), h));
            }
            C("int.parse", int.Parse(O(" -123 ")));
            C("long.parse", long.Parse(O("-9223372036854775808")));
            C("ulong.parse", ulong.Parse(O("18446744073709551615")).ToString());
            C("byte.parse", byte.Parse(O("200")).ToString());
            C("bool.parse", bool.Parse(O("true")) + " " + bool.Parse(O(" False ")) + " " + bool.Parse(O("TRUE")));
            C("bool.tryparse", bool.TryParse(O("yes"), out bool bb) + " " + bb + " " + bool.TryParse(O("false"), out bool b2) + " " + b2);
            for (int i = 0; i < 40; i++)
            {
                long v = (long)Next();
                C($"long.roundtrip#{i}", long.Parse(v.ToString()) == v);
            }
        }

        private static string Show(bool ok, object value) => (ok ? "True " : "False ") + value.ToString();
    }
}
