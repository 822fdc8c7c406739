using System.Globalization;
using System.Text;

namespace System
{
    // DateTime's text forms with the invariant culture: the standard formats (d D f F g G m M o O r R
    // s t T u U y Y) as the custom patterns .NET's invariant culture gives them, the custom
    // specifiers (y M d h H m s f F t g K z, quotes, \, %, ':' and '/'), ParseExact of a custom or
    // standard format, and Parse of the ISO 8601 and invariant forms those produce. Local time is
    // UTC (offset +00:00) on MicroOS.
    internal static class DateTimeFormat
    {
        private static readonly string[] s_dayNames = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
        private static readonly string[] s_monthNames = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

        // A standard format as the invariant culture's custom pattern; null when not a standard one.
        private static string Expand(char c) => c switch
        {
            'd' => "MM/dd/yyyy",
            'D' => "dddd, dd MMMM yyyy",
            'f' => "dddd, dd MMMM yyyy HH:mm",
            'F' => "dddd, dd MMMM yyyy HH:mm:ss",
            'g' => "MM/dd/yyyy HH:mm",
            'G' => "MM/dd/yyyy HH:mm:ss",
            'm' or 'M' => "MMMM dd",
            'o' or 'O' => "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
            'r' or 'R' => "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
            's' => "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
            't' => "HH:mm",
            'T' => "HH:mm:ss",
            'u' => "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
            'U' => "dddd, dd MMMM yyyy HH:mm:ss",
            'y' or 'Y' => "yyyy MMMM",
            _ => null,
        };

        public static string Format(DateTime value, string format)
        {
            if (format == null || format.Length == 0)
                format = "G";
            if (format.Length == 1)
            {
                char c = format[0];
                string pattern = Expand(c);
                if (pattern == null)
                    throw TimeSpanFormat.Bad();
                if (c == 'U')
                    value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
                return Custom(value, pattern);
            }
            return Custom(value, format);
        }

