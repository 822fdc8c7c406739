using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    public abstract class Comparer<T> : IComparer<T>
    {
        // ILC replaces Create() with `new` of the right comparer for T (GenericComparer for
        // IComparable<T> types, NullableComparer, EnumComparer, else ObjectComparer).
        public static Comparer<T> Default { get; } = Create();

        [Intrinsic]
        private static Comparer<T> Create() => new ObjectComparer<T>();

        public static Comparer<T> Create(Comparison<T> comparison) => new ComparisonComparer<T>(comparison);

        public abstract int Compare(T x, T y);
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;
        public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }
        public override int Compare(T x, T y) => _comparison(x, y);
    }

    public sealed class GenericComparer<T> : Comparer<T> where T : IComparable<T>
    {
        public override int Compare(T x, T y)
        {
            if (x != null)
                return y != null ? x.CompareTo(y) : 1;
            return y != null ? -1 : 0;
        }
    }

    public sealed class NullableComparer<T> : Comparer<T?> where T : struct, IComparable<T>
    {
        public override int Compare(T? x, T? y)
        {
            if (x.HasValue)
                return y.HasValue ? x.value.CompareTo(y.value) : 1;
            return y.HasValue ? -1 : 0;
        }
    }

    public sealed class EnumComparer<T> : Comparer<T> where T : struct, Enum
    {
        public override int Compare(T x, T y)
        {
            long a = ToLong(x), b = ToLong(y);
            return a < b ? -1 : a > b ? 1 : 0;
        }

        private static long ToLong(T value)
        {
            int size = Unsafe.SizeOf<T>();
            if (size == 1) return Unsafe.As<T, byte>(ref value);
            if (size == 2) return Unsafe.As<T, short>(ref value);
            if (size == 4) return Unsafe.As<T, int>(ref value);
            return Unsafe.As<T, long>(ref value);
        }
    }

    public sealed class ObjectComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is IComparable<T> g) return g.CompareTo(y);
            if (x is IComparable c) return c.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }
}

namespace System
{
    public enum StringComparison
    {
        CurrentCulture = 0, CurrentCultureIgnoreCase = 1, InvariantCulture = 2, InvariantCultureIgnoreCase = 3, Ordinal = 4, OrdinalIgnoreCase = 5,
    }

    [Flags]
    public enum StringSplitOptions { None = 0, RemoveEmptyEntries = 1, TrimEntries = 2 }

    public enum MidpointRounding { ToEven = 0, AwayFromZero = 1, ToZero = 2, ToNegativeInfinity = 3, ToPositiveInfinity = 4 }

    // Ordinal comparers only: MicroOS has no culture data (culture-sensitive comparisons are not offered).
    public abstract class StringComparer : System.Collections.Generic.IComparer<string>, System.Collections.Generic.IEqualityComparer<string>
    {
        public static StringComparer Ordinal { get; } = new OrdinalComparer(false);
        public static StringComparer OrdinalIgnoreCase { get; } = new OrdinalComparer(true);
        public abstract int Compare(string x, string y);
        public abstract bool Equals(string x, string y);
        public abstract int GetHashCode(string obj);

        private sealed class OrdinalComparer : StringComparer
        {
            private readonly bool _ignoreCase;
            public OrdinalComparer(bool ignoreCase) { _ignoreCase = ignoreCase; }
            public override int Compare(string x, string y) =>
                string.Compare(x, y, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            public override bool Equals(string x, string y) =>
                string.Equals(x, y, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            public override int GetHashCode(string obj) =>
                obj == null ? 0 : (_ignoreCase ? obj.ToUpperInvariant() : obj).GetHashCode();
        }
    }
}
