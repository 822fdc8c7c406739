namespace MicroOS.Shared.User
{
    // UTF-8 <-> UTF-16 for paths and File's text, as .NET's Encoding.UTF8 does it (an unpaired
    // surrogate becomes U+FFFD; a malformed byte sequence decodes to U+FFFD). To be replaced by
    // System.Text.Encoding.UTF8 once MicroOS.Runtime has it (issue 12, "The BCL ..."): keep the two equal.
    public static unsafe class Utf8Text
    {
        public static int ByteCount(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { n += 4; i++; }
                else n += 3;
            }
            return n;
        }

        // Encodes into `destination` (room for `capacity` bytes): the bytes written, or -1 when they do not fit.
        public static int Encode(string text, byte* destination, int capacity)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                uint c = text[i];
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                        c = 0x10000 + ((c - 0xD800) << 10) + (uint)(text[++i] - 0xDC00);
                    else
                        c = 0xFFFD;
                }
                int length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (n + length > capacity)
                    return -1;
                switch (length)
                {
                    case 1: destination[n] = (byte)c; break;
                    case 2: destination[n] = (byte)(0xC0 | (c >> 6)); destination[n + 1] = (byte)(0x80 | (c & 0x3F)); break;
                    case 3:
                        destination[n] = (byte)(0xE0 | (c >> 12)); destination[n + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                        destination[n + 2] = (byte)(0x80 | (c & 0x3F)); break;
                    default:
                        destination[n] = (byte)(0xF0 | (c >> 18)); destination[n + 1] = (byte)(0x80 | ((c >> 12) & 0x3F));
                        destination[n + 2] = (byte)(0x80 | ((c >> 6) & 0x3F)); destination[n + 3] = (byte)(0x80 | (c & 0x3F)); break;
                }
                n += length;
            }
            return n;
        }

        public static byte[] GetBytes(string text)
        {
            byte[] bytes = new byte[ByteCount(text)];
            fixed (byte* p = bytes)
                Encode(text, p, bytes.Length);
            return bytes;
        }

        public static string GetString(byte[] bytes, int offset, int count)
        {
            if (count == 0)
                return "";
            fixed (byte* p = bytes)
                return Decode(p + offset, count);
        }

        public static string Decode(byte* source, int count)
        {
            var text = new System.Text.StringBuilder(count);
            int i = 0;
            while (i < count)
            {
                uint b = source[i];
                int length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
                uint c = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
                bool ok = length > 0 && i + length <= count;
                for (int k = 1; ok && k < length; k++)
                {
                    uint next = source[i + k];
                    if ((next & 0xC0) != 0x80) { ok = false; break; }
                    c = (c << 6) | (next & 0x3F);
                }
                // Overlong forms, surrogates and values past U+10FFFF are malformed too.
                if (ok && (length == 2 && c < 0x80 || length == 3 && (c < 0x800 || c >= 0xD800 && c <= 0xDFFF) || length == 4 && (c < 0x10000 || c > 0x10FFFF)))
                    ok = false;
                if (!ok)
                {
                    text.Append('\uFFFD');
                    i++;
                    continue;
                }
                if (c >= 0x10000)
                {
                    c -= 0x10000;
                    text.Append((char)(0xD800 + (c >> 10)));
                    text.Append((char)(0xDC00 + (c & 0x3FF)));
                }
                else
                    text.Append((char)c);
                i += length;
            }
            return text.ToString();
        }
    }
}
