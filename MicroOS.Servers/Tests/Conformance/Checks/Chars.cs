using System;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // char classification and case mapping for U+0000..U+00FF, 32 characters per line.
    internal static class Chars
    {
        public static void Run()
        {
            int limit = O(256);
            for (int start = 0; start < limit; start += 32)
            {
                string range = $"{start:X2}-{start + 31:X2}";
                C($"char.iswhitespace[{range}]", Bits(start, c => char.IsWhiteSpace(c)));
                C($"char.isdigit[{range}]", Bits(start, c => char.IsDigit(c)));
                C($"char.isletter[{range}]", Bits(start, c => char.IsLetter(c)));
                C($"char.isletterordigit[{range}]", Bits(start, c => char.IsLetterOrDigit(c)));
                C($"char.isupper[{range}]", Bits(start, c => char.IsUpper(c)));
                C($"char.islower[{range}]", Bits(start, c => char.IsLower(c)));
                C($"char.ispunctuation[{range}]", Bits(start, c => char.IsPunctuation(c)));
                C($"char.issymbol[{range}]", Bits(start, c => char.IsSymbol(c)));
                C($"char.iscontrol[{range}]", Bits(start, c => char.IsControl(c)));
                C($"char.isseparator[{range}]", Bits(start, c => char.IsSeparator(c)));
                C($"char.isnumber[{range}]", Bits(start, c => char.IsNumber(c)));
                C($"char.toupper[{range}]", Map(start, c => char.ToUpper(c)));
                C($"char.tolower[{range}]", Map(start, c => char.ToLowerInvariant(c)));
            }
            C("char.ishex", char.IsAsciiHexDigit(O('f')) + " " + char.IsAsciiHexDigit(O('g')) + " " + char.IsAsciiLetter(O('Q')) + " " + char.IsAscii(O('\u00e9')));
            C("char.getnumericvalue", char.GetNumericValue(O('7')).ToString());
            C("char.compare", O('a').CompareTo('b') + " " + O('a').Equals('a'));
            C("char.arith", ((char)(O('a') + 2)).ToString() + (int)O('A'));
            C("char.issurrogate", char.IsSurrogate(O('\uD800')) + " " + char.IsHighSurrogate(O('\uD800')) + " " + char.IsLowSurrogate(O('\uDC00')));
        }

        private static string Bits(int start, Func<char, bool> f)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 32; i++) sb.Append(f((char)(start + i)) ? '1' : '0');
            return sb.ToString();
        }

        private static string Map(int start, Func<char, char> f)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 32; i++) sb.Append(((int)f((char)(start + i))).ToString("X")).Append(' ');
            return sb.ToString();
        }
    }
}
