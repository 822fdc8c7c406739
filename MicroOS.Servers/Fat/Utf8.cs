namespace MicroOS.Servers.Fat
{
    // TEMPORARY, until MicroOS.Runtime has System.Text.Encoding (h-bcl): strict UTF-8 <-> string for
    // paths and names. Delete this file and use Encoding.UTF8 once it lands.
    internal static unsafe class Utf8
    {
        // The string, or null for a malformed sequence (overlong, a surrogate, past U+10FFFF, cut short).
        public static string Decode(byte* bytes, int length)
        {
            var chars = new char[length];
            int n = 0;
            for (int i = 0; i < length;)
            {
                uint b = bytes[i];
                int extra;
                uint cp;
                if (b < 0x80) { cp = b; extra = 0; }
                else if (b >= 0xC2 && b < 0xE0) { cp = b & 0x1F; extra = 1; }
                else if (b >= 0xE0 && b < 0xF0) { cp = b & 0x0F; extra = 2; }
                else if (b >= 0xF0 && b < 0xF5) { cp = b & 0x07; extra = 3; }
                else return null;
                if (i + extra >= length && extra > 0)
                    return null;        // cut short
                for (int k = 1; k <= extra; k++)
                {
                    uint c = bytes[i + k];
                    if ((c & 0xC0) != 0x80)
                        return null;
                    cp = cp << 6 | (c & 0x3F);
                }
                if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
                    return null;
                i += extra + 1;
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                    chars[n++] = (char)cp;
            }
            return new string(chars, 0, n);
        }

        // Writes s into destination (at most max bytes); returns the bytes written, or -1 when it does not fit.
        public static int Encode(string s, byte* destination, int max)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                uint cp = s[i];
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (uint)(s[++i] - 0xDC00);
                else if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xFFFD;
                int need = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (n + need > max)
                    return -1;
                if (need == 1) destination[n++] = (byte)cp;
                else if (need == 2) { destination[n++] = (byte)(0xC0 | cp >> 6); destination[n++] = (byte)(0x80 | (cp & 0x3F)); }
                else if (need == 3) { destination[n++] = (byte)(0xE0 | cp >> 12); destination[n++] = (byte)(0x80 | (cp >> 6 & 0x3F)); destination[n++] = (byte)(0x80 | (cp & 0x3F)); }
                else { destination[n++] = (byte)(0xF0 | cp >> 18); destination[n++] = (byte)(0x80 | (cp >> 12 & 0x3F)); destination[n++] = (byte)(0x80 | (cp >> 6 & 0x3F)); destination[n++] = (byte)(0x80 | (cp & 0x3F)); }
            }
            return n;
        }
    }
}
