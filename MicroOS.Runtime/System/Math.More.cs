namespace System
{
    // 128-bit products and a correctly rounded (to within the last bit's tie cases) base-2 logarithm.
    public static partial class Math
    {
        public static ulong BigMul(uint a, uint b) => (ulong)a * b;

        // The high 64 bits of a * b; the low ones in `low`.
        public static ulong BigMul(ulong a, ulong b, out ulong low)
        {
            ulong al = (uint)a, ah = a >> 32, bl = (uint)b, bh = b >> 32;
            ulong mull = al * bl;
            ulong t = ah * bl + (mull >> 32);
            ulong tl = al * bh + (uint)t;
            low = tl << 32 | (uint)mull;
            return ah * bh + (t >> 32) + (tl >> 32);
        }

        public static long BigMul(long a, long b, out long low)
        {
            ulong high = BigMul((ulong)a, (ulong)b, out ulong ulow);
            low = (long)ulow;
            return (long)high - ((a >> 63) & b) - ((b >> 63) & a);
        }

        private const double Log2EHigh = 1.4426950408889634, Log2ELow = 2.0355273740931033e-17;

        // log2(x) = e + log2(m), x = m * 2^e with m in (sqrt(1/2), sqrt(2)]; ln(m) = 2 atanh(s),
        // s = (m - 1) / (m + 1), summed in double-double (about 32 digits) and rounded once.
        public static double Log2(double x)
        {
            if (double.IsNaN(x) || x < 0) return double.NaN;
            if (x == 0) return double.NegativeInfinity;
            if (double.IsPositiveInfinity(x)) return x;
            long bits = BitConverter.DoubleToInt64Bits(x);
            int biased = (int)(bits >> 52 & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            int exponent;
            if (biased == 0)
            {
                int shift = System.Numerics.BitOperations.LeadingZeroCount((ulong)mantissa) - 11;
                mantissa = (mantissa << shift) & 0xFFFFFFFFFFFFFL;
                exponent = -1022 - shift;
            }
            else
            {
                exponent = biased - 1023;
            }
            if (mantissa == 0)
                return exponent;
            double m = BitConverter.Int64BitsToDouble(mantissa | 0x3FF0000000000000L);
            if (m > 1.4142135623730951)
            {
                m *= 0.5;
                exponent++;
            }
            // s = (m - 1) / (m + 1): m - 1 is exact, m + 1 is a double-double.
            double num = m - 1;
            double dh = TwoSum(m, 1.0, out double dl);
            double q1 = num / dh;
            double p = TwoProd(q1, dh, out double pe);
            double r = ((num - p) - pe) - q1 * dl;
            double sh = FastTwoSum(q1, r / dh, out double sl);
            // s^3 / 3 in double-double.
            double t2h = MulDD(sh, sl, sh, sl, out double t2l);
            double s3h = MulDD(sh, sl, t2h, t2l, out double s3l);
            double c1 = s3h / 3;
            double c1p = TwoProd(c1, 3, out double c1e);
            double c1r = ((s3h - c1p) - c1e + s3l) / 3;
            // The rest, s^5/5 + s^7/7 + ..., in plain doubles: it is below 6e-5 of the total.
            double z = sh * sh;
            double rest = 0;
            for (int k = 41; k >= 5; k -= 2)
                rest = rest * z + 1.0 / k;
            rest *= sh * z * z;
            // atanh(s) = s + s^3/3 + rest, then ln = 2 atanh, log2 = ln * log2(e).
            double ah = TwoSum(sh, c1, out double ae);
            double al = ae + sl + c1r + rest;
            ah = FastTwoSum(ah, al, out al);
            ah *= 2;
            al *= 2;
            double lh = MulDD(ah, al, Log2EHigh, Log2ELow, out double ll);
            double hi = TwoSum(exponent, lh, out double lo);
            return hi + (lo + ll);
        }

        private static double TwoSum(double a, double b, out double error)
        {
            double s = a + b;
            double bb = s - a;
            error = (a - (s - bb)) + (b - bb);
            return s;
        }

        private static double FastTwoSum(double a, double b, out double error)
        {
            double s = a + b;
            error = b - (s - a);
            return s;
        }

        private static void Split(double a, out double high, out double low)
        {
            double t = 134217729.0 * a;
            high = t - (t - a);
            low = a - high;
        }

        private static double TwoProd(double a, double b, out double error)
        {
            double p = a * b;
            Split(a, out double ah, out double al);
            Split(b, out double bh, out double bl);
            error = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
            return p;
        }

        private static double MulDD(double ah, double al, double bh, double bl, out double low)
        {
            double p = TwoProd(ah, bh, out double e);
            e += ah * bl + al * bh;
            return FastTwoSum(p, e, out low);
        }
    }
}
