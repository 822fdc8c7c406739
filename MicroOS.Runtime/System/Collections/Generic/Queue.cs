namespace System.Collections.Generic
{
    // The BCL's Queue<T>: a circular buffer that doubles when full.
    public class Queue<T> : IEnumerable<T>
    {
        private T[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _version;

        public Queue() { _array = new T[0]; }

        public Queue(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException(nameof(capacity));
            _array = new T[capacity];
        }

        public int Count => _size;

        public void Enqueue(T item)
        {
            if (_size == _array.Length)
                Grow();
            _array[_tail] = item;
            _tail = (_tail + 1) % _array.Length;
            _size++;
            _version++;
        }

        public T Dequeue()
        {
            if (_size == 0)
                throw new InvalidOperationException("Queue empty.");
            T item = _array[_head];
            _array[_head] = default;
            _head = (_head + 1) % _array.Length;
            _size--;
            _version++;
            return item;
        }

        public bool TryDequeue(out T item)
        {
            if (_size == 0)
            {
                item = default;
                return false;
            }
            item = Dequeue();
            return true;
        }

        public T Peek()
        {
            if (_size == 0)
                throw new InvalidOperationException("Queue empty.");
            return _array[_head];
        }

        public bool TryPeek(out T item)
        {
            item = _size == 0 ? default : _array[_head];
            return _size != 0;
        }

        public bool Contains(T item)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < _size; i++)
                if (comparer.Equals(_array[(_head + i) % _array.Length], item))
                    return true;
            return false;
        }

        public void Clear()
        {
            for (int i = 0; i < _array.Length; i++)
                _array[i] = default;
            _head = _tail = _size = 0;
            _version++;
        }

        public T[] ToArray()
        {
            T[] result = new T[_size];
            for (int i = 0; i < _size; i++)
                result[i] = _array[(_head + i) % _array.Length];
            return result;
        }

        private void Grow()
        {
            int capacity = _array.Length == 0 ? 4 : _array.Length * 2;
            T[] larger = new T[capacity];
            for (int i = 0; i < _size; i++)
                larger[i] = _array[(_head + i) % _array.Length];
            _array = larger;
            _head = 0;
            _tail = _size == capacity ? 0 : _size;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _queue;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(Queue<T> queue)
            {
                _queue = queue;
                _version = queue._version;
                _index = -1;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _queue._version)
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (++_index < _queue._size)
                {
                    _current = _queue._array[(_queue._head + _index) % _queue._array.Length];
                    return true;
                }
                _current = default;
                return false;
            }

            public T Current => _current;
            object IEnumerator.Current => _current;
            public void Reset() { _index = -1; _current = default; }
            public void Dispose() { }
        }
    }
}
