using System;
using System.Collections.Generic;

namespace MicroOS.Kernel.Diagnostics
{
    // The cases behind `test=selftest`. Each returns null on success or a description of the failure.
    internal static class SelfTestCases
    {
        private static string Expect(bool ok, string what) => ok ? null : what;

        private static string Expect(string actual, string expected, string what) =>
            actual == expected ? null : string.Concat(what, ": got '", actual, "', expected '", expected, "'");

        public static string Classes(int seed)
        {
            var a = new Counter(seed);
            a.Increment();
            a.Increment();
            Counter b = a;
            b.Increment();
            return Expect(a.Value == seed + 3 && ReferenceEquals(a, b), "instance fields / reference semantics");
        }

        public static string Structs(int seed)
        {
            var p = new Point(seed, seed * 2);
            Point q = p;
            q.X++;
            Point r = Point.Add(p, q);
            return Expect(p.X == seed && q.X == seed + 1 && r.X == 2 * seed + 1 && r.Y == 4 * seed, "value semantics");
        }

        public static string Enums(int seed)
        {
            Color c = (Color)(seed % 3);
            Color next = c == Color.Blue ? Color.Red : c + 1;
            return Expect(((int)next - (int)c + 3) % 3 == 1 && (int)Color.Blue == 2, "enum arithmetic");
        }

        public static string Strings(int seed)
        {
            string s = string.Concat("seed=", seed.ToString(), ";");
            string t = $"seed={seed};";
            if (s != t)
                return Expect(t, s, "interpolation vs concat");
            string u = s.Substring(5, s.Length - 6);
            if (u != seed.ToString())
                return Expect(u, seed.ToString(), "substring");
            if (s.IndexOf(';') != s.Length - 1 || !s.StartsWith("seed=") || !s.EndsWith(";"))
                return "IndexOf/StartsWith/EndsWith";
            string[] parts = "a b  c".Split(' ');
            return Expect(parts.Length == 4 && parts[3] == "c" && "  x ".Trim() == "x", "split/trim");
        }

        public static string NumberFormatting(int seed)
        {
            int negative = -seed;
            string r = Expect(negative.ToString(), string.Concat("-", seed.ToString()), "negative int");
            if (r != null) return r;
            r = Expect((seed * 1000L).ToString(), string.Concat(seed.ToString(), "000"), "long");
            if (r != null) return r;
            r = Expect(((ulong)seed << 32).ToString("X"), string.Concat(seed.ToString("X"), "00000000"), "hex");
            if (r != null) return r;
            r = Expect(255.ToString("x4"), "00ff", "hex width");
            if (r != null) return r;
            r = Expect((-1).ToString("X"), "FFFFFFFF", "negative hex");
            if (r != null) return r;
            r = Expect(long.MinValue.ToString(), "-9223372036854775808", "long.MinValue");
            if (r != null) return r;
            r = Expect($"{seed:X4}|{(ulong)seed << 8:x}", string.Concat(seed.ToString("X4"), "|", ((ulong)seed << 8).ToString("x")), "interpolation with format");
            if (r != null) return r;
            return Expect(int.TryParse(seed.ToString(), out int parsed) && parsed == seed && !int.TryParse("12x", out _), "parse");
        }

        public static string StringCompare(int seed)
        {
            string a = string.Concat("node", seed.ToString());
            string b = string.Concat("node", (seed + 1).ToString());
            string a2 = string.Concat("no", "de", seed.ToString());
            return Expect(a == a2 && !ReferenceEquals(a, a2) && a != b && string.CompareOrdinal(a, b) < 0 &&
                string.CompareOrdinal(b, a) > 0 && a.GetHashCode() == a2.GetHashCode(), "equality/ordering/hash");
        }

        public static string Arrays(int seed)
        {
            int[] numbers = new int[seed];
            for (int i = 0; i < numbers.Length; i++)
                numbers[i] = i * i;
            long sum = 0;
            for (int i = 0; i < numbers.Length; i++)
                sum += numbers[i];
            long expected = (long)(seed - 1) * seed * (2 * seed - 1) / 6;
            object[] objects = new string[2];
            objects[0] = "covariant";
            var jagged = new int[3][];
            jagged[seed % 3] = new[] { seed };
            return Expect(sum == expected && numbers.Length == seed && (string)objects[0] == "covariant" && jagged[seed % 3][0] == seed,
                "fill/sum/covariance/jagged");
        }

        public static unsafe string Spans(int seed)
        {
            Span<int> stack = stackalloc int[16];
            for (int i = 0; i < stack.Length; i++)
                stack[i] = seed + i;
            Span<int> slice = stack.Slice(4, 8);
            int[] heap = new int[8];
            slice.CopyTo(heap);
            ReadOnlySpan<char> text = "hello world".AsSpan(6);
            return Expect(slice[0] == seed + 4 && heap[7] == seed + 11 && text.Length == 5 && text[0] == 'w', "slice/copy/string span");
        }

