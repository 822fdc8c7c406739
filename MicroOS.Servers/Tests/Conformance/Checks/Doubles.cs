using System;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // double/float to string (shortest round-trip, as .NET Core 3.0+), the standard format strings on
    // doubles, and double.Parse (correctly rounded).
    internal static class Doubles
    {
        public static void Run()
        {
            double[] special =
            {
                0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
                1e-4, 1e-5, 0.00012345, 1.5e-5, 1e21, 1e22, 1e23, 5e-324, 2.2250738585072014E-308, 2.2250738585072009E-308,
                double.MaxValue, double.MinValue, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
                9007199254740993.0, 4.35, 2.5, 3.5, -2.5, 0.125, 1.005, 12345.6789, 1e100, 1e-100, 6.02214076e23,
                299792458.0, 0.3, 123.456, 1.7976931348623157e308, 4.9406564584124654e-324, 9.5367431640625e-07,
            };
            for (int i = 0; i < special.Length; i++)
                C($"double.tostring#{i}", O(special[i]).ToString());
            for (int e = -30; e <= 30; e++)
            {
                double p = Pow10(e);
                C($"double.pow10({e})", O(p).ToString());
            }
            for (int i = 0; i < 150; i++)
            {
                ulong bits = Next();
                if ((bits >> 52 & 0x7FF) == 0x7FF) bits ^= 1UL << 62;
                if (i % 10 == 3) bits &= 0x800FFFFFFFFFFFFFUL;   // subnormals
                double d = BitConverter.Int64BitsToDouble((long)bits);
                C($"double.random({bits:X16})", d.ToString());
            }
            for (int i = 0; i < 40; i++)
            {
                // short decimals: the shortest form must give them back exactly
                double d = (long)(Next() % 2000001) / Pow10(NextInt(8)) - 1000;
                C($"double.short#{i}", d.ToString());
            }
            for (int i = 0; i < 60; i++)
            {
                uint bits = (uint)Next();
                if ((bits >> 23 & 0xFF) == 0xFF) bits ^= 1u << 30;
                float f = BitConverter.Int32BitsToSingle((int)bits);
                C($"float.random({bits:X8})", f.ToString());
            }
            float[] floats = { 0f, -0f, 1f, 0.1f, 1f / 3f, 16777217f, 1e-5f, 1e7f, 3.4028235e38f, 1.401298e-45f, float.NaN, float.NegativeInfinity, 0.3f, 100.5f };
            for (int i = 0; i < floats.Length; i++)
                C($"float.tostring#{i}", O(floats[i]).ToString());

            double[] fmtValues = { 0.0, 1.0, -1.5, 1234.5678, 0.000123456, 1e20, 2.5, 0.125, -0.0, 1.0 / 3.0, 123456789.987654321, double.NaN, double.NegativeInfinity };
            string[] fmts = { "F", "F0", "F2", "F5", "E", "E2", "e4", "N", "N0", "N3", "G", "G3", "G17", "R", "P", "P0", "" };
            for (int f = 0; f < fmts.Length; f++)
                for (int i = 0; i < fmtValues.Length; i++)
                    C($"double.fmt[{fmts[f]}]#{i}", O(fmtValues[i]).ToString(fmts[f]));
            C("double.interp", $"{O(3.14159):F2}|{O(2.0)}|{O(-7.25),8}|{O(0.5):P0}");
            C("float.fmt", O(1.25f).ToString("F3") + "|" + O(3.5f).ToString("E1"));

            string[] parse =
            {
                "0", "1", "-1", "1.5", "  2.25  ", "1e10", "1E-5", "-0", "0.1", "3.141592653589793", "1.7976931348623157e308",
                "4.9e-324", "2e-324", "3e-324", "1e400", "-1e400", "123456789012345678901234567890", ".5", "5.", "+7",
                "0.30000000000000004", "2.2250738585072011e-308", "9007199254740993", "9007199254740995", "1.00000000000000011102230246251565404236316680908203125",
                "1.00000000000000011102230246251565404236316680908203124", "NaN", "Infinity", "-Infinity", "1_0", "", "e5", "1e", "--1", "0x10", "1,000",
            };
            for (int i = 0; i < parse.Length; i++)
            {
                bool ok = double.TryParse(O(parse[i]), out double v);
                C($"double.tryparse#{i}", ok + " " + BitConverter.DoubleToInt64Bits(v).ToString("X16"));
            }
            for (int i = 0; i < 80; i++)
            {
                string s = RandomDecimal();
                double.TryParse(s, out double v);
                C($"double.parse.random({s})", BitConverter.DoubleToInt64Bits(v).ToString("X16"));
            }
            for (int i = 0; i < 40; i++)
            {
                double d = BitConverter.Int64BitsToDouble((long)(Next() & 0x7FEFFFFFFFFFFFFFUL));
                C($"double.roundtrip#{i}", double.Parse(d.ToString()) == d);
            }
            C("float.parse", float.Parse(O("3.4028235E+38")).ToString() + " " + float.Parse(O("1.1")).ToString() + " " + float.Parse(O("16777217")).ToString());
            C("double.isnan", double.IsNaN(O(double.NaN)) + " " + double.IsInfinity(O(1.0 / O(0.0))) + " " + double.IsFinite(O(1.0)));
            C("double.compare", O(1.0).CompareTo(2.0) + " " + O(double.NaN).CompareTo(0.0) + " " + O(double.NaN).Equals(double.NaN) + " " + (O(double.NaN) == double.NaN));
        }

        private static double Pow10(int e)
        {
            double r = 1;
            double t = 10;
            int n = e < 0 ? -e : e;
            // exact for |e| <= 22; beyond, the same operations on both sides give the same double
            for (int i = 0; i < n; i++) r *= t;
            return e < 0 ? 1 / r : r;
        }

        private static string RandomDecimal()
        {
            int digits = 1 + NextInt(25);
            char[] c = new char[digits];
            for (int i = 0; i < digits; i++) c[i] = (char)('0' + NextInt(10));
            string mant = new string(c);
            int point = NextInt(digits + 1);
            mant = mant.Substring(0, point) + "." + mant.Substring(point);
            int exp = NextInt(700) - 350;
            return (NextInt(2) == 0 ? "-" : "") + mant + "e" + exp.ToString();
        }
    }
}
