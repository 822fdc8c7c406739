namespace System.Collections.Generic
{
    // The BCL's List<T>, with its names and semantics for the members MicroOS uses.
    public partial class List<T> : IList<T>, IReadOnlyList<T>
    {
        private T[] _items;
        private int _size;
        private int _version;

        public List() { _items = new T[0]; }

        public List(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException(nameof(capacity));
            _items = new T[capacity];
        }

        public List(IEnumerable<T> collection) : this()
        {
            foreach (T item in collection)
                Add(item);
        }

        public int Count => _size;
        public int Capacity => _items.Length;
        public bool IsReadOnly => false;

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size)
                    throw new ArgumentOutOfRangeException(nameof(index));
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size)
                    throw new ArgumentOutOfRangeException(nameof(index));
                _items[index] = value;
                _version++;
            }
        }

        public void Add(T item)
        {
            if (_size == _items.Length)
                Grow(_size + 1);
            _items[_size++] = item;
            _version++;
        }

        public void AddRange(IEnumerable<T> items)
        {
            foreach (T item in items)
                Add(item);
        }

        private void Grow(int min)
        {
            int capacity = _items.Length == 0 ? 4 : _items.Length * 2;
            if (capacity < min)
                capacity = min;
            T[] larger = new T[capacity];
            for (int i = 0; i < _size; i++)
                larger[i] = _items[i];
            _items = larger;
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size)
                throw new ArgumentOutOfRangeException(nameof(index));
            if (_size == _items.Length)
                Grow(_size + 1);
            for (int i = _size; i > index; i--)
                _items[i] = _items[i - 1];
            _items[index] = item;
            _size++;
            _version++;
        }

        public int IndexOf(T item)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < _size; i++)
                if (comparer.Equals(_items[i], item))
                    return i;
            return -1;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0)
                return false;
            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size)
                throw new ArgumentOutOfRangeException(nameof(index));
            _size--;
            for (int i = index; i < _size; i++)
                _items[i] = _items[i + 1];
            _items[_size] = default;
            _version++;
        }

        public int RemoveAll(Predicate<T> match)
        {
            int kept = 0;
            for (int i = 0; i < _size; i++)
                if (!match(_items[i]))
                    _items[kept++] = _items[i];
            int removed = _size - kept;
            for (int i = kept; i < _size; i++)
                _items[i] = default;
            _size = kept;
            _version++;
            return removed;
        }

        public T Find(Predicate<T> match)
        {
            for (int i = 0; i < _size; i++)
                if (match(_items[i]))
                    return _items[i];
            return default;
        }

        public bool Exists(Predicate<T> match) => FindIndex(match) >= 0;

        public int FindIndex(Predicate<T> match)
        {
            for (int i = 0; i < _size; i++)
                if (match(_items[i]))
                    return i;
            return -1;
        }

        public void ForEach(Action<T> action)
        {
            for (int i = 0; i < _size; i++)
                action(_items[i]);
        }

        public void Clear()
        {
            for (int i = 0; i < _size; i++)
                _items[i] = default;
            _size = 0;
            _version++;
        }

        public void Reverse()
        {
            for (int i = 0, j = _size - 1; i < j; i++, j--)
            {
                T t = _items[i];
                _items[i] = _items[j];
                _items[j] = t;
            }
            _version++;
        }

        // Introsort, as .NET's List.Sort (not stable).
        public void Sort() => Sort((IComparer<T>)null);

        public void Sort(IComparer<T> comparer)
        {
            if (comparer == null)
                Sort((x, y) => Comparer<T>.Default.Compare(x, y));
            else
                Sort((x, y) => comparer.Compare(x, y));
        }

        public void Sort(Comparison<T> comparison)
        {
            // Array.Sort's introsort over exactly the used part (also compiles against the host BCL).
            T[] items = new T[_size];
            System.Array.Copy(_items, items, _size);
            System.Array.Sort(items, comparison);
            System.Array.Copy(items, _items, _size);
            _version++;
        }

        public int BinarySearch(T item)
        {
            int lo = 0, hi = _size - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int order = Comparer<T>.Default.Compare(_items[i], item);
                if (order == 0) return i;
                if (order < 0) lo = i + 1; else hi = i - 1;
            }
            return ~lo;
        }

        public List<T> GetRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count)
                throw new ArgumentOutOfRangeException(nameof(count));
            var list = new List<T>(count);
            for (int i = 0; i < count; i++)
                list.Add(_items[index + i]);
            return list;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            foreach (T item in collection)
                Insert(index++, item);
        }

        public bool TrueForAll(Predicate<T> match)
        {
            for (int i = 0; i < _size; i++)
                if (!match(_items[i])) return false;
            return true;
        }

        public int LastIndexOf(T item)
        {
            for (int i = _size - 1; i >= 0; i--)
                if (EqualityComparer<T>.Default.Equals(_items[i], item)) return i;
            return -1;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            for (int i = 0; i < _size; i++)
                array[arrayIndex + i] = _items[i];
        }

        public T[] ToArray()
        {
            T[] array = new T[_size];
            CopyTo(array, 0);
            return array;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _version = list._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _list._version)
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_index < _list._size)
                {
                    _current = _list._items[_index++];
                    return true;
                }
                _current = default;
                return false;
            }

            public T Current => _current;
            object IEnumerator.Current => _current;
            public void Reset() { _index = 0; _current = default; }
            public void Dispose() { }
        }
    }
}