        public static string Generics(int seed)
        {
            var box = new Box<string>(seed.ToString());
            var pair = new Pair<int, long>(seed, seed * 2L);
            int m = Max(seed, seed + 1);
            string ms = Max("a", "b");
            return Expect(box.Value == seed.ToString() && pair.Second == seed * 2L && m == seed + 1 && ms == "b", "generic types/methods");
        }

        private static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

        public static string Interfaces(int seed)
        {
            // Picked at run time: the compiler cannot devirtualize these calls.
            IShape[] shapes = { new Square(seed), new Rect(seed, 2) };
            IShape shape = shapes[seed & 1];
            int area = shape.Area();
            int expected = (seed & 1) == 0 ? seed * seed : seed * 2;
            INamed named = shapes[(seed + 1) & 1] as INamed;
            string name = named != null ? named.Name : "none";
            string expectedName = ((seed + 1) & 1) == 0 ? "square" : "rect";
            bool isShape = (object)shapes[0] is IShape;
            bool notDisposable = !((object)shape is IDisposable);
            if (!(area == expected && name == expectedName && isShape && notDisposable))
                return "devirtualized dispatch/cast";

            // Calls the compiler cannot resolve statically: shared generic code calling through an
            // interface, and a comparer object the dictionary only knows as IEqualityComparer<string>.
            ulong before = Internal.Runtime.InterfaceDispatch.ResolveCount;
            int sharedArea = AreaOf(shapes[seed & 1]) + AreaOf<IShape>(new Triangle(seed));
            var folded = new Dictionary<string, int>(new CaseInsensitive());
            folded["Key"] = seed;
            bool hit = folded.TryGetValue("kEY", out int value);
            ulong resolved = Internal.Runtime.InterfaceDispatch.ResolveCount - before;
            if (!(sharedArea == expected + seed / 2 && hit && value == seed && resolved > 0))
                return string.Concat("real interface dispatch (resolver calls: ", resolved.ToString(), ")");

            // Resolved call sites are cached: the same lookups again never reach the resolver.
            ulong beforeRepeat = Internal.Runtime.InterfaceDispatch.ResolveCount;
            int hits = 0;
            for (int i = 0; i < 10; i++)
                if (folded.TryGetValue(i % 2 == 0 ? "KEY" : "key", out _))
                    hits++;
            ulong repeated = Internal.Runtime.InterfaceDispatch.ResolveCount - beforeRepeat;
            return Expect(hits == 10 && repeated == 0, string.Concat("dispatch cache (resolver calls on repeat: ", repeated.ToString(), ")"));
        }

        private static int AreaOf<T>(T shape) where T : class, IShape => shape.Area();

        public static string VirtualCalls(int seed)
        {
            Animal[] animals = { new Animal(), new Dog(), new Puppy() };
            Animal a = animals[seed % 3];
            string sound = a.Sound();
            string expected = (seed % 3) switch { 0 => "...", 1 => "woof", _ => "yip" };
            object o = animals[(seed + 1) % 3];
            return Expect(sound == expected && o.ToString() == "Animal" && ((seed + 1) % 3 == 0 || o is Dog), "override/base/ToString");
        }

        public static string StaticConstructors(int seed)
        {
            // The cctor reads the TSC: ILC cannot preinitialize it, so it must run lazily, exactly once.
            ulong first = LazyInit.Stamp;
            ulong second = LazyInit.Stamp;
            return Expect(LazyInit.Runs == 1 && first == second && first != 0, "lazy cctor ran once");
        }

        public static string GcStatics(int seed)
        {
            Registry.Items = new List<string>();
            Registry.Items.Add(seed.ToString());
            Registry.Name = string.Concat("reg", seed.ToString());
            return Expect(Registry.Items.Count == 1 && Registry.Items[0] == seed.ToString() && Registry.Name.EndsWith(seed.ToString()), "static references");
        }

        public static string ThreadStatics(int seed)
        {
            PerThread.Value = seed;
            PerThread.Text = seed.ToString();
            PerThread.Value++;
            return Expect(PerThread.Value == seed + 1 && PerThread.Text == seed.ToString(), "thread static storage");
        }

        public static string Delegates(int seed)
        {
            int captured = seed;
            Func<int, int> addSeed = x => x + captured;
            Func<int, int> twice = Twice;
            var counter = new Counter(seed);
            Action bump = counter.Increment;
            bump();
            Predicate<int> isSeed = v => v == seed;
            return Expect(addSeed(1) == seed + 1 && twice(seed) == 2 * seed && counter.Value == seed + 1 && isSeed(seed) && !isSeed(0),
                "lambda/static/instance delegates");
        }

        private static int Twice(int x) => 2 * x;

        public static string Foreach(int seed)
        {
            int sum = 0;
            foreach (int v in new[] { seed, 1, 2 })
                sum += v;
            var list = new List<int> { seed, 3 };
            foreach (int v in list)
                sum += v;
            IEnumerable<int> seq = list;
            foreach (int v in seq)
                sum += v;
            return Expect(sum == seed + 3 + seed + 3 + seed + 3, "arrays/List/IEnumerable");
        }

