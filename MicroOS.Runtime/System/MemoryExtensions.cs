namespace System
{
    public static class MemoryExtensions
    {
        public static ReadOnlySpan<char> AsSpan(this string text) => text;

        public static ReadOnlySpan<char> AsSpan(this string text, int start) => ((ReadOnlySpan<char>)text).Slice(start);

        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length) => ((ReadOnlySpan<char>)text).Slice(start, length);

        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : IEquatable<T>
        {
            if (a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
                if (!a[i].Equals(b[i]))
                    return false;
            return true;
        }
    }
}
