using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        // Integer parsing with NumberStyles, invariant culture: white space, a leading or trailing
        // sign, parentheses, ',' group separators, a '.' followed only by zeros, and hexadecimal
        // (AllowHexSpecifier: hex digits only, no sign or "0x", the bits of the type: "FFFFFFFF" is
        // -1 for int). `bits` is the type's width; the result is the value's two's complement.
        internal static ParseStatus ParseInteger(ReadOnlySpan<char> s, NumberStyles styles, bool signed, int bits, out ulong result)
        {
            result = 0;
            const NumberStyles Supported = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign |
                NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands |
                NumberStyles.AllowHexSpecifier;
            if ((styles & ~Supported) != 0)
                throw new NotSupportedException("MicroOS parses integers with white space, signs, parentheses, thousands, a decimal point and hex; not with exponents, currency or binary.");
            if ((styles & NumberStyles.AllowHexSpecifier) != 0 && (styles & ~(NumberStyles.HexNumber)) != 0)
                throw new ArgumentException("With the AllowHexSpecifier bit set in the enum bit field, the only other valid bits that can be combined into the enum value must be a subset of those in HexNumber.");
            int i = 0, end = s.Length;
            while (end > 0 && s[end - 1] == '\0') end--;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0)
                while (i < end && IsWhite(s[i])) i++;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0)
                while (end > i && IsWhite(s[end - 1])) end--;
            ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            if ((styles & NumberStyles.AllowHexSpecifier) != 0)
            {
                if (i >= end) return ParseStatus.Format;
                ulong v = 0;
                bool overflow = false;
                for (; i < end; i++)
                {
                    char c = s[i];
                    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0) return ParseStatus.Format;
                    if ((v >> (bits - 4)) != 0) overflow = true;
                    v = (v << 4 | (uint)d) & mask;
                }
                if (overflow) return ParseStatus.Overflow;
                result = v;
                return ParseStatus.Ok;
            }
            bool negative = false, parentheses = false, signSeen = false;
            if ((styles & NumberStyles.AllowParentheses) != 0 && i < end && s[i] == '(')
            {
                parentheses = negative = true;
                i++;
            }
            if (!parentheses && (styles & NumberStyles.AllowLeadingSign) != 0 && i < end && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                signSeen = true;
                i++;
            }
            ulong value = 0;
            bool big = false, digits = false, nonZeroFraction = false;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    uint d = (uint)(c - '0');
                    if (value > (ulong.MaxValue - d) / 10) big = true;
                    else value = value * 10 + d;
                    digits = true;
                }
                else if (c == ',' && (styles & NumberStyles.AllowThousands) != 0 && digits)
                {
                }
                else
                {
                    break;
                }
            }
            if (!digits) return ParseStatus.Format;
            if (i < end && s[i] == '.' && (styles & NumberStyles.AllowDecimalPoint) != 0)
            {
                for (i++; i < end && s[i] >= '0' && s[i] <= '9'; i++)
                    if (s[i] != '0') nonZeroFraction = true;
            }
            if (!signSeen && !parentheses && (styles & NumberStyles.AllowTrailingSign) != 0 && i < end && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }
            if (parentheses)
            {
                if (i >= end || s[i] != ')') return ParseStatus.Format;
                i++;
            }
            if (i != end) return ParseStatus.Format;
            if (nonZeroFraction) return ParseStatus.Overflow;
            ulong limit = !signed ? (negative ? 0 : mask) : negative ? 1UL << (bits - 1) : (1UL << (bits - 1)) - 1;
            if (big || value > limit) return ParseStatus.Overflow;
            result = negative ? (0 - value) & mask : value;
            return ParseStatus.Ok;
        }

        // Sign-extends the `bits`-wide two's complement of a signed parse.
        internal static long SignExtend(ulong v, int bits) => bits == 64 ? (long)v : (long)(v << (64 - bits)) >> (64 - bits);

        internal static ulong ParseOrThrow(ReadOnlySpan<char> s, NumberStyles styles, bool signed, int bits)
        {
            ParseStatus status = ParseInteger(s, styles, signed, bits, out ulong v);
            if (status == ParseStatus.Overflow)
                throw new OverflowException(signed ? "Value was either too large or too small for a signed integer." : "Value was either too large or too small for an unsigned integer.");
            if (status == ParseStatus.Format)
                throw new FormatException(string.Concat("The input string '", s.ToString(), "' was not in a correct format."));
            return v;
        }
    }
}
