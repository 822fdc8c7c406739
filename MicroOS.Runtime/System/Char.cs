namespace System
{
    // char classification and invariant case mapping. U+0000..U+00FF follow .NET's Latin-1 table
    // exactly (computed from ranges below rather than stored, to keep images small). Beyond Latin-1,
    // MicroOS knows the letters and case pairs of Latin Extended-A, Greek and Cyrillic (U+0100..U+017F,
    // U+0386..U+03CE, U+0400..U+045F); other characters classify as none of the categories.
    public struct Char : IEquatable<char>, IComparable<char>, IComparable
    {
        private char m_value;
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0;

        public bool Equals(char other) => m_value == other;
        public override bool Equals(object obj) => obj is char c && c == m_value;
        public override int GetHashCode() => m_value | (m_value << 16);
        public int CompareTo(char other) => m_value - other;
        public int CompareTo(object obj) => obj == null ? 1 : obj is char c ? CompareTo(c) : throw new ArgumentException("Object must be of type Char.");
        public override string ToString() => string.FromChar(m_value);
        public static string ToString(char c) => string.FromChar(c);

        public static bool IsAscii(char c) => c <= '\x7f';
        public static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterUpper(char c) => c >= 'A' && c <= 'Z';
        public static bool IsAsciiLetterLower(char c) => c >= 'a' && c <= 'z';
        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);
        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

        public static bool IsDigit(char c) => c >= '0' && c <= '9';
        public static bool IsNumber(char c) => IsDigit(c) || c == '\xB2' || c == '\xB3' || c == '\xB9' || (c >= '\xBC' && c <= '\xBE');

        public static bool IsWhiteSpace(char c) =>
            c == ' ' || (c >= '\t' && c <= '\r') || c == '\x85' || c == '\xA0' ||
            (c >= '\u2000' && c <= '\u200A') || c == '\u1680' || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';

        public static bool IsSeparator(char c) => c == ' ' || c == '\xA0' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\u1680';

        public static bool IsControl(char c) => c <= '\x1F' || (c >= '\x7F' && c <= '\x9F');

        public static bool IsUpper(char c)
        {
            if (c <= '\xFF') return (c >= 'A' && c <= 'Z') || (c >= '\xC0' && c <= '\xDE' && c != '\xD7');
            return IsExtendedLetter(c) && ToLowerExtended(c) != c;
        }

        public static bool IsLower(char c)
        {
            if (c <= '\xFF') return (c >= 'a' && c <= 'z') || c == '\xB5' || (c >= '\xDF' && c != '\xF7');
            return IsExtendedLetter(c) && ToUpperExtended(c) != c;
        }

        public static bool IsLetter(char c)
        {
            if (c <= '\xFF')
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\xAA' || c == '\xB5' || c == '\xBA' ||
                       (c >= '\xC0' && c != '\xD7' && c != '\xF7');
            return IsExtendedLetter(c);
        }

        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        public static bool IsPunctuation(char c)
        {
            if (c < 0x80)
                return (c >= '!' && c <= '#') || (c >= '%' && c <= '*') || (c >= ',' && c <= '/') || c == ':' || c == ';' ||
                       c == '?' || c == '@' || (c >= '[' && c <= ']') || c == '_' || c == '{' || c == '}';
            return c == '\xA1' || c == '\xA7' || c == '\xAB' || c == '\xB6' || c == '\xB7' || c == '\xBB' || c == '\xBF';
        }

        public static bool IsSymbol(char c)
        {
            if (c < 0x80)
                return c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~';
            return (c >= '\xA2' && c <= '\xA6') || c == '\xA8' || c == '\xA9' || c == '\xAC' || (c >= '\xAE' && c <= '\xB1') ||
                   c == '\xB4' || c == '\xB8' || c == '\xD7' || c == '\xF7';
        }

        public static bool IsSurrogate(char c) => c >= '\uD800' && c <= '\uDFFF';
        public static bool IsHighSurrogate(char c) => c >= '\uD800' && c <= '\uDBFF';
        public static bool IsLowSurrogate(char c) => c >= '\uDC00' && c <= '\uDFFF';

        public static double GetNumericValue(char c) => IsDigit(c) ? c - '0' : -1;

        public static char ToUpper(char c) => ToUpperInvariant(c);
        public static char ToLower(char c) => ToLowerInvariant(c);

        public static char ToUpperInvariant(char c)
        {
            if (c < 0x80) return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
            if (c <= '\xFF')
            {
                if (c == '\xB5') return '\u039C';
                if (c == '\xFF') return '\u0178';
                return c >= '\xE0' && c != '\xF7' ? (char)(c - 32) : c;
            }
            return ToUpperExtended(c);
        }

        public static char ToLowerInvariant(char c)
        {
            if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            if (c <= '\xFF') return c >= '\xC0' && c <= '\xDE' && c != '\xD7' ? (char)(c + 32) : c;
            return ToLowerExtended(c);
        }

        private static bool IsExtendedLetter(char c) =>
            (c >= '\u0100' && c <= '\u017F') || c == '\u0386' || (c >= '\u0388' && c <= '\u03CE' && c != '\u0387' && c != '\u038B' && c != '\u038D' && c != '\u03A2') ||
            (c >= '\u0400' && c <= '\u045F');

        private static char ToUpperExtended(char c)
        {
            if (c >= '\u0100' && c <= '\u017F')
            {
                if (c == '\u0131') return 'I';
                if (c == '\u017F') return 'S';
                if (c == '\u0138' || c == '\u0149') return c;
                bool oddLower = (c >= '\u0139' && c <= '\u0148') || (c >= '\u0179' && c <= '\u017E');
                if (oddLower) return (c & 1) == 0 ? (char)(c - 1) : c;
                if (c == '\u0130' || c == '\u0178') return c;
                return (c & 1) == 1 ? (char)(c - 1) : c;
            }
            if (c >= '\u03B1' && c <= '\u03C9' && c != '\u03C2') return (char)(c - 32);
            if (c == '\u03C2') return '\u03A3';
            if (c == '\u03AC') return '\u0386';
            if (c >= '\u03AD' && c <= '\u03AF') return (char)(c - 37);
            if (c == '\u03CC') return '\u038C';
            if (c == '\u03CD' || c == '\u03CE') return (char)(c - 63);
            if (c >= '\u0430' && c <= '\u044F') return (char)(c - 32);
            if (c >= '\u0450' && c <= '\u045F') return (char)(c - 80);
            return c;
        }

        private static char ToLowerExtended(char c)
        {
            if (c >= '\u0100' && c <= '\u017F')
            {
                if (c == '\u0130') return 'i';
                if (c == '\u0178') return '\xFF';
                if (c == '\u0131' || c == '\u0138' || c == '\u0149' || c == '\u017F') return c;
                bool oddUpper = (c >= '\u0139' && c <= '\u0148') || (c >= '\u0179' && c <= '\u017E');
                if (oddUpper) return (c & 1) == 1 ? (char)(c + 1) : c;
                return (c & 1) == 0 ? (char)(c + 1) : c;
            }
            if (c >= '\u0391' && c <= '\u03A9' && c != '\u03A2') return (char)(c + 32);
            if (c == '\u0386') return '\u03AC';
            if (c >= '\u0388' && c <= '\u038A') return (char)(c + 37);
            if (c == '\u038C') return '\u03CC';
            if (c == '\u038E' || c == '\u038F') return (char)(c + 63);
            if (c >= '\u0410' && c <= '\u042F') return (char)(c + 32);
            if (c >= '\u0400' && c <= '\u040F') return (char)(c + 80);
            return c;
        }
    }
}
