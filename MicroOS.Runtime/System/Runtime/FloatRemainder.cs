using System.Runtime.CompilerServices;

namespace System.Runtime
{
    // `x % y` on double and float: ILC compiles the `rem` instruction to a call of the C library's
    // fmod / fmodf, which a freestanding image does not have (before these exports the link stopped
    // with "undefined symbol: fmod"). The remainder is exact (IEEE 754 fmod: x - n*y with n = x/y
    // truncated, computed without rounding), so it is done on the integer significands: long
    // division by shift and subtract, one step per power of two between the exponents.
    internal static class FloatRemainder
    {
        private const int DoubleFractionBits = 52, FloatFractionBits = 23;

        [RuntimeExport("fmod")]
        public static double Fmod(double x, double y)
        {
            ulong xb = (ulong)BitConverter.DoubleToInt64Bits(x), yb = (ulong)BitConverter.DoubleToInt64Bits(y);
            ulong sign = xb & 0x8000_0000_0000_0000UL;
            ulong ax = xb & ~0x8000_0000_0000_0000UL, ay = yb & ~0x8000_0000_0000_0000UL;
            const ulong Infinity = 0x7FF0_0000_0000_0000UL;
            if (ax >= Infinity || ay > Infinity || ay == 0)
                return double.NaN;                           // x infinite or NaN, y NaN or zero
            if (ax < ay)
                return x;                                    // also y infinite, x zero
            ulong r = Remainder(ax, ay, DoubleFractionBits, 11);
            return BitConverter.Int64BitsToDouble((long)(sign | r));
        }

        [RuntimeExport("fmodf")]
        public static float Fmodf(float x, float y)
        {
            ulong xb = (uint)BitConverter.SingleToInt32Bits(x), yb = (uint)BitConverter.SingleToInt32Bits(y);
            ulong sign = xb & 0x8000_0000UL;
            ulong ax = xb & 0x7FFF_FFFFUL, ay = yb & 0x7FFF_FFFFUL;
            const ulong Infinity = 0x7F80_0000UL;
            if (ax >= Infinity || ay > Infinity || ay == 0)
                return float.NaN;
            if (ax < ay)
                return x;
            ulong r = Remainder(ax, ay, FloatFractionBits, 8);
            return BitConverter.Int32BitsToSingle((int)(uint)(sign | r));
        }

        // |x| mod |y| for finite magnitudes ax >= ay > 0 (raw bits without the sign), as raw bits.
        private static ulong Remainder(ulong ax, ulong ay, int fractionBits, int exponentBits)
        {
            ulong hidden = 1UL << fractionBits;
            int bias = (1 << (exponentBits - 1)) - 1;
            int ex = Unpack(ax, fractionBits, bias, out ulong mx);
            int ey = Unpack(ay, fractionBits, bias, out ulong my);
            for (; ex > ey; ex--)
            {
                if (mx >= my)
                    mx -= my;
                mx <<= 1;                                    // mx < 2 * my < 2^(fractionBits + 2): no overflow
            }
            if (mx >= my)
                mx -= my;
            if (mx == 0)
                return 0;
            while (mx < hidden)
            {
                mx <<= 1;
                ey--;
            }
            // mx * 2^ey with mx in [2^f, 2^(f+1)): the biased exponent is ey + f + bias.
            int biased = ey + fractionBits + bias;
            if (biased >= 1)
                return ((ulong)biased << fractionBits) | (mx & (hidden - 1));
            return mx >> (1 - biased);                       // subnormal: exact, the result is a multiple of y's last bit
        }

        // Significand (with the hidden bit, normalised for subnormals) and exponent: value = m * 2^e.
        private static int Unpack(ulong bits, int fractionBits, int bias, out ulong m)
        {
            ulong hidden = 1UL << fractionBits;
            int exponent = (int)(bits >> fractionBits);
            if (exponent != 0)
            {
                m = (bits & (hidden - 1)) | hidden;
                return exponent - bias - fractionBits;
            }
            m = bits;
            int e = 1 - bias - fractionBits;
            while (m < hidden)
            {
                m <<= 1;
                e--;
            }
            return e;
        }
    }
}
