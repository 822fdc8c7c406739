using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // C# features that lean on runtime members (anonymous types, list patterns with a slice,
    // foreach over a multi-dimensional array), Console.Write, Enum.TryParse with ignoreCase,
    // string.Replace with a comparison, LINQ Zip to tuples, Average with selectors, Chunk.
    internal static class Language
    {
        private static IEnumerable<int> Evens(int n)
        {
            for (int i = 0; i < n; i += 2)
                yield return i;
        }

        public static void Run()
        {
            var anon = new { Name = O("disk"), Size = 512, Ok = true };
            var same = new { Name = "disk", Size = O(512), Ok = true };
            C("anonymous", anon + " " + anon.Equals(same) + " " + (anon.GetHashCode() == same.GetHashCode()) + " " + anon.Name + anon.Size + " " + new { A = O<string>(null), B = 1.5 });
            var grouped = O(new[] { "ab", "cd", "abc", "x" }).Select(s => new { s.Length, First = s[0] }).Distinct().ToList();
            C("anonymous.linq", string.Join(";", grouped) + " " + grouped.Count);

            int[][] arrays = { O(new int[0]), O(new[] { 1 }), O(new[] { 1, 2 }), O(new[] { 1, 2, 3, 4 }) };
            foreach (int[] a in arrays)
            {
                string shape = a switch
                {
                    [] => "empty",
                    [var only] => "one " + only,
                    [var first, .. var rest] when rest.Length == 1 => "first " + first + " rest " + string.Join(",", rest),
                    [var first, .., var last] => "first " + first + " last " + last,
                };
                string list = new List<int>(a) is [var h, .. var t] ? "head " + h + " tail " + string.Join(",", t) : "no head";
                C($"listpattern#{a.Length}", shape + " | " + list + " | " + (a is [_, _, ..] ? "two+" : "fewer"));
            }
            string text = O("hello");
            C("listpattern.string", (text is ['h', .. var middle, 'o'] ? middle : "no") + " " + text[1..^1] + " " + O(new[] { 1, 2, 3, 4, 5 })[1..^1].Length);

            // foreach over a multi-dimensional array still fails in Roslyn (CS7038 "Failed to emit
            // module", no location) although the runtime has GetLowerBound/GetUpperBound: not checked yet.
            int[,] grid = O(new int[,] { { 1, 2, 3 }, { 4, 5, 6 } });
            C("array.multidim.bounds", grid.GetLowerBound(0) + " " + grid.GetUpperBound(0) + " " + grid.GetUpperBound(1) + " " + grid.Rank + " " + grid.Length + " " + grid.GetLength(0) + "x" + grid.GetLength(1) + " " + grid[1, 2]);

            Console.Write(O("console.write: a"));
            Console.Write(O(1));
            Console.Write(' ');
            Console.Write("{0}-{1}", O(2), 3);
            Console.WriteLine("|end");
            Console.Write(O("console.write.lines: one\nconsole.write.lines: two "));
            Console.WriteLine(O(true));

            C("enum.tryparse.ignorecase", Enum.TryParse(O("green"), true, out Color g) + " " + g + " " + Enum.TryParse(O("green"), false, out Color g2) + " " + g2 + " " + Enum.TryParse(O("RED, blue"), true, out Color rb) + " " + (int)rb + " " + Enum.Parse<Color>(O("BLUE"), true) + " " + Enum.TryParse(O("Purple"), true, out Color none) + " " + none);
            C("string.replace.comparison", O("Hello hello HELLO").Replace("hello", "bye", StringComparison.OrdinalIgnoreCase) + " " + O("Hello hello").Replace("hello", "bye", StringComparison.Ordinal) + " " + O("aAaA").Replace("a", "", StringComparison.OrdinalIgnoreCase) + "|" + O("xXx").Replace("X", null, true, null) + " " + O("abc").Replace("B", "b", false, null));

            int[] nums = O(new[] { 1, 2, 3, 4, 5, 6, 7 });
            string[] words = O(new[] { "one", "two", "three" });
            C("linq.zip.tuples", string.Join(" ", nums.Zip(words)) + " " + string.Join(" ", nums.Zip(words, nums.Reverse())) + " " + string.Join(",", nums.Zip(words).Select(t => t.First + t.Second)));
            C("linq.average", nums.Average(x => x * 1.5).ToString("R") + " " + nums.Average(x => (long)x * 3) + " " + words.Average(w => w.Length).ToString("R") + " " + new[] { 1.5f, 2.5f }.Average() + " " + new[] { 1L, 4L }.Average() + " " + new[] { 0.1, 0.2 }.Average().ToString("R") + " " + nums.Average(x => (float)x / 3).ToString("R"));
            C("linq.chunk", string.Join(" ", nums.Chunk(3).Select(c => "[" + string.Join(",", c) + "]")) + " " + nums.Chunk(10).Count() + " " + Array.Empty<int>().Chunk(2).Count());
            C("iterator.yield", string.Join(",", Evens(O(10))) + " " + string.Join(",", new object[] { O(1), 2 }.Cast<int>().Select(x => x * 2)) + " " + Evens(O(7)).Count());
            C("linq.more", string.Join(",", words.DistinctBy(w => w.Length)) + " " + string.Join(",", nums.TakeLast(2)) + " " + string.Join(",", nums.SkipLast(5)) + " " + string.Join(",", new[] { 3, 1, 2 }.Order()) + " " + string.Join(",", new[] { 3, 1, 2 }.OrderDescending()) + " " + string.Join(",", words.Index().Select(p => p.Index + p.Item)) + " " + string.Join(",", nums.ExceptBy(new[] { 1, 0 }, x => x % 3)) + " " + string.Join(",", nums.UnionBy(new[] { 10, 20 }, x => x % 4)));
        }
    }
}
