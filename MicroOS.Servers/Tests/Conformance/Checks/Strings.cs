using System;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    internal static class Strings
    {
        public static void Run()
        {
            string s = O("Hello, World");
            C("str.replace.str", s.Replace("l", "L"));
            C("str.replace.char", s.Replace('o', '0'));
            C("str.replace.longer", s.Replace("World", "MicroOS kernel"));
            C("str.replace.remove", s.Replace("l", ""));
            C("str.replace.none", s.Replace("xyz", "q"));
            C("str.upper", s.ToUpper() + s.ToUpperInvariant());
            C("str.lower", s.ToLower() + s.ToLowerInvariant());
            C("str.upper.latin1", Codes(O("stra\u00DFe \u00E0\u00E9 \u00FF \u00B5").ToUpperInvariant()));
            C("str.lower.latin1", Codes(O("\u00C0\u00C9\u00CE \u00D5\u00DC \u0178").ToLowerInvariant()));
            C("str.trim", "[" + O("  \t a b \r\n ").Trim() + "]");
            C("str.trim.vt", "[" + O("\v x \f").Trim() + "]");
            C("str.trimstart", "[" + O("  ab  ").TrimStart() + "]");
            C("str.trimend", "[" + O("  ab  ").TrimEnd() + "]");
            C("str.trim.chars", O("xxabyx").Trim('x', 'y'));
            C("str.trimstart.chars", O("--ab--").TrimStart('-'));
            C("str.trimend.chars", O("--ab-+").TrimEnd(new[] { '-', '+' }));
            C("str.indexof.char", s.IndexOf('o'));
            C("str.indexof.char.from", s.IndexOf('o', 5));
            C("str.indexof.str.from", s.IndexOf("l", 4));
            C("str.indexof.str.count", s.IndexOf('W', 2, 5));
            C("str.indexof.empty", s.IndexOf(""));
            C("str.indexof.missing", s.IndexOf("xyz"));
            C("str.indexof.ordinalignorecase", s.IndexOf("WORLD", StringComparison.OrdinalIgnoreCase));
            C("str.lastindexof.char", s.LastIndexOf('o'));
            C("str.lastindexof.str", s.LastIndexOf("l"));
            C("str.lastindexof.from", s.LastIndexOf('l', 5));
            C("str.indexofany", s.IndexOfAny(new[] { ',', 'W' }));
            C("str.lastindexofany", s.LastIndexOfAny(new[] { 'l', 'H' }));
            C("str.contains", s.Contains("World") + " " + s.Contains('z') + " " + s.Contains("world", StringComparison.OrdinalIgnoreCase));
            C("str.startswith", s.StartsWith("Hell") + " " + s.StartsWith('H') + " " + s.StartsWith("hello", StringComparison.OrdinalIgnoreCase) + " " + s.StartsWith("hello", StringComparison.Ordinal));
            C("str.endswith", s.EndsWith("World") + " " + s.EndsWith('d') + " " + s.EndsWith("WORLD", StringComparison.OrdinalIgnoreCase));
            C("str.substring", s.Substring(7) + "|" + s.Substring(0, 5) + "|" + s.Substring(12).Length);
            C("str.padleft", "[" + O("7").PadLeft(3) + "][" + O("7").PadLeft(3, '0') + "][" + O("1234").PadLeft(2) + "]");
            C("str.padright", "[" + O("7").PadRight(3) + "][" + O("7").PadRight(3, '.') + "]");
            C("str.join", string.Join(", ", new[] { "a", "b", "c" }) + "|" + string.Join("-", O(new[] { 1, 2, 3 })) + "|" + string.Join(";", new System.Collections.Generic.List<string> { "x", "y" }));
            C("str.join.char", string.Join('/', O("usr"), O("bin")));
            C("str.join.objects", string.Join(",", O<object>(1), O<object>("two"), O<object>(3.5)));
            C("str.concat.enumerable", string.Concat(new System.Collections.Generic.List<string> { "p", "q" }));
            C("str.insert", s.Insert(5, "!!!"));
            C("str.remove", s.Remove(5) + "|" + s.Remove(0, 7));
            C("str.equals.ignorecase", string.Equals(O("ABC"), "abc", StringComparison.OrdinalIgnoreCase) + " " + O("ABC").Equals("abc", StringComparison.Ordinal));
            C("str.compare", Sign(string.Compare(O("a"), "b")) + " " + Sign(string.Compare(O("b"), "a", StringComparison.Ordinal)) + " " + Sign(string.Compare(O("ABC"), "abc", StringComparison.OrdinalIgnoreCase)) + " " + Sign(string.CompareOrdinal(O("a"), "B")));
            C("str.compareto", Sign(O("apple").CompareTo("banana")) + " " + Sign(O("b").CompareTo("a")));
            C("str.isnullorwhitespace", string.IsNullOrWhiteSpace(O("  \t")) + " " + string.IsNullOrWhiteSpace(O<string>(null)) + " " + string.IsNullOrWhiteSpace(O(" a")));
            C("str.tochararray", new string(O("abc").ToCharArray()) + O("abc").ToCharArray().Length);
            C("str.ctor.repeat", new string(O('z'), 3));
            C("str.foreach", CountVowels(O("education")));
            C("str.index.hat", O("abcdef")[^1].ToString() + O("abcdef")[^3]);
            C("str.range", O("abcdef")[1..3] + "|" + O("abcdef")[2..] + "|" + O("abcdef")[..^2] + "|" + O("abcdef")[^2..]);
            C("str.hash.equal", (O("abc").GetHashCode() == new string(new[] { 'a', 'b', 'c' }).GetHashCode()).ToString());
            C("str.length", O("hello").Length);
            C("str.isnullorempty", string.IsNullOrEmpty(O("")) + " " + string.IsNullOrEmpty(O<string>(null)) + " " + string.IsNullOrEmpty(O("x")));

            string[] splitInputs = { "a,b,,c", ",a,", "", "one", " a , b ,, c ", "a,,b;c" };
            for (int i = 0; i < splitInputs.Length; i++)
            {
                string x = O(splitInputs[i]);
                C($"str.split#{i}", Show(x.Split(',')));
                C($"str.split.removeempty#{i}", Show(x.Split(',', StringSplitOptions.RemoveEmptyEntries)));
                C($"str.split.trim#{i}", Show(x.Split(',', StringSplitOptions.TrimEntries)));
                C($"str.split.both#{i}", Show(x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                C($"str.split.chars#{i}", Show(x.Split(new[] { ',', ';' })));
                C($"str.split.count#{i}", Show(x.Split(',', 2)));
                C($"str.split.string#{i}", Show(x.Split(",,")));
            }
            C("str.split.whitespace", Show(O("a b  c").Split(' ', StringSplitOptions.RemoveEmptyEntries)));

            var sb = new StringBuilder();
            sb.Append("abc").Append(O(42)).Append(' ').Append(O(true)).Append(O(1.5)).Append(O(7L)).AppendLine().Append("x");
            C("sb.append", sb.ToString().Replace("\n", "\\n"));
            sb.Clear();
            for (int i = 0; i < 100; i++) sb.Append(i % 10);
            C("sb.long", sb.Length + " " + sb.ToString().Substring(95));
            sb.Insert(0, "<<").Remove(2, 3).Replace("9", "N");
            C("sb.edit", sb.ToString().Substring(0, 12) + " " + sb.Length);
            sb[0] = '[';
            C("sb.index", sb[0].ToString() + sb[1]);
            var sb2 = new StringBuilder("start");
            sb2.AppendFormat("{0}-{1,3}", O(1), O(2)).Append(O("abcdef"), 1, 3).Append('*', 3);
            C("sb.appendformat", sb2.ToString());
            C("sb.length.set", Truncate(O("abcdef"), 3));
            C("stringcomparer", StringComparer.Ordinal.Compare(O("a"), "B") > 0 ? "gt" : "le");
            C("stringcomparer.ignorecase", StringComparer.OrdinalIgnoreCase.Equals(O("ABC"), "abc") + " " + (StringComparer.OrdinalIgnoreCase.GetHashCode(O("ABC")) == StringComparer.OrdinalIgnoreCase.GetHashCode("abc")));
            var byName = new System.Collections.Generic.Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 1 };
            C("dict.comparer", byName.ContainsKey(O("KEY")) + " " + byName["key"]);
            // Console.WriteLine reaches the same output as the checks (the server's log line).
            Console.WriteLine("console.writeline: {0} {1,3}|{2}", O(1), O("x"), O(2.5));
            Console.WriteLine(O("console.writeline.string: plain"));
        }

        private static string Truncate(string s, int n)
        {
            var sb = new StringBuilder(s);
            sb.Length = n;
            return sb.ToString();
        }

        // Non-ASCII text is printed as code points: the serial log carries ASCII only.
        private static string Codes(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in s) sb.Append(((int)c).ToString("X")).Append(' ');
            return sb.ToString();
        }

        private static int Sign(int x) => x < 0 ? -1 : x > 0 ? 1 : 0;

        private static int CountVowels(string s)
        {
            int n = 0;
            foreach (char c in s)
                if ("aeiou".IndexOf(c) >= 0) n++;
            return n;
        }

        private static string Show(string[] parts)
        {
            var sb = new StringBuilder();
            sb.Append(parts.Length);
            foreach (string p in parts) sb.Append('[').Append(p).Append(']');
            return sb.ToString();
        }
    }
}
