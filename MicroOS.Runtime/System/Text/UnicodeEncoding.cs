namespace System.Text
{
    // UTF-16, little endian (Encoding.Unicode: FAT long names, Windows strings) or big endian. A
    // lone surrogate (in chars or in bytes) and an odd trailing byte become U+FFFD, as in .NET.
    public class UnicodeEncoding : Encoding
    {
        private readonly bool _bigEndian;
        private readonly bool _byteOrderMark;
        private readonly bool _throwOnInvalid;

        public UnicodeEncoding() : this(false, true, false) { }
        public UnicodeEncoding(bool bigEndian, bool byteOrderMark) : this(bigEndian, byteOrderMark, false) { }

        public UnicodeEncoding(bool bigEndian, bool byteOrderMark, bool throwOnInvalidBytes)
        {
            _bigEndian = bigEndian;
            _byteOrderMark = byteOrderMark;
            _throwOnInvalid = throwOnInvalidBytes;
        }

        public override int CodePage => _bigEndian ? 1201 : 1200;
        public override string WebName => _bigEndian ? "utf-16BE" : "utf-16";
        public override string EncodingName => _bigEndian ? "Unicode (Big-Endian)" : "Unicode";
        public override byte[] GetPreamble() =>
            !_byteOrderMark ? Array.Empty<byte>() : _bigEndian ? new byte[] { 0xFE, 0xFF } : new byte[] { 0xFF, 0xFE };
        internal override bool SameOptions(Encoding other) =>
            other is UnicodeEncoding u && u._byteOrderMark == _byteOrderMark && u._throwOnInvalid == _throwOnInvalid;

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0) throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            long n = ((long)charCount + 1) * 2;
            if (n > int.MaxValue) throw new ArgumentOutOfRangeException("charCount", "Too many characters. The resulting number of bytes is larger than what can be returned as an int.");
            return (int)n;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0) throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            return (byteCount >> 1) + (byteCount & 1) + 1;
        }

        internal override int CountBytes(ReadOnlySpan<char> chars) => chars.Length * 2;
        internal override int CountChars(ReadOnlySpan<byte> bytes) => Decode(bytes, default, false);
        internal override int Decode(ReadOnlySpan<byte> bytes, Span<char> chars) => Decode(bytes, chars, true);

        internal override int Encode(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            if (chars.Length * 2 > bytes.Length)
                ThrowDestinationTooSmall("bytes");
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                    {
                        Put(bytes, i, c);
                        Put(bytes, i + 1, chars[i + 1]);
                        i++;
                        continue;
                    }
                    if (_throwOnInvalid)
                        throw new EncoderFallbackException(string.Concat("Unable to translate Unicode character \\u", ((int)c).ToString("X4"), " at index ", i.ToString(), " to specified code page.")) { Index = i };
                    c = '\uFFFD';
                }
                Put(bytes, i, c);
            }
            return chars.Length * 2;
        }

        private void Put(Span<byte> bytes, int index, char c)
        {
            bytes[2 * index + (_bigEndian ? 1 : 0)] = (byte)c;
            bytes[2 * index + (_bigEndian ? 0 : 1)] = (byte)(c >> 8);
        }

        private char Unit(ReadOnlySpan<byte> bytes, int unit) =>
            _bigEndian ? (char)(bytes[2 * unit] << 8 | bytes[2 * unit + 1]) : (char)(bytes[2 * unit + 1] << 8 | bytes[2 * unit]);

        private int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, bool write)
        {
            int units = bytes.Length / 2;
            int n = 0;
            for (int i = 0; i < units; i++)
            {
                char c = Unit(bytes, i);
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < units && char.IsLowSurrogate(Unit(bytes, i + 1)))
                    {
                        Emit(chars, ref n, c, write);
                        Emit(chars, ref n, Unit(bytes, ++i), write);
                        continue;
                    }
                    Invalid(bytes.Slice(2 * i, 2), 2 * i);
                    c = '\uFFFD';
                }
                Emit(chars, ref n, c, write);
            }
            if ((bytes.Length & 1) != 0)
            {
                Invalid(bytes.Slice(bytes.Length - 1), bytes.Length - 1);
                Emit(chars, ref n, '\uFFFD', write);
            }
            return n;
        }

        private void Invalid(ReadOnlySpan<byte> bytes, int index)
        {
            if (_throwOnInvalid)
                throw new DecoderFallbackException(string.Concat("Unable to translate bytes ", UTF8Encoding.Show(bytes), " at index ", index.ToString(), " from specified code page to Unicode.")) { Index = index };
        }

        private static void Emit(Span<char> chars, ref int n, char c, bool write)
        {
            if (write)
            {
                if (n >= chars.Length)
                    ThrowDestinationTooSmall("chars");
                chars[n] = c;
            }
            n++;
        }
    }

    // UTF-32 (Encoding.UTF32: little endian with a byte order mark). A code point above U+10FFFF or
    // in the surrogate range, and 1-3 trailing bytes, decode as U+FFFD; a lone surrogate encodes as U+FFFD.
    public sealed class UTF32Encoding : Encoding
    {
        private readonly bool _bigEndian;
        private readonly bool _byteOrderMark;

        public UTF32Encoding() : this(false, true) { }

        public UTF32Encoding(bool bigEndian, bool byteOrderMark)
        {
            _bigEndian = bigEndian;
            _byteOrderMark = byteOrderMark;
        }

        public override int CodePage => _bigEndian ? 12001 : 12000;
        public override string WebName => _bigEndian ? "utf-32BE" : "utf-32";
        public override string EncodingName => _bigEndian ? "Unicode (UTF-32 Big-Endian)" : "Unicode (UTF-32)";
        public override byte[] GetPreamble() =>
            !_byteOrderMark ? Array.Empty<byte>() : _bigEndian ? new byte[] { 0, 0, 0xFE, 0xFF } : new byte[] { 0xFF, 0xFE, 0, 0 };
        internal override bool SameOptions(Encoding other) => other is UTF32Encoding u && u._byteOrderMark == _byteOrderMark;

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0) throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            long n = ((long)charCount + 1) * 4;
            if (n > int.MaxValue) throw new ArgumentOutOfRangeException("charCount", "Too many characters. The resulting number of bytes is larger than what can be returned as an int.");
            return (int)n;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0) throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            return byteCount / 2 + 2;
        }

        internal override int CountBytes(ReadOnlySpan<char> chars) => Encode(chars, default, false);
        internal override int Encode(ReadOnlySpan<char> chars, Span<byte> bytes) => Encode(chars, bytes, true);
        internal override int CountChars(ReadOnlySpan<byte> bytes) => Decode(bytes, default, false);
        internal override int Decode(ReadOnlySpan<byte> bytes, Span<char> chars) => Decode(bytes, chars, true);

        private int Encode(ReadOnlySpan<char> chars, Span<byte> bytes, bool write)
        {
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                uint c = chars[i];
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                        c = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00u);
                    else
                        c = 0xFFFD;
                }
                if (write)
                {
                    if (n + 4 > bytes.Length)
                        ThrowDestinationTooSmall("bytes");
                    for (int k = 0; k < 4; k++)
                        bytes[n + (_bigEndian ? 3 - k : k)] = (byte)(c >> (8 * k));
                }
                n += 4;
            }
            return n;
        }

        private int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, bool write)
        {
            int n = 0;
            int whole = bytes.Length & ~3;
            for (int i = 0; i < whole; i += 4)
            {
                uint c = 0;
                for (int k = 0; k < 4; k++)
                    c |= (uint)bytes[i + (_bigEndian ? 3 - k : k)] << (8 * k);
                if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                    c = 0xFFFD;
                if (c >= 0x10000)
                {
                    Emit(chars, ref n, (char)(0xD800 + ((c - 0x10000) >> 10)), write);
                    Emit(chars, ref n, (char)(0xDC00 + (c & 0x3FF)), write);
                }
                else
                {
                    Emit(chars, ref n, (char)c, write);
                }
            }
            if (whole != bytes.Length)
                Emit(chars, ref n, '\uFFFD', write);
            return n;
        }

        private static void Emit(Span<char> chars, ref int n, char c, bool write)
        {
            if (write)
            {
                if (n >= chars.Length)
                    ThrowDestinationTooSmall("chars");
                chars[n] = c;
            }
            n++;
        }
    }
}
