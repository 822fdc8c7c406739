using System.Collections.Generic;

namespace System
{
    // Span searching, sorting and comparing, as .NET's MemoryExtensions; AsMemory/AsSpan of
    // arrays, segments and strings.
    public static partial class MemoryExtensions
    {
        private static bool Same<T>(T a, T b) where T : IEquatable<T> => a == null ? b == null : a.Equals(b);

        public static int IndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            for (int i = 0; i + value.Length <= span.Length; i++)
                if (SequenceEqual(span.Slice(i, value.Length), value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => LastIndexOf((ReadOnlySpan<T>)span, value);

        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            if (value.Length == 0) return span.Length;
            for (int i = span.Length - value.Length; i >= 0; i--)
                if (SequenceEqual(span.Slice(i, value.Length), value)) return i;
            return -1;
        }

        public static int IndexOfAny<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny((ReadOnlySpan<T>)span, value0, value1);
        public static int IndexOfAny<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny((ReadOnlySpan<T>)span, value0, value1, value2);
        public static int IndexOfAny<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAny((ReadOnlySpan<T>)span, values);

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (Same(span[i], value0) || Same(span[i], value1)) return i;
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (Same(span[i], value0) || Same(span[i], value1) || Same(span[i], value2)) return i;
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (IndexOf(values, span[i]) >= 0) return i;
            return -1;
        }

        public static int LastIndexOfAny<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => LastIndexOfAny((ReadOnlySpan<T>)span, value0, value1);
        public static int LastIndexOfAny<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => LastIndexOfAny((ReadOnlySpan<T>)span, values);

        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T>
        {
            for (int i = span.Length - 1; i >= 0; i--)
                if (Same(span[i], value0) || Same(span[i], value1)) return i;
            return -1;
        }

        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
        {
            for (int i = span.Length - 1; i >= 0; i--)
                if (IndexOf(values, span[i]) >= 0) return i;
            return -1;
        }

