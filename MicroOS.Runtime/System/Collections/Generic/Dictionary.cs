namespace System.Collections.Generic
{
    // The BCL's Dictionary<TKey, TValue>: chained buckets over entry arrays, insertion order kept
    // while nothing is removed (as the BCL's does), removed entries reused through a free list.
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>
    {
        private struct Entry
        {
            public uint HashCode;
            public int Next;          // index of the next entry in the bucket chain, or -1
            public TKey Key;
            public TValue Value;
        }

        private int[] _buckets;       // 1-based entry index, 0 = empty
        private Entry[] _entries;
        private int _count;
        private int _freeList = -1;
        private int _freeCount;
        private int _version;
        private readonly IEqualityComparer<TKey> _comparer;

        public Dictionary() : this(0, null) { }
        public Dictionary(int capacity) : this(capacity, null) { }
        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException(nameof(capacity));
            _comparer = comparer;
            if (capacity > 0)
                Initialize(capacity);
        }

        public int Count => _count - _freeCount;
        public bool IsReadOnly => false;

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i < 0)
                    throw new KeyNotFoundException(string.Concat("The given key '", key.ToString(), "' was not present in the dictionary."));
                return _entries[i].Value;
            }
            set => Insert(key, value, overwrite: true);
        }

        public void Add(TKey key, TValue value) => Insert(key, value, overwrite: false);

        public bool TryAdd(TKey key, TValue value)
        {
            if (FindEntry(key) >= 0)
                return false;
            Insert(key, value, overwrite: false);
            return true;
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
                if (_entries[i].Next >= -1 && comparer.Equals(_entries[i].Value, value))
                    return true;
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].Value;
                return true;
            }
            value = default;
            return false;
        }

        public bool Remove(TKey key) => Remove(key, out _);

        public bool Remove(TKey key, out TValue value)
        {
            if (key == null)
                throw new ArgumentNullException(nameof(key));
            if (_buckets != null)
            {
                uint hash = Hash(key);
                ref int bucket = ref _buckets[hash % (uint)_buckets.Length];
                int last = -1;
                for (int i = bucket - 1; i >= 0; last = i, i = _entries[i].Next)
                {
                    ref Entry entry = ref _entries[i];
                    if (entry.HashCode == hash && KeyEquals(entry.Key, key))
                    {
                        if (last < 0)
                            bucket = entry.Next + 1;
                        else
                            _entries[last].Next = entry.Next;
                        value = entry.Value;
                        // A free entry's Next encodes the free list: -3 - next, so it is < -1.
                        entry.Next = -3 - _freeList;
                        entry.Key = default;
                        entry.Value = default;
                        _freeList = i;
                        _freeCount++;
                        return true;          // like the BCL: removing during enumeration is allowed
                    }
                }
            }
            value = default;
            return false;
        }

        public void Clear()
        {
            if (_count == 0)
                return;
            for (int i = 0; i < _buckets.Length; i++)
                _buckets[i] = 0;
            for (int i = 0; i < _count; i++)
                _entries[i] = default;
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
        }

        private uint Hash(TKey key) => (uint)(_comparer != null ? _comparer.GetHashCode(key) : EqualityComparer<TKey>.Default.GetHashCode(key));

        private bool KeyEquals(TKey a, TKey b) => _comparer != null ? _comparer.Equals(a, b) : EqualityComparer<TKey>.Default.Equals(a, b);

        private int FindEntry(TKey key)
        {
            if (key == null)
                throw new ArgumentNullException(nameof(key));
            if (_buckets == null)
                return -1;
            uint hash = Hash(key);
            for (int i = _buckets[hash % (uint)_buckets.Length] - 1; i >= 0; i = _entries[i].Next)
                if (_entries[i].HashCode == hash && KeyEquals(_entries[i].Key, key))
                    return i;
            return -1;
        }

        private void Initialize(int capacity)
        {
            int size = NextPrime(capacity);
            _buckets = new int[size];
            _entries = new Entry[size];
        }

        private void Insert(TKey key, TValue value, bool overwrite)
        {
            int existing = FindEntry(key);
            if (existing >= 0)
            {
                if (!overwrite)
                    throw new ArgumentException(string.Concat("An item with the same key has already been added. Key: ", key.ToString()));
                _entries[existing].Value = value;   // overwriting does not invalidate enumerators (BCL behaviour)
                return;
            }
            if (_buckets == null)
                Initialize(3);
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = -3 - _entries[index].Next;
                _freeCount--;
            }
            else
            {
                if (_count == _entries.Length)
                    Resize(NextPrime(_count * 2));
                index = _count++;
            }
            uint hash = Hash(key);
            ref int bucket = ref _buckets[hash % (uint)_buckets.Length];
            ref Entry entry = ref _entries[index];
            entry.HashCode = hash;
            entry.Next = bucket - 1;
            entry.Key = key;
            entry.Value = value;
            bucket = index + 1;
            _version++;
        }

        private void Resize(int size)
        {
            var entries = new Entry[size];
            for (int i = 0; i < _count; i++)
                entries[i] = _entries[i];
            _buckets = new int[size];
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].Next < -1)
                    continue;
                ref int bucket = ref _buckets[entries[i].HashCode % (uint)size];
                entries[i].Next = bucket - 1;
                bucket = i + 1;
            }
            _entries = entries;
        }

        private static int NextPrime(int min)
        {
            for (int candidate = min < 3 ? 3 : min | 1; ; candidate += 2)
            {
                bool prime = true;
                for (int d = 3; d * d <= candidate; d += 2)
                {
                    if (candidate % d == 0)
                    {
                        prime = false;
                        break;
                    }
                }
                if (prime)
                    return candidate;
            }
        }

        public KeyCollection Keys => new KeyCollection(this);
        public ValueCollection Values => new ValueCollection(this);

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);
        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item) =>
            TryGetValue(item.Key, out TValue v) && EqualityComparer<TValue>.Default.Equals(v, item.Value);
        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item) =>
            ((ICollection<KeyValuePair<TKey, TValue>>)this).Contains(item) && Remove(item.Key);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            foreach (KeyValuePair<TKey, TValue> pair in this)
                array[arrayIndex++] = pair;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version)
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                while (_index < _dictionary._count)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.Next >= -1)
                    {
                        _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                        return true;
                    }
                }
                _current = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;
            object IEnumerator.Current => _current;
            public void Reset() { _index = 0; _current = default; }
            public void Dispose() { }
        }

        public TValue GetValueOrDefault(TKey key) => TryGetValue(key, out TValue v) ? v : default;
        public TValue GetValueOrDefault(TKey key, TValue defaultValue) => TryGetValue(key, out TValue v) ? v : defaultValue;

        public sealed class KeyCollection : IEnumerable<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            internal KeyCollection(Dictionary<TKey, TValue> d) { _dictionary = d; }
            public int Count => _dictionary.Count;
            public KeyEnumerator GetEnumerator() => new KeyEnumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new KeyEnumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new KeyEnumerator(_dictionary);
        }

        public struct KeyEnumerator : IEnumerator<TKey>
        {
            private Enumerator _inner;
            internal KeyEnumerator(Dictionary<TKey, TValue> d) { _inner = new Enumerator(d); }
            public bool MoveNext() => _inner.MoveNext();
            public TKey Current => _inner.Current.Key;
            object IEnumerator.Current => _inner.Current.Key;
            public void Reset() => _inner.Reset();
            public void Dispose() { }
        }

        public sealed class ValueCollection : IEnumerable<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            internal ValueCollection(Dictionary<TKey, TValue> d) { _dictionary = d; }
            public int Count => _dictionary.Count;
            public ValueEnumerator GetEnumerator() => new ValueEnumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new ValueEnumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new ValueEnumerator(_dictionary);
        }

        public struct ValueEnumerator : IEnumerator<TValue>
        {
            private Enumerator _inner;
            internal ValueEnumerator(Dictionary<TKey, TValue> d) { _inner = new Enumerator(d); }
            public bool MoveNext() => _inner.MoveNext();
            public TValue Current => _inner.Current.Value;
            object IEnumerator.Current => _inner.Current.Value;
            public void Reset() => _inner.Reset();
            public void Dispose() { }
        }
    }
}