        public static string Lists(int seed)
        {
            var list = new List<int>();
            for (int i = 0; i < seed; i++)
                list.Add(i);
            list.Remove(0);
            list.RemoveAt(list.Count - 1);
            list.Insert(0, -1);
            var names = new List<string> { "b", "a", seed.ToString() };
            names.Sort(string.CompareOrdinal);
            return Expect(list.Count == seed - 1 && list[0] == -1 && list[1] == 1 && list.Contains(seed - 2) && !list.Contains(seed - 1) &&
                list.IndexOf(5) == 5 && names[2] == "b", "add/remove/insert/contains/sort");
        }

        public static string Dictionaries(int seed)
        {
            var d = new Dictionary<string, int>();
            for (int i = 0; i < seed; i++)
                d[string.Concat("k", i.ToString())] = i;
            d.Remove("k0");
            bool found = d.TryGetValue(string.Concat("k", (seed - 1).ToString()), out int last);
            var byInt = new Dictionary<int, string> { [seed] = "seed" };
            int keys = 0;
            foreach (KeyValuePair<string, int> pair in d)
                keys++;
            return Expect(d.Count == seed - 1 && found && last == seed - 1 && !d.ContainsKey("k0") && byInt[seed] == "seed" && keys == seed - 1,
                "set/get/remove/enumerate");
        }

        public static string Queues(int seed)
        {
            var q = new Queue<int>();
            for (int i = 0; i < seed; i++)
                q.Enqueue(i);
            int sum = 0;
            for (int i = 0; i < seed / 2; i++)
                sum += q.Dequeue();
            q.Enqueue(seed);
            return Expect(q.Count == seed - seed / 2 + 1 && q.Peek() == seed / 2 && sum == (seed / 2) * (seed / 2 - 1) / 2, "FIFO order and growth");
        }

        public static string CastsAndChecks(int seed)
        {
            object o = (seed & 1) == 0 ? "text" : (object)new Counter(seed);
            string s = o as string;
            Counter c = o as Counter;
            object boxed = seed;
            int unboxed = (int)boxed;
            int? maybe = (seed & 2) == 0 ? seed : null;
            object boxedMaybe = maybe;
            return Expect((s != null) != (c != null) && unboxed == seed && boxed is int && !(boxed is long) &&
                (maybe.HasValue ? (int)boxedMaybe == seed : boxedMaybe == null), "as/is/box/unbox/nullable");
        }
    }

    internal class Counter
    {
        public int Value;
        public Counter(int start) { Value = start; }
        public void Increment() => Value++;
    }

    internal struct Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
        public static Point Add(Point a, Point b) => new Point(a.X + b.X, a.Y + b.Y);
    }

    internal enum Color { Red, Green, Blue }

    internal sealed class Box<T>
    {
        public readonly T Value;
        public Box(T value) { Value = value; }
    }

    internal readonly struct Pair<TFirst, TSecond>
    {
        public readonly TFirst First;
        public readonly TSecond Second;
        public Pair(TFirst first, TSecond second) { First = first; Second = second; }
    }

    internal interface IShape { int Area(); }
    internal interface INamed { string Name { get; } }

    internal sealed class Square : IShape, INamed
    {
        private readonly int _side;
        public Square(int side) { _side = side; }
        public int Area() => _side * _side;
        public string Name => "square";
    }

    internal sealed class Rect : IShape, INamed
    {
        private readonly int _w, _h;
        public Rect(int w, int h) { _w = w; _h = h; }
        public int Area() => _w * _h;
        public string Name => "rect";
    }

    internal sealed class Triangle : IShape
    {
        private readonly int _base;
        public Triangle(int b) { _base = b; }
        public int Area() => _base / 2;
    }

    internal sealed class CaseInsensitive : IEqualityComparer<string>
    {
        public bool Equals(string x, string y) => string.Equals(x.ToUpperInvariant(), y.ToUpperInvariant());
        public int GetHashCode(string s) => s.ToUpperInvariant().GetHashCode();
    }

    internal class Animal
    {
        public virtual string Sound() => "...";
        public override string ToString() => "Animal";
    }

    internal class Dog : Animal
    {
        public override string Sound() => "woof";
    }

    internal sealed class Puppy : Dog
    {
        public override string Sound() => "yip";
    }

    internal static class LazyInit
    {
        public static int Runs;
        public static readonly ulong Stamp;

        static LazyInit()
        {
            Runs++;
            Stamp = Arch.X64.Cpu.ReadTsc() | 1;
        }
    }

    internal static class Registry
    {
        public static List<string> Items;
        public static string Name;
    }

    internal static class PerThread
    {
        [ThreadStatic] public static int Value;
        [ThreadStatic] public static string Text;
    }
}
