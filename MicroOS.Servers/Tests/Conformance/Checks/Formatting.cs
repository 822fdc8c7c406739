using System;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // string.Format / interpolation (alignment, format strings, escapes, indices >= 10) and the
    // standard numeric format strings of the integer types (invariant culture).
    internal static class Formatting
    {
        public static void Run()
        {
            int five = O(5), neg = O(-42), big = O(1234567);
            C("fmt.basic", string.Format("{0}-{1}", five, neg));
            C("fmt.align.right", string.Format("[{0,5}]", five));
            C("fmt.align.left", string.Format("[{0,-5}]", five));
            C("fmt.align.str", string.Format("[{0,-6}|{1,6}]", O("ab"), O("cd")));
            C("fmt.hex4", string.Format("{0:X4}", O(255)));
            C("fmt.hex.lower", string.Format("{0:x}", O(48879)));
            C("fmt.align.and.format", string.Format("[{0,8:X4}]", O(4660)));
            C("fmt.escapes", string.Format("{{{0}}} {{x}}", five));
            C("fmt.index10", string.Format("{10}{0}{11}", O(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, O(10), O(11)));
            C("fmt.repeat", string.Format("{0}{0}{1}{0}", five, O("z")));
            C("fmt.null.arg", string.Format("[{0}]", O<object>(null)));
            C("fmt.bool", string.Format("{0} {1}", O(true), O(false)));
            C("fmt.char", string.Format("{0}{1}", O('a'), O('b')));
            C("interp.basic", $"a{five}b{neg}c");
            C("interp.align", $"[{five,4}][{neg,-6}]");
            C("interp.format", $"{big:N0}|{five:D3}|{O(255):x2}");
            C("interp.escapes", $"{{{five}}}");
            C("interp.long", $"{O(9000000000L)}|{O(ulong.MaxValue)}|{O(long.MinValue)}");
            C("interp.mixed", $"{O("s")}{O(1.5)}{O('c')}{O(true)}");

            int[] ints = { 0, 1, -1, 7, 42, -42, 255, 1000, -1000, 123456789, int.MaxValue, int.MinValue };
            string[] intFormats = { "D", "D5", "d8", "X", "X8", "x2", "N", "N0", "N2", "F", "F0", "F3", "E", "E2", "e0", "G", "G3", "P", "P1", "" };
            for (int f = 0; f < intFormats.Length; f++)
                for (int i = 0; i < ints.Length; i++)
                    C($"int.fmt[{intFormats[f]}]({ints[i]})", O(ints[i]).ToString(intFormats[f]));

            long[] longs = { 0, -1, 9007199254740993L, long.MaxValue, long.MinValue, 1L << 40 };
            string[] longFormats = { "D", "D20", "X", "X16", "N0", "E3", "G" };
            for (int f = 0; f < longFormats.Length; f++)
                for (int i = 0; i < longs.Length; i++)
                    C($"long.fmt[{longFormats[f]}]({longs[i]})", O(longs[i]).ToString(longFormats[f]));

            C("ulong.max", O(ulong.MaxValue).ToString());
            C("ulong.X", O(ulong.MaxValue).ToString("X"));
            C("ulong.N0", O(ulong.MaxValue).ToString("N0"));
            C("uint.max.D", O(uint.MaxValue).ToString("D12"));
            C("short.X", O((short)-2).ToString("X"));
            C("sbyte.X", O((sbyte)-1).ToString("X"));
            C("byte.X2", O((byte)10).ToString("X2"));
            C("ushort.N", O((ushort)65535).ToString("N"));
            C("short.min", O(short.MinValue).ToString());
            C("sbyte.min", O(sbyte.MinValue).ToString());
            C("byte.max", O(byte.MaxValue).ToString());
            C("char.tostring", O('x').ToString());
            C("bool.tostring", O(true).ToString() + O(false).ToString());
            C("concat.objects", string.Concat(O<object>(1), O<object>("a"), O<object>(2.5)));
            C("concat.many", string.Concat("a", O("b"), "c", O("d"), "e"));
        }
    }
}
