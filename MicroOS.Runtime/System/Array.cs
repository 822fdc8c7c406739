using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    // Layout (a contract with ILC): MethodTable pointer, 32-bit length, padding, elements from offset 16.
    public abstract unsafe partial class Array
    {
        private int _numComponents;

        public int Length => _numComponents;

        // Multi-dimensional arrays (a contract with ILC): after the length come `rank` lengths and
        // `rank` lower bounds, 32 bits each; the rank follows from the base size.
        public int Rank => GetMethodTable()->IsSzArray ? 1 : (int)(GetMethodTable()->BaseSize - 24) / 8;

        public int GetLength(int dimension)
        {
            if ((uint)dimension >= (uint)Rank) throw new IndexOutOfRangeException();
            if (GetMethodTable()->IsSzArray) return _numComponents;
            return Unsafe.As<byte, int>(ref Unsafe.AddByteOffset(ref GetRawData(), (nuint)(8 + 4 * dimension)));
        }

        // The first element of a T[] (spans and stores use it: no load of the MethodTable).
        internal ref byte GetArrayDataReference() => ref Unsafe.AddByteOffset(ref GetRawData(), (nuint)8);

        // The first element of any array: an int[,] keeps its lengths and lower bounds before the
        // elements, which its base size includes (24 + 8 * rank with the header; a T[]'s is 24).
        internal ref byte GetAnyArrayDataReference() => ref Unsafe.AddByteOffset(ref GetRawData(), (nuint)(GetMethodTable()->BaseSize - 16));

        public static void Resize<T>(ref T[] array, int newSize)
        {
            T[] larger = new T[newSize];
            if (array != null)
            {
                int n = array.Length < newSize ? array.Length : newSize;
                for (int i = 0; i < n; i++)
                    larger[i] = array[i];
            }
            array = larger;
        }

        public static void Copy(Array source, Array destination, int length) => Copy(source, 0, destination, 0, length);

        // Checked in .NET's order: nulls (ArgumentNullException), element types, then a negative
        // length or index (ArgumentOutOfRangeException), then a range past either end (ArgumentException).
        public static void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length)
        {
            if (source == null) throw new ArgumentNullException("sourceArray");
            if (destination == null) throw new ArgumentNullException("destinationArray");
            if (source.GetMethodTable() != destination.GetMethodTable())
                ThrowHelpers.ThrowArrayTypeMismatchException();
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            if (sourceIndex < 0) throw new ArgumentOutOfRangeException("sourceIndex", "Number was less than the array's lower bound in the first dimension.");
            if (destinationIndex < 0) throw new ArgumentOutOfRangeException("destinationIndex", "Number was less than the array's lower bound in the first dimension.");
            if ((uint)(sourceIndex + length) > (uint)source.Length)
                throw new ArgumentException("Source array was not long enough. Check the source index, length, and the array's lower bounds.", "sourceArray");
            if ((uint)(destinationIndex + length) > (uint)destination.Length)
                throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destinationArray");
            uint elementSize = source.GetMethodTable()->ComponentSize;
            Buffer.Memmove(
                ref Unsafe.Add(ref destination.GetAnyArrayDataReference(), (nint)(destinationIndex * elementSize)),
                ref Unsafe.Add(ref source.GetAnyArrayDataReference(), (nint)(sourceIndex * elementSize)),
                (nuint)(length * elementSize));
        }

        public static void Clear(Array array, int index, int length)
        {
            uint elementSize = array.GetMethodTable()->ComponentSize;
            if (index < 0 || length < 0 || index + length > array.Length)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            Buffer.ZeroMemory(ref Unsafe.Add(ref array.GetAnyArrayDataReference(), (nint)(index * elementSize)), (nuint)(length * elementSize));
        }

        public static int IndexOf<T>(T[] array, T value) => IndexOf(array, value, 0, array.Length);

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            var comparer = System.Collections.Generic.EqualityComparer<T>.Default;
            for (int i = startIndex; i < startIndex + count; i++)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }


        public object Clone()
        {
            // From the first length on: an int[,]'s lengths and lower bounds come along with its elements.
            Array copy = Unsafe.As<Array>(System.Runtime.RuntimeExports.RhNewArray(GetMethodTable(), _numComponents));
            Buffer.Memmove(ref copy.GetArrayDataReference(), ref GetArrayDataReference(),
                (nuint)(GetMethodTable()->BaseSize - 24) + (nuint)_numComponents * GetMethodTable()->ComponentSize);
            return copy;
        }

        public static void Sort<T>(T[] array) => Sort(array, 0, array.Length, (System.Collections.Generic.IComparer<T>)null);
        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            System.Collections.Generic.ArraySortHelper<T>.Sort(array, 0, array.Length, comparison);
        }
        public static void Sort<T>(T[] array, System.Collections.Generic.IComparer<T> comparer) => Sort(array, 0, array.Length, comparer);
        public static void Sort<T>(T[] array, int index, int length, System.Collections.Generic.IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0 || length < 0 || array.Length - index < length) throw new ArgumentOutOfRangeException("length");
            System.Collections.Generic.IComparer<T> c = comparer ?? System.Collections.Generic.Comparer<T>.Default;
            System.Collections.Generic.ArraySortHelper<T>.Sort(array, index, length, (x, y) => c.Compare(x, y));
        }

        public static void Reverse<T>(T[] array) => Reverse(array, 0, array.Length);
        public static void Reverse<T>(T[] array, int index, int length)
        {
            if (index < 0 || length < 0 || array.Length - index < length) throw new ArgumentOutOfRangeException("length");
            for (int i = index, j = index + length - 1; i < j; i++, j--)
            {
                T t = array[i];
                array[i] = array[j];
                array[j] = t;
            }
        }

        public static void Fill<T>(T[] array, T value)
        {
            for (int i = 0; i < array.Length; i++) array[i] = value;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            var comparer = System.Collections.Generic.EqualityComparer<T>.Default;
            for (int i = array.Length - 1; i >= 0; i--)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) >= 0;

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            int i = FindIndex(array, match);
            return i < 0 ? default : array[i];
        }

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            for (int i = 0; i < array.Length; i++)
                if (match(array[i])) return i;
            return -1;
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            for (int i = 0; i < array.Length; i++)
                if (!match(array[i])) return false;
            return true;
        }

        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, 0, array.Length, value, null);

        public static int BinarySearch<T>(T[] array, int index, int length, T value, System.Collections.Generic.IComparer<T> comparer)
        {
            comparer ??= System.Collections.Generic.Comparer<T>.Default;
            int lo = index, hi = index + length - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int order = comparer.Compare(array[i], value);
                if (order == 0) return i;
                if (order < 0) lo = i + 1; else hi = i - 1;
            }
            return ~lo;
        }

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        private static class EmptyArray<T>
        {
            internal static readonly T[] Value = new T[0];
        }
    }

    // ILC gives every T[] the interfaces of Array<T>: a T[] is an IList<T> (read-only size) and can
    // be enumerated through IEnumerable<T>, which LINQ and string.Join rely on.
    public class Array<T> : Array, System.Collections.Generic.IList<T>, System.Collections.Generic.IReadOnlyList<T>
    {
        private T[] Self => Unsafe.As<T[]>(this);

        public int Count => Self.Length;
        public bool IsReadOnly => true;

        public T this[int index]
        {
            get => Self[index];
            set => Self[index] = value;
        }

        public int IndexOf(T item) => Array.IndexOf(Self, item);
        public bool Contains(T item) => Array.IndexOf(Self, item) >= 0;
        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(Self, 0, array, arrayIndex, Self.Length);

        public void Add(T item) => throw new NotSupportedException("Collection was of a fixed size.");
        public void Insert(int index, T item) => throw new NotSupportedException("Collection was of a fixed size.");
        public bool Remove(T item) => throw new NotSupportedException("Collection was of a fixed size.");
        public void RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");
        public void Clear() => throw new NotSupportedException("Collection was of a fixed size.");

        public new System.Collections.Generic.IEnumerator<T> GetEnumerator() => new ArrayEnumerator(Self);
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new ArrayEnumerator(Self);

        private sealed class ArrayEnumerator : System.Collections.Generic.IEnumerator<T>
        {
            private readonly T[] _array;
            private int _index = -1;
            public ArrayEnumerator(T[] array) { _array = array; }
            public bool MoveNext() => ++_index < _array.Length;
            public T Current => _array[_index];
            object System.Collections.IEnumerator.Current => _array[_index];
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }
}
