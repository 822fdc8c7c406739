namespace System.Collections.Generic
{
    // The rest of List<T>'s members .NET code reaches for: ranges, searches from the end,
    // conversions, slicing (list patterns with `..`), capacity.
    public partial class List<T>
    {
        public void RemoveRange(int index, int count)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (count == 0) return;
            for (int i = index; i + count < _size; i++)
                _items[i] = _items[i + count];
            for (int i = _size - count; i < _size; i++)
                _items[i] = default;
            _size -= count;
            _version++;
        }

        public List<T> Slice(int start, int length) => GetRange(start, length);

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            var list = new List<T>();
            for (int i = 0; i < _size; i++)
                if (match(_items[i])) list.Add(_items[i]);
            return list;
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null) throw new ArgumentNullException("converter");
            var list = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++) list.Add(converter(_items[i]));
            return list;
        }

        public T FindLast(Predicate<T> match)
        {
            int i = FindLastIndex(match);
            return i < 0 ? default : _items[i];
        }

        public int FindLastIndex(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            for (int i = _size - 1; i >= 0; i--)
                if (match(_items[i])) return i;
            return -1;
        }

        public int FindIndex(int startIndex, Predicate<T> match) => FindIndex(startIndex, _size - startIndex, match);

        public int FindIndex(int startIndex, int count, Predicate<T> match)
        {
            if ((uint)startIndex > (uint)_size) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || startIndex > _size - count) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = startIndex; i < startIndex + count; i++)
                if (match(_items[i])) return i;
            return -1;
        }

        public int IndexOf(T item, int index) => IndexOf(item, index, _size - index);

        public int IndexOf(T item, int index, int count)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || index > _size - count) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            var c = EqualityComparer<T>.Default;
            for (int i = index; i < index + count; i++)
                if (c.Equals(_items[i], item)) return i;
            return -1;
        }

        public void Reverse(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Reverse(_items, index, count);
            _version++;
        }

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Sort(_items, index, count, comparer);
            _version++;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(int index, T[] array, int arrayIndex, int count)
        {
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (_items.Length < capacity)
            {
                int size = _items.Length == 0 ? 4 : _items.Length * 2;
                if (size < capacity) size = capacity;
                Array.Resize(ref _items, size);
            }
            return _items.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_items.Length * 0.9)) Array.Resize(ref _items, _size);
        }

        public int BinarySearch(T item, IComparer<T> comparer) => Array.BinarySearch(_items, 0, _size, item, comparer);
        public int BinarySearch(int index, int count, T item, IComparer<T> comparer) => Array.BinarySearch(_items, index, count, item, comparer);

        public void AddRange(ReadOnlySpan<T> items)
        {
            foreach (T item in items) Add(item);
        }

        public void InsertRange(int index, ReadOnlySpan<T> items)
        {
            foreach (T item in items) Insert(index++, item);
        }
    }
}
