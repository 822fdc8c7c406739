using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        // ILC replaces Create() with `new` of the right comparer for T (GenericEqualityComparer for
        // IEquatable<T> types, EnumEqualityComparer, NullableEqualityComparer, else ObjectEqualityComparer),
        // so comparing values never boxes.
        public static EqualityComparer<T> Default { get; } = Create();

        [Intrinsic]
        private static EqualityComparer<T> Create() => new ObjectEqualityComparer<T>();

        public abstract bool Equals(T x, T y);
        public abstract int GetHashCode(T obj);
    }

    public sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null)
                return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    public sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct, IEquatable<T>
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue)
                return y.HasValue && x.value.Equals(y.value);
            return !y.HasValue;
        }

        public override int GetHashCode(T? obj) => obj.HasValue ? obj.value.GetHashCode() : 0;
    }

    public sealed class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct, Enum
    {
        public override bool Equals(T x, T y) => ToLong(x) == ToLong(y);
        public override int GetHashCode(T obj) => ToLong(obj).GetHashCode();

        private static long ToLong(T value)
        {
            int size = Unsafe.SizeOf<T>();
            if (size == 1) return Unsafe.As<T, byte>(ref value);
            if (size == 2) return Unsafe.As<T, short>(ref value);
            if (size == 4) return Unsafe.As<T, int>(ref value);
            return Unsafe.As<T, long>(ref value);
        }
    }

    public sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null)
                return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }
}

namespace System.Collections.Generic
{
    public sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string x, string y) => string.Equals(x, y);
        public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();
    }
}
