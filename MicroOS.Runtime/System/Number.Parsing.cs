namespace System
{
    internal static partial class Number
    {
        internal enum ParseStatus { Ok, Format, Overflow }

        // NumberStyles.Integer, invariant culture: [ws][sign]digits[ws] with ws = U+0009..U+000D and
        // U+0020 (trailing NULs are allowed too, as in .NET). Hex prefixes, group separators and
        // non-ASCII digits are format errors. A negative value's magnitude may reach negativeLimit.
        internal static ParseStatus ParseInteger(string s, bool signed, ulong negativeLimit, ulong max, out ulong magnitude, out bool negative)
        {
            magnitude = 0;
            negative = false;
            if (s == null) return ParseStatus.Format;
            int i = 0, end = s.Length;
            while (end > 0 && s[end - 1] == '\0') end--;
            while (i < end && IsWhite(s[i])) i++;
            while (end > i && IsWhite(s[end - 1])) end--;
            if (i < end && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }
            if (i >= end) return ParseStatus.Format;
            bool overflow = false;
            ulong value = 0;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') { magnitude = 0; negative = false; return ParseStatus.Format; }
                uint d = (uint)(c - '0');
                if (value > (ulong.MaxValue - d) / 10) overflow = true;
                else value = value * 10 + d;
            }
            ulong limit = negative ? (signed ? negativeLimit : 0) : max;
            if (overflow || value > limit)
            {
                negative = false;
                return ParseStatus.Overflow;
            }
            magnitude = value;
            if (value == 0) negative = false;
            return ParseStatus.Ok;
        }

        internal static void ThrowIfFailed(ParseStatus status, string s, string typeName)
        {
            if (status == ParseStatus.Ok) return;
            if (s == null) throw new ArgumentNullException("s");
            if (status == ParseStatus.Overflow)
                throw new OverflowException();
            throw new FormatException(string.Concat("The input string '", s, "' was not in a correct format."));
        }
    }
}
