using System.Runtime.CompilerServices;

namespace System
{
    public static unsafe class Buffer
    {
        // ILC calls this for block copies (cpblk) and struct copies; handles overlap.
        public static void Memmove(ref byte destination, ref byte source, nuint length)
        {
            byte* d = (byte*)Unsafe.AsPointer(ref destination);
            byte* s = (byte*)Unsafe.AsPointer(ref source);
            MemoryCopy(s, d, length);
        }

        // Copies that contain object references (no GC yet, so no barrier is needed).
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount) =>
            Memmove(ref destination, ref source, byteCount);

        internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount) =>
            Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());

        public static void MemoryCopy(void* source, void* destination, nuint length)
        {
            byte* d = (byte*)destination;
            byte* s = (byte*)source;
            if (d == s || length == 0)
                return;
            if (d < s || d >= s + length)
            {
                nuint i = 0;
                for (; i + 8 <= length; i += 8)
                    *(ulong*)(d + i) = *(ulong*)(s + i);
                for (; i < length; i++)
                    d[i] = s[i];
            }
            else
            {
                nuint i = length;
                while (i >= 8)
                {
                    i -= 8;
                    *(ulong*)(d + i) = *(ulong*)(s + i);
                }
                while (i > 0)
                {
                    i--;
                    d[i] = s[i];
                }
            }
        }

        public static void ZeroMemory(ref byte b, nuint length) => Fill((byte*)Unsafe.AsPointer(ref b), 0, length);

        public static void Fill(byte* d, byte value, nuint length)
        {
            ulong v = value * 0x0101010101010101UL;
            nuint i = 0;
            for (; i + 8 <= length; i += 8)
                *(ulong*)(d + i) = v;
            for (; i < length; i++)
                d[i] = value;
        }

        public static void BlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count) =>
            Memmove(ref Unsafe.Add(ref dst.GetArrayDataReference(), dstOffset), ref Unsafe.Add(ref src.GetArrayDataReference(), srcOffset), (nuint)count);
    }
}

namespace System
{
    internal static class SpanHelpers
    {
        // ILC's `initblk` and zeroing of large structs come here.
        public static unsafe void ClearWithoutReferences(ref byte b, nuint byteLength) => Buffer.ZeroMemory(ref b, byteLength);

        public static unsafe void ClearWithReferences(ref nint ip, nuint pointerSizeLength) =>
            Buffer.ZeroMemory(ref Unsafe.As<nint, byte>(ref ip), pointerSizeLength * 8);

        public static unsafe void Fill(ref byte dest, byte value, nuint len) => Buffer.Fill((byte*)Unsafe.AsPointer(ref dest), value, len);

        public static void Memmove(ref byte dest, ref byte src, nuint len) => Buffer.Memmove(ref dest, ref src, len);
    }
}