        private static string Custom(DateTime value, string format)
        {
            value.Deconstruct(out int year, out int month, out int day);
            var sb = new StringBuilder();
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n = TimeSpanFormat.Repeat(format, i);
                switch (c)
                {
                    case 'g':
                        sb.Append("A.D.");
                        break;
                    case 'h':
                        int h12 = value.Hour % 12;
                        Digits(sb, h12 == 0 ? 12 : h12, n < 2 ? n : 2);
                        break;
                    case 'H':
                        Digits(sb, value.Hour, n < 2 ? n : 2);
                        break;
                    case 'm':
                        Digits(sb, value.Minute, n < 2 ? n : 2);
                        break;
                    case 's':
                        Digits(sb, value.Second, n < 2 ? n : 2);
                        break;
                    case 'f':
                    case 'F':
                    {
                        if (n > 7) throw TimeSpanFormat.Bad();
                        int fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond) / TimeSpanFormat.Pow10(7 - n);
                        if (c == 'f')
                        {
                            Digits(sb, fraction, n);
                            break;
                        }
                        int kept = n;
                        while (kept > 0 && fraction % 10 == 0) { fraction /= 10; kept--; }
                        if (kept > 0)
                            Digits(sb, fraction, kept);
                        else if (sb.Length > 0 && sb[sb.Length - 1] == '.')
                            sb.Length--;        // .NET drops the '.' before an all-zero F fraction
                        break;
                    }
                    case 't':
                        string designator = value.Hour < 12 ? "AM" : "PM";
                        sb.Append(n == 1 ? designator.Substring(0, 1) : designator);
                        break;
                    case 'd':
                        if (n <= 2) Digits(sb, day, n);
                        else sb.Append(n == 3 ? s_dayNames[(int)value.DayOfWeek].Substring(0, 3) : s_dayNames[(int)value.DayOfWeek]);
                        break;
                    case 'M':
                        if (n <= 2) Digits(sb, month, n);
                        else sb.Append(n == 3 ? s_monthNames[month - 1].Substring(0, 3) : s_monthNames[month - 1]);
                        break;
                    case 'y':
                        if (n <= 2) Digits(sb, year % 100, n);
                        else Digits(sb, year, n);
                        break;
                    case 'z':
                        // The local offset, which is zero on MicroOS.
                        sb.Append(n == 1 ? "+0" : n == 2 ? "+00" : "+00:00");
                        break;
                    case 'K':
                        if (value.Kind == DateTimeKind.Utc) sb.Append('Z');
                        else if (value.Kind == DateTimeKind.Local) sb.Append("+00:00");
                        n = 1;
                        break;
                    case ':':
                    case '/':
                        sb.Append(c);
                        n = 1;
                        break;
                    case '\'':
                    case '"':
                        n = TimeSpanFormat.Quoted(format, i, sb) - i;
                        break;
                    case '%':
                        if (i + 1 >= format.Length || format[i + 1] == '%') throw TimeSpanFormat.Bad();
                        n = 1;
                        break;
                    case '\\':
                        if (i + 1 >= format.Length) throw TimeSpanFormat.Bad();
                        sb.Append(format[i + 1]);
                        n = 2;
                        break;
                    default:
                        sb.Append(c);
                        n = 1;
                        break;
                }
                i += n;
            }
            return sb.ToString();
        }

        private static void Digits(StringBuilder sb, int value, int minimum)
        {
            string s = value.ToString();
            for (int k = s.Length; k < minimum; k++) sb.Append('0');
            sb.Append(s);
        }

        // Parsing.

        public static DateTime ParseExact(string s, string format, DateTimeStyles styles)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (format == null) throw new ArgumentNullException("format");
            if (!TryParseExact(s, format, styles, out DateTime result))
                throw new FormatException(string.Concat("String '", s, "' was not recognized as a valid DateTime."));
            return result;
        }

        public static bool TryParseExact(string s, string format, DateTimeStyles styles, out DateTime result)
        {
            result = default;
            if (s == null || format == null || format.Length == 0)
                return false;
            if (format.Length == 1)
            {
                format = Expand(format[0]);
                if (format == null)
                    return false;
            }
            return Match(s, format, styles, out result);
        }

        // The forms Parse accepts: what ToString("o"/"s"/"u"/"G"/"d") and the common ISO forms print.
        private static readonly string[] s_parseFormats =
        {
            "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", "yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mmK",
            "yyyy'-'MM'-'dd HH':'mm':'ss.FFFFFFFK", "yyyy'-'MM'-'dd HH':'mm':'ssK", "yyyy'-'MM'-'dd HH':'mmK", "yyyy'-'MM'-'dd",
            "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt",
        };

        public static DateTime Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (!TryParse(s, out DateTime result))
                throw new FormatException(string.Concat("String '", s, "' was not recognized as a valid DateTime."));
            return result;
        }

        public static bool TryParse(string s, out DateTime result)
        {
            result = default;
            if (s == null)
                return false;
            string trimmed = s.Trim();
            foreach (string format in s_parseFormats)
                if (Match(trimmed, format, DateTimeStyles.None, out result))
                    return true;
            return false;
        }

        // Matches s against a custom pattern. A zone (K: Z or +hh:mm; z) makes the result the local
        // time of that instant (Kind Local), or Utc with RoundtripKind/AdjustToUniversal, as .NET does.
        private static bool Match(string s, string format, DateTimeStyles styles, out DateTime result)
        {
            result = default;
            int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
            long fraction = 0;
            int pm = -1;
            bool zoned = false, utc = false;
            long offsetTicks = 0;
            bool hasDate = false;
            int p = 0, i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n = TimeSpanFormat.Repeat(format, i);
                switch (c)
                {
                    case 'y':
                        if (!Number(s, ref p, n <= 2 ? 2 : n, n <= 2 ? 2 : 4, out year)) return false;
                        if (n <= 2) year += year < 50 ? 2000 : 1900;
                        hasDate = true;
                        break;
                    case 'M':
                        if (n <= 2) { if (!Number(s, ref p, n, 2, out month)) return false; }
                        else if (!Name(s, ref p, s_monthNames, n == 3, out month)) return false;
                        else month++;
                        hasDate = true;
                        break;
                    case 'd':
                        if (n <= 2) { if (!Number(s, ref p, n, 2, out day)) return false; hasDate = true; }
                        else if (!Name(s, ref p, s_dayNames, n == 3, out _)) return false;
                        break;
                    case 'H':
                    case 'h':
                        if (!Number(s, ref p, n < 2 ? 1 : 2, 2, out hour)) return false;
                        if (c == 'h' && (hour < 1 || hour > 12)) return false;
                        if (c == 'h' && pm < 0) pm = -2;     // 12-hour clock: tt decides
                        break;
                    case 'm':
                        if (!Number(s, ref p, n < 2 ? 1 : 2, 2, out minute)) return false;
                        break;
                    case 's':
                        if (!Number(s, ref p, n < 2 ? 1 : 2, 2, out second)) return false;
                        break;
                    case 'f':
                    case 'F':
                    {
                        if (n > 7) return false;
                        int start = p;
                        long v = 0;
                        while (p < s.Length && p - start < n && char.IsAsciiDigit(s[p])) v = v * 10 + (s[p++] - '0');
                        int got = p - start;
                        if (c == 'f' && got != n) return false;
                        if (c == 'F' && got == 0 && start > 0 && s[start - 1] == '.')
                            return false;
                        fraction = v * TimeSpanFormat.Pow10(7 - got);
                        break;
                    }
                    case 't':
                        if (p < s.Length && (s[p] == 'A' || s[p] == 'P'))
                        {
                            pm = s[p] == 'P' ? 1 : 0;
                            p++;
                            if (n > 1) { if (p >= s.Length || s[p] != 'M') return false; p++; }
                        }
                        else return false;
                        break;
                    case 'K':
                    case 'z':
                        n = c == 'K' ? 1 : n;
                        if (p < s.Length && s[p] == 'Z' && c == 'K')
                        {
                            p++;
                            zoned = utc = true;
                        }
                        else if (p < s.Length && (s[p] == '+' || s[p] == '-'))
                        {
                            int sign = s[p++] == '-' ? -1 : 1;
                            if (!Number(s, ref p, 1, 2, out int oh)) return false;
                            int om = 0;
                            if (p < s.Length && s[p] == ':') { p++; if (!Number(s, ref p, 2, 2, out om)) return false; }
                            if (oh > 14 || om > 59) return false;
                            offsetTicks = sign * (oh * TimeSpan.TicksPerHour + om * TimeSpan.TicksPerMinute);
                            zoned = true;
                        }
                        else if (c == 'z') return false;
                        break;
                    case '\'':
                    case '"':
                    {
                        var literal = new StringBuilder();
                        n = TimeSpanFormat.Quoted(format, i, literal) - i;
                        string text = literal.ToString();
                        if (!At(s, p, text, false)) return false;
                        p += text.Length;
                        break;
                    }
                    case '\\':
                        if (i + 1 >= format.Length || p >= s.Length || s[p] != format[i + 1]) return false;
                        p++;
                        n = 2;
                        break;
                    case '%':
                        n = 1;
                        break;
                    default:
                        n = 1;
                        if (c == ' ')
                        {
                            if (p >= s.Length || s[p] != ' ') return false;
                            while (p < s.Length && s[p] == ' ') p++;
                        }
                        else
                        {
                            if (p >= s.Length || s[p] != c) return false;
                            p++;
                        }
                        break;
                }
                i += n;
            }
            if (p != s.Length)
                return false;
            if (pm == -2) return false;
            if (pm >= 0)
            {
                if (hour > 12) return false;
                hour = hour % 12 + (pm == 1 ? 12 : 0);
            }
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                return false;
            long ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction;
            if (!hasDate && (styles & DateTimeStyles.NoCurrentDateDefault) == 0)
                ticks += DateTime.Today.Ticks;
            DateTimeKind kind = DateTimeKind.Unspecified;
            if (zoned)
            {
                ticks -= offsetTicks;
                if (ticks < 0 || ticks > DateTime.MaxTicks) return false;
                kind = (styles & (DateTimeStyles.RoundtripKind | DateTimeStyles.AdjustToUniversal)) != 0 ? DateTimeKind.Utc : DateTimeKind.Local;
                if (!utc && (styles & DateTimeStyles.RoundtripKind) != 0 && (styles & DateTimeStyles.AdjustToUniversal) == 0)
                    kind = DateTimeKind.Local;
            }
            else if ((styles & DateTimeStyles.AssumeUniversal) != 0)
            {
                kind = (styles & DateTimeStyles.AdjustToUniversal) != 0 ? DateTimeKind.Utc : DateTimeKind.Local;
            }
            else if ((styles & DateTimeStyles.AssumeLocal) != 0)
            {
                kind = (styles & DateTimeStyles.AdjustToUniversal) != 0 ? DateTimeKind.Utc : DateTimeKind.Local;
            }
            result = new DateTime(ticks, kind);
            return true;
        }

        private static bool Number(string s, ref int p, int minDigits, int maxDigits, out int value)
        {
            value = 0;
            int start = p;
            while (p < s.Length && p - start < maxDigits && char.IsAsciiDigit(s[p]))
                value = value * 10 + (s[p++] - '0');
            return p - start >= minDigits;
        }

        // Whether text stands in s at p.
        private static bool At(string s, int p, string text, bool ignoreCase)
        {
            if (p + text.Length > s.Length) return false;
            for (int k = 0; k < text.Length; k++)
            {
                char a = s[p + k], b = text[k];
                if (a != b && (!ignoreCase || char.ToUpperInvariant(a) != char.ToUpperInvariant(b))) return false;
            }
            return true;
        }

        private static bool Name(string s, ref int p, string[] names, bool abbreviated, out int index)
        {
            for (index = 0; index < names.Length; index++)
            {
                string name = abbreviated ? names[index].Substring(0, 3) : names[index];
                if (At(s, p, name, true))
                {
                    p += name.Length;
                    return true;
                }
            }
            return false;
        }
    }
}
