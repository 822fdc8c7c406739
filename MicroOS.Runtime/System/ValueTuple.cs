using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    // ValueTuple 1..7 with the BCL's ToString "(a, b)", field-wise equality and ordering.
    internal static class TupleText
    {
        public static string Show(object[] items)
        {
            var sb = new StringBuilder("(");
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(items[i]?.ToString());
            }
            return sb.Append(')').ToString();
        }

        public static int Hash(int a, int b) => (int)(((uint)a << 5 | (uint)a >> 27) + (uint)a ^ (uint)b);

        public static int Cmp<T>(T a, T b) => Comparer<T>.Default.Compare(a, b);
        public static bool Eq<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);
        public static int H<T>(T a) => a == null ? 0 : a.GetHashCode();
    }

    public struct ValueTuple : IEquatable<ValueTuple>
    {
        public bool Equals(ValueTuple other) => true;
        public override bool Equals(object obj) => obj is ValueTuple;
        public override int GetHashCode() => 0;
        public override string ToString() => "()";
        public static ValueTuple<T1> Create<T1>(T1 item1) => new ValueTuple<T1>(item1);
        public static ValueTuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new ValueTuple<T1, T2>(item1, item2);
        public static ValueTuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new ValueTuple<T1, T2, T3>(item1, item2, item3);
    }

    public struct ValueTuple<T1> : IEquatable<ValueTuple<T1>>, IComparable<ValueTuple<T1>>
    {
        public T1 Item1;
        public ValueTuple(T1 item1) { Item1 = item1; }
        public bool Equals(ValueTuple<T1> o) => TupleText.Eq(Item1, o.Item1);
        public override bool Equals(object obj) => obj is ValueTuple<T1> o && Equals(o);
        public override int GetHashCode() => TupleText.H(Item1);
        public int CompareTo(ValueTuple<T1> o) => TupleText.Cmp(Item1, o.Item1);
        public override string ToString() => TupleText.Show(new object[] { Item1 });
    }

    public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>, IComparable<ValueTuple<T1, T2>>
    {
        public T1 Item1; public T2 Item2;
        public ValueTuple(T1 item1, T2 item2) { Item1 = item1; Item2 = item2; }
        public bool Equals(ValueTuple<T1, T2> o) => TupleText.Eq(Item1, o.Item1) && TupleText.Eq(Item2, o.Item2);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2> o && Equals(o);
        public override int GetHashCode() => TupleText.Hash(TupleText.H(Item1), TupleText.H(Item2));
        public int CompareTo(ValueTuple<T1, T2> o)
        {
            int c = TupleText.Cmp(Item1, o.Item1);
            return c != 0 ? c : TupleText.Cmp(Item2, o.Item2);
        }
        public override string ToString() => TupleText.Show(new object[] { Item1, Item2 });
    }

    public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>
    {
        public T1 Item1; public T2 Item2; public T3 Item3;
        public ValueTuple(T1 item1, T2 item2, T3 item3) { Item1 = item1; Item2 = item2; Item3 = item3; }
        public bool Equals(ValueTuple<T1, T2, T3> o) => TupleText.Eq(Item1, o.Item1) && TupleText.Eq(Item2, o.Item2) && TupleText.Eq(Item3, o.Item3);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3> o && Equals(o);
        public override int GetHashCode() => TupleText.Hash(TupleText.Hash(TupleText.H(Item1), TupleText.H(Item2)), TupleText.H(Item3));
        public override string ToString() => TupleText.Show(new object[] { Item1, Item2, Item3 });
    }

    public struct ValueTuple<T1, T2, T3, T4> : IEquatable<ValueTuple<T1, T2, T3, T4>>
    {
        public T1 Item1; public T2 Item2; public T3 Item3; public T4 Item4;
        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; }
        public bool Equals(ValueTuple<T1, T2, T3, T4> o) => TupleText.Eq(Item1, o.Item1) && TupleText.Eq(Item2, o.Item2) && TupleText.Eq(Item3, o.Item3) && TupleText.Eq(Item4, o.Item4);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4> o && Equals(o);
        public override int GetHashCode() => TupleText.Hash(TupleText.Hash(TupleText.H(Item1), TupleText.H(Item2)), TupleText.Hash(TupleText.H(Item3), TupleText.H(Item4)));
        public override string ToString() => TupleText.Show(new object[] { Item1, Item2, Item3, Item4 });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5> : IEquatable<ValueTuple<T1, T2, T3, T4, T5>>
    {
        public T1 Item1; public T2 Item2; public T3 Item3; public T4 Item4; public T5 Item5;
        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; }
        public bool Equals(ValueTuple<T1, T2, T3, T4, T5> o) => TupleText.Eq(Item1, o.Item1) && TupleText.Eq(Item2, o.Item2) && TupleText.Eq(Item3, o.Item3) && TupleText.Eq(Item4, o.Item4) && TupleText.Eq(Item5, o.Item5);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5> o && Equals(o);
        public override int GetHashCode() => TupleText.Hash(TupleText.Hash(TupleText.H(Item1), TupleText.H(Item2)), TupleText.Hash(TupleText.H(Item3), TupleText.Hash(TupleText.H(Item4), TupleText.H(Item5))));
        public override string ToString() => TupleText.Show(new object[] { Item1, Item2, Item3, Item4, Item5 });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6>>
    {
        public T1 Item1; public T2 Item2; public T3 Item3; public T4 Item4; public T5 Item5; public T6 Item6;
        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; Item6 = item6; }
        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6> o) => TupleText.Eq(Item1, o.Item1) && TupleText.Eq(Item2, o.Item2) && TupleText.Eq(Item3, o.Item3) && TupleText.Eq(Item4, o.Item4) && TupleText.Eq(Item5, o.Item5) && TupleText.Eq(Item6, o.Item6);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6> o && Equals(o);
        public override int GetHashCode() => TupleText.Hash(TupleText.Hash(TupleText.H(Item1), TupleText.H(Item2)), TupleText.Hash(TupleText.Hash(TupleText.H(Item3), TupleText.H(Item4)), TupleText.Hash(TupleText.H(Item5), TupleText.H(Item6))));
        public override string ToString() => TupleText.Show(new object[] { Item1, Item2, Item3, Item4, Item5, Item6 });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>
    {
        public T1 Item1; public T2 Item2; public T3 Item3; public T4 Item4; public T5 Item5; public T6 Item6; public T7 Item7;
        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; Item6 = item6; Item7 = item7; }
        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7> o) => TupleText.Eq(Item1, o.Item1) && TupleText.Eq(Item2, o.Item2) && TupleText.Eq(Item3, o.Item3) && TupleText.Eq(Item4, o.Item4) && TupleText.Eq(Item5, o.Item5) && TupleText.Eq(Item6, o.Item6) && TupleText.Eq(Item7, o.Item7);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7> o && Equals(o);
        public override int GetHashCode() => TupleText.Hash(TupleText.H(Item1), TupleText.H(Item7));
        public override string ToString() => TupleText.Show(new object[] { Item1, Item2, Item3, Item4, Item5, Item6, Item7 });
    }
}

namespace System.Runtime.CompilerServices
{
    public sealed class TupleElementNamesAttribute : Attribute { public TupleElementNamesAttribute(string[] transformNames) { } }
}
