using System.Collections;
using System.Collections.Generic;

namespace System
{
    // A slice of an array (or, read-only, of a string) that can live on the heap, unlike a span:
    // .NET's Memory<T> and ReadOnlyMemory<T> without MemoryManager (no native memory behind them).
    public readonly struct Memory<T> : IEquatable<Memory<T>>
    {
        private readonly T[] _array;
        private readonly int _start;
        private readonly int _length;

        public Memory(T[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public Memory(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException();
                this = default;
                return;
            }
            if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start)) throw new ArgumentOutOfRangeException();
            _array = array;
            _start = start;
            _length = length;
        }

        public static Memory<T> Empty => default;
        public int Length => _length;
        public bool IsEmpty => _length == 0;
        public Span<T> Span => _array == null ? default : new Span<T>(_array, _start, _length);

        public Memory<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException("start");
            return new Memory<T>(_array, _start + start, _length - start);
        }

        public Memory<T> Slice(int start, int length)
        {
            if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start)) throw new ArgumentOutOfRangeException();
            return new Memory<T>(_array, _start + start, length);
        }

        public void CopyTo(Memory<T> destination) => Span.CopyTo(destination.Span);
        public bool TryCopyTo(Memory<T> destination) => Span.TryCopyTo(destination.Span);
        public T[] ToArray() => Span.ToArray();

        public bool Equals(Memory<T> other) => _array == other._array && _start == other._start && _length == other._length;
        public override bool Equals(object obj) => obj is Memory<T> m && Equals(m) || obj is ReadOnlyMemory<T> r && r.Equals(this);
        public override int GetHashCode() => _array == null ? 0 : Tuple.Combine(Tuple.Combine(_array.GetHashCode(), _start), _length);
        public override string ToString() => typeof(T) == typeof(char) ? ((ReadOnlyMemory<T>)this).ToString() : string.Concat("System.Memory<", typeof(T).Name, ">[", _length.ToString(), "]");

        internal T[] Array => _array;
        internal int Start => _start;

        public static implicit operator Memory<T>(T[] array) => new Memory<T>(array);
        public static implicit operator Memory<T>(ArraySegment<T> segment) => new Memory<T>(segment.Array, segment.Offset, segment.Count);
        public static implicit operator ReadOnlyMemory<T>(Memory<T> memory) => new ReadOnlyMemory<T>(memory._array, memory._start, memory._length);
    }

    public readonly struct ReadOnlyMemory<T> : IEquatable<ReadOnlyMemory<T>>
    {
        private readonly object _object;        // T[] or, for ReadOnlyMemory<char>, a string
        private readonly int _start;
        private readonly int _length;

        public ReadOnlyMemory(T[] array)
        {
            _object = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public ReadOnlyMemory(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException();
                this = default;
                return;
            }
            if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start)) throw new ArgumentOutOfRangeException();
            _object = array;
            _start = start;
            _length = length;
        }

        internal ReadOnlyMemory(string text, int start, int length)
        {
            _object = text;
            _start = start;
            _length = length;
        }

        public static ReadOnlyMemory<T> Empty => default;
        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public ReadOnlySpan<T> Span
        {
            get
            {
                if (_object == null) return default;
                if (_object is string s)
                {
                    if ((uint)_start > (uint)s.Length || (uint)_length > (uint)(s.Length - _start)) throw new ArgumentOutOfRangeException();
                    return new ReadOnlySpan<T>(ref System.Runtime.CompilerServices.Unsafe.As<char, T>(ref System.Runtime.CompilerServices.Unsafe.Add(ref s.FirstChar, _start)), _length);
                }
                return new ReadOnlySpan<T>((T[])_object, _start, _length);
            }
        }

        public ReadOnlyMemory<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException("start");
            return new ReadOnlyMemory<T>(_object, _start + start, _length - start);
        }

        public ReadOnlyMemory<T> Slice(int start, int length)
        {
            if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start)) throw new ArgumentOutOfRangeException();
            return new ReadOnlyMemory<T>(_object, _start + start, length);
        }

        private ReadOnlyMemory(object o, int start, int length)
        {
            _object = o;
            _start = start;
            _length = length;
        }

        public void CopyTo(Memory<T> destination) => Span.CopyTo(destination.Span);
        public bool TryCopyTo(Memory<T> destination) => Span.TryCopyTo(destination.Span);
        public T[] ToArray() => Span.ToArray();

        public bool Equals(ReadOnlyMemory<T> other) => _object == other._object && _start == other._start && _length == other._length;
        internal bool Equals(Memory<T> other) => _object == (object)other.Array && _start == other.Start && _length == other.Length;
        public override bool Equals(object obj) => obj is ReadOnlyMemory<T> r && Equals(r) || obj is Memory<T> m && Equals(m);
        public override int GetHashCode() => _object == null ? 0 : Tuple.Combine(Tuple.Combine(_object.GetHashCode(), _start), _length);

        public override string ToString()
        {
            if (typeof(T) != typeof(char))
                return string.Concat("System.ReadOnlyMemory<", typeof(T).Name, ">[", _length.ToString(), "]");
            if (_object is string s) return s.Substring(_start, _length);
            return Span.ToString();
        }

        public static implicit operator ReadOnlyMemory<T>(T[] array) => new ReadOnlyMemory<T>(array);
        public static implicit operator ReadOnlyMemory<T>(ArraySegment<T> segment) => new ReadOnlyMemory<T>(segment.Array, segment.Offset, segment.Count);
    }

    // A window on an array: .NET's ArraySegment<T>.
    public readonly struct ArraySegment<T> : IList<T>, IReadOnlyList<T>, IEquatable<ArraySegment<T>>
    {
        private readonly T[] _array;
        private readonly int _offset;
        private readonly int _count;

        public ArraySegment(T[] array)
        {
            _array = array ?? throw new ArgumentNullException("array");
            _offset = 0;
            _count = array.Length;
        }

        public ArraySegment(T[] array, int offset, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (offset < 0) throw new ArgumentOutOfRangeException("offset", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (array.Length - offset < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            _array = array;
            _offset = offset;
            _count = count;
        }

        public static ArraySegment<T> Empty => new ArraySegment<T>(System.Array.Empty<T>());
        public T[] Array => _array;
        public int Offset => _offset;
        public int Count => _count;
        public bool IsReadOnly => true;

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                return _array[_offset + index];
            }
            set
            {
                if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                _array[_offset + index] = value;
            }
        }

        public ArraySegment<T> Slice(int index)
        {
            if ((uint)index > (uint)_count) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return new ArraySegment<T>(_array, _offset + index, _count - index);
        }

        public ArraySegment<T> Slice(int index, int count)
        {
            if ((uint)index > (uint)_count || (uint)count > (uint)(_count - index)) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return new ArraySegment<T>(_array, _offset + index, count);
        }

        public T[] ToArray()
        {
            T[] a = new T[_count];
            if (_count > 0) System.Array.Copy(_array, _offset, a, 0, _count);
            return a;
        }

        public void CopyTo(T[] destination) => CopyTo(destination, 0);
        public void CopyTo(T[] destination, int destinationIndex) => System.Array.Copy(_array, _offset, destination, destinationIndex, _count);
        public void CopyTo(ArraySegment<T> destination)
        {
            if (_count > destination._count) throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destination");
            System.Array.Copy(_array, _offset, destination._array, destination._offset, _count);
        }

        public int IndexOf(T item)
        {
            int i = System.Array.IndexOf(_array, item, _offset, _count);
            return i >= 0 ? i - _offset : -1;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        void IList<T>.Insert(int index, T item) => throw new NotSupportedException("Specified method is not supported.");
        void IList<T>.RemoveAt(int index) => throw new NotSupportedException("Specified method is not supported.");
        void ICollection<T>.Add(T item) => throw new NotSupportedException("Specified method is not supported.");
        void ICollection<T>.Clear() => throw new NotSupportedException("Specified method is not supported.");
        bool ICollection<T>.Remove(T item) => throw new NotSupportedException("Specified method is not supported.");

        public bool Equals(ArraySegment<T> other) => _array == other._array && _offset == other._offset && _count == other._count;
        public override bool Equals(object obj) => obj is ArraySegment<T> s && Equals(s);
        public override int GetHashCode() => _array == null ? 0 : Tuple.Combine(Tuple.Combine(_array.GetHashCode(), _offset), _count);
        public static bool operator ==(ArraySegment<T> a, ArraySegment<T> b) => a.Equals(b);
        public static bool operator !=(ArraySegment<T> a, ArraySegment<T> b) => !a.Equals(b);
        public static implicit operator ArraySegment<T>(T[] array) => array == null ? default : new ArraySegment<T>(array);

        public IEnumerator<T> GetEnumerator()
        {
            for (int i = 0; i < _count; i++) yield return _array[_offset + i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
