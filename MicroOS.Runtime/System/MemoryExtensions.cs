namespace System
{
    public static class MemoryExtensions
    {
        // C# 14 lowers the built-in string -> ReadOnlySpan<char> conversion to this method, so it
        // must build the span itself (a conversion here would call itself).
        public static ReadOnlySpan<char> AsSpan(this string text) =>
            text == null ? default : new ReadOnlySpan<char>(ref text.FirstChar, text.Length);

        public static ReadOnlySpan<char> AsSpan(this string text, int start) => AsSpan(text).Slice(start);

        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length) => AsSpan(text).Slice(start, length);

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
