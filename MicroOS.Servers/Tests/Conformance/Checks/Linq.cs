using System;
using System.Collections.Generic;
using System.Linq;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    internal static class Linq
    {
        public static void Run()
        {
            int[] xs = O(new[] { 5, 3, 8, 1, 9, 2, 8, 4 });
            C("linq.where", J(xs.Where(x => x > 4)));
            C("linq.where.index", J(xs.Where((x, i) => i % 2 == 0)));
            C("linq.select", J(xs.Select(x => x * 2)));
            C("linq.select.index", J(xs.Select((x, i) => x + i)));
            C("linq.selectmany", J(new[] { 1, 2 }.SelectMany(x => new[] { x, x * 10 })));
            C("linq.count", xs.Count() + " " + xs.Count(x => x == 8) + " " + xs.Where(x => x < 0).Count());
            C("linq.any.all", xs.Any() + " " + xs.Any(x => x > 8) + " " + xs.All(x => x > 0) + " " + Array.Empty<int>().Any() + " " + xs.Contains(9));
            C("linq.first", xs.First() + " " + xs.First(x => x > 5) + " " + xs.FirstOrDefault(x => x > 100) + " " + xs.Last() + " " + xs.LastOrDefault(x => x < 3) + " " + new string[0].FirstOrDefault());
            C("linq.single", new[] { O(7) }.Single() + " " + xs.SingleOrDefault(x => x == 9) + " " + xs.ElementAt(2) + " " + xs.ElementAtOrDefault(99));
            C("linq.sum", xs.Sum() + " " + xs.Sum(x => (long)x * 1000000000) + " " + xs.Select(x => x / 2.0).Sum());
            C("linq.min.max", xs.Min() + " " + xs.Max() + " " + xs.Min(x => -x) + " " + xs.Max(x => x % 5) + " " + new[] { 1.5, -2.5 }.Min());
            C("linq.average", xs.Average().ToString() + " " + new[] { 1, 2 }.Average());
            C("linq.orderby", J(xs.OrderBy(x => x)));
            C("linq.orderbydesc", J(xs.OrderByDescending(x => x)));
            var people = new[] { ("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35), ("fay", 25) };
            C("linq.orderby.stable", string.Join(",", people.OrderBy(p => p.Item2).Select(p => p.Item1)));
            C("linq.thenby", string.Join(",", people.OrderByDescending(p => p.Item2).ThenBy(p => p.Item1).Select(p => p.Item1)));
            C("linq.thenbydesc", string.Join(",", people.OrderBy(p => p.Item2).ThenByDescending(p => p.Item1).Select(p => p.Item1)));
            C("linq.orderby.strings", string.Join(",", new[] { "b", "C", "a" }.OrderBy(s => s, StringComparer.Ordinal)));
            C("linq.tolist", xs.ToList().Count + " " + xs.Where(x => x > 3).ToArray().Length);
            var dict = people.ToDictionary(p => p.Item1, p => p.Item2);
            C("linq.todictionary", dict.Count + " " + dict["eve"]);
            C("linq.distinct", J(xs.Distinct()));
            C("linq.skip.take", J(xs.Skip(2).Take(3)) + J(xs.Take(100)) + J(xs.Skip(100)) + J(xs.SkipWhile(x => x != 1)) + J(xs.TakeWhile(x => x != 1)));
            C("linq.aggregate", xs.Aggregate((a, b) => a * 10 + b) + " " + xs.Aggregate(100, (a, b) => a - b) + " " + xs.Aggregate("", (a, b) => a + b, s => s.Length));
            C("linq.concat", J(xs.Take(2).Concat(new[] { 0, 0 })));
            C("linq.reverse", J(xs.Reverse()));
            C("linq.sequenceequal", xs.SequenceEqual(xs.ToArray()) + " " + xs.SequenceEqual(xs.Reverse()));
            C("linq.range", J(Enumerable.Range(O(3), 4)) + " " + Enumerable.Range(1, 100).Sum() + " " + J(Enumerable.Repeat(O(7), 3)) + " " + Enumerable.Empty<int>().Count());
            C("linq.groupby", string.Join(";", people.GroupBy(p => p.Item2).Select(g => g.Key + ":" + g.Count())));
            C("linq.zip", J(new[] { 1, 2, 3 }.Zip(new[] { 10, 20 }, (a, b) => a + b)));
            C("linq.chain", xs.Where(x => x % 2 == 0).Select(x => x * x).OrderBy(x => -x).First());
            C("linq.deferred", Deferred());
            C("linq.union.intersect.except", J(new[] { 1, 2, 3 }.Union(new[] { 3, 4 })) + J(new[] { 1, 2, 3 }.Intersect(new[] { 2, 3, 5 })) + J(new[] { 1, 2, 3 }.Except(new[] { 2 })));
            C("linq.list.source", J(new List<int> { 3, 1, 2 }.OrderBy(x => x).Select(x => x + 1)));
            C("linq.strings", string.Concat(O("hello").Where(c => c != 'l').Select(char.ToUpper)));
            C("linq.cast.oftype", J(new object[] { 1, "a", 2 }.OfType<int>()));
            C("linq.defaultifempty", J(Array.Empty<int>().DefaultIfEmpty(5)));
            C("linq.tohashset", new[] { 1, 1, 2 }.ToHashSet().Count);
            C("linq.minby.maxby", people.MinBy(p => p.Item2).Item1 + " " + people.MaxBy(p => p.Item2).Item1);
            C("linq.append.prepend", J(new[] { 2 }.Append(3).Prepend(1)));
        }

        private static string Deferred()
        {
            var l = new List<int> { 1 };
            var q = l.Select(x => x * 2);
            l.Add(2);
            return J(q);
        }

        private static string J<T>(IEnumerable<T> xs) => "[" + string.Join(",", xs) + "]";
    }
}
