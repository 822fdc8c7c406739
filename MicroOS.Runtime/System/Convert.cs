namespace System
{
    // Hex and base64 text, integers in bases 2, 8, 10 and 16, and the common numeric conversions,
    // as .NET's System.Convert (invariant culture; Convert.ToInt32(double) rounds half to even).
    public static class Convert
    {
        private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        // Hex.

        public static string ToHexString(byte[] inArray)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            return ToHexString(new ReadOnlySpan<byte>(inArray), false);
        }

        public static string ToHexString(byte[] inArray, int offset, int length)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Value must be positive.");
            if (offset < 0) throw new ArgumentOutOfRangeException("offset", "Value must be positive.");
            if (offset > inArray.Length - length) throw new ArgumentOutOfRangeException("offset", "Offset and length must refer to a position in the string.");
            return ToHexString(new ReadOnlySpan<byte>(inArray, offset, length), false);
        }

        public static string ToHexString(ReadOnlySpan<byte> bytes) => ToHexString(bytes, false);
        public static string ToHexStringLower(byte[] inArray)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            return ToHexString(new ReadOnlySpan<byte>(inArray), true);
        }
        public static string ToHexStringLower(ReadOnlySpan<byte> bytes) => ToHexString(bytes, true);

        private static string ToHexString(ReadOnlySpan<byte> bytes, bool lower)
        {
            if (bytes.Length == 0) return string.Empty;
            string digits = lower ? "0123456789abcdef" : "0123456789ABCDEF";
            char[] c = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                c[2 * i] = digits[bytes[i] >> 4];
                c[2 * i + 1] = digits[bytes[i] & 15];
            }
            return new string(c);
        }

        public static byte[] FromHexString(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            return FromHexString(s.AsSpan());
        }

        public static byte[] FromHexString(ReadOnlySpan<char> chars)
        {
            if (chars.Length == 0) return Array.Empty<byte>();
            if ((chars.Length & 1) != 0) throw new FormatException("The input is not a valid hex string as its length is not a multiple of 2.");
            byte[] result = new byte[chars.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                int hi = HexValue(chars[2 * i]), lo = HexValue(chars[2 * i + 1]);
                if (hi < 0 || lo < 0) throw new FormatException("The input is not a valid hex string as it contains a non-hex character.");
                result[i] = (byte)(hi << 4 | lo);
            }
            return result;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        // Base64.

        public static string ToBase64String(byte[] inArray)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            return ToBase64String(new ReadOnlySpan<byte>(inArray), false);
        }

        public static string ToBase64String(byte[] inArray, Base64FormattingOptions options)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            return ToBase64String(new ReadOnlySpan<byte>(inArray), options == Base64FormattingOptions.InsertLineBreaks);
        }

        public static string ToBase64String(byte[] inArray, int offset, int length)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (offset < 0) throw new ArgumentOutOfRangeException("offset", "Value must be positive.");
            if (offset > inArray.Length - length) throw new ArgumentOutOfRangeException("offset", "Offset and length must refer to a position in the string.");
            return ToBase64String(new ReadOnlySpan<byte>(inArray, offset, length), false);
        }

        public static string ToBase64String(ReadOnlySpan<byte> bytes, Base64FormattingOptions options = Base64FormattingOptions.None) =>
            ToBase64String(bytes, options == Base64FormattingOptions.InsertLineBreaks);

        // InsertLineBreaks: "\r\n" after every 76 characters, as .NET does.
        private static string ToBase64String(ReadOnlySpan<byte> bytes, bool lineBreaks)
        {
            if (bytes.Length == 0) return string.Empty;
            int length = (bytes.Length + 2) / 3 * 4;
            int breaks = lineBreaks ? (length - 1) / 76 : 0;
            char[] c = new char[length + 2 * breaks];
            int o = 0, column = 0;
            for (int i = 0; i < bytes.Length; i += 3)
            {
                if (lineBreaks && column == 76)
                {
                    c[o++] = '\r';
                    c[o++] = '\n';
                    column = 0;
                }
                int n = bytes.Length - i;
                uint v = (uint)bytes[i] << 16 | (n > 1 ? (uint)bytes[i + 1] << 8 : 0) | (n > 2 ? bytes[i + 2] : 0u);
                c[o++] = Base64Chars[(int)(v >> 18)];
                c[o++] = Base64Chars[(int)(v >> 12 & 63)];
                c[o++] = n > 1 ? Base64Chars[(int)(v >> 6 & 63)] : '=';
                c[o++] = n > 2 ? Base64Chars[(int)(v & 63)] : '=';
                column += 4;
            }
            return new string(c);
        }

        public static byte[] FromBase64String(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (!TryDecodeBase64(s.AsSpan(), out byte[] result))
                throw new FormatException("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
            return result;
        }

        public static byte[] FromBase64CharArray(char[] inArray, int offset, int length)
        {
            if (inArray == null) throw new ArgumentNullException("inArray");
            if (!TryDecodeBase64(new ReadOnlySpan<char>(inArray, offset, length), out byte[] result))
                throw new FormatException("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
            return result;
        }

        public static bool TryFromBase64String(string s, Span<byte> bytes, out int bytesWritten)
        {
            bytesWritten = 0;
            if (s == null) throw new ArgumentNullException("s");
            if (!TryDecodeBase64(s.AsSpan(), out byte[] result) || result.Length > bytes.Length)
                return false;
            new ReadOnlySpan<byte>(result).CopyTo(bytes);
            bytesWritten = result.Length;
            return true;
        }

        // White space (' ', \t, \r, \n) anywhere is ignored, as in .NET; then groups of four, '='
        // padding only at the end.
        private static bool TryDecodeBase64(ReadOnlySpan<char> s, out byte[] result)
        {
            result = null;
            int count = 0;
            for (int i = 0; i < s.Length; i++)
                if (!IsBase64Space(s[i])) count++;
            if (count % 4 != 0) return false;
            char[] chars = new char[count];
            int k = 0;
            for (int i = 0; i < s.Length; i++)
                if (!IsBase64Space(s[i])) chars[k++] = s[i];
            int padding = 0;
            if (count > 0 && chars[count - 1] == '=') padding++;
            if (count > 1 && chars[count - 2] == '=') padding++;
            byte[] bytes = new byte[count / 4 * 3 - padding];
            int o = 0;
            for (int i = 0; i < count; i += 4)
            {
                uint v = 0;
                for (int j = 0; j < 4; j++)
                {
                    char c = chars[i + j];
                    int d;
                    if (c == '=')
                    {
                        if (i + 4 != count || j < 4 - padding) return false;
                        d = 0;
                    }
                    else
                    {
                        d = Base64Value(c);
                        if (d < 0) return false;
                    }
                    v = v << 6 | (uint)d;
                }
                if (o < bytes.Length) bytes[o++] = (byte)(v >> 16);
                if (o < bytes.Length) bytes[o++] = (byte)(v >> 8);
                if (o < bytes.Length) bytes[o++] = (byte)v;
            }
            result = bytes;
            return true;
        }

        private static bool IsBase64Space(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        private static int Base64Value(char c) =>
            c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;

        // Integers in a base.

        public static string ToString(byte value, int toBase) => ToBase((long)value, toBase, 8);
        public static string ToString(short value, int toBase) => ToBase(value, toBase, 16);
        public static string ToString(int value, int toBase) => ToBase(value, toBase, 32);
        public static string ToString(long value, int toBase) => ToBase(value, toBase, 64);

        // .NET prints negative numbers in base 2, 8 and 16 as their two's complement of the type's width.
        private static string ToBase(long value, int toBase, int bits)
        {
            if (toBase != 2 && toBase != 8 && toBase != 10 && toBase != 16)
                throw new ArgumentException("Invalid Base.", "toBase");
            if (toBase == 10) return value.ToString();
            ulong v = bits == 64 ? (ulong)value : (ulong)value & ((1UL << bits) - 1);
            if (v == 0) return "0";
            char[] c = new char[64];
            int i = c.Length;
            while (v != 0)
            {
                c[--i] = "0123456789abcdef"[(int)(v % (ulong)toBase)];
                v /= (ulong)toBase;
            }
            return new string(c, i, c.Length - i);
        }

        public static byte ToByte(string value, int fromBase) => value == null ? (byte)0 : (byte)Checked(FromBase(value, fromBase, 8), 8, "Value was either too large or too small for an unsigned byte.", false);
        public static short ToInt16(string value, int fromBase) => value == null ? (short)0 : (short)Checked(FromBase(value, fromBase, 16), 16, "Value was either too large or too small for an Int16.", true);
        public static ushort ToUInt16(string value, int fromBase) => value == null ? (ushort)0 : (ushort)Checked(FromBase(value, fromBase, 16), 16, "Value was either too large or too small for a UInt16.", false);
        public static int ToInt32(string value, int fromBase) => value == null ? 0 : (int)Checked(FromBase(value, fromBase, 32), 32, "", true);
        public static uint ToUInt32(string value, int fromBase) => value == null ? 0 : (uint)FromBase(value, fromBase, 32);
        public static long ToInt64(string value, int fromBase) => value == null ? 0 : (long)FromBase(value, fromBase, 64);
        public static ulong ToUInt64(string value, int fromBase) => value == null ? 0 : FromBase(value, fromBase, 64);

        // Bits of width `bits`: in base 10 a signed value that must fit, otherwise the digits'
        // unsigned value (two's complement), "0x" allowed in base 16.
        private static ulong FromBase(string s, int fromBase, int bits)
        {
            if (fromBase != 2 && fromBase != 8 && fromBase != 10 && fromBase != 16)
                throw new ArgumentException("Invalid Base.", "fromBase");
            if (s.Length == 0) throw new ArgumentOutOfRangeException("value", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int i = 0;
            bool negative = false;
            if (s[0] == '-')
            {
                if (fromBase != 10) throw new ArgumentException("String cannot contain a minus sign if the base is not 10.");
                negative = true;
                i = 1;
            }
            if (fromBase == 16 && s.Length - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
                i += 2;
            if (i >= s.Length) throw new FormatException("Could not find any recognizable digits.");
            ulong v = 0;
            ulong limit = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            int start = i;
            for (; i < s.Length; i++)
            {
                int d = HexValue(s[i]);
                if (d < 0 || d >= fromBase)
                {
                    if (i == start) throw new FormatException("Could not find any recognizable digits.");
                    throw new FormatException("Additional non-parsable characters are at the end of the string.");
                }
                ulong next = v * (ulong)fromBase + (ulong)d;
                if (v > (ulong.MaxValue - (ulong)d) / (ulong)fromBase || next > limit)
                {
                    if (fromBase == 10 && !negative && bits == 64) throw new OverflowException("Value was either too large or too small for an Int64.");
                    throw new OverflowException(bits == 64 ? "Value was either too large or too small for a UInt64." : "Value was either too large or too small for an Int32.");
                }
                v = next;
            }
            if (fromBase == 10)
            {
                long max = bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1;
                if (v > (ulong)max + (negative ? 1UL : 0UL))
                    throw new OverflowException("Value was either too large or too small for an Int32.");
                return negative ? (ulong)(0 - v) : v;
            }
            return v;
        }

        // Sign-extends a value of `bits` for the signed types, checks the unsigned ones.
        private static long Checked(ulong v, int bits, string message, bool signed)
        {
            ulong mask = (1UL << bits) - 1;
            if (signed)
            {
                ulong low = v & mask;
                if ((v & ~mask) != 0 && (v | mask) != ulong.MaxValue) throw new OverflowException(message.Length == 0 ? "Value was either too large or too small for an Int32." : message);
                return (low & (1UL << (bits - 1))) != 0 ? (long)(low | ~mask) : (long)low;
            }
            if ((v & ~mask) != 0) throw new OverflowException(message);
            return (long)v;
        }

        // Numbers.

        public static int ToInt32(double value)
        {
            if (value >= -2147483648.5 && value < 2147483647.5)
            {
                double r = Math.Round(value);
                return (int)r;
            }
            throw new OverflowException("Value was either too large or too small for an Int32.");
        }

        public static long ToInt64(double value)
        {
            if (value >= -9223372036854775808.5 && value < 9223372036854775807.5)
                return (long)Math.Round(value);
            throw new OverflowException("Value was either too large or too small for an Int64.");
        }

        public static int ToInt32(float value) => ToInt32((double)value);
        public static int ToInt32(long value) => value < int.MinValue || value > int.MaxValue ? throw new OverflowException("Value was either too large or too small for an Int32.") : (int)value;
        public static int ToInt32(bool value) => value ? 1 : 0;
        public static int ToInt32(char value) => value;
        public static int ToInt32(string value) => value == null ? 0 : int.Parse(value);
        public static long ToInt64(string value) => value == null ? 0 : long.Parse(value);
        public static long ToInt64(int value) => value;
        public static byte ToByte(int value) => value < 0 || value > 255 ? throw new OverflowException("Value was either too large or too small for an unsigned byte.") : (byte)value;
        public static byte ToByte(string value) => value == null ? (byte)0 : byte.Parse(value);
        public static char ToChar(int value) => value < 0 || value > 0xFFFF ? throw new OverflowException("Value was either too large or too small for a character.") : (char)value;
        public static double ToDouble(string value) => value == null ? 0 : double.Parse(value);
        public static double ToDouble(int value) => value;
        public static double ToDouble(long value) => value;
        public static bool ToBoolean(string value) => value != null && bool.Parse(value);
        public static bool ToBoolean(int value) => value != 0;
        public static string ToString(int value) => value.ToString();
        public static string ToString(long value) => value.ToString();
        public static string ToString(double value) => value.ToString();
        public static string ToString(bool value) => value.ToString();
        public static string ToString(object value) => value?.ToString() ?? string.Empty;
    }

    [Flags]
    public enum Base64FormattingOptions
    {
        None = 0,
        InsertLineBreaks = 1,
    }
}
