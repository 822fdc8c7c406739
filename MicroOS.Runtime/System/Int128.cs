using System.Globalization;

namespace System
{
    // 128-bit integers (.NET 7+): two 64-bit halves, two's complement for Int128. Arithmetic wraps
    // (unchecked), division truncates toward zero (Int128.MinValue / -1 throws OverflowException, a
    // zero divisor DivideByZeroException); ToString with "D", "X" (two's complement for negatives,
    // as .NET) and precision; Parse/TryParse of decimal digits with an optional sign and white space
    // (invariant culture); conversions to double round to nearest even. No generic math interfaces.
    public readonly struct UInt128 : IComparable, IComparable<UInt128>, IEquatable<UInt128>, IFormattable
    {
        internal readonly ulong _lower, _upper;

        public UInt128(ulong upper, ulong lower)
        {
            _lower = lower;
            _upper = upper;
        }

        public static UInt128 MinValue => default;
        public static UInt128 MaxValue => new UInt128(ulong.MaxValue, ulong.MaxValue);
        public static UInt128 Zero => default;
        public static UInt128 One => new UInt128(0, 1);

        public static implicit operator UInt128(byte v) => new UInt128(0, v);
        public static implicit operator UInt128(ushort v) => new UInt128(0, v);
        public static implicit operator UInt128(uint v) => new UInt128(0, v);
        public static implicit operator UInt128(ulong v) => new UInt128(0, v);
        public static implicit operator UInt128(char v) => new UInt128(0, v);
        public static explicit operator UInt128(int v) => new UInt128((ulong)(v >> 31), (ulong)(long)v);
        public static explicit operator UInt128(long v) => new UInt128((ulong)(v >> 63), (ulong)v);
        public static explicit operator byte(UInt128 v) => (byte)v._lower;
        public static explicit operator ushort(UInt128 v) => (ushort)v._lower;
        public static explicit operator uint(UInt128 v) => (uint)v._lower;
        public static explicit operator ulong(UInt128 v) => v._lower;
        public static explicit operator int(UInt128 v) => (int)v._lower;
        public static explicit operator long(UInt128 v) => (long)v._lower;
        public static explicit operator double(UInt128 v) => Int128Math.ToDouble(v._upper, v._lower);
        public static explicit operator UInt128(double v)
        {
            // Truncates toward zero; NaN and negatives give 0, values past the range MaxValue.
            if (!(v >= 1.0)) return default;
            if (v >= 340282366920938463463374607431768211456.0) return MaxValue;
            return Int128Math.FromPositiveDouble(v);
        }

        public static UInt128 operator +(UInt128 a, UInt128 b)
        {
            ulong lower = a._lower + b._lower;
            return new UInt128(a._upper + b._upper + (lower < a._lower ? 1UL : 0), lower);
        }

        public static UInt128 operator -(UInt128 a, UInt128 b)
        {
            ulong lower = a._lower - b._lower;
            return new UInt128(a._upper - b._upper - (a._lower < b._lower ? 1UL : 0), lower);
        }

        public static UInt128 operator *(UInt128 a, UInt128 b)
        {
            ulong high = Math.BigMul(a._lower, b._lower, out ulong low);
            return new UInt128(high + a._lower * b._upper + a._upper * b._lower, low);
        }

        public static UInt128 operator /(UInt128 a, UInt128 b) => DivRem(a, b, out _);
        public static UInt128 operator %(UInt128 a, UInt128 b)
        {
            DivRem(a, b, out UInt128 remainder);
            return remainder;
        }

        public static UInt128 operator ++(UInt128 a) => a + One;
        public static UInt128 operator --(UInt128 a) => a - One;
        public static UInt128 operator -(UInt128 a) => Zero - a;
        public static UInt128 operator +(UInt128 a) => a;
        public static UInt128 operator ~(UInt128 a) => new UInt128(~a._upper, ~a._lower);
        public static UInt128 operator &(UInt128 a, UInt128 b) => new UInt128(a._upper & b._upper, a._lower & b._lower);
        public static UInt128 operator |(UInt128 a, UInt128 b) => new UInt128(a._upper | b._upper, a._lower | b._lower);
        public static UInt128 operator ^(UInt128 a, UInt128 b) => new UInt128(a._upper ^ b._upper, a._lower ^ b._lower);

        public static UInt128 operator <<(UInt128 a, int shift)
        {
            shift &= 127;
            if (shift == 0) return a;
            if (shift >= 64) return new UInt128(a._lower << (shift - 64), 0);
            return new UInt128((a._upper << shift) | (a._lower >> (64 - shift)), a._lower << shift);
        }

        public static UInt128 operator >>(UInt128 a, int shift)
        {
            shift &= 127;
            if (shift == 0) return a;
            if (shift >= 64) return new UInt128(0, a._upper >> (shift - 64));
            return new UInt128(a._upper >> shift, (a._lower >> shift) | (a._upper << (64 - shift)));
        }

        public static UInt128 operator >>>(UInt128 a, int shift) => a >> shift;

        public static bool operator ==(UInt128 a, UInt128 b) => a._lower == b._lower && a._upper == b._upper;
        public static bool operator !=(UInt128 a, UInt128 b) => !(a == b);
        public static bool operator <(UInt128 a, UInt128 b) => a._upper < b._upper || (a._upper == b._upper && a._lower < b._lower);
        public static bool operator >(UInt128 a, UInt128 b) => b < a;
        public static bool operator <=(UInt128 a, UInt128 b) => !(b < a);
        public static bool operator >=(UInt128 a, UInt128 b) => !(a < b);

        // Shift-and-subtract long division, one bit per step above the divisor's width; a dividend
        // and divisor that fit 64 bits divide in one instruction.
        public static UInt128 DivRem(UInt128 a, UInt128 b, out UInt128 remainder)
        {
            if (b._upper == 0 && b._lower == 0) throw new DivideByZeroException();
            if (a._upper == 0 && b._upper == 0)
            {
                remainder = new UInt128(0, a._lower % b._lower);
                return new UInt128(0, a._lower / b._lower);
            }
            if (a < b)
            {
                remainder = a;
                return Zero;
            }
            int shift = Int128Math.LeadingZeros(b) - Int128Math.LeadingZeros(a);
            UInt128 divisor = b << shift;
            UInt128 quotient = Zero;
            for (int i = 0; i <= shift; i++)
            {
                quotient <<= 1;
                if (a >= divisor)
                {
                    a -= divisor;
                    quotient |= One;
                }
                divisor >>= 1;
            }
            remainder = a;
            return quotient;
        }

        public static UInt128 Max(UInt128 a, UInt128 b) => a >= b ? a : b;
        public static UInt128 Min(UInt128 a, UInt128 b) => a <= b ? a : b;
        public static int LeadingZeroCount(UInt128 value) => Int128Math.LeadingZeros(value);
        public static bool IsPow2(UInt128 value) => value != Zero && (value & (value - One)) == Zero;

        public int CompareTo(UInt128 other) => this < other ? -1 : this > other ? 1 : 0;
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (obj is UInt128 other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt128.");
        }

        public bool Equals(UInt128 other) => this == other;
        public override bool Equals(object obj) => obj is UInt128 other && this == other;
        public override int GetHashCode() => (_lower ^ _upper).GetHashCode();

        public override string ToString() => Int128Math.Format(false, _upper, _lower, null);
        public string ToString(string format) => Int128Math.Format(false, _upper, _lower, format);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public static UInt128 Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static UInt128 Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static UInt128 Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            int status = Int128Math.Parse(s, false, style, out ulong upper, out ulong lower);
            Int128Math.ThrowOnStatus(status, "UInt128");
            return new UInt128(upper, lower);
        }

