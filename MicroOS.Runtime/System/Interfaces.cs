namespace System
{
    public interface IEquatable<T> { bool Equals(T other); }
    public interface IComparable<in T> { int CompareTo(T other); }
    public interface IComparable { int CompareTo(object obj); }
    public interface IDisposable { void Dispose(); }
    public interface IFormatProvider { }
    public interface IFormattable { string ToString(string format, IFormatProvider formatProvider); }
    public interface ICloneable { object Clone(); }
}

namespace System.Collections
{
    public interface IEnumerator
    {
        bool MoveNext();
        object Current { get; }
        void Reset();
    }

    public interface IEnumerable { IEnumerator GetEnumerator(); }
    public interface ICollection : IEnumerable { int Count { get; } }
    public interface IList : ICollection { }
    public interface IEqualityComparer { bool Equals(object x, object y); int GetHashCode(object obj); }
}

namespace System.Collections.Generic
{
    public interface IEnumerator<out T> : IDisposable, System.Collections.IEnumerator { new T Current { get; } }
    public interface IEnumerable<out T> : System.Collections.IEnumerable { new IEnumerator<T> GetEnumerator(); }

    public interface IReadOnlyCollection<out T> : IEnumerable<T> { int Count { get; } }
    public interface IReadOnlyList<out T> : IReadOnlyCollection<T> { T this[int index] { get; } }

    public interface ICollection<T> : IEnumerable<T>
    {
        int Count { get; }
        bool IsReadOnly { get; }
        void Add(T item);
        void Clear();
        bool Contains(T item);
        void CopyTo(T[] array, int arrayIndex);
        bool Remove(T item);
    }

    public interface IList<T> : ICollection<T>
    {
        T this[int index] { get; set; }
        int IndexOf(T item);
        void Insert(int index, T item);
        void RemoveAt(int index);
    }

    public interface IEqualityComparer<in T>
    {
        bool Equals(T x, T y);
        int GetHashCode(T obj);
    }

    public interface IComparer<in T> { int Compare(T x, T y); }

    public interface IDictionary<TKey, TValue> : ICollection<KeyValuePair<TKey, TValue>>
    {
        TValue this[TKey key] { get; set; }
        void Add(TKey key, TValue value);
        bool ContainsKey(TKey key);
        bool Remove(TKey key);
        bool TryGetValue(TKey key, out TValue value);
    }

    public readonly struct KeyValuePair<TKey, TValue>
    {
        public KeyValuePair(TKey key, TValue value) { Key = key; Value = value; }
        public TKey Key { get; }
        public TValue Value { get; }
        public void Deconstruct(out TKey key, out TValue value) { key = Key; value = Value; }
        public override string ToString() => string.Concat("[", Key?.ToString(), ", ", Value?.ToString(), "]");
    }
}
