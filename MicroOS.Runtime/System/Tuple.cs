using System.Collections.Generic;

namespace System
{
    // The reference tuples of .NET (System.Tuple), printing as "(1, a)" and comparing by items.
    public static class Tuple
    {
        public static Tuple<T1> Create<T1>(T1 item1) => new Tuple<T1>(item1);
        public static Tuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new Tuple<T1, T2>(item1, item2);
        public static Tuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new Tuple<T1, T2, T3>(item1, item2, item3);
        public static Tuple<T1, T2, T3, T4> Create<T1, T2, T3, T4>(T1 item1, T2 item2, T3 item3, T4 item4) => new Tuple<T1, T2, T3, T4>(item1, item2, item3, item4);

        internal static int Combine(int h1, int h2) => ((h1 << 5) + h1) ^ h2;
        internal static string Show(object o) => o?.ToString() ?? "";
    }

    public class Tuple<T1> : IComparable
    {
        public Tuple(T1 item1) { Item1 = item1; }
        public T1 Item1 { get; }
        public override bool Equals(object obj) => obj is Tuple<T1> t && EqualityComparer<T1>.Default.Equals(Item1, t.Item1);
        public override int GetHashCode() => EqualityComparer<T1>.Default.GetHashCode(Item1);
        public override string ToString() => string.Concat("(", Tuple.Show(Item1), ")");
        public int CompareTo(object obj) => obj is Tuple<T1> t ? Comparer<T1>.Default.Compare(Item1, t.Item1) : obj == null ? 1 : throw new ArgumentException("Argument must be of type Tuple`1.");
    }

    public class Tuple<T1, T2> : IComparable
    {
        public Tuple(T1 item1, T2 item2) { Item1 = item1; Item2 = item2; }
        public T1 Item1 { get; }
        public T2 Item2 { get; }
        public override bool Equals(object obj) => obj is Tuple<T1, T2> t && EqualityComparer<T1>.Default.Equals(Item1, t.Item1) && EqualityComparer<T2>.Default.Equals(Item2, t.Item2);
        public override int GetHashCode() => Tuple.Combine(EqualityComparer<T1>.Default.GetHashCode(Item1), EqualityComparer<T2>.Default.GetHashCode(Item2));
        public override string ToString() => string.Concat("(", Tuple.Show(Item1), ", ", Tuple.Show(Item2), ")");
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (!(obj is Tuple<T1, T2> t)) throw new ArgumentException("Argument must be of type Tuple`2.");
            int c = Comparer<T1>.Default.Compare(Item1, t.Item1);
            return c != 0 ? c : Comparer<T2>.Default.Compare(Item2, t.Item2);
        }
        public void Deconstruct(out T1 item1, out T2 item2) { item1 = Item1; item2 = Item2; }
    }

    public class Tuple<T1, T2, T3> : IComparable
    {
        public Tuple(T1 item1, T2 item2, T3 item3) { Item1 = item1; Item2 = item2; Item3 = item3; }
        public T1 Item1 { get; }
        public T2 Item2 { get; }
        public T3 Item3 { get; }
        public override bool Equals(object obj) => obj is Tuple<T1, T2, T3> t && EqualityComparer<T1>.Default.Equals(Item1, t.Item1) && EqualityComparer<T2>.Default.Equals(Item2, t.Item2) && EqualityComparer<T3>.Default.Equals(Item3, t.Item3);
        public override int GetHashCode() => Tuple.Combine(Tuple.Combine(EqualityComparer<T1>.Default.GetHashCode(Item1), EqualityComparer<T2>.Default.GetHashCode(Item2)), EqualityComparer<T3>.Default.GetHashCode(Item3));
        public override string ToString() => string.Concat("(", Tuple.Show(Item1), ", ", Tuple.Show(Item2), ", ", Tuple.Show(Item3), ")");
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (!(obj is Tuple<T1, T2, T3> t)) throw new ArgumentException("Argument must be of type Tuple`3.");
            int c = Comparer<T1>.Default.Compare(Item1, t.Item1);
            if (c == 0) c = Comparer<T2>.Default.Compare(Item2, t.Item2);
            return c != 0 ? c : Comparer<T3>.Default.Compare(Item3, t.Item3);
        }
        public void Deconstruct(out T1 item1, out T2 item2, out T3 item3) { item1 = Item1; item2 = Item2; item3 = Item3; }
    }

    public class Tuple<T1, T2, T3, T4> : IComparable
    {
        public Tuple(T1 item1, T2 item2, T3 item3, T4 item4) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; }
        public T1 Item1 { get; }
        public T2 Item2 { get; }
        public T3 Item3 { get; }
        public T4 Item4 { get; }
        public override bool Equals(object obj) => obj is Tuple<T1, T2, T3, T4> t && EqualityComparer<T1>.Default.Equals(Item1, t.Item1) && EqualityComparer<T2>.Default.Equals(Item2, t.Item2) && EqualityComparer<T3>.Default.Equals(Item3, t.Item3) && EqualityComparer<T4>.Default.Equals(Item4, t.Item4);
        public override int GetHashCode() => Tuple.Combine(Tuple.Combine(Tuple.Combine(EqualityComparer<T1>.Default.GetHashCode(Item1), EqualityComparer<T2>.Default.GetHashCode(Item2)), EqualityComparer<T3>.Default.GetHashCode(Item3)), EqualityComparer<T4>.Default.GetHashCode(Item4));
        public override string ToString() => string.Concat(string.Concat("(", Tuple.Show(Item1), ", ", Tuple.Show(Item2)), string.Concat(", ", Tuple.Show(Item3), ", ", Tuple.Show(Item4), ")"));
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (!(obj is Tuple<T1, T2, T3, T4> t)) throw new ArgumentException("Argument must be of type Tuple`4.");
            int c = Comparer<T1>.Default.Compare(Item1, t.Item1);
            if (c == 0) c = Comparer<T2>.Default.Compare(Item2, t.Item2);
            if (c == 0) c = Comparer<T3>.Default.Compare(Item3, t.Item3);
            return c != 0 ? c : Comparer<T4>.Default.Compare(Item4, t.Item4);
        }
    }
}
