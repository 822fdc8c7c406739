namespace System
{
    // double and float <-> decimal text, exactly: the shortest round-trip digits (Steele & White /
    // Dragon4 free-format with exact big-integer arithmetic and IEEE round-half-even boundaries, the
    // digits .NET Core 3.0+ prints), the exact expansion for fixed-precision formats, and correctly
    // rounded parsing. Exact arithmetic is slower than Ryu or Grisu but needs no tables, so it adds
    // little to every server image.
    internal static partial class Number
    {
        private const ulong DoubleNaNBits = 0xFFF8000000000000UL;
        private const uint SingleNaNBits = 0xFFC00000u;

        public static string FormatDouble(double value, string format) =>
            FormatFloating((ulong)BitConverter.DoubleToInt64Bits(value), 52, 11, format, 17);

        public static string FormatSingle(float value, string format) =>
            FormatFloating((uint)BitConverter.SingleToInt32Bits(value), 23, 8, format, 9);

        private static string FormatFloating(ulong bits, int mantissaBits, int exponentBits, string format, int roundTripDigits)
        {
            char fmt = ParseFormat(format, out int precision);
            bool negative = (bits >> (mantissaBits + exponentBits)) != 0;
            int maxExp = (1 << exponentBits) - 1;
            int biased = (int)(bits >> mantissaBits) & maxExp;
            ulong fraction = bits & ((1UL << mantissaBits) - 1);
            if (biased == maxExp)
                return fraction != 0 ? "NaN" : negative ? "-Infinity" : "Infinity";

            ulong mantissa = biased == 0 ? fraction : fraction | 1UL << mantissaBits;
            int bias = (1 << (exponentBits - 1)) - 1;
            int exponent = (biased == 0 ? 1 : biased) - bias - mantissaBits;
            var number = new Buffer { Negative = negative, Float = true, Digits = "" };

            bool shortest = fmt == 'R' || fmt == 'r' || ((fmt == 'G' || fmt == 'g') && precision <= 0);
            if (fmt == 'R' || fmt == 'r') fmt = 'G';
            if (mantissa != 0)
            {
                if (shortest)
                    ShortestDigits(mantissa, exponent, biased > 1 && fraction == 0, ref number);
                else
                    ExactDigits(mantissa, exponent, ref number);
            }
            if (shortest)
                precision = -1;
            int gDigits = number.Digits.Length > roundTripDigits ? number.Digits.Length : roundTripDigits;
            return FormatBuffer(ref number, fmt, precision, gDigits);
        }

        // value = mantissa * 2^exponent, written out exactly in decimal.
        private static void ExactDigits(ulong mantissa, int exponent, ref Buffer number)
        {
            var big = new BigNum(mantissa);
            int scaleShift = 0;
            if (exponent >= 0)
                big.ShiftLeft(exponent);
            else
            {
                big.MulPow5(-exponent);   // m * 2^e = m * 5^-e * 10^e
                scaleShift = exponent;
            }
            string digits = big.ToDecimalString();
            number.Scale = digits.Length + scaleShift;
            number.Digits = TrimZeros(digits);
        }

        // Free-format shortest digits: generate until the digits uniquely identify the value within
        // its rounding interval (boundaries included when the mantissa is even, as IEEE round-half-even
        // parsing would map them back), then round the last digit to the nearest.
        private static void ShortestDigits(ulong mantissa, int exponent, bool unequalMargins, ref Buffer number)
        {
            bool even = (mantissa & 1) == 0;
            BigNum r, s, mPlus, mMinus;
            if (exponent >= 0)
            {
                r = new BigNum(mantissa);
                r.ShiftLeft(exponent + (unequalMargins ? 2 : 1));
                s = new BigNum(unequalMargins ? 4UL : 2UL);
                mPlus = new BigNum(1);
                mPlus.ShiftLeft(exponent + (unequalMargins ? 1 : 0));
                mMinus = new BigNum(1);
                mMinus.ShiftLeft(exponent);
            }
            else
            {
                r = new BigNum(mantissa);
                r.ShiftLeft(unequalMargins ? 2 : 1);
                s = new BigNum(1);
                s.ShiftLeft(-exponent + (unequalMargins ? 2 : 1));
                mPlus = new BigNum(unequalMargins ? 2UL : 1UL);
                mMinus = new BigNum(1);
            }

            // k: the decimal exponent, first estimated from the binary one, then corrected.
            int bitLength = 64 - System.Numerics.BitOperations.LeadingZeroCount(mantissa) + exponent;   // value < 2^bitLength
            int k = (int)Math.Ceiling((bitLength - 1) * 0.30102999566398114 - 1e-9);
            if (k >= 0) s.MulPow10(k);
            else { r.MulPow10(-k); mPlus.MulPow10(-k); mMinus.MulPow10(-k); }
            while (true)
            {
                int c = BigNum.CompareSum(r, mPlus, s);
                if (even ? c >= 0 : c > 0) { s.MulSmall(10); k++; }
                else break;
            }
            while (true)
            {
                BigNum r10 = r.Clone(); r10.MulSmall(10);
                BigNum p10 = mPlus.Clone(); p10.MulSmall(10);
                int c = BigNum.CompareSum(r10, p10, s);
                if (even ? c < 0 : c <= 0) { r = r10; mPlus = p10; mMinus.MulSmall(10); k--; }
                else break;
            }

            char[] digits = new char[32];
            int count = 0;
            while (true)
            {
                r.MulSmall(10);
                mPlus.MulSmall(10);
                mMinus.MulSmall(10);
                uint d = r.DivSmallQuotient(s);
                int cl = BigNum.Compare(r, mMinus);
                int ch = BigNum.CompareSum(r, mPlus, s);
                bool low = even ? cl <= 0 : cl < 0;
                bool high = even ? ch >= 0 : ch > 0;
                if (!low && !high)
                {
                    digits[count++] = (char)('0' + d);
                    continue;
                }
                if (low && high)
                {
                    BigNum twice = r.Clone();
                    twice.ShiftLeft(1);
                    int half = BigNum.Compare(twice, s);
                    if (half > 0 || (half == 0 && (d & 1) == 1)) d++;
                }
                else if (high)
                    d++;
                digits[count++] = (char)('0' + d);
                break;
            }
            // A last digit rounded up to 10 carries into the digits before it.
            int last = count - 1;
            while (last > 0 && digits[last] > '9') { digits[last] = '0'; digits[last - 1]++; last--; }
            if (digits[0] > '9') { digits[0] = '1'; k++; count = 1; }
            number.Scale = k;
            number.Digits = TrimZeros(new string(digits, 0, count));
        }

        // ---- parsing ----

        private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static bool MatchesIgnoreCase(string s, int start, int end, string word)
        {
            if (end - start != word.Length) return false;
            for (int i = 0; i < word.Length; i++)
            {
                char a = s[start + i], b = word[i];
                if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
                if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
                if (a != b) return false;
            }
            return true;
        }

        // NumberStyles.Float | AllowThousands, invariant culture: [ws][sign]digits[,digits][.digits][e[sign]digits][ws],
        // or Infinity / NaN (any case, optionally signed).
        public static bool TryParseFloating(string s, bool isSingle, out ulong bits)
        {
            bits = 0;
            if (s == null) return false;
            int start = 0, end = s.Length;
            while (start < end && IsWhite(s[start])) start++;
            while (end > start && IsWhite(s[end - 1])) end--;
            if (start == end) return false;
            int i = start;
            bool negative = false;
            if (s[i] == '-' || s[i] == '+') { negative = s[i] == '-'; i++; }
            if (MatchesIgnoreCase(s, i, end, "Infinity") || s.Length > 0 && i + 1 == end && s[i] == '\u221E')
            {
                bits = isSingle ? (negative ? 0xFF800000u : 0x7F800000u) : (negative ? 0xFFF0000000000000UL : 0x7FF0000000000000UL);
                return true;
            }
            if (MatchesIgnoreCase(s, i, end, "NaN"))
            {
                bits = isSingle ? SingleNaNBits : DoubleNaNBits;
                return true;
            }

            const int MaxDigits = 800;
            char[] digits = new char[MaxDigits + 1];
            int count = 0, decimalExponent = 0;
            bool anyDigit = false, truncatedNonZero = false;
            while (i < end && ((s[i] >= '0' && s[i] <= '9') || (s[i] == ',' && anyDigit)))
            {
                char c = s[i++];
                if (c == ',') continue;
                anyDigit = true;
                if (count == 0 && c == '0') continue;
                if (count < MaxDigits) digits[count++] = c;
                else { decimalExponent++; if (c != '0') truncatedNonZero = true; }
            }
            if (i < end && s[i] == '.')
            {
                i++;
                while (i < end && s[i] >= '0' && s[i] <= '9')
                {
                    char c = s[i++];
                    anyDigit = true;
                    if (count == 0 && c == '0') { decimalExponent--; continue; }
                    if (count < MaxDigits) { digits[count++] = c; decimalExponent--; }
                    else if (c != '0') truncatedNonZero = true;
                }
            }
            if (!anyDigit) return false;
            if (i < end && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                bool expNegative = false;
                if (i < end && (s[i] == '-' || s[i] == '+')) { expNegative = s[i] == '-'; i++; }
                if (i >= end || s[i] < '0' || s[i] > '9') return false;
                int e = 0;
                while (i < end && s[i] >= '0' && s[i] <= '9')
                {
                    if (e < 100000) e = e * 10 + (s[i] - '0');
                    i++;
                }
                decimalExponent += expNegative ? -e : e;
            }
            if (i != end) return false;
            if (truncatedNonZero) digits[count++] = '1';   // a sticky digit far below the rounding position

            ulong sign = negative ? 1UL : 0UL;
            int mantissaBits = isSingle ? 23 : 52, exponentBits = isSingle ? 8 : 11;
            ulong signBit = sign << (mantissaBits + exponentBits);
            if (count == 0) { bits = signBit; return true; }
            if (count + decimalExponent > 330) { bits = signBit | ((1UL << exponentBits) - 1) << mantissaBits; return true; }
            if (count + decimalExponent < -330) { bits = signBit; return true; }

            var big = new BigNum();
            for (int d = 0; d < count; d++)
            {
                big.MulSmall(10);
                big.AddSmall((uint)(digits[d] - '0'));
            }
            ulong top;
            int binaryExponent;
            bool sticky;
            if (decimalExponent >= 0)
            {
                big.MulPow10(decimalExponent);
                top = big.Top64(out binaryExponent, out sticky);
            }
            else
            {
                var divisor = new BigNum(1);
                divisor.MulPow10(-decimalExponent);
                top = Divide(big, divisor, out binaryExponent, out sticky);
            }
            bits = signBit | RoundToBinary(top, binaryExponent, sticky, mantissaBits, exponentBits);
            return true;
        }

        // num / den as (top + fraction) * 2^binaryExponent with top holding 64 significant bits and
        // sticky telling whether the fraction is nonzero. num and den are consumed.
        private static ulong Divide(BigNum num, BigNum den, out int binaryExponent, out bool sticky)
        {
            int shift = 64 + den.BitLength - num.BitLength;
            if (shift > 0) num.ShiftLeft(shift);
            else den.ShiftLeft(-shift);
            // quotient < 2^65: long division, one bit at a time
            den.ShiftLeft(65);
            ulong top = 0, overflowBit = 0;
            for (int b = 0; b < 65; b++)
            {
                den.ShiftRight1();
                overflowBit = overflowBit << 1 | top >> 63;
                top <<= 1;
                if (BigNum.Compare(num, den) >= 0) { num.Sub(den); top |= 1; }
            }
            binaryExponent = -shift;
            sticky = !num.IsZero;
            if (overflowBit != 0)
            {
                sticky |= (top & 1) != 0;
                top = top >> 1 | 1UL << 63;
                binaryExponent++;
            }
            return top;
        }

        // x^n for an integer n, computed exactly and rounded once (as a correctly rounded pow would).
        internal static double PowInteger(double x, int n)
        {
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(x);
            bool negative = (bits >> 63) != 0 && (n & 1) != 0;
            int biased = (int)(bits >> 52) & 0x7FF;
            ulong fraction = bits & 0xFFFFFFFFFFFFFUL;
            ulong mantissa = biased == 0 ? fraction : fraction | 1UL << 52;
            int exponent = (biased == 0 ? 1 : biased) - 1075;
            while (mantissa != 0 && (mantissa & 1) == 0) { mantissa >>= 1; exponent++; }
            var power = new BigNum(1);
            int count = n < 0 ? -n : n;
            for (int i = 0; i < count; i++)
            {
                BigNum high = power.Clone();
                high.MulSmall((uint)(mantissa >> 32));
                high.ShiftLeft(32);
                power.MulSmall((uint)mantissa);
                power.Add(high);
            }
            long binaryExponent = (long)exponent * n;
            ulong top;
            int shift;
            bool sticky;
            if (n >= 0)
                top = power.Top64(out shift, out sticky);
            else
            {
                top = Divide(new BigNum(1), power, out shift, out sticky);
            }
            long e = binaryExponent + shift;
            ulong result = e > 5000 ? 0x7FF0000000000000UL : e < -5000 ? 0 : RoundToBinary(top, (int)e, sticky, 52, 11);
            if (negative) result |= 1UL << 63;
            return BitConverter.Int64BitsToDouble((long)result);
        }

        // (top + fraction) * 2^binaryExponent, fraction in [0, 1) nonzero when sticky, rounded half to even.
        private static ulong RoundToBinary(ulong top, int binaryExponent, bool sticky, int mantissaBits, int exponentBits)
        {
            if (top == 0) return 0;
            int lz = System.Numerics.BitOperations.LeadingZeroCount(top);
            top <<= lz;
            binaryExponent -= lz;
            int bias = (1 << (exponentBits - 1)) - 1;
            int leading = 63 + binaryExponent;              // exponent of the leading bit
            int keep = mantissaBits + 1;
            int minNormal = 1 - bias;
            if (leading < minNormal) keep -= minNormal - leading;
            ulong infinity = ((1UL << exponentBits) - 1) << mantissaBits;
            if (leading > bias) return infinity;
            int drop = 64 - keep;
            ulong m;
            bool up;
            if (drop >= 65) { m = 0; up = false; }
            else if (drop == 64)
            {
                m = 0;
                up = top > 1UL << 63 || (top == 1UL << 63 && sticky);
            }
            else
            {
                m = top >> drop;
                ulong rem = top & ((1UL << drop) - 1);
                ulong half = 1UL << (drop - 1);
                up = rem > half || (rem == half && (sticky || (m & 1) == 1));
            }
            if (up) m++;
            ulong result;
            if (leading >= minNormal)
                result = ((ulong)(leading + bias - 1) << mantissaBits) + m;
            else
                result = m;
            return result >= infinity ? infinity : result;
        }
    }
}
