namespace System.Text
{
    // Text to bytes and back, as .NET's System.Text.Encoding: UTF8, ASCII, Unicode (UTF-16LE),
    // BigEndianUnicode and UTF32, with .NET's replacement of invalid input (U+FFFD when decoding
    // UTF-8/16/32 — one per maximal invalid subsequence — and '?' for ASCII; a lone surrogate encodes
    // as U+FFFD, or '?' in ASCII) unless an encoding was made with throwOnInvalid.
    // Each encoding implements four span routines (Count*/Encode/Decode); every public overload ends
    // there, so argument checks are written once, here. Subclassing outside the runtime is not offered.
    public abstract class Encoding
    {
        private static Encoding s_utf8, s_ascii, s_unicode, s_bigEndianUnicode, s_utf32;

        public static Encoding UTF8 => s_utf8 ??= new UTF8Encoding(true);
        public static Encoding ASCII => s_ascii ??= new ASCIIEncoding();
        public static Encoding Unicode => s_unicode ??= new UnicodeEncoding(false, true);
        public static Encoding BigEndianUnicode => s_bigEndianUnicode ??= new UnicodeEncoding(true, true);
        public static Encoding UTF32 => s_utf32 ??= new UTF32Encoding(false, true);
        // .NET Core's default: UTF-8 without a byte order mark.
        public static Encoding Default => s_default ??= new UTF8Encoding(false);
        private static Encoding s_default;

        internal Encoding() { }

        public abstract int CodePage { get; }
        public abstract string WebName { get; }
        public abstract string EncodingName { get; }
        public virtual string BodyName => WebName;
        public virtual string HeaderName => WebName;
        public virtual bool IsSingleByte => false;

        public abstract int GetMaxByteCount(int charCount);
        public abstract int GetMaxCharCount(int byteCount);

        public virtual byte[] GetPreamble() => Array.Empty<byte>();
        public ReadOnlySpan<byte> Preamble => GetPreamble();

        // The span routines. Encode/Decode throw ArgumentException when the destination is too short.
        internal abstract int CountBytes(ReadOnlySpan<char> chars);
        internal abstract int Encode(ReadOnlySpan<char> chars, Span<byte> bytes);
        internal abstract int CountChars(ReadOnlySpan<byte> bytes);
        internal abstract int Decode(ReadOnlySpan<byte> bytes, Span<char> chars);

        public static Encoding GetEncoding(int codepage) => codepage switch
        {
            65001 => UTF8,
            20127 => ASCII,
            1200 => Unicode,
            1201 => BigEndianUnicode,
            12000 => UTF32,
            _ => throw new NotSupportedException(string.Concat("No data is available for encoding ", codepage.ToString(), ".")),
        };

        public static Encoding GetEncoding(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            switch (name.ToLowerInvariant())
            {
                case "utf-8": case "utf8": return UTF8;
                case "us-ascii": case "ascii": return ASCII;
                case "utf-16": case "utf-16le": case "unicode": return Unicode;
                case "utf-16be": case "unicodefffe": return BigEndianUnicode;
                case "utf-32": case "utf-32le": return UTF32;
                default: throw new ArgumentException(string.Concat("'", name, "' is not a supported encoding name."), "name");
            }
        }

        public static byte[] Convert(Encoding srcEncoding, Encoding dstEncoding, byte[] bytes)
        {
            if (srcEncoding == null) throw new ArgumentNullException("srcEncoding");
            if (dstEncoding == null) throw new ArgumentNullException("dstEncoding");
            if (bytes == null) throw new ArgumentNullException("bytes");
            return dstEncoding.GetBytes(srcEncoding.GetChars(bytes));
        }

        // Chars to bytes.

        public virtual int GetByteCount(char[] chars)
        {
            if (chars == null) throw new ArgumentNullException("chars");
            return CountBytes(chars);
        }

        public virtual int GetByteCount(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            return CountBytes(s);
        }

        public virtual int GetByteCount(char[] chars, int index, int count) => CountBytes(CharRange(chars, index, count));
        public int GetByteCount(string s, int index, int count) => CountBytes(StringRange(s, index, count));
        public virtual int GetByteCount(ReadOnlySpan<char> chars) => CountBytes(chars);

        public virtual byte[] GetBytes(char[] chars)
        {
            if (chars == null) throw new ArgumentNullException("chars");
            return ToBytes(chars);
        }

        public virtual byte[] GetBytes(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            return ToBytes(s);
        }

        public virtual byte[] GetBytes(char[] chars, int index, int count) => ToBytes(CharRange(chars, index, count));
        public byte[] GetBytes(string s, int index, int count) => ToBytes(StringRange(s, index, count));

        public virtual int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            Encode(CharRange(chars, charIndex, charCount), ByteDestination(bytes, byteIndex));

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            Encode(StringRange(s, charIndex, charCount), ByteDestination(bytes, byteIndex));

        public virtual int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes) => Encode(chars, bytes);

