using System.Collections.Generic;

namespace System
{
    // More of System.Array: bounds (Roslyn lowers foreach over an int[,] to GetLowerBound/
    // GetUpperBound loops), Sort of keys with items and of ranges, searches from an index.
    //
    // System.Array is an IEnumerable as in .NET, and must stay one: Roslyn binds `foreach` over any
    // array as over an IEnumerable (it never calls GetEnumerator for an array; it lowers an int[,] to
    // the bounds loops). Without the interface the conversion of int[,] to IEnumerable fails without a
    // diagnostic and Roslyn stops with CS7038 "Failed to emit module" and no location.
    public abstract unsafe partial class Array : System.Collections.IEnumerable
    {
        // Every element of any array (all dimensions, row-major as .NET enumerates), boxed.
        public System.Collections.IEnumerator GetEnumerator() => new ElementEnumerator(this);

        private sealed class ElementEnumerator : System.Collections.IEnumerator
        {
            private readonly Array _array;
            private int _index = -1;

            public ElementEnumerator(Array array) { _array = array; }

            public bool MoveNext() => _index < _array.Length && ++_index < _array.Length;
            public void Reset() => _index = -1;

            public object Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (_index >= _array.Length) throw new InvalidOperationException("Enumeration already finished.");
                    Internal.Runtime.MethodTable* type = _array.GetMethodTable();
                    ref byte element = ref System.Runtime.CompilerServices.Unsafe.Add(ref _array.GetAnyArrayDataReference(), (nint)((nuint)_index * type->ComponentSize));
                    return System.Runtime.RuntimeExports.RhBoxAny(ref element, type->RelatedParameterType);
                }
            }
        }

        public int GetLowerBound(int dimension)
        {
            if ((uint)dimension >= (uint)Rank) throw new IndexOutOfRangeException();
            return 0;       // MicroOS arrays always start at 0 (no Array.CreateInstance with lower bounds)
        }

        public int GetUpperBound(int dimension) => GetLowerBound(dimension) + GetLength(dimension) - 1;

        public long LongLength => Length;

        public static void Sort<T>(T[] array, int index, int length) => Sort(array, index, length, (IComparer<T>)null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items) => Sort(keys, items, 0, keys == null ? 0 : keys.Length, null);
        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, IComparer<TKey> comparer) => Sort(keys, items, 0, keys == null ? 0 : keys.Length, comparer);
        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length) => Sort(keys, items, index, length, null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException("keys");
            if (index < 0 || length < 0) throw new ArgumentOutOfRangeException(length < 0 ? "length" : "index", "Non-negative number required.");
            if (keys.Length - index < length || (items != null && index > items.Length - length))
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (items == null)
            {
                Sort(keys, index, length, comparer);
                return;
            }
            IComparer<TKey> c = comparer ?? Comparer<TKey>.Default;
            ArraySortHelper<TKey, TValue>.Sort(keys, items, index, length, (x, y) => c.Compare(x, y));
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return IndexOf(array, value, startIndex, array.Length - startIndex);
        }

        public static int LastIndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            var comparer = EqualityComparer<T>.Default;
            for (int i = startIndex; i >= 0; i--)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static T[] FindAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            var found = new List<T>();
            foreach (T x in array)
                if (match(x)) found.Add(x);
            return found.ToArray();
        }

        public static T FindLast<T>(T[] array, Predicate<T> match)
        {
            int i = FindLastIndex(array, match);
            return i < 0 ? default : array[i];
        }

        public static int FindLastIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = array.Length - 1; i >= 0; i--)
                if (match(array[i])) return i;
            return -1;
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (converter == null) throw new ArgumentNullException("converter");
            var result = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++) result[i] = converter(array[i]);
            return result;
        }

        public static void ForEach<T>(T[] array, Action<T> action)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (action == null) throw new ArgumentNullException("action");
            foreach (T x in array) action(x);
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if ((uint)count > (uint)(array.Length - startIndex)) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = startIndex; i < startIndex + count; i++) array[i] = value;
        }

        public static void Clear(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            Clear(array, 0, array.Length);
        }
    }

    public delegate TOutput Converter<in TInput, out TOutput>(TInput input);
}
