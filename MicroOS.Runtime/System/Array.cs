using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    // Layout (a contract with ILC): MethodTable pointer, 32-bit length, padding, elements from offset 16.
    public abstract unsafe class Array
    {
        private int _numComponents;

        public int Length => _numComponents;

        internal ref byte GetArrayDataReference() => ref Unsafe.AddByteOffset(ref GetRawData(), (nuint)8);

        public static void Resize<T>(ref T[] array, int newSize)
        {
            T[] larger = new T[newSize];
            if (array != null)
            {
                int n = array.Length < newSize ? array.Length : newSize;
                for (int i = 0; i < n; i++)
                    larger[i] = array[i];
            }
            array = larger;
        }

        public static void Copy(Array source, Array destination, int length) => Copy(source, 0, destination, 0, length);

        public static void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length)
        {
            if (source.GetMethodTable() != destination.GetMethodTable())
                ThrowHelpers.ThrowArrayTypeMismatchException();
            if (length < 0 || sourceIndex < 0 || destinationIndex < 0 ||
                sourceIndex + length > source.Length || destinationIndex + length > destination.Length)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            uint elementSize = source.GetMethodTable()->ComponentSize;
            Buffer.Memmove(
                ref Unsafe.Add(ref destination.GetArrayDataReference(), (nint)(destinationIndex * elementSize)),
                ref Unsafe.Add(ref source.GetArrayDataReference(), (nint)(sourceIndex * elementSize)),
                (nuint)(length * elementSize));
        }

        public static void Clear(Array array, int index, int length)
        {
            uint elementSize = array.GetMethodTable()->ComponentSize;
            if (index < 0 || length < 0 || index + length > array.Length)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            Buffer.ZeroMemory(ref Unsafe.Add(ref array.GetArrayDataReference(), (nint)(index * elementSize)), (nuint)(length * elementSize));
        }

        public static int IndexOf<T>(T[] array, T value) => IndexOf(array, value, 0, array.Length);

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            var comparer = System.Collections.Generic.EqualityComparer<T>.Default;
            for (int i = startIndex; i < startIndex + count; i++)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        private static class EmptyArray<T>
        {
            internal static readonly T[] Value = new T[0];
        }
    }

    // ILC gives every T[] the interfaces of Array<T>.
    public class Array<T> : Array
    {
    }
}
