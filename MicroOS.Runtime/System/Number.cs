namespace System
{
    // Integer formatting and parsing: decimal, and hex for the "X"/"x" formats (with optional width).
    internal static class Number
    {
        public static string Format(long value)
        {
            if (value >= 0)
                return Format((ulong)value);
            // -(MinValue) overflows long; go through ulong.
            string digits = Format((ulong)(-(value + 1)) + 1);
            return string.Concat("-", digits);
        }

        public static unsafe string Format(ulong value)
        {
            char* buffer = stackalloc char[20];
            int at = 20;
            do
            {
                buffer[--at] = (char)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            return new string(buffer, at, 20 - at);
        }

        public static unsafe string FormatHex(ulong value, int minDigits, bool upper)
        {
            char* buffer = stackalloc char[16];
            int at = 16;
            string digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            do
            {
                buffer[--at] = digits[(int)(value & 0xF)];
                value >>= 4;
            } while (value != 0);
            while (16 - at < minDigits && at > 0)
                buffer[--at] = '0';
            return new string(buffer, at, 16 - at);
        }

        // format: null/"", "D"/"Dn", "X"/"Xn", "x"/"xn". naturalHexDigits: width of the type, used to
        // sign-extend negative values the way the BCL does (e.g. (-1).ToString("X") == "FFFFFFFF").
        public static string Format(long value, string format, int naturalHexDigits)
        {
            if (string.IsNullOrEmpty(format))
                return Format(value);
            char kind = format[0];
            int width = 0;
            for (int i = 1; i < format.Length; i++)
                width = width * 10 + (format[i] - '0');
            if (kind == 'X' || kind == 'x')
            {
                ulong bits = (ulong)value;
                if (naturalHexDigits < 16)
                    bits &= (1UL << (naturalHexDigits * 4)) - 1;
                return FormatHex(bits, width, kind == 'X');
            }
            if (kind == 'D' || kind == 'd')
            {
                string s = Format(value < 0 ? -value : value);
                s = s.PadLeft(width, '0');
                return value < 0 ? string.Concat("-", s) : s;
            }
            throw new FormatException(string.Concat("unsupported format: ", format));
        }

        public static bool TryParse(string s, out int result)
        {
            result = 0;
            if (string.IsNullOrEmpty(s))
                return false;
            int i = 0;
            bool negative = false;
            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                i = 1;
                if (s.Length == 1)
                    return false;
            }
            long value = 0;
            if (i + 2 < s.Length + 1 && s.Length > i + 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
            {
                for (i += 2; i < s.Length; i++)
                {
                    int d = HexDigit(s[i]);
                    if (d < 0) return false;
                    value = value * 16 + d;
                    if (value > 0xFFFFFFFFL) return false;
                }
                result = negative ? -(int)value : (int)value;
                return true;
            }
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
                if (value > 2147483648L) return false;
            }
            if (negative) value = -value;
            if (value > int.MaxValue || value < int.MinValue) return false;
            result = (int)value;
            return true;
        }

        private static int HexDigit(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    public static class Math
    {
        public static int Max(int a, int b) => a > b ? a : b;
        public static int Min(int a, int b) => a < b ? a : b;
        public static long Max(long a, long b) => a > b ? a : b;
        public static long Min(long a, long b) => a < b ? a : b;
        public static ulong Max(ulong a, ulong b) => a > b ? a : b;
        public static ulong Min(ulong a, ulong b) => a < b ? a : b;
        public static int Abs(int a) => a < 0 ? -a : a;
        public static long Abs(long a) => a < 0 ? -a : a;

        // ILC's helpers for checked conversions from floating point.
        internal static int ConvertToInt32Checked(double v) => v > -2147483649.0 && v < 2147483648.0 ? (int)v : throw new OverflowException();
        internal static uint ConvertToUInt32Checked(double v) => v > -1.0 && v < 4294967296.0 ? (uint)v : throw new OverflowException();
        internal static long ConvertToInt64Checked(double v) => v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? (long)v : throw new OverflowException();
        internal static ulong ConvertToUInt64Checked(double v) => v > -1.0 && v < 18446744073709551616.0 ? (ulong)v : throw new OverflowException();
    }
}