        public virtual bool TryGetBytes(ReadOnlySpan<char> chars, Span<byte> bytes, out int bytesWritten)
        {
            int needed = CountBytes(chars);
            if (needed > bytes.Length)
            {
                bytesWritten = 0;
                return false;
            }
            bytesWritten = Encode(chars, bytes);
            return true;
        }

        // Bytes to chars.

        public virtual int GetCharCount(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return CountChars(bytes);
        }

        public virtual int GetCharCount(byte[] bytes, int index, int count) => CountChars(ByteRange(bytes, index, count));
        public virtual int GetCharCount(ReadOnlySpan<byte> bytes) => CountChars(bytes);

        public virtual char[] GetChars(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return ToChars(bytes);
        }

        public virtual char[] GetChars(byte[] bytes, int index, int count) => ToChars(ByteRange(bytes, index, count));

        public virtual int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            Decode(ByteRange(bytes, byteIndex, byteCount), CharDestination(chars, charIndex));

        public virtual int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars) => Decode(bytes, chars);

        public virtual bool TryGetChars(ReadOnlySpan<byte> bytes, Span<char> chars, out int charsWritten)
        {
            int needed = CountChars(bytes);
            if (needed > chars.Length)
            {
                charsWritten = 0;
                return false;
            }
            charsWritten = Decode(bytes, chars);
            return true;
        }

        public virtual string GetString(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return ToString(bytes);
        }

        public virtual string GetString(byte[] bytes, int index, int count) => ToString(ByteRange(bytes, index, count));
        public string GetString(ReadOnlySpan<byte> bytes) => ToString(bytes);

        public override bool Equals(object value) => value is Encoding e && e.GetType() == GetType() && e.CodePage == CodePage && SameOptions(e);
        public override int GetHashCode() => CodePage;
        internal virtual bool SameOptions(Encoding other) => true;

        // What a too-short destination throws (.NET: ArgumentException naming the parameter).
        internal static void ThrowDestinationTooSmall(string parameter) =>
            throw new ArgumentException("The output buffer is too small to contain the converted data.", parameter);

        private byte[] ToBytes(ReadOnlySpan<char> chars)
        {
            byte[] bytes = new byte[CountBytes(chars)];
            Encode(chars, bytes);
            return bytes;
        }

        private char[] ToChars(ReadOnlySpan<byte> bytes)
        {
            char[] chars = new char[CountChars(bytes)];
            Decode(bytes, chars);
            return chars;
        }

        private string ToString(ReadOnlySpan<byte> bytes)
        {
            int n = CountChars(bytes);
            if (n == 0)
                return string.Empty;
            string s = string.FastAllocateString(n);
            Decode(bytes, new Span<char>(ref s.FirstChar, n));
            return s;
        }

        private static ReadOnlySpan<char> CharRange(char[] chars, int index, int count)
        {
            if (chars == null) throw new ArgumentNullException("chars");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (chars.Length - index < count) throw new ArgumentOutOfRangeException("chars", "Index and count must refer to a location within the buffer.");
            return new ReadOnlySpan<char>(chars, index, count);
        }

        private static ReadOnlySpan<char> StringRange(string s, int index, int count)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (s.Length - index < count) throw new ArgumentOutOfRangeException("s", "Index and count must refer to a location within the string.");
            return s.AsSpan(index, count);
        }

        private static ReadOnlySpan<byte> ByteRange(byte[] bytes, int index, int count)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (bytes.Length - index < count) throw new ArgumentOutOfRangeException("bytes", "Index and count must refer to a location within the buffer.");
            return new ReadOnlySpan<byte>(bytes, index, count);
        }

        private static Span<byte> ByteDestination(byte[] bytes, int byteIndex)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            if ((uint)byteIndex > (uint)bytes.Length) throw new ArgumentOutOfRangeException("byteIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return new Span<byte>(bytes, byteIndex, bytes.Length - byteIndex);
        }

        private static Span<char> CharDestination(char[] chars, int charIndex)
        {
            if (chars == null) throw new ArgumentNullException("chars");
            if ((uint)charIndex > (uint)chars.Length) throw new ArgumentOutOfRangeException("charIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return new Span<char>(chars, charIndex, chars.Length - charIndex);
        }
    }

    // Thrown by an encoding made with throwOnInvalid (new UTF8Encoding(false, true), ...) for input it
    // cannot represent.
    public class DecoderFallbackException : ArgumentException
    {
        public DecoderFallbackException() : base("Value does not fall within the expected range.") { }
        public DecoderFallbackException(string message) : base(message) { }
        public int Index { get; init; }
        public override string TypeName => "System.Text.DecoderFallbackException";
    }

    public class EncoderFallbackException : ArgumentException
    {
        public EncoderFallbackException() : base("Value does not fall within the expected range.") { }
        public EncoderFallbackException(string message) : base(message) { }
        public int Index { get; init; }
        public override string TypeName => "System.Text.EncoderFallbackException";
    }
}
