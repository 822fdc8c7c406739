namespace System.Collections.Generic
{
    // A set kept in order by an AVL tree (height-balanced: O(log n) add, remove and lookup).
    // Enumeration is in comparer order, as .NET's SortedSet (a red-black tree) gives it; the
    // balancing scheme is not observable. SortedDictionary is a SortedSet of key/value pairs.
    public class SortedSet<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        internal sealed class Node
        {
            public T Item;
            public Node Left, Right;
            public int Height = 1;
            public Node(T item) { Item = item; }
        }

        private Node _root;
        private int _count;
        private int _version;
        private readonly IComparer<T> _comparer;

        public SortedSet() : this((IComparer<T>)null) { }
        public SortedSet(IComparer<T> comparer) { _comparer = comparer ?? Comparer<T>.Default; }
        public SortedSet(IEnumerable<T> collection) : this(collection, null) { }

        public SortedSet(IEnumerable<T> collection, IComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            foreach (T item in collection) Add(item);
        }

        public int Count => _count;
        public IComparer<T> Comparer => _comparer;
        public bool IsReadOnly => false;

        public T Min
        {
            get
            {
                if (_root == null) return default;
                Node n = _root;
                while (n.Left != null) n = n.Left;
                return n.Item;
            }
        }

        public T Max
        {
            get
            {
                if (_root == null) return default;
                Node n = _root;
                while (n.Right != null) n = n.Right;
                return n.Item;
            }
        }

        public bool Add(T item)
        {
            bool added = false;
            _root = Insert(_root, item, ref added);
            if (added)
            {
                _count++;
                _version++;
            }
            return added;
        }

        void ICollection<T>.Add(T item) => Add(item);

        public bool Remove(T item)
        {
            bool removed = false;
            _root = Delete(_root, item, ref removed);
            if (removed)
            {
                _count--;
                _version++;
            }
            return removed;
        }

        public bool Contains(T item) => Find(item) != null;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            Node n = Find(equalValue);
            actualValue = n != null ? n.Item : default;
            return n != null;
        }

        internal Node Find(T item)
        {
            Node n = _root;
            while (n != null)
            {
                int order = _comparer.Compare(item, n.Item);
                if (order == 0) return n;
                n = order < 0 ? n.Left : n.Right;
            }
            return null;
        }

        public void Clear()
        {
            _root = null;
            _count = 0;
            _version++;
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            var doomed = new List<T>();
            foreach (T item in this)
                if (match(item)) doomed.Add(item);
            foreach (T item in doomed) Remove(item);
            return doomed.Count;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int index)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (array.Length - index < _count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            foreach (T item in this) array[index++] = item;
        }

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other) Add(item);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            var keep = new SortedSet<T>(_comparer);
            foreach (T item in other)
                if (Contains(item)) keep.Add(item);
            _root = keep._root;
            _count = keep._count;
            _version++;
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in new SortedSet<T>(other, _comparer))
                if (!Remove(item)) Add(item);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            var o = new SortedSet<T>(other, _comparer);
            foreach (T item in this)
                if (!o.Contains(item)) return false;
            return true;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other)
                if (!Contains(item)) return false;
            return true;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            var o = new SortedSet<T>(other, _comparer);
            return o.Count > _count && IsSubsetOf(o);
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            var o = new SortedSet<T>(other, _comparer);
            return _count > o.Count && IsSupersetOf(o);
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other)
                if (Contains(item)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            var o = new SortedSet<T>(other, _comparer);
            return o.Count == _count && IsSubsetOf(o);
        }

        // The elements in [lower, upper], as a new set (.NET returns a live view).
        public SortedSet<T> GetViewBetween(T lowerValue, T upperValue)
        {
            if (_comparer.Compare(lowerValue, upperValue) > 0) throw new ArgumentException("Must be less than or equal to upperValue.", "lowerValue");
            var view = new SortedSet<T>(_comparer);
            foreach (T item in this)
                if (_comparer.Compare(item, lowerValue) >= 0 && _comparer.Compare(item, upperValue) <= 0) view.Add(item);
            return view;
        }

        public IEnumerable<T> Reverse()
        {
            var items = new List<T>(this);
            for (int i = items.Count - 1; i >= 0; i--) yield return items[i];
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // In-order walk with an explicit stack; a change to the set ends it with InvalidOperationException.
        public struct Enumerator : IEnumerator<T>
        {
            private readonly SortedSet<T> _set;
            private readonly int _version;
            private readonly Stack<Node> _stack;
            private Node _current;

            internal Enumerator(SortedSet<T> set)
            {
                _set = set;
                _version = set._version;
                _stack = new Stack<Node>();
                _current = null;
                for (Node n = set._root; n != null; n = n.Left) _stack.Push(n);
            }

            public T Current => _current == null ? default : _current.Item;
            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_version != _set._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_stack.Count == 0)
                {
                    _current = null;
                    return false;
                }
                _current = _stack.Pop();
                for (Node n = _current.Right; n != null; n = n.Left) _stack.Push(n);
                return true;
            }

            public void Reset() => throw new NotSupportedException();
            public void Dispose() { }
        }

        private static int Height(Node n) => n == null ? 0 : n.Height;

        private static Node Fix(Node n)
        {
            int l = Height(n.Left), r = Height(n.Right);
            n.Height = (l > r ? l : r) + 1;
            return n;
        }

        private static Node RotateRight(Node n)
        {
            Node l = n.Left;
            n.Left = l.Right;
            l.Right = Fix(n);
            return Fix(l);
        }

        private static Node RotateLeft(Node n)
        {
            Node r = n.Right;
            n.Right = r.Left;
            r.Left = Fix(n);
            return Fix(r);
        }

        private static Node Balance(Node n)
        {
            Fix(n);
            int balance = Height(n.Left) - Height(n.Right);
            if (balance > 1)
            {
                if (Height(n.Left.Left) < Height(n.Left.Right)) n.Left = RotateLeft(n.Left);
                return RotateRight(n);
            }
            if (balance < -1)
            {
                if (Height(n.Right.Right) < Height(n.Right.Left)) n.Right = RotateRight(n.Right);
                return RotateLeft(n);
            }
            return n;
        }

        private Node Insert(Node n, T item, ref bool added)
        {
            if (n == null)
            {
                added = true;
                return new Node(item);
            }
            int order = _comparer.Compare(item, n.Item);
            if (order == 0) return n;
            if (order < 0) n.Left = Insert(n.Left, item, ref added);
            else n.Right = Insert(n.Right, item, ref added);
            return added ? Balance(n) : n;
        }

        private Node Delete(Node n, T item, ref bool removed)
        {
            if (n == null) return null;
            int order = _comparer.Compare(item, n.Item);
            if (order < 0) n.Left = Delete(n.Left, item, ref removed);
            else if (order > 0) n.Right = Delete(n.Right, item, ref removed);
            else
            {
                removed = true;
                if (n.Left == null) return n.Right;
                if (n.Right == null) return n.Left;
                Node successor = n.Right;
                while (successor.Left != null) successor = successor.Left;
                n.Item = successor.Item;
                bool unused = false;
                n.Right = Delete(n.Right, successor.Item, ref unused);
            }
            return Balance(n);
        }
    }

    public class SortedDictionary<TKey, TValue> : IDictionary<TKey, TValue>
    {
        private readonly SortedSet<KeyValuePair<TKey, TValue>> _set;
        private readonly IComparer<TKey> _keyComparer;

        public SortedDictionary() : this((IComparer<TKey>)null) { }

        public SortedDictionary(IComparer<TKey> comparer)
        {
            _keyComparer = comparer ?? Comparer<TKey>.Default;
            _set = new SortedSet<KeyValuePair<TKey, TValue>>(new KeyComparer(_keyComparer));
        }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer) : this(comparer)
        {
            if (dictionary == null) throw new ArgumentNullException("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        private sealed class KeyComparer : IComparer<KeyValuePair<TKey, TValue>>
        {
            private readonly IComparer<TKey> _keys;
            public KeyComparer(IComparer<TKey> keys) { _keys = keys; }
            public int Compare(KeyValuePair<TKey, TValue> a, KeyValuePair<TKey, TValue> b) => _keys.Compare(a.Key, b.Key);
        }

        public int Count => _set.Count;
        public IComparer<TKey> Comparer => _keyComparer;
        public bool IsReadOnly => false;

        public TValue this[TKey key]
        {
            get
            {
                if (key == null) throw new ArgumentNullException("key");
                SortedSet<KeyValuePair<TKey, TValue>>.Node n = _set.Find(new KeyValuePair<TKey, TValue>(key, default));
                if (n == null) throw new KeyNotFoundException(string.Concat("The given key '", key.ToString(), "' was not present in the dictionary."));
                return n.Item.Value;
            }
            set
            {
                if (key == null) throw new ArgumentNullException("key");
                SortedSet<KeyValuePair<TKey, TValue>>.Node n = _set.Find(new KeyValuePair<TKey, TValue>(key, default));
                if (n != null) n.Item = new KeyValuePair<TKey, TValue>(n.Item.Key, value);
                else _set.Add(new KeyValuePair<TKey, TValue>(key, value));
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (!_set.Add(new KeyValuePair<TKey, TValue>(key, value)))
                throw new ArgumentException(string.Concat("An item with the same key has already been added. Key: ", key.ToString()));
        }

        public bool TryAdd(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            return _set.Add(new KeyValuePair<TKey, TValue>(key, value));
        }

        public bool ContainsKey(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            return _set.Contains(new KeyValuePair<TKey, TValue>(key, default));
        }

        public bool ContainsValue(TValue value)
        {
            var values = EqualityComparer<TValue>.Default;
            foreach (KeyValuePair<TKey, TValue> pair in _set)
                if (values.Equals(pair.Value, value)) return true;
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            SortedSet<KeyValuePair<TKey, TValue>>.Node n = _set.Find(new KeyValuePair<TKey, TValue>(key, default));
            value = n != null ? n.Item.Value : default;
            return n != null;
        }

        public bool Remove(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            return _set.Remove(new KeyValuePair<TKey, TValue>(key, default));
        }

        public void Clear() => _set.Clear();

        public ICollection<TKey> Keys
        {
            get
            {
                var keys = new List<TKey>(_set.Count);
                foreach (KeyValuePair<TKey, TValue> pair in _set) keys.Add(pair.Key);
                return keys;
            }
        }

        public ICollection<TValue> Values
        {
            get
            {
                var values = new List<TValue>(_set.Count);
                foreach (KeyValuePair<TKey, TValue> pair in _set) values.Add(pair.Value);
                return values;
            }
        }


        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);
        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item) =>
            TryGetValue(item.Key, out TValue v) && EqualityComparer<TValue>.Default.Equals(v, item.Value);
        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item) =>
            ((ICollection<KeyValuePair<TKey, TValue>>)this).Contains(item) && Remove(item.Key);
        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => _set.CopyTo(array, index);

        public SortedSet<KeyValuePair<TKey, TValue>>.Enumerator GetEnumerator() => _set.GetEnumerator();
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => _set.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => _set.GetEnumerator();
    }
}
