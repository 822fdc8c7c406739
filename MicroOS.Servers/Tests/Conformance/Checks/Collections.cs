using System;
using System.Collections.Generic;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    internal static class Collections
    {
        public static void Run()
        {
            int[] init = { 5, 3, 9, 1, 7 };
            C("array.init", Show(init));
            C("array.init.long", Show(new long[] { 1, -2, 3000000000 }));
            C("array.init.double", Show(new double[] { 1.5, -0.25 }));
            C("array.init.byte", Show(new byte[] { 1, 2, 255 }));
            C("array.init.string", string.Join(",", new[] { "x", "y" }));
            C("params.consts", Sum(1, 2, 3, 4, 5));
            int[] a = O(new[] { 5, 3, 9, 1, 7, 3, 8, 2 });
            Array.Sort(a);
            C("array.sort", Show(a));
            Array.Reverse(a);
            C("array.reverse", Show(a));
            Array.Sort(a, (x, y) => (x % 3).CompareTo(y % 3));
            C("array.sort.comparison.keys", ShowMod(a));
            Array.Sort(a, new Descending());
            C("array.sort.icomparer", Show(a));
            Array.Reverse(a, 1, 3);
            C("array.reverse.range", Show(a));
            Array.Fill(a, O(4));
            C("array.fill", Show(a));
            C("array.indexof", Array.IndexOf(O(new[] { 1, 2, 3, 2 }), 2) + " " + Array.IndexOf(O(new[] { "a", "b" }), "c") + " " + Array.LastIndexOf(O(new[] { 1, 2, 3, 2 }), 2));
            C("array.exists", Array.Exists(O(new[] { 1, 2 }), x => x > 1) + " " + Array.Find(O(new[] { 1, 2, 3 }), x => x > 1) + " " + Array.FindIndex(O(new[] { 1, 2, 3 }), x => x == 3));
            C("array.binarysearch", Array.BinarySearch(O(new[] { 1, 3, 5, 7 }), 5) + " " + Array.BinarySearch(O(new[] { 1, 3, 5, 7 }), 4));
            var strs = O(new[] { "pear", "apple", "fig", "banana" });
            Array.Sort(strs);
            C("array.sort.strings", string.Join(",", strs));
            Array.Sort(strs, (x, y) => x.Length.CompareTo(y.Length));
            C("array.sort.bylength", strs[0] + "," + strs[3]);
            for (int n = 0; n < 12; n++)
            {
                int len = 1 + NextInt(300);
                int[] r = new int[len];
                for (int i = 0; i < len; i++) r[i] = NextInt(1000) - 500;
                Array.Sort(r);
                C($"array.sort.random#{n}", len + " " + IsSorted(r) + " " + Checksum(r));
            }

            // Unstable sorts must leave equal keys in .NET's order: the same introsort, step for step.
            for (int n = 0; n < 6; n++)
            {
                int len = 5 + NextInt(120);
                var pairs = new (int Key, int Id)[len];
                for (int i = 0; i < len; i++) pairs[i] = (NextInt(6), i);
                var asList = new List<(int Key, int Id)>(pairs);
                Array.Sort(pairs, (x, y) => x.Key.CompareTo(y.Key));
                asList.Sort((x, y) => x.Key.CompareTo(y.Key));
                var ids = new StringBuilder();
                foreach (var p in pairs) ids.Append(p.Id).Append(',');
                C($"array.sort.unstable#{n}", ids.ToString());
                ids.Clear();
                foreach (var p in asList) ids.Append(p.Id).Append(',');
                C($"list.sort.unstable#{n}", ids.ToString());
            }

            var list = new List<int> { 4, 2, 8, 6 };
            list.Add(O(1));
            list.Insert(0, 9);
            list.Sort();
            C("list.sort", Show(list.ToArray()));
            list.Sort((x, y) => y.CompareTo(x));
            C("list.sort.desc", Show(list.ToArray()));
            list.Reverse();
            C("list.reverse", Show(list.ToArray()));
            list.RemoveAt(0);
            list.Remove(8);
            C("list.remove", Show(list.ToArray()) + " " + list.Count + " " + list.Contains(6) + " " + list.IndexOf(6));
            list.RemoveAll(x => x % 2 == 0);
            C("list.removeall", Show(list.ToArray()));
            list.AddRange(new[] { 10, 11, 12 });
            C("list.addrange", Show(list.ToArray()) + " " + list.Find(x => x > 10) + " " + list.FindIndex(x => x > 10) + " " + list.Exists(x => x == 12) + " " + list.TrueForAll(x => x > 0));
            C("list.getrange", Show(list.GetRange(1, 2).ToArray()));
            list.InsertRange(1, new[] { 7, 7 });
            C("list.insertrange", Show(list.ToArray()));
            C("list.binarysearch", new List<int> { 1, 3, 5 }.BinarySearch(O(3)));
            var pts = new List<Point> { new Point(1, 2), new Point(3, 4) };
            C("list.contains.struct", pts.Contains(new Point(O(3), 4)) + " " + pts.IndexOf(new Point(1, O(2))) + " " + pts.Contains(new Point(5, 5)));
            var strList = new List<string> { "b", "a", "c" };
            strList.Sort();
            C("list.sort.strings", string.Join("", strList));
            C("list.foreach", ForEachSum(list));

            var d = new Dictionary<string, int>();
            d["one"] = 1; d["two"] = 2; d[O("three")] = 3;
            d["two"] = 22;
            C("dict.basic", d.Count + " " + d["two"] + " " + d.ContainsKey("three") + " " + d.ContainsKey("four") + " " + d.TryGetValue("one", out int one) + one);
            C("dict.remove", d.Remove("one") + " " + d.Remove("one") + " " + d.Count);
            C("dict.getvalueordefault", d.GetValueOrDefault("zzz", -1) + " " + d.TryAdd("two", 5) + " " + d.TryAdd("four", 4));
            var byPoint = new Dictionary<Point, string> { [new Point(1, 1)] = "a", [new Point(2, 2)] = "b" };
            C("dict.struct.key", byPoint[new Point(O(2), 2)] + " " + byPoint.ContainsKey(new Point(1, O(1))));
            var byTuple = new Dictionary<(int, string), int> { [(1, "x")] = 10 };
            C("dict.tuple.key", byTuple[(O(1), O("x"))]);
            var ordered = new Dictionary<int, int>();
            for (int i = 0; i < 20; i++) ordered[i * 7 % 13] = i;
            int keySum = 0;
            foreach (var kv in ordered) keySum += kv.Key * kv.Value;
            C("dict.enumerate", keySum + " " + ordered.Count);
            C("dict.keys.values", Sum(ordered.Keys) + " " + Sum(ordered.Values));
            var churn = new Dictionary<int, int>();
            for (int i = 0; i < 30; i++) churn[NextInt(50)] = i;
            for (int i = 0; i < 10; i++) churn.Remove(NextInt(50));
            for (int i = 0; i < 10; i++) churn[NextInt(50)] = i;
            C("dict.order.after.removals", string.Join(",", churn.Keys));
            var churnSet = new HashSet<string>();
            for (int i = 0; i < 20; i++) churnSet.Add("k" + NextInt(30));
            for (int i = 0; i < 8; i++) churnSet.Remove("k" + NextInt(30));
            for (int i = 0; i < 8; i++) churnSet.Add("k" + NextInt(30));
            C("hashset.order.after.removals", string.Join(",", churnSet));
            C("kvp.tostring", new KeyValuePair<string, int>(O("k"), 5).ToString());

            var hs = new HashSet<int> { 1, 2, 3 };
            C("hashset.add", hs.Add(O(2)) + " " + hs.Add(O(4)) + " " + hs.Count + " " + hs.Contains(4) + " " + hs.Remove(1) + " " + hs.Contains(1));
            hs.UnionWith(new[] { 10, 11 });
            C("hashset.union", hs.Count + " " + hs.Contains(11));
            hs.IntersectWith(new[] { 2, 10, 99 });
            C("hashset.intersect", hs.Count + " " + hs.Contains(2) + " " + hs.Contains(3));
            hs.ExceptWith(new[] { 2 });
            C("hashset.except", hs.Count + " " + hs.Contains(10));
            var hss = new HashSet<string> { "a", "b" };
            C("hashset.strings", hss.Contains(O("a")) + " " + hss.SetEquals(new[] { "b", "a" }) + " " + hss.IsSubsetOf(new[] { "a", "b", "c" }) + " " + hss.Overlaps(new[] { "z" }));

            var st = new Stack<int>();
            st.Push(1); st.Push(O(2)); st.Push(3);
            C("stack", st.Pop() + " " + st.Peek() + " " + st.Count + " " + st.Contains(1) + " " + st.TryPop(out int sp) + sp + " " + st.TryPeek(out int spk) + spk);
            var stOrder = new Stack<string>(new[] { "a", "b", "c" });
            C("stack.enumerate", string.Join("", stOrder) + " " + string.Join("", stOrder.ToArray()));
            var q = new Queue<int>();
            q.Enqueue(1); q.Enqueue(O(2)); q.Enqueue(3);
            C("queue", q.Dequeue() + " " + q.Peek() + " " + q.Count + " " + q.TryDequeue(out int qd) + qd);

            Span<int> span = O(new[] { 1, 2, 3, 4, 5, 3 });
            C("span.indexof", span.IndexOf(3) + " " + span.LastIndexOf(3) + " " + span.IndexOf(9) + " " + span.Contains(5));
            C("span.sequenceequal", span.Slice(0, 2).SequenceEqual(new[] { 1, 2 }) + " " + span.SequenceEqual(new[] { 1, 2 }));
            C("span.slice.range", Show(span[1..3].ToArray()) + Show(span[^2..].ToArray()) + span[^1]);
            span.Slice(4).Fill(O(0));
            C("span.fill", Show(span.ToArray()));
            int[] dest = new int[8];
            span.CopyTo(dest);
            C("span.copyto", Show(dest));
            C("span.trycopyto", span.TryCopyTo(new int[2]) + " " + span.TryCopyTo(new int[6]));
            span.Reverse();
            C("span.reverse", Show(span.ToArray()));
            ReadOnlySpan<char> chars = O("hello world").AsSpan();
            C("rospan.char", chars.IndexOf('w') + " " + chars.Slice(6).ToString() + " " + chars.StartsWith("hell") + " " + chars.Trim().Length);
            Span<byte> bytes = stackalloc byte[4];
            bytes.Fill(7);
            bytes[1] = O((byte)1);
            C("span.stackalloc", Show(bytes.ToArray()));
            C("span.sort", SortSpan(O(new[] { 3, 1, 2 })));
            C("array.asspan", O(new[] { 9, 8, 7 }).AsSpan(1).Length + " " + O(new[] { 9, 8, 7 }).AsSpan(1, 1)[0]);

            int[,] grid = new int[3, 4];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 4; j++)
                    grid[i, j] = i * 10 + j;
            C("array2d", grid[2, 3] + " " + grid.Length + " " + grid.GetLength(0) + " " + grid.GetLength(1) + " " + grid.Rank);
            int[,] lit = { { 1, 2 }, { 3, 4 } };
            C("array2d.literal", lit[1, 0] + lit[0, 1]);
            int[][] jag = { new[] { 1 }, new[] { 2, 3 } };
            C("jagged", jag[1][1] + jag.Length);
            var copy = (int[])O(new[] { 1, 2, 3 }).Clone();
            C("array.clone", Show(copy));
            int[] resized = O(new[] { 1, 2 });
            Array.Resize(ref resized, 4);
            C("array.resize", Show(resized));
            var cp = new int[5];
            Array.Copy(O(new[] { 1, 2, 3 }), 0, cp, 1, 3);
            C("array.copy", Show(cp));
            C("array.empty", Array.Empty<int>().Length);
        }

        private static string SortSpan(int[] a)
        {
            Span<int> s = a;
            s.Sort();
            return Show(a);
        }

        private static int Sum(params int[] xs)
        {
            int t = 0;
            foreach (int x in xs) t += x;
            return t;
        }

        private static int Sum(IEnumerable<int> xs)
        {
            int t = 0;
            foreach (int x in xs) t += x;
            return t;
        }

        private static int ForEachSum(List<int> l)
        {
            int t = 0;
            l.ForEach(x => t += x);
            return t;
        }

        private static bool IsSorted(int[] a)
        {
            for (int i = 1; i < a.Length; i++) if (a[i - 1] > a[i]) return false;
            return true;
        }

        private static long Checksum(int[] a)
        {
            long h = 0;
            for (int i = 0; i < a.Length; i++) h = h * 31 + a[i];
            return h;
        }

        public static string Show<T>(T[] a)
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < a.Length; i++) { if (i > 0) sb.Append(','); sb.Append(a[i].ToString()); }
            return sb.Append(']').ToString();
        }

        private static string ShowMod(int[] a)
        {
            var sb = new StringBuilder();
            foreach (int x in a) sb.Append(x % 3);
            return sb.ToString();
        }

        private sealed class Descending : IComparer<int>
        {
            public int Compare(int x, int y) => y.CompareTo(x);
        }
    }

    internal struct Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
    }
}
