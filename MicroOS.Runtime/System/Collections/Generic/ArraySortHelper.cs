namespace System.Collections.Generic
{
    // .NET's introspective sort, step for step (the same pivots, insertion-sort threshold and heapsort
    // fallback), so that elements that compare equal end up in the same order as on .NET.
    internal static class ArraySortHelper<T>
    {
        public static void Sort(T[] keys, int index, int length, Comparison<T> comparer)
        {
            if (length > 1)
                IntroSort(keys, index, length, 2 * (System.Numerics.BitOperations.Log2((uint)length) + 1), comparer);
        }

        private static void IntroSort(T[] keys, int lo, int partitionSize, int depthLimit, Comparison<T> comparer)
        {
            while (partitionSize > 1)
            {
                if (partitionSize <= 16)
                {
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, comparer, lo, lo + 1);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, comparer, lo, lo + 1);
                        SwapIfGreater(keys, comparer, lo, lo + 2);
                        SwapIfGreater(keys, comparer, lo + 1, lo + 2);
                        return;
                    }
                    InsertionSort(keys, lo, partitionSize, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys, lo, partitionSize, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, lo, partitionSize, comparer);
                IntroSort(keys, lo + p + 1, partitionSize - (p + 1), depthLimit, comparer);
                partitionSize = p;
            }
        }

        private static void SwapIfGreater(T[] keys, Comparison<T> comparer, int i, int j)
        {
            if (comparer(keys[i], keys[j]) > 0)
            {
                T t = keys[i];
                keys[i] = keys[j];
                keys[j] = t;
            }
        }

        private static void Swap(T[] a, int i, int j)
        {
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        private static int PickPivotAndPartition(T[] keys, int lo, int length, Comparison<T> comparer)
        {
            int hi = length - 1;
            int middle = hi >> 1;
            SwapIfGreater(keys, comparer, lo, lo + middle);
            SwapIfGreater(keys, comparer, lo, lo + hi);
            SwapIfGreater(keys, comparer, lo + middle, lo + hi);
            T pivot = keys[lo + middle];
            Swap(keys, lo + middle, lo + hi - 1);
            int left = 0, right = hi - 1;
            while (left < right)
            {
                while (comparer(keys[lo + ++left], pivot) < 0) { }
                while (comparer(pivot, keys[lo + --right]) < 0) { }
                if (left >= right)
                    break;
                Swap(keys, lo + left, lo + right);
            }
            if (left != hi - 1)
                Swap(keys, lo + left, lo + hi - 1);
            return left;
        }

        private static void HeapSort(T[] keys, int lo, int n, Comparison<T> comparer)
        {
            for (int i = n >> 1; i >= 1; i--)
                DownHeap(keys, lo, i, n, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, lo, lo + i - 1);
                DownHeap(keys, lo, 1, i - 1, comparer);
            }
        }

        private static void DownHeap(T[] keys, int lo, int i, int n, Comparison<T> comparer)
        {
            T d = keys[lo + i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer(keys[lo + child - 1], keys[lo + child]) < 0)
                    child++;
                if (!(comparer(d, keys[lo + child - 1]) < 0))
                    break;
                keys[lo + i - 1] = keys[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
        }

        private static void InsertionSort(T[] keys, int lo, int length, Comparison<T> comparer)
        {
            for (int i = 0; i < length - 1; i++)
            {
                T t = keys[lo + i + 1];
                int j = i;
                while (j >= 0 && comparer(t, keys[lo + j]) < 0)
                {
                    keys[lo + j + 1] = keys[lo + j];
                    j--;
                }
                keys[lo + j + 1] = t;
            }
        }
    }
}
