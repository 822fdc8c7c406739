namespace System.Collections.Generic
{
    public class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _size;

        public Stack() { _array = new T[4]; }
        public Stack(int capacity) { _array = new T[capacity > 0 ? capacity : 4]; }
        public Stack(IEnumerable<T> collection) : this() { foreach (T item in collection) Push(item); }

        public int Count => _size;

        public void Push(T item)
        {
            if (_size == _array.Length) Array.Resize(ref _array, _array.Length * 2);
            _array[_size++] = item;
        }

        public T Pop()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            T item = _array[--_size];
            _array[_size] = default;
            return item;
        }

        public T Peek() => _size == 0 ? throw new InvalidOperationException("Stack empty.") : _array[_size - 1];

        public bool TryPop(out T result)
        {
            if (_size == 0) { result = default; return false; }
            result = Pop();
            return true;
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0) { result = default; return false; }
            result = _array[_size - 1];
            return true;
        }

        public bool Contains(T item) => _size != 0 && Array.IndexOf(_array, item, 0, _size) >= 0;

        public void Clear() { Array.Clear(_array, 0, _size); _size = 0; }

        // Top first, as .NET enumerates a stack.
        public T[] ToArray()
        {
            T[] a = new T[_size];
            for (int i = 0; i < _size; i++) a[i] = _array[_size - 1 - i];
            return a;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
