namespace System.Collections.Generic
{
    // Array.Sort(keys, items): .NET's introspective sort on the keys with each item moved alongside
    // its key, step for step as ArraySortHelper<T> (so equal keys leave their items in .NET's order).
    internal static class ArraySortHelper<TKey, TValue>
    {
        public static void Sort(TKey[] keys, TValue[] values, int index, int length, Comparison<TKey> comparer)
        {
            if (length > 1)
                IntroSort(keys, values, index, length, 2 * (System.Numerics.BitOperations.Log2((uint)length) + 1), comparer);
        }

        private static void IntroSort(TKey[] keys, TValue[] values, int lo, int partitionSize, int depthLimit, Comparison<TKey> comparer)
        {
            while (partitionSize > 1)
            {
                if (partitionSize <= 16)
                {
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, values, comparer, lo, lo + 1);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, values, comparer, lo, lo + 1);
                        SwapIfGreater(keys, values, comparer, lo, lo + 2);
                        SwapIfGreater(keys, values, comparer, lo + 1, lo + 2);
                        return;
                    }
                    InsertionSort(keys, values, lo, partitionSize, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys, values, lo, partitionSize, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, values, lo, partitionSize, comparer);
                IntroSort(keys, values, lo + p + 1, partitionSize - (p + 1), depthLimit, comparer);
                partitionSize = p;
            }
        }

        private static void SwapIfGreater(TKey[] keys, TValue[] values, Comparison<TKey> comparer, int i, int j)
        {
            if (comparer(keys[i], keys[j]) > 0)
                Swap(keys, values, i, j);
        }

        private static void Swap(TKey[] keys, TValue[] values, int i, int j)
        {
            TKey k = keys[i];
            keys[i] = keys[j];
            keys[j] = k;
            TValue v = values[i];
            values[i] = values[j];
            values[j] = v;
        }

        private static int PickPivotAndPartition(TKey[] keys, TValue[] values, int lo, int length, Comparison<TKey> comparer)
        {
            int hi = length - 1;
            int middle = hi >> 1;
            SwapIfGreater(keys, values, comparer, lo, lo + middle);
            SwapIfGreater(keys, values, comparer, lo, lo + hi);
            SwapIfGreater(keys, values, comparer, lo + middle, lo + hi);
            TKey pivot = keys[lo + middle];
            Swap(keys, values, lo + middle, lo + hi - 1);
            int left = 0, right = hi - 1;
            while (left < right)
            {
                while (comparer(keys[lo + ++left], pivot) < 0) { }
                while (comparer(pivot, keys[lo + --right]) < 0) { }
                if (left >= right)
                    break;
                Swap(keys, values, lo + left, lo + right);
            }
            if (left != hi - 1)
                Swap(keys, values, lo + left, lo + hi - 1);
            return left;
        }

        private static void HeapSort(TKey[] keys, TValue[] values, int lo, int n, Comparison<TKey> comparer)
        {
            for (int i = n >> 1; i >= 1; i--)
                DownHeap(keys, values, lo, i, n, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, values, lo, lo + i - 1);
                DownHeap(keys, values, lo, 1, i - 1, comparer);
            }
        }

        private static void DownHeap(TKey[] keys, TValue[] values, int lo, int i, int n, Comparison<TKey> comparer)
        {
            TKey d = keys[lo + i - 1];
            TValue dValue = values[lo + i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer(keys[lo + child - 1], keys[lo + child]) < 0)
                    child++;
                if (!(comparer(d, keys[lo + child - 1]) < 0))
                    break;
                keys[lo + i - 1] = keys[lo + child - 1];
                values[lo + i - 1] = values[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
            values[lo + i - 1] = dValue;
        }

        private static void InsertionSort(TKey[] keys, TValue[] values, int lo, int length, Comparison<TKey> comparer)
        {
            for (int i = 0; i < length - 1; i++)
            {
                TKey t = keys[lo + i + 1];
                TValue tValue = values[lo + i + 1];
                int j = i;
                while (j >= 0 && comparer(t, keys[lo + j]) < 0)
                {
                    keys[lo + j + 1] = keys[lo + j];
                    values[lo + j + 1] = values[lo + j];
                    j--;
                }
                keys[lo + j + 1] = t;
                values[lo + j + 1] = tValue;
            }
        }
    }
}
