using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // A small LINQ to Objects: the common operators with .NET's semantics (deferred execution,
    // stable OrderBy/ThenBy, InvalidOperationException on empty First/Single/Min/Max).
    public static partial class Enumerable
    {
        private static InvalidOperationException NoElements() => new InvalidOperationException("Sequence contains no elements");

        public static IEnumerable<T> Where<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T x in source) if (predicate(x)) yield return x;
        }

        public static IEnumerable<T> Where<T>(this IEnumerable<T> source, Func<T, int, bool> predicate)
        {
            int i = 0;
            foreach (T x in source) if (predicate(x, i++)) yield return x;
        }

        public static IEnumerable<R> Select<T, R>(this IEnumerable<T> source, Func<T, R> selector)
        {
            foreach (T x in source) yield return selector(x);
        }

        public static IEnumerable<R> Select<T, R>(this IEnumerable<T> source, Func<T, int, R> selector)
        {
            int i = 0;
            foreach (T x in source) yield return selector(x, i++);
        }

        public static IEnumerable<R> SelectMany<T, R>(this IEnumerable<T> source, Func<T, IEnumerable<R>> selector)
        {
            foreach (T x in source) foreach (R y in selector(x)) yield return y;
        }

        public static int Count<T>(this IEnumerable<T> source)
        {
            if (source is ICollection<T> c) return c.Count;
            if (source is IReadOnlyCollection<T> r) return r.Count;
            int n = 0;
            foreach (T x in source) n++;
            return n;
        }

        public static int Count<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            int n = 0;
            foreach (T x in source) if (predicate(x)) n++;
            return n;
        }

        public static bool Any<T>(this IEnumerable<T> source)
        {
            foreach (T x in source) return true;
            return false;
        }

        public static bool Any<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T x in source) if (predicate(x)) return true;
            return false;
        }

        public static bool All<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T x in source) if (!predicate(x)) return false;
            return true;
        }

        public static bool Contains<T>(this IEnumerable<T> source, T value)
        {
            var eq = EqualityComparer<T>.Default;
            foreach (T x in source) if (eq.Equals(x, value)) return true;
            return false;
        }

        public static T First<T>(this IEnumerable<T> source)
        {
            foreach (T x in source) return x;
            throw NoElements();
        }

        public static T First<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T x in source) if (predicate(x)) return x;
            throw new InvalidOperationException("Sequence contains no matching element");
        }

        public static T FirstOrDefault<T>(this IEnumerable<T> source)
        {
            foreach (T x in source) return x;
            return default;
        }

        public static T FirstOrDefault<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T x in source) if (predicate(x)) return x;
            return default;
        }

        public static T Last<T>(this IEnumerable<T> source)
        {
            bool found = false;
            T last = default;
            foreach (T x in source) { last = x; found = true; }
            return found ? last : throw NoElements();
        }

        public static T LastOrDefault<T>(this IEnumerable<T> source)
        {
            T last = default;
            foreach (T x in source) last = x;
            return last;
        }

        public static T LastOrDefault<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            T last = default;
            foreach (T x in source) if (predicate(x)) last = x;
            return last;
        }

        public static T Single<T>(this IEnumerable<T> source)
        {
            int n = 0;
            T value = default;
            foreach (T x in source) { value = x; if (++n > 1) throw new InvalidOperationException("Sequence contains more than one element"); }
            return n == 1 ? value : throw NoElements();
        }

        public static T SingleOrDefault<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            int n = 0;
            T value = default;
            foreach (T x in source)
                if (predicate(x)) { value = x; if (++n > 1) throw new InvalidOperationException("Sequence contains more than one matching element"); }
            return value;
        }

        public static T ElementAt<T>(this IEnumerable<T> source, int index)
        {
            foreach (T x in source) if (index-- == 0) return x;
            throw new ArgumentOutOfRangeException("index");
        }

        public static T ElementAtOrDefault<T>(this IEnumerable<T> source, int index)
        {
            foreach (T x in source) if (index-- == 0) return x;
            return default;
        }

        public static int Sum(this IEnumerable<int> source) { int s = 0; foreach (int x in source) s = checked(s + x); return s; }
        public static long Sum(this IEnumerable<long> source) { long s = 0; foreach (long x in source) s = checked(s + x); return s; }
        public static double Sum(this IEnumerable<double> source) { double s = 0; foreach (double x in source) s += x; return s; }
        public static int Sum<T>(this IEnumerable<T> source, Func<T, int> selector) { int s = 0; foreach (T x in source) s = checked(s + selector(x)); return s; }
        public static long Sum<T>(this IEnumerable<T> source, Func<T, long> selector) { long s = 0; foreach (T x in source) s = checked(s + selector(x)); return s; }
        public static double Sum<T>(this IEnumerable<T> source, Func<T, double> selector) { double s = 0; foreach (T x in source) s += selector(x); return s; }

        public static double Average(this IEnumerable<int> source)
        {
            long s = 0; int n = 0;
            foreach (int x in source) { s += x; n++; }
            return n == 0 ? throw NoElements() : (double)s / n;
        }

        public static T Min<T>(this IEnumerable<T> source) => Extreme(source, -1);
        public static T Max<T>(this IEnumerable<T> source) => Extreme(source, 1);
        public static R Min<T, R>(this IEnumerable<T> source, Func<T, R> selector) => Extreme(source.Select(selector), -1);
        public static R Max<T, R>(this IEnumerable<T> source, Func<T, R> selector) => Extreme(source.Select(selector), 1);

        // NaN is the smallest double for Min and ignored by Max, as in .NET.
        private static T Extreme<T>(IEnumerable<T> source, int sign)
        {
            var cmp = Comparer<T>.Default;
            bool any = false;
            T best = default;
            foreach (T x in source)
            {
                if (!any) { best = x; any = true; }
                else if (sign < 0 ? cmp.Compare(x, best) < 0 : cmp.Compare(x, best) > 0) best = x;
            }
            if (!any)
            {
                if (default(T) == null) return default;
                throw NoElements();
            }
            return best;
        }

        public static T MinBy<T, K>(this IEnumerable<T> source, Func<T, K> key) => ExtremeBy(source, key, -1);
        public static T MaxBy<T, K>(this IEnumerable<T> source, Func<T, K> key) => ExtremeBy(source, key, 1);

        private static T ExtremeBy<T, K>(IEnumerable<T> source, Func<T, K> keySelector, int sign)
        {
            var cmp = Comparer<K>.Default;
            bool any = false;
            T best = default;
            K bestKey = default;
            foreach (T x in source)
            {
                K k = keySelector(x);
                if (!any || (sign < 0 ? cmp.Compare(k, bestKey) < 0 : cmp.Compare(k, bestKey) > 0)) { best = x; bestKey = k; any = true; }
            }
            if (!any && default(T) != null) throw NoElements();
            return best;
        }

        public static IOrderedEnumerable<T> OrderBy<T, K>(this IEnumerable<T> source, Func<T, K> key) => new OrderedEnumerable<T>(source, null, Key(key, null, false));
        public static IOrderedEnumerable<T> OrderBy<T, K>(this IEnumerable<T> source, Func<T, K> key, IComparer<K> comparer) => new OrderedEnumerable<T>(source, null, Key(key, comparer, false));
        public static IOrderedEnumerable<T> OrderByDescending<T, K>(this IEnumerable<T> source, Func<T, K> key) => new OrderedEnumerable<T>(source, null, Key(key, null, true));
        public static IOrderedEnumerable<T> ThenBy<T, K>(this IOrderedEnumerable<T> source, Func<T, K> key) => ((OrderedEnumerable<T>)source).Then(Key(key, null, false));
        public static IOrderedEnumerable<T> ThenByDescending<T, K>(this IOrderedEnumerable<T> source, Func<T, K> key) => ((OrderedEnumerable<T>)source).Then(Key(key, null, true));

        private static Comparison<T> Key<T, K>(Func<T, K> key, IComparer<K> comparer, bool descending)
        {
            IComparer<K> c = comparer ?? Comparer<K>.Default;
            if (descending) return (a, b) => c.Compare(key(b), key(a));
            return (a, b) => c.Compare(key(a), key(b));
        }

        public static List<T> ToList<T>(this IEnumerable<T> source) => new List<T>(source);

        public static T[] ToArray<T>(this IEnumerable<T> source) => new List<T>(source).ToArray();

        public static HashSet<T> ToHashSet<T>(this IEnumerable<T> source) => new HashSet<T>(source);

        public static Dictionary<K, T> ToDictionary<T, K>(this IEnumerable<T> source, Func<T, K> key)
        {
            var d = new Dictionary<K, T>();
            foreach (T x in source) d.Add(key(x), x);
            return d;
        }

        public static Dictionary<K, V> ToDictionary<T, K, V>(this IEnumerable<T> source, Func<T, K> key, Func<T, V> value)
        {
            var d = new Dictionary<K, V>();
            foreach (T x in source) d.Add(key(x), value(x));
            return d;
        }

        public static IEnumerable<T> Distinct<T>(this IEnumerable<T> source)
        {
            var seen = new HashSet<T>();
            foreach (T x in source) if (seen.Add(x)) yield return x;
        }

        public static IEnumerable<T> Union<T>(this IEnumerable<T> first, IEnumerable<T> second)
        {
            var seen = new HashSet<T>();
            foreach (T x in first) if (seen.Add(x)) yield return x;
            foreach (T x in second) if (seen.Add(x)) yield return x;
        }

        public static IEnumerable<T> Intersect<T>(this IEnumerable<T> first, IEnumerable<T> second)
        {
            var set = new HashSet<T>(second);
            foreach (T x in first) if (set.Remove(x)) yield return x;
        }

        public static IEnumerable<T> Except<T>(this IEnumerable<T> first, IEnumerable<T> second)
        {
            var set = new HashSet<T>(second);
            foreach (T x in first) if (set.Add(x)) yield return x;
        }

        public static IEnumerable<T> Skip<T>(this IEnumerable<T> source, int count)
        {
            foreach (T x in source) if (count-- <= 0) yield return x;
        }

        public static IEnumerable<T> Take<T>(this IEnumerable<T> source, int count)
        {
            if (count <= 0) yield break;
            foreach (T x in source)
            {
                yield return x;
                if (--count == 0) yield break;
            }
        }

        public static IEnumerable<T> SkipWhile<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            bool yielding = false;
            foreach (T x in source)
            {
                if (!yielding && !predicate(x)) yielding = true;
                if (yielding) yield return x;
            }
        }

        public static IEnumerable<T> TakeWhile<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T x in source)
            {
                if (!predicate(x)) yield break;
                yield return x;
            }
        }

        public static T Aggregate<T>(this IEnumerable<T> source, Func<T, T, T> func)
        {
            bool any = false;
            T acc = default;
            foreach (T x in source) { acc = any ? func(acc, x) : x; any = true; }
            return any ? acc : throw NoElements();
        }

        public static A Aggregate<T, A>(this IEnumerable<T> source, A seed, Func<A, T, A> func)
        {
            foreach (T x in source) seed = func(seed, x);
            return seed;
        }

        public static R Aggregate<T, A, R>(this IEnumerable<T> source, A seed, Func<A, T, A> func, Func<A, R> result) => result(source.Aggregate(seed, func));

        public static IEnumerable<T> Concat<T>(this IEnumerable<T> first, IEnumerable<T> second)
        {
            foreach (T x in first) yield return x;
            foreach (T x in second) yield return x;
        }

        public static IEnumerable<T> Append<T>(this IEnumerable<T> source, T element)
        {
            foreach (T x in source) yield return x;
            yield return element;
        }

        public static IEnumerable<T> Prepend<T>(this IEnumerable<T> source, T element)
        {
            yield return element;
            foreach (T x in source) yield return x;
        }

        public static IEnumerable<T> Reverse<T>(this IEnumerable<T> source)
        {
            T[] a = source.ToArray();
            for (int i = a.Length - 1; i >= 0; i--) yield return a[i];
        }

        // As in .NET 10: arrays get their own overload so that C# 14 does not bind MemoryExtensions.Reverse(Span).
        public static IEnumerable<T> Reverse<T>(this T[] array) => Reverse((IEnumerable<T>)array);

        public static bool SequenceEqual<T>(this IEnumerable<T> first, IEnumerable<T> second)
        {
            var eq = EqualityComparer<T>.Default;
            using IEnumerator<T> a = first.GetEnumerator();
            using IEnumerator<T> b = second.GetEnumerator();
            while (true)
            {
                bool ma = a.MoveNext(), mb = b.MoveNext();
                if (ma != mb) return false;
                if (!ma) return true;
                if (!eq.Equals(a.Current, b.Current)) return false;
            }
        }

        public static IEnumerable<int> Range(int start, int count)
        {
            if (count < 0 || (long)start + count - 1 > int.MaxValue) throw new ArgumentOutOfRangeException("count");
            return RangeIterator(start, count);
        }

        private static IEnumerable<int> RangeIterator(int start, int count)
        {
            for (int i = 0; i < count; i++) yield return start + i;
        }

        public static IEnumerable<T> Repeat<T>(T element, int count)
        {
            for (int i = 0; i < count; i++) yield return element;
        }

        public static IEnumerable<T> Empty<T>() => Array.Empty<T>();

        public static IEnumerable<T> DefaultIfEmpty<T>(this IEnumerable<T> source, T defaultValue)
        {
            bool any = false;
            foreach (T x in source) { any = true; yield return x; }
            if (!any) yield return defaultValue;
        }

        public static IEnumerable<T> OfType<T>(this IEnumerable source)
        {
            foreach (object x in source) if (x is T t) yield return t;
        }

        public static IEnumerable<T> Cast<T>(this IEnumerable source)
        {
            foreach (object x in source) yield return (T)x;
        }

        public static IEnumerable<R> Zip<A, B, R>(this IEnumerable<A> first, IEnumerable<B> second, Func<A, B, R> result)
        {
            using IEnumerator<A> a = first.GetEnumerator();
            using IEnumerator<B> b = second.GetEnumerator();
            while (a.MoveNext() && b.MoveNext()) yield return result(a.Current, b.Current);
        }

        public static IEnumerable<IGrouping<K, T>> GroupBy<T, K>(this IEnumerable<T> source, Func<T, K> key)
        {
            var groups = new Dictionary<K, Grouping<K, T>>();
            var order = new List<Grouping<K, T>>();
            foreach (T x in source)
            {
                K k = key(x);
                if (!groups.TryGetValue(k, out Grouping<K, T> g))
                {
                    g = new Grouping<K, T>(k);
                    groups.Add(k, g);
                    order.Add(g);
                }
                g.Items.Add(x);
            }
            foreach (var g in order) yield return g;
        }
    }

    public interface IOrderedEnumerable<T> : IEnumerable<T> { }

    public interface IGrouping<out K, out T> : IEnumerable<T> { K Key { get; } }

    internal sealed class Grouping<K, T> : IGrouping<K, T>
    {
        public readonly List<T> Items = new List<T>();
        public Grouping(K key) { Key = key; }
        public K Key { get; }
        public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();
    }

    // Stable: ties on every key keep source order (the element's index is the last key).
    internal sealed class OrderedEnumerable<T> : IOrderedEnumerable<T>
    {
        private readonly IEnumerable<T> _source;
        private readonly Comparison<T>[] _keys;

        public OrderedEnumerable(IEnumerable<T> source, Comparison<T>[] previous, Comparison<T> key)
        {
            _source = source;
            int n = previous == null ? 0 : previous.Length;
            _keys = new Comparison<T>[n + 1];
            for (int i = 0; i < n; i++) _keys[i] = previous[i];
            _keys[n] = key;
        }

        public OrderedEnumerable<T> Then(Comparison<T> key) => new OrderedEnumerable<T>(_source, _keys, key);

        public IEnumerator<T> GetEnumerator()
        {
            T[] items = _source.ToArray();
            int[] index = new int[items.Length];
            for (int i = 0; i < index.Length; i++) index[i] = i;
            Comparison<T>[] keys = _keys;
            Array.Sort(index, (a, b) =>
            {
                for (int k = 0; k < keys.Length; k++)
                {
                    int c = keys[k](items[a], items[b]);
                    if (c != 0) return c;
                }
                return a.CompareTo(b);
            });
            var sorted = new List<T>(items.Length);
            for (int i = 0; i < index.Length; i++) sorted.Add(items[index[i]]);
            return sorted.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
