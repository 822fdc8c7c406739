namespace System.Text
{
    // 7-bit ASCII: anything else becomes '?' both ways, one '?' per char (a surrogate pair gives two)
    // and one per byte above 0x7F, as .NET's replacement fallback does.
    public class ASCIIEncoding : Encoding
    {
        public override int CodePage => 20127;
        public override string WebName => "us-ascii";
        public override string EncodingName => "US-ASCII";
        public override bool IsSingleByte => true;

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0) throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            if (charCount == int.MaxValue) throw new ArgumentOutOfRangeException("charCount", "Too many characters. The resulting number of bytes is larger than what can be returned as an int.");
            return charCount + 1;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0) throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            return byteCount;
        }

        internal override int CountBytes(ReadOnlySpan<char> chars) => chars.Length;
        internal override int CountChars(ReadOnlySpan<byte> bytes) => bytes.Length;

        internal override int Encode(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            if (chars.Length > bytes.Length)
                ThrowDestinationTooSmall("bytes");
            for (int i = 0; i < chars.Length; i++)
                bytes[i] = chars[i] < 0x80 ? (byte)chars[i] : (byte)'?';
            return chars.Length;
        }

        internal override int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            if (bytes.Length > chars.Length)
                ThrowDestinationTooSmall("chars");
            for (int i = 0; i < bytes.Length; i++)
                chars[i] = bytes[i] < 0x80 ? (char)bytes[i] : '?';
            return bytes.Length;
        }
    }
}
