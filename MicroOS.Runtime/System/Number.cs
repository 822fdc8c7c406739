using System.Text;

namespace System
{
    // Number formatting as .NET does it with the invariant culture: the value becomes a decimal digit
    // buffer (digits d1 d2 ... with value = 0.d1d2... * 10^Scale), then one of the standard formats
    // (D, X, F, N, E, G, P, R) lays it out. Integers round half up (exact digits); doubles and floats
    // carry their exact decimal expansion and round half to even, as .NET Core 3.0+ does.
    internal static partial class Number
    {
        internal struct Buffer
        {
            public string Digits;     // no leading or trailing zeros; "" for zero
            public int Scale;
            public bool Negative;
            public bool Float;        // rounding of floating-point values is half-even and keeps "-0"
        }

        public static string Format(long value)
        {
            if (value >= 0)
                return Format((ulong)value);
            return string.Concat("-", Format((ulong)(-(value + 1)) + 1));
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
            string s = new string(buffer, at, 16 - at);
            return minDigits > s.Length ? s.PadLeft(minDigits, '0') : s;
        }

        // A standard format string: one letter and an optional precision 0..999999999.
        private static char ParseFormat(string format, out int precision)
        {
            precision = -1;
            if (string.IsNullOrEmpty(format))
                return 'G';
            char c = format[0];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
                throw new FormatException(string.Concat("Format specifier '", format, "' is not supported on MicroOS (custom numeric formats are not implemented)."));
            if (format.Length > 1)
            {
                int p = 0;
                for (int i = 1; i < format.Length; i++)
                {
                    char d = format[i];
                    if (d < '0' || d > '9' || i > 9)
                        throw new FormatException(string.Concat("Format specifier '", format, "' was invalid."));
                    p = p * 10 + (d - '0');
                }
                precision = p;
            }
            return c;
        }

        // value: the integer; bits: its width, for X of negative numbers; isSigned: whether the type is signed.
        public static string FormatInteger(long value, bool unsignedValue, string format, int bits)
        {
            char fmt = ParseFormat(format, out int precision);
            ulong magnitude = unsignedValue ? (ulong)value : value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            bool negative = !unsignedValue && value < 0;
            switch (fmt)
            {
                case 'X':
                case 'x':
                {
                    ulong raw = (ulong)value;
                    if (bits < 64) raw &= (1UL << bits) - 1;
                    return FormatHex(raw, precision, fmt == 'X');
                }
                case 'D':
                case 'd':
                {
                    string s = Format(magnitude);
                    if (precision > s.Length) s = s.PadLeft(precision, '0');
                    return negative ? string.Concat("-", s) : s;
                }
                case 'G':
                case 'g':
                    if (precision <= 0)
                        return negative ? string.Concat("-", Format(magnitude)) : Format(magnitude);
                    break;
            }
            string digits = Format(magnitude);
            var number = new Buffer { Digits = digits, Scale = digits.Length, Negative = negative };
            if (magnitude == 0) { number.Digits = ""; number.Scale = 0; }
            number.Digits = TrimZeros(number.Digits);
            return FormatBuffer(ref number, fmt, precision, number.Digits.Length);
        }

        private static string TrimZeros(string digits)
        {
            int end = digits.Length;
            while (end > 0 && digits[end - 1] == '0') end--;
            return end == digits.Length ? digits : digits.Substring(0, end);
        }

        // Keeps `pos` digits: integers round half up, floating point half to even (its digits are exact).
        internal static void Round(ref Buffer number, int pos)
        {
            string d = number.Digits;
            if (pos >= d.Length)
                return;
            bool up;
            if (pos < 0)
                up = false;
            else
            {
                char first = d[pos];
                if (first > '5') up = true;
                else if (first < '5') up = false;
                else if (!number.Float) up = true;
                else
                {
                    bool rest = pos + 1 < d.Length;   // trailing zeros are trimmed, so more digits mean "above half"
                    up = rest || (pos > 0 && ((d[pos - 1] - '0') & 1) == 1);
                }
            }
            if (pos < 0) pos = 0;
            char[] kept = new char[pos + 1];
            for (int i = 0; i < pos; i++) kept[i + 1] = d[i];
            int start = 1;
            if (up)
            {
                int i = pos;
                while (i >= 1 && kept[i] == '9') { kept[i] = '0'; i--; }
                if (i == 0) { kept[0] = '1'; start = 0; number.Scale++; }
                else kept[i]++;
            }
            string result = TrimZeros(new string(kept, start, pos + 1 - start));
            if (result.Length == 0)
            {
                number.Scale = 0;
                if (!number.Float) number.Negative = false;
            }
            number.Digits = result;
        }

