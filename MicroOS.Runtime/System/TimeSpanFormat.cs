using System.Text;

namespace System
{
    // TimeSpan's text forms with the invariant culture: the standard formats "c" (also t, T and
    // null), "g" and "G", the custom ones (d h m s f F, quotes, \ and %; no sign, as in .NET), and
    // Parse of [ws][-]{d | [d.]hh:mm[:ss[.fffffff]] | d:hh:mm:ss[.fffffff]}[ws].
    internal static class TimeSpanFormat
    {
        public static string Format(TimeSpan value, string format)
        {
            if (format == null || format.Length == 0)
                format = "c";
            if (format.Length == 1)
            {
                switch (format[0])
                {
                    case 'c': case 't': case 'T': return Standard(value, days: false, full: false, constant: true);
                    case 'g': return Standard(value, days: false, full: false, constant: false);
                    case 'G': return Standard(value, days: true, full: true, constant: false);
                    default: throw new FormatException("Input string was not in a correct format.");
                }
            }
            return Custom(value, format);
        }

        // c: [-][d.]hh:mm:ss[.fffffff]; g: [-][d:]h:mm:ss[.FFFFFFF]; G: [-]d:hh:mm:ss.fffffff.
        private static string Standard(TimeSpan value, bool days, bool full, bool constant)
        {
            long ticks = value.Ticks;
            var sb = new StringBuilder();
            ulong magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
            if (ticks < 0)
                sb.Append('-');
            ulong d = magnitude / TimeSpan.TicksPerDay;
            ulong time = magnitude % TimeSpan.TicksPerDay;
            int h = (int)(time / TimeSpan.TicksPerHour), m = (int)(time / TimeSpan.TicksPerMinute % 60), s = (int)(time / TimeSpan.TicksPerSecond % 60);
            int fraction = (int)(time % TimeSpan.TicksPerSecond);
            if (d != 0 || days)
            {
                sb.Append(d.ToString());
                sb.Append(constant ? '.' : ':');
            }
            sb.Append(constant || full ? h.ToString("D2") : h.ToString());
            sb.Append(':').Append(m.ToString("D2")).Append(':').Append(s.ToString("D2"));
            if (full || (fraction != 0 && constant))
            {
                sb.Append('.').Append(fraction.ToString("D7"));
            }
            else if (fraction != 0)
            {
                string f = fraction.ToString("D7");
                int end = f.Length;
                while (end > 0 && f[end - 1] == '0') end--;
                sb.Append('.').Append(f.Substring(0, end));
            }
            return sb.ToString();
        }

        private static string Custom(TimeSpan value, string format)
        {
            long ticks = value.Ticks;
            ulong magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
            ulong days = magnitude / TimeSpan.TicksPerDay;
            ulong time = magnitude % TimeSpan.TicksPerDay;
            int hours = (int)(time / TimeSpan.TicksPerHour), minutes = (int)(time / TimeSpan.TicksPerMinute % 60), seconds = (int)(time / TimeSpan.TicksPerSecond % 60);
            int fraction = (int)(time % TimeSpan.TicksPerSecond);
            var sb = new StringBuilder();
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n = Repeat(format, i);
                switch (c)
                {
                    case 'h':
                        if (n > 2) throw Bad();
                        sb.Append(n == 2 ? hours.ToString("D2") : hours.ToString());
                        break;
                    case 'm':
                        if (n > 2) throw Bad();
                        sb.Append(n == 2 ? minutes.ToString("D2") : minutes.ToString());
                        break;
                    case 's':
                        if (n > 2) throw Bad();
                        sb.Append(n == 2 ? seconds.ToString("D2") : seconds.ToString());
                        break;
                    case 'd':
                        if (n > 8) throw Bad();
                        sb.Append(days.ToString(string.Concat("D", n.ToString())));
                        break;
                    case 'f':
                        if (n > 7) throw Bad();
                        sb.Append((fraction / Pow10(7 - n)).ToString(string.Concat("D", n.ToString())));
                        break;
                    case 'F':
                    {
                        if (n > 7) throw Bad();
                        int digits = fraction / Pow10(7 - n), kept = n;
                        while (kept > 0 && digits % 10 == 0) { digits /= 10; kept--; }
                        if (kept > 0) sb.Append(digits.ToString(string.Concat("D", kept.ToString())));
                        break;
                    }
                    case '\'':
                    case '"':
                        n = Quoted(format, i, sb) - i;
                        break;
                    case '%':
                        if (i + 1 >= format.Length || format[i + 1] == '%') throw Bad();
                        n = 1;      // the next character is a one-letter custom format
                        break;
                    case '\\':
                        if (i + 1 >= format.Length) throw Bad();
                        sb.Append(format[i + 1]);
                        n = 2;
                        break;
                    default:
                        throw Bad();
                }
                i += n;
            }
            return sb.ToString();
        }

