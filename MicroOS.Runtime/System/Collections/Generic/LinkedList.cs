namespace System.Collections.Generic
{
    // A doubly linked list, as .NET's (circular internally: head.Previous is the last node).
    public sealed class LinkedListNode<T>
    {
        internal LinkedList<T> _list;
        internal LinkedListNode<T> _next, _prev;

        public LinkedListNode(T value) { Value = value; }
        internal LinkedListNode(LinkedList<T> list, T value) { _list = list; Value = value; }

        public T Value { get; set; }
        public LinkedList<T> List => _list;
        public LinkedListNode<T> Next => _next == null || _next == _list._head ? null : _next;
        public LinkedListNode<T> Previous => _prev == null || this == _list._head ? null : _prev;
    }

    public class LinkedList<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        internal LinkedListNode<T> _head;
        private int _count;
        private int _version;

        public LinkedList() { }

        public LinkedList(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            foreach (T item in collection) AddLast(item);
        }

        public int Count => _count;
        public bool IsReadOnly => false;
        public LinkedListNode<T> First => _head;
        public LinkedListNode<T> Last => _head?._prev;

        public LinkedListNode<T> AddFirst(T value)
        {
            var node = new LinkedListNode<T>(this, value);
            AddFirst(node);
            return node;
        }

        public void AddFirst(LinkedListNode<T> node)
        {
            Validate(node);
            if (_head == null) InsertEmpty(node);
            else
            {
                InsertBefore(_head, node);
                _head = node;
            }
            node._list = this;
        }

        public LinkedListNode<T> AddLast(T value)
        {
            var node = new LinkedListNode<T>(this, value);
            AddLast(node);
            return node;
        }

        public void AddLast(LinkedListNode<T> node)
        {
            Validate(node);
            if (_head == null) InsertEmpty(node);
            else InsertBefore(_head, node);
            node._list = this;
        }

        public LinkedListNode<T> AddBefore(LinkedListNode<T> node, T value)
        {
            var result = new LinkedListNode<T>(this, value);
            AddBefore(node, result);
            return result;
        }

        public void AddBefore(LinkedListNode<T> node, LinkedListNode<T> newNode)
        {
            Owned(node);
            Validate(newNode);
            InsertBefore(node, newNode);
            newNode._list = this;
            if (node == _head) _head = newNode;
        }

        public LinkedListNode<T> AddAfter(LinkedListNode<T> node, T value)
        {
            var result = new LinkedListNode<T>(this, value);
            AddAfter(node, result);
            return result;
        }

        public void AddAfter(LinkedListNode<T> node, LinkedListNode<T> newNode)
        {
            Owned(node);
            Validate(newNode);
            InsertBefore(node._next, newNode);
            newNode._list = this;
        }

        void ICollection<T>.Add(T value) => AddLast(value);

        public bool Remove(T value)
        {
            LinkedListNode<T> node = Find(value);
            if (node == null) return false;
            Unlink(node);
            return true;
        }

        public void Remove(LinkedListNode<T> node)
        {
            Owned(node);
            Unlink(node);
        }

        public void RemoveFirst()
        {
            if (_head == null) throw new InvalidOperationException("The LinkedList is empty.");
            Unlink(_head);
        }

        public void RemoveLast()
        {
            if (_head == null) throw new InvalidOperationException("The LinkedList is empty.");
            Unlink(_head._prev);
        }

        public LinkedListNode<T> Find(T value)
        {
            var c = EqualityComparer<T>.Default;
            LinkedListNode<T> node = _head;
            if (node == null) return null;
            do
            {
                if (c.Equals(node.Value, value)) return node;
                node = node._next;
            } while (node != _head);
            return null;
        }

        public LinkedListNode<T> FindLast(T value)
        {
            if (_head == null) return null;
            var c = EqualityComparer<T>.Default;
            LinkedListNode<T> node = _head._prev;
            do
            {
                if (c.Equals(node.Value, value)) return node;
                node = node._prev;
            } while (node != _head._prev);
            return null;
        }

        public bool Contains(T value) => Find(value) != null;

        public void Clear()
        {
            LinkedListNode<T> node = _head;
            while (node != null)
            {
                LinkedListNode<T> next = node.Next;
                node._list = null;
                node._next = node._prev = null;
                node = next;
            }
            _head = null;
            _count = 0;
            _version++;
        }

        public void CopyTo(T[] array, int index)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (array.Length - index < _count) throw new ArgumentException("Insufficient space in the target location to copy the information.");
            foreach (T item in this) array[index++] = item;
        }

        private void Validate(LinkedListNode<T> node)
        {
            if (node == null) throw new ArgumentNullException("node");
            if (node._list != null && node._list != this || node._next != null)
                throw new InvalidOperationException("The LinkedList node already belongs to a LinkedList.");
        }

        private void Owned(LinkedListNode<T> node)
        {
            if (node == null) throw new ArgumentNullException("node");
            if (node._list != this) throw new InvalidOperationException("The LinkedList node does not belong to current LinkedList.");
        }

        private void InsertEmpty(LinkedListNode<T> node)
        {
            node._next = node;
            node._prev = node;
            _head = node;
            _count++;
            _version++;
        }

        private void InsertBefore(LinkedListNode<T> node, LinkedListNode<T> newNode)
        {
            newNode._next = node;
            newNode._prev = node._prev;
            node._prev._next = newNode;
            node._prev = newNode;
            _count++;
            _version++;
        }

        private void Unlink(LinkedListNode<T> node)
        {
            if (node._next == node)
            {
                _head = null;
            }
            else
            {
                node._next._prev = node._prev;
                node._prev._next = node._next;
                if (_head == node) _head = node._next;
            }
            node._list = null;
            node._next = node._prev = null;
            _count--;
            _version++;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<T>
        {
            private readonly LinkedList<T> _list;
            private readonly int _version;
            private LinkedListNode<T> _node;
            private T _current;
            private int _index;

            internal Enumerator(LinkedList<T> list)
            {
                _list = list;
                _version = list._version;
                _node = list._head;
                _current = default;
                _index = 0;
            }

            public T Current => _current;
            object IEnumerator.Current => _current;

            public bool MoveNext()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_node == null)
                {
                    _index = _list._count + 1;
                    return false;
                }
                ++_index;
                _current = _node.Value;
                _node = _node._next;
                if (_node == _list._head) _node = null;
                return true;
            }

            public void Reset() { _current = default; _node = _list._head; _index = 0; }
            public void Dispose() { }
        }
    }
}
