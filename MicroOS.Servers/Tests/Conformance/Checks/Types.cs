using System;
using System.Collections.Generic;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    internal enum Color { Red, Green, Blue = 5 }

    [Flags]
    internal enum Access : byte { None = 0, Read = 1, Write = 2, Execute = 4, ReadWrite = Read | Write }

    internal enum Big : long { Min = long.MinValue, Max = long.MaxValue }

    internal record Person(string Name, int Age);

    internal record Employee(string Name, int Age, string Team) : Person(Name, Age);

    internal record struct Vec(int X, int Y);

    internal readonly record struct Money(long Cents, string Currency);

    internal sealed class Plain { public int V; }

    internal class Shape { public override string ToString() => "Shape!"; }

    internal sealed class Circle : Shape { }

    internal struct Pair { public int A; public string B; }

    internal sealed class Counter
    {
        public event Action<int> Changed;
        private int _value;
        public void Add(int n) { _value += n; Changed?.Invoke(_value); }
    }

    internal sealed class Box<T> where T : new()
    {
        public T Make() => new T();
    }

    internal static class Types
    {
        public static void Run()
        {
            C("enum.interp", $"{O(Color.Red)}-{(int)O(Color.Blue)}");
            C("enum.tostring", O(Color.Green).ToString() + " " + O(Color.Blue) + " " + O((Color)7) + " " + O((Color)(-1)));
            C("enum.flags", O(Access.Read | Access.Execute).ToString() + "|" + O(Access.ReadWrite) + "|" + O(Access.None) + "|" + O((Access)7) + "|" + O((Access)8) + "|" + O((Access)9));
            C("enum.big", O(Big.Min).ToString() + " " + O((Big)5));
            C("enum.format", O(Color.Blue).ToString("D") + " " + O(Color.Blue).ToString("G") + " " + O(Access.Write).ToString("X"));
            C("enum.parse", Enum.Parse<Color>(O("Blue")) + " " + Enum.TryParse<Color>(O("Purple"), out Color c1) + " " + c1 + " " + Enum.TryParse(O("Green"), out Color c2) + " " + c2);
            C("enum.isdefined", Enum.IsDefined(O(Color.Blue)) + " " + Enum.IsDefined(O((Color)3)));
            C("enum.getnames", string.Join(",", Enum.GetNames<Color>()) + " " + Enum.GetValues<Color>().Length);
            C("type.name", O(new Plain()).GetType().Name + " " + O(new Plain()).GetType().FullName + " " + O("s").GetType().Name + " " + O<object>(5).GetType().FullName);
            C("type.name.struct", O(new Pair()).GetType().Name + " " + O(Color.Red).GetType().FullName + " " + typeof(Person).Name + " " + O<object>(1.5).GetType().Name);
            C("type.tostring", typeof(Plain).ToString() + " " + typeof(int).ToString());
            C("object.tostring.default", O(new Plain()).ToString() + " " + O(new Pair()).ToString() + " " + O(new object()).ToString());
            C("typeof.generic", TypeName<int>() + " " + TypeName<Plain>() + " " + TypeName<string>());
            C("enum.equals", O(Color.Red).Equals(Color.Red) + " " + O(Color.Red).Equals(Color.Blue) + " " + (O<object>(Color.Red) is Color) + " " + O(Access.ReadWrite).HasFlag(Access.Write));
            C("enum.compare", O(Color.Red).CompareTo(Color.Blue) + " " + EqualityComparer<Color>.Default.Equals(O(Color.Blue), Color.Blue));

            C("object.tostring.override", O<Shape>(new Circle()).ToString());
            C("typeof.compare", (typeof(Plain) == O(new Plain()).GetType()) + " " + (typeof(Plain) == typeof(Shape)) + " " + (O<object>(new Circle()).GetType() == typeof(Shape)));

            var p1 = new Person(O("Ann"), 30);
            var p2 = new Person("Ann", O(30));
            C("record.tostring", p1.ToString());
            C("record.equality", (p1 == p2) + " " + p1.Equals(p2) + " " + (p1.GetHashCode() == p2.GetHashCode()) + " " + (p1 != new Person("Ann", 31)));
            var p3 = p1 with { Age = 31 };
            C("record.with", p3.ToString() + " " + p3.Name);
            var e = new Employee("Bo", 40, O("os"));
            C("record.derived", e.ToString() + " " + (e == new Employee("Bo", 40, "os")) + " " + ((Person)e == new Person("Bo", 40)));
            var (n, a) = p1;
            C("record.deconstruct", n + a);
            var v1 = new Vec(O(1), 2);
            C("record.struct", v1.ToString() + " " + (v1 == new Vec(1, 2)) + " " + v1.Equals(new Vec(2, 1)) + " " + (v1 with { Y = 5 }));
            C("record.struct.readonly", new Money(O(150), "EUR").ToString());
            var set = new HashSet<Person> { p1, p2, p3 };
            C("record.hashset", set.Count);

            var t = (O(1), O("two"));
            C("tuple.tostring", t.ToString() + " " + (O(1), O(2.5), O('c'), O(true)).ToString() + " " + ValueTuple.Create(1).ToString());
            C("tuple.named", t.Item1 + t.Item2 + " " + (x: O(3), y: O(4)).x);
            C("tuple.equality", (t == (1, "two")) + " " + t.Equals((1, "two")) + " " + t.Equals((2, "two")) + " " + (t.GetHashCode() == (1, "two").GetHashCode()));
            var (ta, tb) = Swap(O(1), O(2));
            C("tuple.deconstruct", ta * 10 + tb);
            C("tuple.seven", (1, 2, 3, 4, 5, 6, 7).ToString());
            C("tuple.compare", O((1, 2)).CompareTo((1, 3)) + " " + O((2, 0)).CompareTo((1, 9)));

            object boxed = O<object>(5);
            int? fromBoxed = (int?)boxed;
            C("nullable.unbox", fromBoxed.HasValue + " " + fromBoxed.Value);
            int? nul = O<int?>(7);
            object boxedNullable = nul;
            C("nullable.box", (boxedNullable is int) + " " + (boxedNullable is int bi ? bi : -1) + " " + boxedNullable.GetType().Name);
            int? none = O<int?>(null);
            object boxedNone = none;
            C("nullable.none", (boxedNone == null) + " " + none.HasValue + " " + none.GetValueOrDefault(3) + " " + (none ?? 9) + " [" + none + "]");
            C("nullable.arith", (nul + 1) + " " + (none + 1 == null) + " " + (nul > 5) + " " + (none > 5) + " " + nul.Equals(7) + " " + nul.ToString());
            object bl = O<long?>(1L << 40), bb = O<byte?>((byte)200), bd = O<double?>(2.5), bp = O<Point?>(new Point(3, 4)), bc = O<char?>('q');
            C("nullable.box.kinds", (long)bl + " " + (byte)bb + " " + (double)bd + " " + ((Point)bp).Y + " " + (char)bc + " " + bl.GetType().Name + bb.GetType().Name + bd.GetType().Name + bc.GetType().Name + bp.GetType().Name);
            long? ul = (long?)bl; byte? ub = (byte?)bb; Point? up = (Point?)bp; Color? uc = (Color?)O<object>(Color.Blue);
            C("nullable.unbox.kinds", ul.Value + " " + ub.Value + " " + up.Value.X + " " + uc + " " + (O<object>(Color.Green) is Color?) + " " + (O<object>(3L) is int?));
            C("nullable.equality", EqualityComparer<int?>.Default.Equals(O<int?>(1), 1) + " " + Equals(O<int?>(null), null));

            var s1 = new Pair { A = O(1), B = O("x") };
            var s2 = new Pair { A = 1, B = "x" };
            var s3 = new Pair { A = 1, B = O("y") };
            C("struct.equals", s1.Equals(s2) + " " + s1.Equals(s3) + " " + (s1.GetHashCode() == s2.GetHashCode()) + " " + O<object>(s1).Equals(s2) + " " + O<object>(s1).Equals(5));
            C("struct.equals.point", new Point(1, 2).Equals(new Point(1, O(2))) + " " + new Point(1, 2).Equals(new Point(O(2), 1)));
            C("valuetype.equals.double", O<object>(new DPair { A = 0.0 }).Equals(new DPair { A = -0.0 }) + " " + O<object>(new DPair { A = double.NaN }).Equals(new DPair { A = double.NaN }));

            int calls = 0;
            var counter = new Counter();
            Action<int> h1 = v => calls += v;
            Action<int> h2 = v => calls += 100 * v;
            counter.Changed += h1;
            counter.Changed += h2;
            counter.Add(O(1));
            counter.Changed -= h1;
            counter.Add(O(2));
            counter.Changed -= h2;
            counter.Add(5);
            C("event.multicast", calls);
            Func<int, int> f = x => x + 1;
            Func<int, int> g = x => x * 2;
            var combined = (Func<int, int>)Delegate.Combine(f, g);
            C("delegate.multicast.result", combined(O(5)) + " " + combined.GetInvocationList().Length);
            Func<int, int, int, int> f3 = (x, y, z) => x * 100 + y * 10 + z;
            Func<int, int, int, int, int> f4 = (x, y, z, w) => x + y + z + w;
            Action<int, int, int> a3 = (x, y, z) => calls = x + y + z;
            a3(O(1), 2, 3);
            C("delegate.arity", f3(O(1), 2, 3) + " " + f4(1, 2, 3, O(4)) + " " + calls);
            Func<string, int> len = Measure;
            C("delegate.static", len(O("four")) + " " + (len.Target == null));

            var gate = new object();
            int inLock = 0;
            lock (gate)
            {
                lock (gate) { inLock = O(2); }
                inLock++;
            }
            C("lock.reentrant", inLock);
            C("new.T", new Box<Plain>().Make().V + " " + new Box<Pair>().Make().A + " " + new Box<List<int>>().Make().Count);
            C("activator", Activator.CreateInstance<Plain>().V);
            C("is.pattern", Describe(O<object>(5)) + Describe(O<object>("s")) + Describe(O<object>(null)) + Describe(O<object>(2.5)) + Describe(O<object>(new Vec(1, 2))));
            C("switch.expr", Classify(O(-3)) + Classify(O(0)) + Classify(O(42)));
            C("default.values", default(int) + " " + (default(string) == null) + " " + default(Vec) + " " + default(double));
            C("hashcode.combine", (HashCode.Combine(O(1), 2) == HashCode.Combine(1, O(2))) + " " + (HashCode.Combine(O("a")) == HashCode.Combine("a")));
        }

        private static string TypeName<T>() => typeof(T).Name;

        private static (int, int) Swap(int a, int b) => (b, a);

        private static int Measure(string s) => s.Length;

        private static string Describe(object o) => o switch
        {
            int i when i > 3 => "bigint ",
            int => "int ",
            string s => "str" + s.Length + " ",
            null => "null ",
            Vec v => "vec" + v.X + " ",
            _ => "other ",
        };

        private static string Classify(int x) => x switch { < 0 => "neg", 0 => "zero", _ => "pos" };
    }

    internal struct DPair { public double A; }
}
