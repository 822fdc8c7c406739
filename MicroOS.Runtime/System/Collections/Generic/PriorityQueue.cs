namespace System.Collections.Generic
{
    // .NET's PriorityQueue: an array-backed quaternary min-heap, with .NET's exact sift-up and
    // sift-down (so elements of equal priority leave in the same order as on .NET) and its
    // O(n) heapify for a queue built from a sequence.
    public class PriorityQueue<TElement, TPriority>
    {
        private const int Arity = 4, Log2Arity = 2;
        private (TElement Element, TPriority Priority)[] _nodes;
        private readonly IComparer<TPriority> _comparer;
        private int _size;

        public PriorityQueue() : this(0, null) { }
        public PriorityQueue(int initialCapacity) : this(initialCapacity, null) { }
        public PriorityQueue(IComparer<TPriority> comparer) : this(0, comparer) { }

        public PriorityQueue(int initialCapacity, IComparer<TPriority> comparer)
        {
            if (initialCapacity < 0) throw new ArgumentOutOfRangeException("initialCapacity", "Non-negative number required.");
            _nodes = new (TElement, TPriority)[initialCapacity];
            _comparer = comparer ?? Comparer<TPriority>.Default;
        }

        public PriorityQueue(IEnumerable<(TElement Element, TPriority Priority)> items) : this(items, null) { }

        public PriorityQueue(IEnumerable<(TElement Element, TPriority Priority)> items, IComparer<TPriority> comparer) : this(0, comparer)
        {
            if (items == null) throw new ArgumentNullException("items");
            foreach (var item in items)
            {
                if (_size == _nodes.Length) Grow(_size + 1);
                _nodes[_size++] = item;
            }
            if (_size > 1) Heapify();
        }

        public int Count => _size;
        public IComparer<TPriority> Comparer => _comparer;
        public UnorderedItemsCollection UnorderedItems => new UnorderedItemsCollection(this);

        public void Enqueue(TElement element, TPriority priority)
        {
            int currentSize = _size;
            if (_nodes.Length == currentSize) Grow(currentSize + 1);
            _size = currentSize + 1;
            MoveUp((element, priority), currentSize);
        }

        public TElement Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            return _nodes[0].Element;
        }

        public TElement Dequeue()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            TElement element = _nodes[0].Element;
            RemoveRootNode();
            return element;
        }

        public TElement DequeueEnqueue(TElement element, TPriority priority)
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            var root = _nodes[0];
            MoveDown((element, priority), 0);
            return root.Element;
        }

        public bool TryDequeue(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                (element, priority) = _nodes[0];
                RemoveRootNode();
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public bool TryPeek(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                (element, priority) = _nodes[0];
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public TElement EnqueueDequeue(TElement element, TPriority priority)
        {
            if (_size != 0)
            {
                var root = _nodes[0];
                if (_comparer.Compare(priority, root.Priority) > 0)
                {
                    MoveDown((element, priority), 0);
                    return root.Element;
                }
            }
            return element;
        }

        public void EnqueueRange(IEnumerable<(TElement Element, TPriority Priority)> items)
        {
            if (items == null) throw new ArgumentNullException("items");
            if (_size == 0)
            {
                foreach (var item in items)
                {
                    if (_size == _nodes.Length) Grow(_size + 1);
                    _nodes[_size++] = item;
                }
                if (_size > 1) Heapify();
                return;
            }
            foreach (var (element, priority) in items)
                Enqueue(element, priority);
        }

        public void EnqueueRange(IEnumerable<TElement> elements, TPriority priority)
        {
            if (elements == null) throw new ArgumentNullException("elements");
            foreach (TElement element in elements)
                Enqueue(element, priority);
        }

        public bool Remove(TElement element, out TElement removedElement, out TPriority priority, IEqualityComparer<TElement> equalityComparer = null)
        {
            equalityComparer ??= EqualityComparer<TElement>.Default;
            for (int index = 0; index < _size; index++)
            {
                if (!equalityComparer.Equals(element, _nodes[index].Element)) continue;
                (removedElement, priority) = _nodes[index];
                int newSize = --_size;
                if (index < newSize)
                {
                    var lastNode = _nodes[newSize];
                    MoveDown(lastNode, index);
                    MoveUp(_nodes[index], index);
                }
                _nodes[newSize] = default;
                return true;
            }
            removedElement = default;
            priority = default;
            return false;
        }

        public void Clear()
        {
            Array.Clear(_nodes, 0, _size);
            _size = 0;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (_nodes.Length < capacity) Grow(capacity);
            return _nodes.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_nodes.Length * 0.9)) Array.Resize(ref _nodes, _size);
        }

        private void Grow(int minCapacity)
        {
            int newCapacity = 2 * _nodes.Length;
            if (newCapacity < _nodes.Length + 4) newCapacity = _nodes.Length + 4;
            if (newCapacity < minCapacity) newCapacity = minCapacity;
            Array.Resize(ref _nodes, newCapacity);
        }

        private void RemoveRootNode()
        {
            int lastNodeIndex = --_size;
            if (lastNodeIndex > 0)
                MoveDown(_nodes[lastNodeIndex], 0);
            _nodes[lastNodeIndex] = default;
        }

        private void Heapify()
        {
            for (int index = (_size - 1 - 1) >> Log2Arity; index >= 0; --index)
                MoveDown(_nodes[index], index);
        }

        private void MoveUp((TElement Element, TPriority Priority) node, int nodeIndex)
        {
            while (nodeIndex > 0)
            {
                int parentIndex = (nodeIndex - 1) >> Log2Arity;
                var parent = _nodes[parentIndex];
                if (_comparer.Compare(node.Priority, parent.Priority) < 0)
                {
                    _nodes[nodeIndex] = parent;
                    nodeIndex = parentIndex;
                }
                else
                {
                    break;
                }
            }
            _nodes[nodeIndex] = node;
        }

        private void MoveDown((TElement Element, TPriority Priority) node, int nodeIndex)
        {
            int i;
            while ((i = (nodeIndex << Log2Arity) + 1) < _size)
            {
                var minChild = _nodes[i];
                int minChildIndex = i;
                int childIndexUpperBound = Math.Min(i + Arity, _size);
                while (++i < childIndexUpperBound)
                {
                    var nextChild = _nodes[i];
                    if (_comparer.Compare(nextChild.Priority, minChild.Priority) < 0)
                    {
                        minChild = nextChild;
                        minChildIndex = i;
                    }
                }
                if (_comparer.Compare(node.Priority, minChild.Priority) <= 0)
                    break;
                _nodes[nodeIndex] = minChild;
                nodeIndex = minChildIndex;
            }
            _nodes[nodeIndex] = node;
        }

        public sealed class UnorderedItemsCollection : IReadOnlyCollection<(TElement Element, TPriority Priority)>
        {
            private readonly PriorityQueue<TElement, TPriority> _queue;
            internal UnorderedItemsCollection(PriorityQueue<TElement, TPriority> queue) { _queue = queue; }
            public int Count => _queue._size;

            public IEnumerator<(TElement Element, TPriority Priority)> GetEnumerator()
            {
                for (int i = 0; i < _queue._size; i++)
                    yield return _queue._nodes[i];
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
