namespace System.Collections.Generic
{
    // Keys and values in two sorted arrays, found by binary search, as .NET's SortedList.
    public class SortedList<TKey, TValue> : IDictionary<TKey, TValue>
    {
        private TKey[] _keys = new TKey[0];
        private TValue[] _values = new TValue[0];
        private int _size;
        private readonly IComparer<TKey> _comparer;

        public SortedList() : this(0, null) { }
        public SortedList(int capacity) : this(capacity, null) { }
        public SortedList(IComparer<TKey> comparer) : this(0, comparer) { }

        public SortedList(int capacity, IComparer<TKey> comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            _keys = new TKey[capacity];
            _values = new TValue[capacity];
            _comparer = comparer ?? Comparer<TKey>.Default;
        }

        public SortedList(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedList(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer) : this(0, comparer)
        {
            if (dictionary == null) throw new ArgumentNullException("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public int Count => _size;
        public int Capacity => _keys.Length;
        public IComparer<TKey> Comparer => _comparer;
        public bool IsReadOnly => false;

        public IList<TKey> Keys
        {
            get
            {
                var keys = new List<TKey>(_size);
                for (int i = 0; i < _size; i++) keys.Add(_keys[i]);
                return keys;
            }
        }

        public IList<TValue> Values
        {
            get
            {
                var values = new List<TValue>(_size);
                for (int i = 0; i < _size; i++) values.Add(_values[i]);
                return values;
            }
        }


        public TValue this[TKey key]
        {
            get
            {
                int i = IndexOfKey(key);
                if (i < 0) throw new KeyNotFoundException(string.Concat("The given key '", key.ToString(), "' was not present in the dictionary."));
                return _values[i];
            }
            set
            {
                if (key == null) throw new ArgumentNullException("key");
                int i = Array.BinarySearch(_keys, 0, _size, key, _comparer);
                if (i >= 0) _values[i] = value;
                else Insert(~i, key, value);
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            int i = Array.BinarySearch(_keys, 0, _size, key, _comparer);
            if (i >= 0) throw new ArgumentException(string.Concat("An item with the same key has already been added. Key: ", key.ToString()));
            Insert(~i, key, value);
        }

        public bool TryAdd(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            int i = Array.BinarySearch(_keys, 0, _size, key, _comparer);
            if (i >= 0) return false;
            Insert(~i, key, value);
            return true;
        }

        private void Insert(int index, TKey key, TValue value)
        {
            if (_size == _keys.Length)
            {
                int capacity = _keys.Length == 0 ? 4 : _keys.Length * 2;
                Array.Resize(ref _keys, capacity);
                Array.Resize(ref _values, capacity);
            }
            if (index < _size)
            {
                Array.Copy(_keys, index, _keys, index + 1, _size - index);
                Array.Copy(_values, index, _values, index + 1, _size - index);
            }
            _keys[index] = key;
            _values[index] = value;
            _size++;
        }

        public int IndexOfKey(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            int i = Array.BinarySearch(_keys, 0, _size, key, _comparer);
            return i >= 0 ? i : -1;
        }

        public int IndexOfValue(TValue value) => Array.IndexOf(_values, value, 0, _size);
        public bool ContainsKey(TKey key) => IndexOfKey(key) >= 0;
        public bool ContainsValue(TValue value) => IndexOfValue(value) >= 0;
        public TKey GetKeyAtIndex(int index) => (uint)index < (uint)_size ? _keys[index] : throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        public TValue GetValueAtIndex(int index) => (uint)index < (uint)_size ? _values[index] : throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");

        public void SetValueAtIndex(int index, TValue value)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            _values[index] = value;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = IndexOfKey(key);
            value = i >= 0 ? _values[i] : default;
            return i >= 0;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            _size--;
            if (index < _size)
            {
                Array.Copy(_keys, index + 1, _keys, index, _size - index);
                Array.Copy(_values, index + 1, _values, index, _size - index);
            }
            _keys[_size] = default;
            _values[_size] = default;
        }

        public bool Remove(TKey key)
        {
            int i = IndexOfKey(key);
            if (i >= 0) RemoveAt(i);
            return i >= 0;
        }

        public void Clear()
        {
            Array.Clear(_keys, 0, _size);
            Array.Clear(_values, 0, _size);
            _size = 0;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);
        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item) =>
            TryGetValue(item.Key, out TValue v) && EqualityComparer<TValue>.Default.Equals(v, item.Value);
        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item) =>
            ((ICollection<KeyValuePair<TKey, TValue>>)this).Contains(item) && Remove(item.Key);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            for (int i = 0; i < _size; i++) array[index + i] = new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            for (int i = 0; i < _size; i++)
                yield return new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