        public static bool TryParse(string s, out UInt128 result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out UInt128 result)
        {
            result = default;
            if (s == null || Int128Math.Parse(s, false, style, out ulong upper, out ulong lower) != 0) return false;
            result = new UInt128(upper, lower);
            return true;
        }
    }

    public readonly struct Int128 : IComparable, IComparable<Int128>, IEquatable<Int128>, IFormattable
    {
        internal readonly ulong _lower, _upper;

        public Int128(ulong upper, ulong lower)
        {
            _lower = lower;
            _upper = upper;
        }

        private UInt128 Bits => new UInt128(_upper, _lower);
        private static Int128 From(UInt128 bits) => new Int128(bits._upper, bits._lower);

        public static Int128 MinValue => new Int128(0x8000_0000_0000_0000UL, 0);
        public static Int128 MaxValue => new Int128(0x7FFF_FFFF_FFFF_FFFFUL, ulong.MaxValue);
        public static Int128 Zero => default;
        public static Int128 One => new Int128(0, 1);
        public static Int128 NegativeOne => new Int128(ulong.MaxValue, ulong.MaxValue);

        public static implicit operator Int128(sbyte v) => new Int128((ulong)(long)(v >> 7), (ulong)(long)v);
        public static implicit operator Int128(short v) => new Int128((ulong)(long)(v >> 15), (ulong)(long)v);
        public static implicit operator Int128(int v) => new Int128((ulong)(long)(v >> 31), (ulong)(long)v);
        public static implicit operator Int128(long v) => new Int128((ulong)(v >> 63), (ulong)v);
        public static implicit operator Int128(byte v) => new Int128(0, v);
        public static implicit operator Int128(ushort v) => new Int128(0, v);
        public static implicit operator Int128(uint v) => new Int128(0, v);
        public static implicit operator Int128(ulong v) => new Int128(0, v);
        public static implicit operator Int128(char v) => new Int128(0, v);
        public static explicit operator Int128(UInt128 v) => new Int128(v._upper, v._lower);
        public static explicit operator UInt128(Int128 v) => new UInt128(v._upper, v._lower);
        public static explicit operator int(Int128 v) => (int)v._lower;
        public static explicit operator long(Int128 v) => (long)v._lower;
        public static explicit operator uint(Int128 v) => (uint)v._lower;
        public static explicit operator ulong(Int128 v) => v._lower;
        public static explicit operator short(Int128 v) => (short)v._lower;
        public static explicit operator byte(Int128 v) => (byte)v._lower;
        public static explicit operator double(Int128 v)
        {
            if (!IsNegative(v)) return Int128Math.ToDouble(v._upper, v._lower);
            UInt128 magnitude = -v.Bits;
            return -Int128Math.ToDouble(magnitude._upper, magnitude._lower);
        }
        public static explicit operator Int128(double v)
        {
            // Truncates toward zero; NaN gives 0, values past the range MinValue or MaxValue.
            if (double.IsNaN(v)) return default;
            if (v >= 170141183460469231731687303715884105728.0) return MaxValue;
            if (v <= -170141183460469231731687303715884105728.0) return MinValue;
            if (v > -1.0 && v < 1.0) return default;
            UInt128 magnitude = Int128Math.FromPositiveDouble(v < 0 ? -v : v);
            return From(v < 0 ? -magnitude : magnitude);
        }

        public static bool IsNegative(Int128 v) => (long)v._upper < 0;
        public static Int128 Abs(Int128 v)
        {
            if (!IsNegative(v)) return v;
            if (v == MinValue) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return -v;
        }
        public static Int128 Max(Int128 a, Int128 b) => a >= b ? a : b;
        public static Int128 Min(Int128 a, Int128 b) => a <= b ? a : b;
        public static int Sign(Int128 v) => IsNegative(v) ? -1 : v == Zero ? 0 : 1;

        public static Int128 operator +(Int128 a, Int128 b) => From(a.Bits + b.Bits);
        public static Int128 operator -(Int128 a, Int128 b) => From(a.Bits - b.Bits);
        public static Int128 operator *(Int128 a, Int128 b) => From(a.Bits * b.Bits);
        public static Int128 operator -(Int128 a) => From(-a.Bits);
        public static Int128 operator +(Int128 a) => a;
        public static Int128 operator ++(Int128 a) => a + One;
        public static Int128 operator --(Int128 a) => a - One;
        public static Int128 operator ~(Int128 a) => new Int128(~a._upper, ~a._lower);
        public static Int128 operator &(Int128 a, Int128 b) => new Int128(a._upper & b._upper, a._lower & b._lower);
        public static Int128 operator |(Int128 a, Int128 b) => new Int128(a._upper | b._upper, a._lower | b._lower);
        public static Int128 operator ^(Int128 a, Int128 b) => new Int128(a._upper ^ b._upper, a._lower ^ b._lower);
        public static Int128 operator <<(Int128 a, int shift) => From(a.Bits << shift);
        public static Int128 operator >>>(Int128 a, int shift) => From(a.Bits >> shift);

        // Arithmetic shift: the sign fills from the left.
        public static Int128 operator >>(Int128 a, int shift)
        {
            shift &= 127;
            if (shift == 0) return a;
            if (shift >= 64) return new Int128((ulong)((long)a._upper >> 63), (ulong)((long)a._upper >> (shift - 64)));
            return new Int128((ulong)((long)a._upper >> shift), (a._lower >> shift) | (a._upper << (64 - shift)));
        }

        public static Int128 operator /(Int128 a, Int128 b)
        {
            if (b == NegativeOne && a == MinValue) throw new OverflowException("Arithmetic operation resulted in an overflow.");
            UInt128 q = UInt128.DivRem(IsNegative(a) ? -a.Bits : a.Bits, IsNegative(b) ? -b.Bits : b.Bits, out _);
            return From(IsNegative(a) != IsNegative(b) ? -q : q);
        }

        // The remainder has the dividend's sign (truncated division), as for long.
        public static Int128 operator %(Int128 a, Int128 b)
        {
            if (b == NegativeOne && a == MinValue) throw new OverflowException("Arithmetic operation resulted in an overflow.");
            UInt128.DivRem(IsNegative(a) ? -a.Bits : a.Bits, IsNegative(b) ? -b.Bits : b.Bits, out UInt128 r);
            return From(IsNegative(a) ? -r : r);
        }

        public static bool operator ==(Int128 a, Int128 b) => a._lower == b._lower && a._upper == b._upper;
        public static bool operator !=(Int128 a, Int128 b) => !(a == b);
        public static bool operator <(Int128 a, Int128 b) => (long)a._upper < (long)b._upper || (a._upper == b._upper && a._lower < b._lower);
        public static bool operator >(Int128 a, Int128 b) => b < a;
        public static bool operator <=(Int128 a, Int128 b) => !(b < a);
        public static bool operator >=(Int128 a, Int128 b) => !(a < b);

        public int CompareTo(Int128 other) => this < other ? -1 : this > other ? 1 : 0;
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (obj is Int128 other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int128.");
        }

        public bool Equals(Int128 other) => this == other;
        public override bool Equals(object obj) => obj is Int128 other && this == other;
        public override int GetHashCode() => (_lower ^ _upper).GetHashCode();

        public override string ToString() => Int128Math.Format(true, _upper, _lower, null);
        public string ToString(string format) => Int128Math.Format(true, _upper, _lower, format);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public static Int128 Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static Int128 Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static Int128 Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            int status = Int128Math.Parse(s, true, style, out ulong upper, out ulong lower);
            Int128Math.ThrowOnStatus(status, "Int128");
            return new Int128(upper, lower);
        }

        public static bool TryParse(string s, out Int128 result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out Int128 result)
        {
            result = default;
            if (s == null || Int128Math.Parse(s, true, style, out ulong upper, out ulong lower) != 0) return false;
            result = new Int128(upper, lower);
            return true;
        }
    }

    // What Int128 and UInt128 share: counting, the conversions to and from double, text.
    internal static class Int128Math
    {
        public static int LeadingZeros(UInt128 v) =>
            v._upper != 0 ? System.Numerics.BitOperations.LeadingZeroCount(v._upper) : 64 + System.Numerics.BitOperations.LeadingZeroCount(v._lower);

        // Rounded once: the top 64 significant bits with every lower bit folded into the last one
        // (a sticky bit) convert to double exactly as the whole number would, then scale by 2^shift.
        public static double ToDouble(ulong upper, ulong lower)
        {
            if (upper == 0) return lower;
            int lz = System.Numerics.BitOperations.LeadingZeroCount(upper);
            int shift = 64 - lz;
            UInt128 v = new UInt128(upper, lower);
            ulong top = (ulong)(v >> shift);
            ulong rest = shift == 0 ? 0 : (ulong)(v << (128 - shift) >> (128 - shift));
            if (rest != 0) top |= 1;
            return top * Pow2(shift);
        }

        private static double Pow2(int n) => BitConverter.Int64BitsToDouble((long)(1023 + n) << 52);

        // v >= 1 and below 2^128: the integer part, exactly.
        public static UInt128 FromPositiveDouble(double v)
        {
            long bits = BitConverter.DoubleToInt64Bits(v);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1075;
            ulong mantissa = ((ulong)bits & 0xF_FFFF_FFFF_FFFFUL) | (1UL << 52);
            UInt128 m = new UInt128(0, mantissa);
            return exponent >= 0 ? m << exponent : m >> -exponent;
        }

        public static string Format(bool signed, ulong upper, ulong lower, string format)
        {
            char kind = 'D';
            int precision = -1;
            if (!string.IsNullOrEmpty(format))
            {
                kind = format[0];
                if (format.Length > 1)
                {
                    precision = 0;
                    for (int i = 1; i < format.Length; i++)
                    {
                        char c = format[i];
                        if (c < '0' || c > '9' || precision > 99_999) throw new FormatException("Format specifier was invalid.");
                        precision = precision * 10 + (c - '0');
                    }
                }
            }
            var value = new UInt128(upper, lower);
            if (kind == 'X' || kind == 'x')
            {
                // Two's complement digits for a negative Int128, as .NET prints them.
                var hex = new System.Text.StringBuilder();
                string digits = kind == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                do
                {
                    hex.Insert(0, digits[(int)(value._lower & 15)]);
                    value >>= 4;
                } while (value != UInt128.Zero);
                while (hex.Length < precision) hex.Insert(0, '0');
                return hex.ToString();
            }
            if (kind != 'D' && kind != 'd' && kind != 'G' && kind != 'g')
                throw new FormatException("Format specifier was invalid.");
            bool negative = signed && (long)upper < 0;
            if (negative) value = -value;
            var text = new System.Text.StringBuilder();
            UInt128 ten19 = new UInt128(0, 10_000_000_000_000_000_000UL);
            // 19 decimal digits at a time through ulong.
            while (value._upper != 0)
            {
                value = UInt128.DivRem(value, ten19, out UInt128 chunk);
                text.Insert(0, chunk._lower.ToString("D19"));
            }
            text.Insert(0, value._lower.ToString());
            int width = (kind == 'D' || kind == 'd') ? precision : -1;
            while (text.Length < width) text.Insert(0, '0');
            if (negative) text.Insert(0, '-');
            return text.ToString();
        }

        // 0: parsed; 1: not a number (FormatException); 2: out of range (OverflowException).
        public static int Parse(string s, bool signed, NumberStyles style, out ulong upper, out ulong lower)
        {
            upper = lower = 0;
            int i = 0, end = s.Length;
            if ((style & NumberStyles.AllowLeadingWhite) != 0) while (i < end && IsWhite(s[i])) i++;
            if ((style & NumberStyles.AllowTrailingWhite) != 0) while (end > i && IsWhite(s[end - 1])) end--;
            bool negative = false;
            if (i < end && (style & NumberStyles.AllowLeadingSign) != 0 && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }
            if (i >= end) return 1;
            bool hex = (style & NumberStyles.AllowHexSpecifier) != 0;
            UInt128 value = UInt128.Zero;
            bool overflow = false;
            for (; i < end; i++)
            {
                char c = s[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0) return 1;
                if (hex)
                {
                    if (value._upper >> 60 != 0) overflow = true;
                    value = (value << 4) | new UInt128(0, (ulong)digit);
                }
                else
                {
                    UInt128 times10 = value * new UInt128(0, 10);
                    UInt128 next = times10 + new UInt128(0, (ulong)digit);
                    if (value._upper > ulong.MaxValue / 10 || times10 / new UInt128(0, 10) != value || next < times10) overflow = true;
                    value = next;
                }
            }
            if (overflow) return 2;
            if (!hex && signed)
            {
                UInt128 limit = new UInt128(0x8000_0000_0000_0000UL, 0);
                if (negative ? value > limit : value >= limit) return 2;
            }
            if (!hex && !signed && negative && value != UInt128.Zero) return 2;
            if (negative) value = -value;
            upper = value._upper;
            lower = value._lower;
            return 0;
        }

        private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        public static void ThrowOnStatus(int status, string type)
        {
            if (status == 1) throw new FormatException("The input string was not in a correct format.");
            if (status == 2) throw new OverflowException(string.Concat("Value was either too large or too small for ", (type == "Int128" ? "an " : "a "), type, "."));
        }
    }
}
