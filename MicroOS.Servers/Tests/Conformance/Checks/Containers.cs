using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // SortedDictionary, SortedList, SortedSet, LinkedList, PriorityQueue, the List and Array members
    // beyond the basic ones, Lazy<T>, Tuple. Random operation sequences are replayed on each
    // container and on a reference (a sorted List) so both the result and .NET's order show.
    internal static class Containers
    {
        public static void Run()
        {
            Sorted();
            Linked();
            Priority();
            Lists();
            Arrays();
            MultiDimensional();
            LazyAndTuple();
        }

        private static string Show<T>(IEnumerable<T> items) => "[" + string.Join(",", items) + "]";

        private static void Sorted()
        {
            var sd = new SortedDictionary<string, int>();
            foreach (string w in O("pear apple fig banana cherry apple date").Split(' '))
                sd[w] = sd.TryGetValue(w, out int n) ? n + 1 : 1;
            C("sorteddictionary.basic", Show(sd.Select(p => p.Key + "=" + p.Value)) + " " + sd.Count + " " + sd.ContainsKey("fig") + " " + sd.ContainsKey("kiwi") + " " + sd.ContainsValue(2) + " " + sd.First().Key + " " + sd.Last().Key);
            sd.Remove(O("banana"));
            sd.Add(O("aardvark"), 9);
            C("sorteddictionary.edit", Show(sd.Keys) + " " + Show(sd.Values) + " " + sd.TryAdd("fig", 5) + " " + sd.TryAdd("zebra", 5) + " " + sd["zebra"]);
            var sdDesc = new SortedDictionary<int, string>(Comparer<int>.Create((a, b) => b.CompareTo(a))) { [O(1)] = "one", [3] = "three", [2] = "two" };
            C("sorteddictionary.comparer", Show(sdDesc.Select(p => p.Key + ":" + p.Value)));
            var ss = new SortedSet<int>(O(new[] { 5, 1, 9, 3, 7, 3, 1 }));
            C("sortedset.basic", Show(ss) + " " + ss.Count + " " + ss.Min + " " + ss.Max + " " + ss.Contains(7) + " " + ss.Add(4) + " " + ss.Add(4) + " " + ss.Remove(9) + " " + Show(ss) + " " + Show(ss.Reverse()));
            var other = O(new[] { 3, 4, 10, 11 });
            var u = new SortedSet<int>(ss); u.UnionWith(other);
            var i = new SortedSet<int>(ss); i.IntersectWith(other);
            var e = new SortedSet<int>(ss); e.ExceptWith(other);
            var x = new SortedSet<int>(ss); x.SymmetricExceptWith(other);
            C("sortedset.setops", Show(u) + " " + Show(i) + " " + Show(e) + " " + Show(x) + " " + ss.Overlaps(other) + " " + i.IsSubsetOf(ss) + " " + ss.IsSupersetOf(i) + " " + ss.SetEquals(new[] { 7, 5, 4, 3, 1 }) + " " + Show(ss.GetViewBetween(2, 6)) + " " + ss.RemoveWhere(v => v % 2 == 1) + " " + Show(ss));
            var sl = new SortedList<int, string> { [O(30)] = "c", [10] = "a", [20] = "b" };
            C("sortedlist.basic", Show(sl.Select(p => p.Key + p.Value)) + " " + sl.IndexOfKey(20) + " " + sl.IndexOfValue("c") + " " + sl.GetKeyAtIndex(0) + " " + sl.GetValueAtIndex(2) + " " + Show(sl.Keys) + " " + Show(sl.Values) + " " + sl.ContainsKey(15));
            sl.RemoveAt(O(1));
            sl.Add(15, "x");
            C("sortedlist.edit", Show(sl.Select(p => p.Key + p.Value)) + " " + sl.Remove(99) + " " + sl.Count + " " + sl.TryGetValue(15, out string v15) + v15);
            // Random operations against a reference.
            for (int round = 0; round < 20; round++)
            {
                var dict = new SortedDictionary<int, int>();
                var set = new SortedSet<int>();
                var list = new SortedList<int, int>();
                var log = new StringBuilder();
                for (int op = 0; op < 40; op++)
                {
                    int k = NextInt(30);
                    if (NextInt(3) == 0)
                    {
                        log.Append(dict.Remove(k) ? 'r' : '-').Append(set.Remove(k) ? 'r' : '-').Append(list.Remove(k) ? 'r' : '-');
                    }
                    else
                    {
                        dict[k] = op;
                        log.Append(set.Add(k) ? 'a' : '=');
                        list[k] = op;
                    }
                }
                C($"sorted.random#{round}", log + " " + Show(dict.Select(p => p.Key + ":" + p.Value)) + " " + Show(set) + " " + (string.Join(",", list.Keys) == string.Join(",", set)) + " " + set.Count + " " + dict.Count);
            }
        }

        private static void Linked()
        {
            var ll = new LinkedList<string>(O(new[] { "b", "c" }));
            ll.AddFirst("a");
            LinkedListNode<string> last = ll.AddLast("e");
            ll.AddBefore(last, "d");
            ll.AddAfter(ll.First, "a2");
            C("linkedlist.add", Show(ll) + " " + ll.Count + " " + ll.First.Value + " " + ll.Last.Value + " " + ll.First.Next.Value + " " + ll.Last.Previous.Value + " " + (ll.First.Previous == null) + " " + (ll.Last.Next == null));
            ll.Remove("a2");
            ll.RemoveFirst();
            ll.RemoveLast();
            C("linkedlist.remove", Show(ll) + " " + ll.Contains("c") + " " + (ll.Find("c")?.Value) + " " + (ll.Find("zz") == null) + " " + (ll.FindLast("d").List == ll) + " " + ll.Remove("nope"));
            var reversed = new List<string>();
            for (LinkedListNode<string> n = ll.Last; n != null; n = n.Previous) reversed.Add(n.Value);
            ll.Clear();
            C("linkedlist.walk", Show(reversed) + " " + ll.Count + " " + (ll.First == null));
            var rnd = new LinkedList<int>();
            var reference = new List<int>();
            for (int op = 0; op < 60; op++)
            {
                int v = NextInt(10);
                switch (NextInt(4))
                {
                    case 0: rnd.AddFirst(v); reference.Insert(0, v); break;
                    case 1: rnd.AddLast(v); reference.Add(v); break;
                    case 2: rnd.Remove(v); reference.Remove(v); break;
                    default: if (rnd.Count > 0) { rnd.RemoveLast(); reference.RemoveAt(reference.Count - 1); } break;
                }
            }
            C("linkedlist.random", Show(rnd) + " " + rnd.SequenceEqual(reference));
        }

        private static void Priority()
        {
            var pq = new PriorityQueue<string, int>();
            string[] names = O("a b c d e f g h i j k l m n o p".Split(' '));
            for (int i = 0; i < names.Length; i++)
                pq.Enqueue(names[i], (i * 7) % 5);
            C("priorityqueue.peek", pq.Count + " " + pq.Peek() + " " + pq.TryPeek(out string top, out int prio) + top + prio);
            var order = new List<string>();
            while (pq.TryDequeue(out string s, out int p)) order.Add(s + p);
            C("priorityqueue.order", Show(order) + " " + pq.Count);
            var pq2 = new PriorityQueue<int, int>(O(new[] { (1, 5), (2, 1), (3, 5), (4, 1), (5, 3), (6, 0), (7, 5) }));
            C("priorityqueue.heapify", pq2.Dequeue() + " " + pq2.EnqueueDequeue(8, 2) + " " + pq2.DequeueEnqueue(9, 9) + " " + Show(pq2.UnorderedItems.Select(t => t.Element + ":" + t.Priority)));
            pq2.EnqueueRange(new[] { 10, 11 }, 1);
            var rest = new List<int>();
            while (pq2.Count > 0) rest.Add(pq2.Dequeue());
            C("priorityqueue.drain", Show(rest));
            for (int round = 0; round < 10; round++)
            {
                var q = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
                var seq = new StringBuilder();
                for (int op = 0; op < 50; op++)
                {
                    if (NextInt(3) == 0 && q.Count > 0) seq.Append(q.Dequeue()).Append(',');
                    else q.Enqueue(op, NextInt(6));
                }
                C($"priorityqueue.random#{round}", seq.ToString() + " left " + q.Count);
            }
        }

        private static void Lists()
        {
            var l = O(new List<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
            l.RemoveRange(2, 3);
            C("list.removerange", Show(l) + " " + Show(l.GetRange(1, 3)));
            l.InsertRange(1, new[] { 100, 101 });
            C("list.insertrange", Show(l) + " " + Show(l.FindAll(x => x % 2 == 1)) + " " + Show(l.ConvertAll(x => "n" + x)) + " " + l.Exists(x => x > 100) + " " + l.TrueForAll(x => x >= 0) + " " + l.FindLast(x => x < 7) + " " + l.FindLastIndex(x => x < 7) + " " + l.FindIndex(3, x => x > 5) + " " + l.IndexOf(7, 2));
            l.Reverse(0, 3);
            l.Sort(2, 4, Comparer<int>.Default);
            C("list.ranges", Show(l) + " " + Show(l.Slice(1, 2)) + " " + l.BinarySearch(2, 4, 8, null) + " " + l.EnsureCapacity(50));
            var copy = new int[12];
            l.CopyTo(1, copy, 2, 3);
            C("list.copyto", Show(copy));
        }

        private static void Arrays()
        {
            int[] keys = O(new[] { 5, 3, 5, 1, 3, 9, 1, 5, 2, 2, 8, 0, 7, 5, 3, 1, 4, 6, 5, 3 });
            string[] items = keys.Select((k, i) => k + "/" + i).ToArray();
            Array.Sort(keys, items);
            C("array.sort.keysitems", Show(keys) + " " + Show(items));
            int[] r = O(new[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 });
            Array.Sort(r, 2, 5);
            C("array.sort.range", Show(r) + " " + Array.IndexOf(r, 3, 4) + " " + Array.IndexOf(r, 9, 1) + " " + Array.LastIndexOf(r, 2, 5) + " " + Show(Array.FindAll(r, x => x > 6)) + " " + Array.FindLast(r, x => x < 5) + " " + Show(Array.ConvertAll(r, x => x * 2)));
            for (int round = 0; round < 12; round++)
            {
                int n = NextInt(40) + 2;
                int[] k = new int[n];
                int[] v = new int[n];
                for (int i = 0; i < n; i++) { k[i] = NextInt(6); v[i] = i; }
                Array.Sort(k, v);
                C($"array.sort.keysitems#{round}", Show(v));
            }
            int[,] grid = O(new int[,] { { 1, 2, 3 }, { 4, 5, 6 } });
            var sb = new StringBuilder();
            for (int i = 0; i < grid.GetLength(0); i++)
                for (int j = 0; j < grid.GetLength(1); j++) sb.Append(grid[i, j]);
            C("array.multidim.loops", sb + " " + grid.GetLowerBound(0) + " " + grid.GetUpperBound(0) + " " + grid.GetUpperBound(1) + " " + grid.Rank + " " + grid.Length);
            Array.Fill(r, 7, 1, 2);
            C("array.fill.range", Show(r));
        }

        // Multi-dimensional arrays (int[,], int[,,]) next to jagged ones: creation, indexing, the
        // bounds, foreach (row-major: Roslyn lowers it to GetLowerBound/GetUpperBound loops), the
        // non-generic IEnumerable (boxed elements), Clone, Array.Copy and Clear (flattened indices).
        private static void MultiDimensional()
        {
            int[,] grid = O(new int[,] { { 1, 2, 3 }, { 4, 5, 6 } });
            var sb = new StringBuilder();
            foreach (int v in grid) sb.Append(v).Append(' ');
            C("array2d.foreach", sb + "| " + grid.Length + " " + grid.Rank + " " + grid.GetLength(0) + "x" + grid.GetLength(1));
            int sum = 0, visited = 0;
            foreach (int v in grid)
            {
                visited++;
                if (v == O(2)) continue;
                if (v == O(5)) break;
                sum += v;
            }
            C("array2d.foreach.breakcontinue", sum + " " + visited);
            int[,,] cube = new int[O(2), 3, 4];
            for (int i = 0; i < cube.GetLength(0); i++)
                for (int j = 0; j < cube.GetLength(1); j++)
                    for (int k = 0; k < cube.GetLength(2); k++)
                        cube[i, j, k] = i * 100 + j * 10 + k;
            sb.Clear();
            foreach (int v in cube) sb.Append(v).Append(',');
            C("array3d.foreach", sb.ToString());
            C("array3d.shape", cube.Length + " " + cube.Rank + " " + cube.GetLength(0) + " " + cube.GetLength(1) + " " + cube.GetLength(2) + " " + cube.GetUpperBound(2) + " " + cube.GetLowerBound(1) + " " + cube[1, 2, 3] + " " + cube[0, 1, 2]);
            int[,,] lit3 = O(new int[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } });
            int product = 1;
            foreach (int v in lit3) product *= v;
            C("array3d.literal", product + " " + lit3[1, 0, 1] + " " + lit3.Length);
            var empty = new int[O(0), 3];
            int count = 0;
            foreach (int v in empty) count++;
            C("array2d.empty", count + " " + empty.Length + " " + empty.GetLength(0) + " " + empty.GetLength(1) + " " + empty.GetUpperBound(0));

            // Jagged vs multi-dimensional: the same numbers, rows of different lengths in the jagged one.
            int[][] jag = O(new[] { new[] { 1, 2, 3 }, new[] { 4 }, new int[0], new[] { 5, 6 } });
            sb.Clear();
            foreach (int[] row in jag) { sb.Append(row.Length).Append(':'); foreach (int v in row) sb.Append(v); sb.Append(' '); }
            C("jagged.foreach", sb + "| " + jag.Length + " " + jag.Rank + " " + jag[3].Rank + " " + jag.Sum(r => r.Length) + " " + jag.SelectMany(r => r).Sum());
            int[][,] mixed = { O(new int[,] { { 1 }, { 2 } }), new int[2, 3] };
            mixed[1][1, 2] = O(9);
            C("jagged.of.multidim", mixed[0].GetLength(0) + " " + mixed[0].GetLength(1) + " " + mixed[1][1, 2] + " " + mixed[1].Length + " " + mixed.Length);

            // Element types beyond int.
            long[,] longs = new long[2, O(2)];
            longs[1, 1] = long.MaxValue; longs[0, 1] = O(-5L);
            double[,] doubles = { { O(0.5), 1.25 }, { -2.0, 1e300 } };
            byte[,] bytes = new byte[O(3), 2];
            bytes[2, 1] = 255; bytes[0, 0] = O((byte)7);
            (int, string)[,] pairs = new (int, string)[2, 1];
            pairs[1, 0] = (O(3), "three");
            bool[,] flags = new bool[2, 2];
            flags[0, 1] = O(true);
            sb.Clear();
            foreach (long v in longs) sb.Append(v).Append(' ');
            foreach (double v in doubles) sb.Append(v).Append(' ');
            foreach (byte v in bytes) sb.Append(v).Append(' ');
            foreach (var p in pairs) sb.Append(p).Append(' ');
            foreach (bool v in flags) sb.Append(v).Append(' ');
            C("array2d.elementtypes", sb.ToString());

            // Arrays of references: stores are type-checked (covariance), the collector scans them.
            string[,] names = new string[2, O(3)];
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 3; j++)
                    names[i, j] = i == 1 && j == 1 ? null : O("n") + i + j;
            ref string slot = ref names[0, 2];
            slot += "!";
            object[,] boxes = names;                     // string[,] is an object[,]
            sb.Clear();
            foreach (string n in names) sb.Append(n ?? "(null)").Append(' ');
            object[,] objects = { { O(1), "two" }, { 3.5, null } };
            foreach (object o in objects) sb.Append(o ?? "(null)").Append(' ');
            var strings3 = new string[1, 2, O(2)];
            strings3[0, 1, 1] = "deep";
            C("array2d.references", sb + "| " + boxes[1, 2] + " " + (boxes is string[,]) + " " + names.Rank + " " + strings3[0, 1, 1] + " " + (strings3[0, 0, 0] == null) + " " + ((string[,])names.Clone())[0, 2]);

            // Through the non-generic IEnumerable: each element boxed, in the same order.
            sb.Clear();
            foreach (object o in (System.Collections.IEnumerable)grid) sb.Append(o).Append(o is int ? "i " : "? ");
            foreach (object o in (System.Collections.IEnumerable)doubles) sb.Append(o).Append(' ');
            System.Collections.IEnumerator e = ((System.Collections.IEnumerable)pairs).GetEnumerator();
            while (e.MoveNext()) sb.Append(e.Current).Append(' ');
            e.Reset();
            sb.Append(e.MoveNext()).Append(' ').Append(e.Current);
            C("array2d.ienumerable", sb.ToString());
            System.Collections.IEnumerable asEnumerable = O(new[] { 4, 5 });
            sb.Clear();
            foreach (object o in asEnumerable) sb.Append(o);
            foreach (object o in ((Array)grid)) sb.Append(o);
            C("array.ienumerable", sb.ToString() + " " + ((Array)cube).Rank + " " + ((Array)jag).Rank + " " + ((Array)grid).Length);

            // Clone keeps the shape; Copy and Clear count elements row-major, as .NET's flattened view.
            var clone = (int[,])grid.Clone();
            clone[0, 0] = O(99);
            C("array2d.clone", clone[0, 0] + " " + grid[0, 0] + " " + clone[1, 2] + " " + clone.GetLength(0) + "x" + clone.GetLength(1) + " " + clone.Rank);
            var clone3 = (int[,,])cube.Clone();
            sb.Clear();
            foreach (int v in clone3) sb.Append(v).Append(',');
            C("array3d.clone", sb.ToString() + " " + clone3.GetLength(2));
            var target = new int[2, 3];
            Array.Copy(grid, 1, target, 2, 4);
            Array.Clear(clone, 4, 2);
            sb.Clear();
            foreach (int v in target) sb.Append(v);
            sb.Append(' ');
            foreach (int v in clone) sb.Append(v).Append(',');
            C("array2d.copy.clear", sb.ToString());

            // Random shapes: the foreach order is row-major, every element once.
            for (int round = 0; round < 10; round++)
            {
                int rows = NextInt(5), cols = NextInt(6) + 1, depth = NextInt(3) + 1;
                var m = new int[rows, cols];
                var d3 = new long[depth, rows, cols];
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < cols; j++)
                    {
                        m[i, j] = NextInt(1000) - 500;
                        for (int k = 0; k < depth; k++) d3[k, i, j] = (long)m[i, j] * (k + 1);
                    }
                sb.Clear();
                foreach (int v in m) sb.Append(v).Append(',');
                long total = 0;
                foreach (long v in d3) total = total * 31 + v;
                C($"array2d.random#{round}", sb + " " + m.Length + " " + m.GetUpperBound(0) + " " + m.GetUpperBound(1) + " " + total + " " + d3.Length);
            }
        }

        private static void LazyAndTuple()
        {
            int made = 0;
            var lazy = new Lazy<string>(() => { made++; return "made" + O(1); });
            C("lazy", lazy.IsValueCreated + " " + lazy.Value + " " + lazy.Value + " " + made + " " + lazy.IsValueCreated + " " + new Lazy<int>(O(5)).Value + " " + new Lazy<int>(O(5)).IsValueCreated);
            var t = Tuple.Create(O(1), "two", 3.5);
            var (a, b, c) = t;
            C("tuple", t + " " + t.Item1 + " " + t.Item2 + " " + t.Item3 + " " + a + b + c + " " + t.Equals(Tuple.Create(1, "two", 3.5)) + " " + ((IComparable)Tuple.Create(O(1), 2)).CompareTo(Tuple.Create(1, 3)) + " " + Tuple.Create(O("x")) + " " + Tuple.Create(1, 2, 3, 4) + " " + (Tuple.Create(1, 2).GetHashCode() == Tuple.Create(1, 2).GetHashCode()));
        }
    }
}
