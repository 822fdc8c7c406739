namespace System.Collections.Generic
{
    // A set over Dictionary<T, bool>: the same hashing, equality and enumeration order (insertion
    // order until removals), which is what .NET's HashSet shows too.
    public class HashSet<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        private readonly Dictionary<T, bool> _items;

        public HashSet() { _items = new Dictionary<T, bool>(); }
        public HashSet(IEqualityComparer<T> comparer) { _items = new Dictionary<T, bool>(comparer); }
        public HashSet(IEnumerable<T> collection) : this() { UnionWith(collection); }
        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(comparer) { UnionWith(collection); }

        public int Count => _items.Count;
        public bool IsReadOnly => false;

        public bool Add(T item) => _items.TryAdd(item, true);
        void ICollection<T>.Add(T item) => Add(item);
        public bool Remove(T item) => _items.Remove(item);
        public bool Contains(T item) => _items.ContainsKey(item);
        public void Clear() => _items.Clear();

        public void UnionWith(IEnumerable<T> other) { foreach (T x in other) Add(x); }

        public void ExceptWith(IEnumerable<T> other) { foreach (T x in other) Remove(x); }

        public void IntersectWith(IEnumerable<T> other)
        {
            var keep = new HashSet<T>(other);
            var drop = new List<T>();
            foreach (T x in this) if (!keep.Contains(x)) drop.Add(x);
            foreach (T x in drop) Remove(x);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            foreach (T x in new HashSet<T>(other))
                if (!Remove(x)) Add(x);
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            var o = new HashSet<T>(other);
            if (o.Count != Count) return false;
            foreach (T x in o) if (!Contains(x)) return false;
            return true;
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            var o = new HashSet<T>(other);
            foreach (T x in this) if (!o.Contains(x)) return false;
            return true;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            foreach (T x in other) if (!Contains(x)) return false;
            return true;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            foreach (T x in other) if (Contains(x)) return true;
            return false;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            foreach (T x in this) array[arrayIndex++] = x;
        }

        public IEnumerator<T> GetEnumerator()
        {
            var keys = new List<T>(_items.Count);
            foreach (var kv in _items) keys.Add(kv.Key);
            return keys.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
