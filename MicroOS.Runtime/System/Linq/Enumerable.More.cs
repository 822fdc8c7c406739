using System.Collections.Generic;

namespace System.Linq
{
    // More of LINQ to Objects: Zip to tuples, Average of every numeric kind and with selectors,
    // Chunk, the *By operators, Order, TakeLast/SkipLast, Index, CountBy-free aggregates.
    public static partial class Enumerable
    {
        public static IEnumerable<(A First, B Second)> Zip<A, B>(this IEnumerable<A> first, IEnumerable<B> second)
        {
            if (first == null) throw new ArgumentNullException("first");
            if (second == null) throw new ArgumentNullException("second");
            return ZipIterator(first, second);
        }

        private static IEnumerable<(A, B)> ZipIterator<A, B>(IEnumerable<A> first, IEnumerable<B> second)
        {
            using IEnumerator<A> a = first.GetEnumerator();
            using IEnumerator<B> b = second.GetEnumerator();
            while (a.MoveNext() && b.MoveNext())
                yield return (a.Current, b.Current);
        }

        public static IEnumerable<(A First, B Second, C Third)> Zip<A, B, C>(this IEnumerable<A> first, IEnumerable<B> second, IEnumerable<C> third)
        {
            if (first == null) throw new ArgumentNullException("first");
            if (second == null) throw new ArgumentNullException("second");
            if (third == null) throw new ArgumentNullException("third");
            return ZipIterator(first, second, third);
        }

        private static IEnumerable<(A, B, C)> ZipIterator<A, B, C>(IEnumerable<A> first, IEnumerable<B> second, IEnumerable<C> third)
        {
            using IEnumerator<A> a = first.GetEnumerator();
            using IEnumerator<B> b = second.GetEnumerator();
            using IEnumerator<C> c = third.GetEnumerator();
            while (a.MoveNext() && b.MoveNext() && c.MoveNext())
                yield return (a.Current, b.Current, c.Current);
        }

        public static double Average(this IEnumerable<long> source)
        {
            long s = 0; long n = 0;
            foreach (long x in source) { s = checked(s + x); n++; }
            return n == 0 ? throw NoElements() : (double)s / n;
        }

        public static double Average(this IEnumerable<double> source)
        {
            double s = 0; long n = 0;
            foreach (double x in source) { s += x; n++; }
            return n == 0 ? throw NoElements() : s / n;
        }

        public static float Average(this IEnumerable<float> source)
        {
            double s = 0; long n = 0;
            foreach (float x in source) { s += x; n++; }
            return n == 0 ? throw NoElements() : (float)(s / n);
        }

        public static double Average<T>(this IEnumerable<T> source, Func<T, int> selector) => Average(Select(source, selector));
        public static double Average<T>(this IEnumerable<T> source, Func<T, long> selector) => Average(Select(source, selector));
        public static double Average<T>(this IEnumerable<T> source, Func<T, double> selector) => Average(Select(source, selector));
        public static float Average<T>(this IEnumerable<T> source, Func<T, float> selector) => Average(Select(source, selector));

        public static float Sum(this IEnumerable<float> source) { double s = 0; foreach (float x in source) s += x; return (float)s; }

        public static IEnumerable<T[]> Chunk<T>(this IEnumerable<T> source, int size)
        {
            if (source == null) throw new ArgumentNullException("source");
            if (size < 1) throw new ArgumentOutOfRangeException("size", "size ('" + size.ToString() + "') must be greater than or equal to '1'.");
            return ChunkIterator(source, size);
        }

        private static IEnumerable<T[]> ChunkIterator<T>(IEnumerable<T> source, int size)
        {
            var chunk = new List<T>(size);
            foreach (T x in source)
            {
                chunk.Add(x);
                if (chunk.Count == size)
                {
                    yield return chunk.ToArray();
                    chunk.Clear();
                }
            }
            if (chunk.Count > 0)
                yield return chunk.ToArray();
        }

        public static IEnumerable<T> DistinctBy<T, K>(this IEnumerable<T> source, Func<T, K> keySelector)
        {
            var seen = new HashSet<K>();
            foreach (T x in source)
                if (seen.Add(keySelector(x))) yield return x;
        }

        public static IEnumerable<T> ExceptBy<T, K>(this IEnumerable<T> first, IEnumerable<K> second, Func<T, K> keySelector)
        {
            var seen = new HashSet<K>(second);
            foreach (T x in first)
                if (seen.Add(keySelector(x))) yield return x;
        }

        public static IEnumerable<T> IntersectBy<T, K>(this IEnumerable<T> first, IEnumerable<K> second, Func<T, K> keySelector)
        {
            var keys = new HashSet<K>(second);
            foreach (T x in first)
                if (keys.Remove(keySelector(x))) yield return x;
        }

        public static IEnumerable<T> UnionBy<T, K>(this IEnumerable<T> first, IEnumerable<T> second, Func<T, K> keySelector)
        {
            var seen = new HashSet<K>();
            foreach (T x in first)
                if (seen.Add(keySelector(x))) yield return x;
            foreach (T x in second)
                if (seen.Add(keySelector(x))) yield return x;
        }

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source) => OrderBy(source, x => x);
        public static IOrderedEnumerable<T> OrderDescending<T>(this IEnumerable<T> source) => OrderByDescending(source, x => x);

        public static IEnumerable<T> TakeLast<T>(this IEnumerable<T> source, int count)
        {
            var items = new List<T>(source);
            for (int i = count >= items.Count ? 0 : items.Count - count; i < items.Count; i++)
                yield return items[i];
        }

        public static IEnumerable<T> SkipLast<T>(this IEnumerable<T> source, int count)
        {
            var items = new List<T>(source);
            for (int i = 0; i < items.Count - count; i++)
                yield return items[i];
        }

        public static IEnumerable<(int Index, T Item)> Index<T>(this IEnumerable<T> source)
        {
            int i = 0;
            foreach (T x in source) yield return (i++, x);
        }
    }
}