        internal static FormatException Bad() => new FormatException("Input string was not in a correct format.");

        // How often format[i] repeats from i.
        internal static int Repeat(string format, int i)
        {
            int j = i + 1;
            while (j < format.Length && format[j] == format[i]) j++;
            return j - i;
        }

        // Copies a '...' or "..." literal (with \ escapes) from format[i]; returns the index after it.
        internal static int Quoted(string format, int i, StringBuilder sb)
        {
            char quote = format[i];
            int j = i + 1;
            while (j < format.Length && format[j] != quote)
            {
                if (format[j] == '\\')
                {
                    j++;
                    if (j >= format.Length) throw Bad();
                }
                sb.Append(format[j]);
                j++;
            }
            if (j >= format.Length)
                throw new FormatException(string.Concat("Cannot find a matching quote character for the character '", quote.ToString(), "'."));
            return j + 1;
        }

        internal static int Pow10(int n)
        {
            int p = 1;
            while (n-- > 0) p *= 10;
            return p;
        }

        public static TimeSpan Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("input");
            int error = TryParse(s, out TimeSpan result, out bool overflow);
            if (error != 0)
                throw overflow ? new OverflowException("The TimeSpan string '" + s + "' could not be parsed because at least one of the numeric components is out of range or contains too many digits.")
                               : new FormatException("String '" + s + "' was not recognized as a valid TimeSpan.");
            return result;
        }

        public static bool TryParse(string s, out TimeSpan result)
        {
            if (s == null) { result = default; return false; }
            return TryParse(s, out result, out _) == 0;
        }

        // 0 on success; otherwise 1 and overflow says which exception Parse throws.
        private static int TryParse(string s, out TimeSpan result, out bool overflow)
        {
            result = default;
            overflow = false;
            int i = 0, end = s.Length;
            while (i < end && char.IsWhiteSpace(s[i])) i++;
            while (end > i && char.IsWhiteSpace(s[end - 1])) end--;
            bool negative = i < end && s[i] == '-';
            if (negative) i++;
            // Numbers and the separators between them.
            long[] numbers = new long[5];
            int[] digits = new int[5];
            char[] separators = new char[4];
            int count = 0;
            while (true)
            {
                if (count == 5 || i >= end || !char.IsAsciiDigit(s[i]))
                    return 1;
                long v = 0;
                int start = i;
                while (i < end && char.IsAsciiDigit(s[i]))
                {
                    if (v < 100_000_000_000L) v = v * 10 + (s[i] - '0');
                    else overflow = true;
                    i++;
                }
                numbers[count] = v;
                digits[count] = i - start;
                count++;
                if (i == end) break;
                if (count == 5 || (s[i] != ':' && s[i] != '.'))
                    return 1;
                separators[count - 1] = s[i++];
            }
            if (overflow) return 1;
            string shape = new string(separators, 0, count - 1);
            long d = 0, h = 0, m = 0, sec = 0;
            int fractionAt = -1;
            switch (shape)
            {
                case "": d = numbers[0]; break;
                case ":": h = numbers[0]; m = numbers[1]; break;
                case "::": h = numbers[0]; m = numbers[1]; sec = numbers[2]; break;
                case ".:": d = numbers[0]; h = numbers[1]; m = numbers[2]; break;
                case ".::": d = numbers[0]; h = numbers[1]; m = numbers[2]; sec = numbers[3]; break;
                case "::.": h = numbers[0]; m = numbers[1]; sec = numbers[2]; fractionAt = 3; break;
                case ":::": d = numbers[0]; h = numbers[1]; m = numbers[2]; sec = numbers[3]; break;
                case ".::.": case ":::.": d = numbers[0]; h = numbers[1]; m = numbers[2]; sec = numbers[3]; fractionAt = 4; break;
                default: return 1;
            }
            long fraction = 0;
            if (fractionAt >= 0)
            {
                if (digits[fractionAt] > 7) { overflow = true; return 1; }
                fraction = numbers[fractionAt] * Pow10(7 - digits[fractionAt]);
            }
            if (d > 10675199 || h > 23 || m > 59 || sec > 59)
            {
                overflow = true;
                return 1;
            }
            ulong ticks = (ulong)d * TimeSpan.TicksPerDay + (ulong)h * TimeSpan.TicksPerHour + (ulong)m * TimeSpan.TicksPerMinute + (ulong)sec * TimeSpan.TicksPerSecond + (ulong)fraction;
            if (ticks > (negative ? 1UL << 63 : long.MaxValue))
            {
                overflow = true;
                return 1;
            }
            result = new TimeSpan(negative ? (long)(0 - ticks) : (long)ticks);
            return 0;
        }
    }
}