        public static int IndexOfAnyExcept<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOfAnyExcept((ReadOnlySpan<T>)span, value);

        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (!Same(span[i], value)) return i;
            return -1;
        }

        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (IndexOf(values, span[i]) < 0) return i;
            return -1;
        }

        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny(span, value0, value1) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAny(span, values) >= 0;

        public static int Count<T>(this Span<T> span, T value) where T : IEquatable<T> => Count((ReadOnlySpan<T>)span, value);

        public static int Count<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            int n = 0;
            for (int i = 0; i < span.Length; i++)
                if (Same(span[i], value)) n++;
            return n;
        }

        public static int Count<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            if (value.Length == 0) throw new ArgumentException("The value cannot be an empty string.", "value");
            int n = 0;
            for (int i = 0; i + value.Length <= span.Length;)
            {
                if (SequenceEqual(span.Slice(i, value.Length), value)) { n++; i += value.Length; }
                else i++;
            }
            return n;
        }

        public static void Replace<T>(this Span<T> span, T oldValue, T newValue) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (Same(span[i], oldValue)) span[i] = newValue;
        }

        public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => StartsWith((ReadOnlySpan<T>)span, value);
        public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => EndsWith((ReadOnlySpan<T>)span, value);
        public static bool StartsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => span.Length > 0 && Same(span[0], value);
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => span.Length > 0 && Same(span[span.Length - 1], value);

        public static int SequenceCompareTo<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IComparable<T> => SequenceCompareTo((ReadOnlySpan<T>)span, other);

        public static int SequenceCompareTo<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IComparable<T>
        {
            int n = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < n; i++)
            {
                int c = span[i] == null ? (other[i] == null ? 0 : -1) : span[i].CompareTo(other[i]);
                if (c != 0) return c;
            }
            return span.Length.CompareTo(other.Length);
        }

        public static int CommonPrefixLength<T>(this Span<T> span, ReadOnlySpan<T> other) => CommonPrefixLength((ReadOnlySpan<T>)span, other);

        public static int CommonPrefixLength<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other)
        {
            var c = EqualityComparer<T>.Default;
            int n = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < n; i++)
                if (!c.Equals(span[i], other[i])) return i;
            return n;
        }

        public static bool Overlaps<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other)
        {
            if (span.IsEmpty || other.IsEmpty) return false;
            nint offset = System.Runtime.CompilerServices.Unsafe.ByteOffset(ref span._reference, ref other._reference);
            nint size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            return offset >= 0 ? offset < span.Length * size : -offset < other.Length * size;
        }

        public static int BinarySearch<T>(this ReadOnlySpan<T> span, IComparable<T> comparable)
        {
            int lo = 0, hi = span.Length - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int c = -comparable.CompareTo(span[i]);
                if (c == 0) return i;
                if (c < 0) lo = i + 1; else hi = i - 1;
            }
            return ~lo;
        }

        public static int BinarySearch<T>(this Span<T> span, IComparable<T> comparable) => BinarySearch((ReadOnlySpan<T>)span, comparable);

        // Sorting: through an array and Array.Sort, so the order of equal keys is .NET's.
        public static void Sort<T>(this Span<T> span, Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            T[] copy = span.ToArray();
            Array.Sort(copy, comparison);
            new ReadOnlySpan<T>(copy).CopyTo(span);
        }

        public static void Sort<T, TComparer>(this Span<T> span, TComparer comparer) where TComparer : IComparer<T>
        {
            T[] copy = span.ToArray();
            Array.Sort(copy, (IComparer<T>)comparer);
            new ReadOnlySpan<T>(copy).CopyTo(span);
        }

        public static void Sort<TKey, TValue>(this Span<TKey> keys, Span<TValue> items)
        {
            if (keys.Length != items.Length) throw new ArgumentException("Length of items must be same as length of keys.");
            TKey[] k = keys.ToArray();
            TValue[] v = items.ToArray();
            Array.Sort(k, v);
            new ReadOnlySpan<TKey>(k).CopyTo(keys);
            new ReadOnlySpan<TValue>(v).CopyTo(items);
        }

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
        {
            int start = 0;
            while (start < span.Length && char.IsWhiteSpace(span[start])) start++;
            return span.Slice(start);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
        {
            int end = span.Length;
            while (end > 0 && char.IsWhiteSpace(span[end - 1])) end--;
            return span.Slice(0, end);
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimChar)
        {
            int start = 0, end = span.Length;
            while (start < end && span[start] == trimChar) start++;
            while (end > start && span[end - 1] == trimChar) end--;
            return span.Slice(start, end - start);
        }

        public static Span<T> AsSpan<T>(this ArraySegment<T> segment) => new Span<T>(segment.Array, segment.Offset, segment.Count);
        public static Span<T> AsSpan<T>(this T[] array, Index startIndex) => new Span<T>(array).Slice(startIndex.GetOffset(array.Length));
        public static Span<T> AsSpan<T>(this T[] array, Range range)
        {
            (int start, int length) = range.GetOffsetAndLength(array.Length);
            return new Span<T>(array, start, length);
        }

        public static Memory<T> AsMemory<T>(this T[] array) => new Memory<T>(array);
        public static Memory<T> AsMemory<T>(this T[] array, int start) => new Memory<T>(array, start, array.Length - start);
        public static Memory<T> AsMemory<T>(this T[] array, int start, int length) => new Memory<T>(array, start, length);
        public static Memory<T> AsMemory<T>(this ArraySegment<T> segment) => new Memory<T>(segment.Array, segment.Offset, segment.Count);

        public static ReadOnlyMemory<char> AsMemory(this string text) => text == null ? default : new ReadOnlyMemory<char>(text, 0, text.Length);

        public static ReadOnlyMemory<char> AsMemory(this string text, int start)
        {
            if (text == null) return default;
            if ((uint)start > (uint)text.Length) throw new ArgumentOutOfRangeException("start");
            return new ReadOnlyMemory<char>(text, start, text.Length - start);
        }

        public static ReadOnlyMemory<char> AsMemory(this string text, int start, int length)
        {
            if (text == null) return default;
            if ((uint)start > (uint)text.Length || (uint)length > (uint)(text.Length - start)) throw new ArgumentOutOfRangeException("start");
            return new ReadOnlyMemory<char>(text, start, length);
        }
    }
}
