namespace System.Text
{
    // UTF-8 as .NET decodes it: each maximal subpart of an ill-formed sequence (Unicode 3.9, "U+FFFD
    // substitution of maximal subparts") becomes one U+FFFD — a lead byte whose continuation is
    // wrong, truncated or out of range for that lead (E0 needs A0..BF, ED 80..9F, F0 90..BF, F4
    // 80..8F: no overlongs, no surrogates, nothing above U+10FFFF) counts with the continuation
    // bytes accepted before the bad one, and decoding resumes at the bad byte.
    public class UTF8Encoding : Encoding
    {
        private readonly bool _emitIdentifier;
        private readonly bool _throwOnInvalid;

        public UTF8Encoding() : this(false, false) { }
        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier) : this(encoderShouldEmitUTF8Identifier, false) { }

        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier, bool throwOnInvalidBytes)
        {
            _emitIdentifier = encoderShouldEmitUTF8Identifier;
            _throwOnInvalid = throwOnInvalidBytes;
        }

        public override int CodePage => 65001;
        public override string WebName => "utf-8";
        public override string EncodingName => "Unicode (UTF-8)";
        public override byte[] GetPreamble() => _emitIdentifier ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>();
        internal override bool SameOptions(Encoding other) =>
            other is UTF8Encoding u && u._emitIdentifier == _emitIdentifier && u._throwOnInvalid == _throwOnInvalid;

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0) throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            long n = ((long)charCount + 1) * 3;
            if (n > int.MaxValue) throw new ArgumentOutOfRangeException("charCount", "Too many characters. The resulting number of bytes is larger than what can be returned as an int.");
            return (int)n;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0) throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            long n = (long)byteCount + 1;
            if (n > int.MaxValue) throw new ArgumentOutOfRangeException("byteCount", "Too many bytes. The resulting number of chars is larger than what can be returned as an int.");
            return (int)n;
        }

        internal override int CountBytes(ReadOnlySpan<char> chars) => Transcode(chars, default, false);
        internal override int Encode(ReadOnlySpan<char> chars, Span<byte> bytes) => Transcode(chars, bytes, true);
        internal override int CountChars(ReadOnlySpan<byte> bytes) => Transcode(bytes, default, false);
        internal override int Decode(ReadOnlySpan<byte> bytes, Span<char> chars) => Transcode(bytes, chars, true);

        private int Transcode(ReadOnlySpan<char> chars, Span<byte> bytes, bool write)
        {
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                uint c = chars[i];
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                        c = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00u);
                    else if (_throwOnInvalid)
                        throw new EncoderFallbackException(string.Concat("Unable to translate Unicode character \\u", ((int)c).ToString("X4"), " at index ", i.ToString(), " to specified code page.")) { Index = i };
                    else
                        c = 0xFFFD;
                }
                int length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (write)
                {
                    if (n + length > bytes.Length)
                        ThrowDestinationTooSmall("bytes");
                    switch (length)
                    {
                        case 1:
                            bytes[n] = (byte)c;
                            break;
                        case 2:
                            bytes[n] = (byte)(0xC0 | c >> 6);
                            bytes[n + 1] = (byte)(0x80 | (c & 0x3F));
                            break;
                        case 3:
                            bytes[n] = (byte)(0xE0 | c >> 12);
                            bytes[n + 1] = (byte)(0x80 | (c >> 6 & 0x3F));
                            bytes[n + 2] = (byte)(0x80 | (c & 0x3F));
                            break;
                        default:
                            bytes[n] = (byte)(0xF0 | c >> 18);
                            bytes[n + 1] = (byte)(0x80 | (c >> 12 & 0x3F));
                            bytes[n + 2] = (byte)(0x80 | (c >> 6 & 0x3F));
                            bytes[n + 3] = (byte)(0x80 | (c & 0x3F));
                            break;
                    }
                }
                n += length;
            }
            return n;
        }

        private int Transcode(ReadOnlySpan<byte> bytes, Span<char> chars, bool write)
        {
            int n = 0, i = 0;
            while (i < bytes.Length)
            {
                uint b = bytes[i];
                uint c;
                int next;
                if (b < 0x80)
                {
                    c = b;
                    next = i + 1;
                }
                else
                {
                    next = Sequence(bytes, i, out c);
                    if (c == uint.MaxValue)
                    {
                        if (_throwOnInvalid)
                            throw new DecoderFallbackException(string.Concat("Unable to translate bytes ", Show(bytes.Slice(i, next - i)), " at index ", i.ToString(), " from specified code page to Unicode.")) { Index = i };
                        c = 0xFFFD;
                    }
                }
                i = next;
                if (c >= 0x10000)
                {
                    if (write)
                    {
                        if (n + 2 > chars.Length)
                            ThrowDestinationTooSmall("chars");
                        chars[n] = (char)(0xD800 + ((c - 0x10000) >> 10));
                        chars[n + 1] = (char)(0xDC00 + (c & 0x3FF));
                    }
                    n += 2;
                }
                else
                {
                    if (write)
                    {
                        if (n >= chars.Length)
                            ThrowDestinationTooSmall("chars");
                        chars[n] = (char)c;
                    }
                    n++;
                }
            }
            return n;
        }

        // The multi-byte sequence at bytes[i] (a byte >= 0x80): its code point in c, or uint.MaxValue
        // for a maximal invalid subpart; returns where the next sequence starts.
        private static int Sequence(ReadOnlySpan<byte> bytes, int i, out uint c)
        {
            uint b = bytes[i];
            int continuations;
            uint low = 0x80, high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                continuations = 1;
                c = b & 0x1F;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                continuations = 2;
                c = b & 0x0F;
                if (b == 0xE0) low = 0xA0;
                else if (b == 0xED) high = 0x9F;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                continuations = 3;
                c = b & 0x07;
                if (b == 0xF0) low = 0x90;
                else if (b == 0xF4) high = 0x8F;
            }
            else
            {
                c = uint.MaxValue;      // 80..C1 (a continuation, or an overlong lead) and F5..FF
                return i + 1;
            }
            int j = i + 1;
            for (int k = 0; k < continuations; k++, j++)
            {
                if (j >= bytes.Length || bytes[j] < low || bytes[j] > high)
                {
                    c = uint.MaxValue;
                    return j;
                }
                c = c << 6 | (bytes[j] & 0x3Fu);
                low = 0x80;
                high = 0xBF;
            }
            return j;
        }

        // "[E0] [80]", as .NET's DecoderFallbackException message writes the bytes.
        internal static string Show(ReadOnlySpan<byte> bytes)
        {
            string s = "";
            for (int k = 0; k < bytes.Length; k++)
                s = string.Concat(s, k == 0 ? "[" : " [", bytes[k].ToString("X2"), "]");
            return s;
        }
    }
}