        // The standard formats on a digit buffer. nMaxDigits: for G without precision, how many
        // significant digits may print before switching to exponential notation.
        internal static string FormatBuffer(ref Buffer number, char fmt, int precision, int defaultGDigits)
        {
            var sb = new StringBuilder();
            switch (fmt)
            {
                case 'F':
                case 'f':
                case 'N':
                case 'n':
                {
                    if (precision < 0) precision = 2;
                    Round(ref number, number.Scale + precision);
                    if (number.Negative) sb.Append('-');
                    FormatFixed(sb, ref number, precision, fmt == 'N' || fmt == 'n');
                    return sb.ToString();
                }
                case 'P':
                case 'p':
                {
                    if (precision < 0) precision = 2;
                    number.Scale += 2;
                    if (number.Digits.Length == 0) number.Scale = 0;
                    Round(ref number, number.Scale + precision);
                    if (number.Negative) sb.Append('-');
                    FormatFixed(sb, ref number, precision, true);
                    sb.Append(" %");
                    return sb.ToString();
                }
                case 'E':
                case 'e':
                {
                    if (precision < 0) precision = 6;
                    precision++;
                    Round(ref number, precision);
                    if (number.Negative) sb.Append('-');
                    string d = number.Digits;
                    sb.Append(d.Length > 0 ? d[0] : '0');
                    if (precision != 1) sb.Append('.');
                    for (int i = 1; i < precision; i++) sb.Append(i < d.Length ? d[i] : '0');
                    FormatExponent(sb, d.Length == 0 ? 0 : number.Scale - 1, fmt, 3);
                    return sb.ToString();
                }
                case 'G':
                case 'g':
                case 'R':
                case 'r':
                {
                    int nMaxDigits = precision > 0 ? precision : defaultGDigits;
                    Round(ref number, nMaxDigits);
                    if (number.Negative) sb.Append('-');
                    FormatGeneral(sb, ref number, nMaxDigits, fmt == 'g' ? 'e' : 'E');
                    return sb.ToString();
                }
                default:
                    throw new FormatException(string.Concat("Format specifier '", string.FromChar(fmt), "' is not supported on MicroOS."));
            }
        }

        private static void FormatFixed(StringBuilder sb, ref Buffer number, int decimals, bool groups)
        {
            string d = number.Digits;
            int at = 0;
            if (number.Scale > 0)
            {
                int intDigits = number.Scale;
                for (int i = 0; i < intDigits; i++)
                {
                    if (groups && i > 0 && (intDigits - i) % 3 == 0) sb.Append(',');
                    sb.Append(at < d.Length ? d[at++] : '0');
                }
            }
            else
                sb.Append('0');
            if (decimals > 0)
            {
                sb.Append('.');
                int pos = number.Scale;
                for (int i = 0; i < decimals; i++, pos++)
                    sb.Append(pos < 0 ? '0' : at < d.Length ? d[at++] : '0');
            }
        }

        private static void FormatGeneral(StringBuilder sb, ref Buffer number, int nMaxDigits, char expChar)
        {
            string d = number.Digits;
            int digPos = number.Scale;
            bool scientific = false;
            if (digPos > nMaxDigits || digPos < -3)
            {
                digPos = 1;
                scientific = true;
            }
            int at = 0;
            if (digPos > 0)
            {
                do { sb.Append(at < d.Length ? d[at++] : '0'); } while (--digPos > 0);
            }
            else
                sb.Append('0');
            if (at < d.Length || digPos < 0)
            {
                sb.Append('.');
                while (digPos < 0) { sb.Append('0'); digPos++; }
                while (at < d.Length) sb.Append(d[at++]);
            }
            if (scientific)
                FormatExponent(sb, number.Scale - 1, expChar, 2);
        }

        private static void FormatExponent(StringBuilder sb, int value, char expChar, int minDigits)
        {
            sb.Append(expChar);
            if (value < 0) { sb.Append('-'); value = -value; }
            else sb.Append('+');
            string e = Format((long)value);
            for (int i = e.Length; i < minDigits; i++) sb.Append('0');
            sb.Append(e);
        }
    }
}
