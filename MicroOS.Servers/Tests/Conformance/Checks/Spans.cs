using System;
using System.Collections.Generic;
using System.Linq;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // Span<T> and ReadOnlySpan<T> members (overlapping CopyTo is a memmove), MemoryExtensions
    // searches and sorts, Memory<T>, ReadOnlyMemory<T>, ArraySegment<T>.
    internal static class Spans
    {
        private static string Show<T>(ReadOnlySpan<T> s)
        {
            var parts = new List<string>();
            foreach (T x in s) parts.Add(x.ToString());
            return "[" + string.Join(",", parts) + "]";
        }

        private static string Show<T>(Span<T> s) => Show((ReadOnlySpan<T>)s);

        public static void Run()
        {
            // Overlapping copies, both directions, every element size.
            for (int shift = -3; shift <= 3; shift++)
            {
                int[] a = O(Enumerable.Range(0, 10).ToArray());
                int from = shift < 0 ? -shift : 0, to = shift < 0 ? 0 : shift;
                a.AsSpan(from, 6).CopyTo(a.AsSpan(to, 6));
                long[] l = O(Enumerable.Range(0, 10).Select(x => (long)x).ToArray());
                ((ReadOnlySpan<long>)l.AsSpan(from, 6)).CopyTo(l.AsSpan(to));
                string[] s = O(Enumerable.Range(0, 10).Select(x => "s" + x).ToArray());
                s.AsSpan(from, 6).CopyTo(s.AsSpan(to));
                byte[] b = O(Enumerable.Range(0, 10).Select(x => (byte)x).ToArray());
                b.AsSpan(from, 6).TryCopyTo(b.AsSpan(to));
                C($"span.copyto.overlap#{shift}", Show<int>(a) + " " + Show<long>(l) + " " + Show<string>(s) + " " + Show<byte>(b));
            }
            ReadOnlySpan<char> text = O("the cat sat on the mat");
            C("span.search", text.IndexOf("at".AsSpan()) + " " + text.LastIndexOf("at".AsSpan()) + " " + text.IndexOf("dog".AsSpan()) + " " + text.IndexOfAny('s', 'm') + " " + text.IndexOfAny('x', 'm', 'o') + " " + text.IndexOfAny("om".AsSpan()) + " " + text.LastIndexOfAny('t', 'h') + " " + text.LastIndexOfAny("ca".AsSpan()) + " " + text.IndexOfAnyExcept('t') + " " + text.Count('t') + " " + text.Count("at".AsSpan()) + " " + text.ContainsAny('z', 'q') + " " + text.StartsWith('t') + " " + text.EndsWith('t'));
            int[] nums = O(new[] { 5, 3, 8, 1, 9, 2, 7, 3 });
            Span<int> span = nums;
            C("span.search.int", span.IndexOf(new[] { 1, 9 }) + " " + span.LastIndexOf(new[] { 3 }) + " " + span.IndexOfAny(8, 9) + " " + span.IndexOfAny(new[] { 7, 2 }) + " " + span.LastIndexOfAny(3, 5) + " " + span.Count(3) + " " + span.IndexOfAnyExcept(5) + " " + span.StartsWith(new[] { 5, 3 }) + " " + span.EndsWith(new[] { 3 }) + " " + span.SequenceCompareTo(new[] { 5, 3, 9 }) + " " + span.CommonPrefixLength(new[] { 5, 3, 8, 2 }));
            span.Sort((x, y) => y.CompareTo(x));
            C("span.sort.comparison", Show(span));
            span.Sort(Comparer<int>.Create((x, y) => (x % 3).CompareTo(y % 3)));
            C("span.sort.comparer", Show(span));
            int[] keys = O(new[] { 3, 1, 2, 1, 3 });
            char[] items = O("abcde".ToCharArray());
            keys.AsSpan().Sort(items.AsSpan());
            C("span.sort.keys", Show<int>(keys) + " " + new string(items));
            span.Sort();
            span.Replace(3, 30);
            C("span.replace", Show(span) + " " + ((ReadOnlySpan<int>)span).BinarySearch(Comparer(8)) + " " + ((ReadOnlySpan<int>)span).BinarySearch(Comparer(4)));
            C("span.empty", Span<int>.Empty.Length + " " + ReadOnlySpan<char>.Empty.IsEmpty + " " + ((ReadOnlySpan<int>)nums).TryCopyTo(new int[3]) + " " + ((ReadOnlySpan<int>)nums).TryCopyTo(new int[8]) + " " + nums.AsSpan(2..5).Length + " " + nums.AsSpan(^2).Length);
            C("span.trim", "[" + O("  x y  ").AsSpan().TrimStart().ToString() + "][" + O("  x y  ").AsSpan().TrimEnd().ToString() + "][" + O("--a--").AsSpan().Trim('-').ToString() + "]");
            int[] big = O(Enumerable.Range(0, 10).ToArray());
            C("span.overlaps", big.AsSpan(0, 5).Overlaps(big.AsSpan(4, 3)) + " " + ((ReadOnlySpan<int>)big.AsSpan(0, 4)).Overlaps(big.AsSpan(4, 3)) + " " + ((ReadOnlySpan<int>)big.AsSpan(5)).Overlaps(big.AsSpan(0, 6)));

            Memory<int> mem = O(new[] { 10, 20, 30, 40, 50 });
            Memory<int> slice = mem.Slice(1, 3);
            slice.Span[0] = 21;
            ReadOnlyMemory<int> ro = slice;
            C("memory", mem.Length + " " + slice.Length + " " + Show(mem.Span) + " " + Show(ro.Span) + " " + ro.Slice(1).Length + " " + mem.IsEmpty + " " + Memory<int>.Empty.IsEmpty + " " + string.Join(",", slice.ToArray()) + " " + slice.Equals(mem.Slice(1, 3)) + " " + ro.Equals(slice));
            var target = new int[5];
            slice.CopyTo(target);
            C("memory.copy", Show<int>(target) + " " + slice.TryCopyTo(new int[2]) + " " + string.Join(",", nums.AsMemory(2, 2).ToArray()) + " " + nums.AsMemory(6).Length);
            ReadOnlyMemory<char> chars = O("hello world").AsMemory(6);
            C("memory.string", chars.ToString() + " " + chars.Length + " " + chars.Span[0] + " " + chars.Slice(1, 3).ToString() + " " + O("abc").AsMemory(1, 1).ToString() + " " + O("xyz").AsMemory().Span.IndexOf('z'));

            var seg = new ArraySegment<int>(O(new[] { 1, 2, 3, 4, 5, 6 }), 1, 4);
            C("arraysegment", seg.Offset + " " + seg.Count + " " + seg[0] + " " + seg[3] + " " + string.Join(",", seg) + " " + string.Join(",", seg.Slice(1, 2)) + " " + string.Join(",", seg.ToArray()) + " " + ((IList<int>)seg).IndexOf(4) + " " + seg.Contains(6) + " " + seg.AsSpan().Length + " " + (seg == new ArraySegment<int>(seg.Array, 1, 4)) + " " + ArraySegment<int>.Empty.Count + " " + seg.Sum());
            seg[1] = 99;
            Memory<int> fromSeg = seg;
            C("arraysegment.write", string.Join(",", seg.Array) + " " + fromSeg.Span[1] + " " + string.Join(",", seg.Select(x => x * 2)));
        }

        private static IComparable<int> Comparer(int value) => new Target(value);

        private sealed class Target : IComparable<int>
        {
            private readonly int _value;
            public Target(int value) { _value = value; }
            public int CompareTo(int other) => _value.CompareTo(other);
        }
    }
}
