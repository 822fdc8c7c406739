namespace System
{
    // Math with .NET's results: Round is banker's rounding (to even) unless told otherwise, Abs of the
    // most negative integer throws OverflowException, Min/Max propagate NaN and order -0 below +0.
    public static partial class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        public static int Max(int a, int b) => a > b ? a : b;
        public static int Min(int a, int b) => a < b ? a : b;
        public static uint Max(uint a, uint b) => a > b ? a : b;
        public static uint Min(uint a, uint b) => a < b ? a : b;
        public static long Max(long a, long b) => a > b ? a : b;
        public static long Min(long a, long b) => a < b ? a : b;
        public static ulong Max(ulong a, ulong b) => a > b ? a : b;
        public static ulong Min(ulong a, ulong b) => a < b ? a : b;
        public static short Max(short a, short b) => a > b ? a : b;
        public static short Min(short a, short b) => a < b ? a : b;
        public static byte Max(byte a, byte b) => a > b ? a : b;
        public static byte Min(byte a, byte b) => a < b ? a : b;

        public static double Max(double a, double b)
        {
            if (a != b) return double.IsNaN(a) ? a : b < a ? a : b;
            return double.IsNegative(b) ? a : b;
        }

        public static double Min(double a, double b)
        {
            if (a != b) return double.IsNaN(a) ? a : a < b ? a : b;
            return double.IsNegative(a) ? a : b;
        }

        public static float Max(float a, float b) => (float)Max((double)a, b);
        public static float Min(float a, float b) => (float)Min((double)a, b);

        public static int Abs(int a) => a >= 0 ? a : a == int.MinValue ? throw new OverflowException() : -a;
        public static long Abs(long a) => a >= 0 ? a : a == long.MinValue ? throw new OverflowException() : -a;
        public static short Abs(short a) => a >= 0 ? a : a == short.MinValue ? throw new OverflowException() : (short)-a;
        public static sbyte Abs(sbyte a) => a >= 0 ? a : a == sbyte.MinValue ? throw new OverflowException() : (sbyte)-a;
        public static unsafe double Abs(double a) { ulong b = *(ulong*)&a & 0x7FFFFFFFFFFFFFFFUL; return *(double*)&b; }
        public static float Abs(float a) => (float)Abs((double)a);

        public static int Sign(int v) => v < 0 ? -1 : v > 0 ? 1 : 0;
        public static int Sign(long v) => v < 0 ? -1 : v > 0 ? 1 : 0;
        public static int Sign(double v) => double.IsNaN(v) ? throw new ArithmeticException("Function does not accept floating point Not-a-Number values.") : v < 0 ? -1 : v > 0 ? 1 : 0;

        public static int Clamp(int v, int min, int max) => min > max ? throw new ArgumentException("min > max") : v < min ? min : v > max ? max : v;
        public static long Clamp(long v, long min, long max) => min > max ? throw new ArgumentException("min > max") : v < min ? min : v > max ? max : v;
        public static uint Clamp(uint v, uint min, uint max) => min > max ? throw new ArgumentException("min > max") : v < min ? min : v > max ? max : v;
        public static ulong Clamp(ulong v, ulong min, ulong max) => min > max ? throw new ArgumentException("min > max") : v < min ? min : v > max ? max : v;
        public static double Clamp(double v, double min, double max) => min > max ? throw new ArgumentException("min > max") : v < min ? min : v > max ? max : v;

        public static int DivRem(int a, int b, out int result) { int q = a / b; result = a - q * b; return q; }
        public static long DivRem(long a, long b, out long result) { long q = a / b; result = a - q * b; return q; }
        public static (int Quotient, int Remainder) DivRem(int left, int right) { int q = left / right; return (q, left - q * right); }
        public static (long Quotient, long Remainder) DivRem(long left, long right) { long q = left / right; return (q, left - q * right); }
        public static long BigMul(int a, int b) => (long)a * b;

        [System.Runtime.CompilerServices.Intrinsic]
        public static double Sqrt(double d) => SqrtCore(d);

        // Newton's iteration to the correctly rounded root (the last step is checked in both directions).
        private static double SqrtCore(double d)
        {
            if (double.IsNaN(d) || d < 0) return double.NaN;
            if (d == 0 || double.IsInfinity(d)) return d;
            int scale = 0;
            while (d < 1e-200) { d *= 1e200; scale -= 100; }
            double x = d > 1 ? d / 2 : 1;
            for (int i = 0; i < 2000; i++)
            {
                double next = 0.5 * (x + d / x);
                if (next == x) break;
                x = next;
            }
            for (int i = 0; i < 4; i++)
            {
                double up = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + 1);
                double down = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) - 1);
                if (Abs(up * up - d) < Abs(x * x - d)) x = up;
                else if (Abs(down * down - d) < Abs(x * x - d)) x = down;
            }
            return scale == 0 ? x : x * Pow10(scale);
        }

        private static double Pow10(int e)
        {
            double r = 1;
            for (int i = 0; i < (e < 0 ? -e : e); i++) r *= 10;
            return e < 0 ? 1 / r : r;
        }

        public static double Floor(double d)
        {
            double t = Truncate(d);
            return t > d ? t - 1 : t;
        }

        public static double Ceiling(double d)
        {
            double t = Truncate(d);
            if (t < d) return t + 1;
            return t == 0 && double.IsNegative(d) ? -0.0 : t;
        }

        public static double Truncate(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d) || Abs(d) >= 4503599627370496.0) return d;
            double t = (double)(long)d;
            return t == 0 && double.IsNegative(d) ? -0.0 : t;
        }

        public static double Round(double a)
        {
            if (Abs(a) >= 4503599627370496.0 || double.IsNaN(a)) return a;
            double floor = Floor(a);
            double diff = a - floor;
            double r;
            if (diff > 0.5) r = floor + 1;
            else if (diff < 0.5) r = floor;
            else r = (floor / 2) == Floor(floor / 2) ? floor : floor + 1;
            return r == 0 && double.IsNegative(a) ? -0.0 : r;
        }

        public static double Round(double a, MidpointRounding mode)
        {
            if (mode == MidpointRounding.ToEven) return Round(a);
            if (mode == MidpointRounding.AwayFromZero)
            {
                if (Abs(a) >= 4503599627370496.0 || double.IsNaN(a)) return a;
                double t = Truncate(a);
                if (Abs(a - t) >= 0.5) t += a < 0 ? -1 : 1;
                return t == 0 && double.IsNegative(a) ? -0.0 : t;
            }
            if (mode == MidpointRounding.ToZero) return Truncate(a);
            return mode == MidpointRounding.ToNegativeInfinity ? Floor(a) : Ceiling(a);
        }

        public static double Round(double value, int digits)
        {
            if ((uint)digits > 15) throw new ArgumentOutOfRangeException("digits");
            if (Abs(value) >= 1e16) return value;
            double power10 = Pow10(digits);
            return Round(value * power10) / power10;
        }

        public static double Pow(double x, double y)
        {
            if (y == 0) return 1;
            if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
            if (y == (long)y && Abs(y) <= 2048)
            {
                int n = (int)y;
                if (x == 0 || double.IsInfinity(x))
                {
                    // 0^n and inf^n: only the sign and the direction matter
                    bool odd = (n & 1) != 0;
                    bool big = double.IsInfinity(x) == (n > 0);
                    double magnitude = big ? double.PositiveInfinity : 0.0;
                    return odd && double.IsNegative(x) ? -magnitude : magnitude;
                }
                if (x == 1) return 1;
                return Number.PowInteger(x, n);
            }
            if (y == 0.5 && x >= 0) return x == 0 ? 0.0 : Sqrt(x);
            // Non-integer powers (and huge integer ones) need a correctly rounded exp/log, which MicroOS does not have yet.
            throw new NotSupportedException("Math.Pow with a non-integer exponent (other than 0.5) or one beyond 2048 is not supported on MicroOS.");
        }

        // ILC's helpers for checked conversions from floating point.
        internal static int ConvertToInt32Checked(double v) => v > -2147483649.0 && v < 2147483648.0 ? (int)v : throw new OverflowException();
        internal static uint ConvertToUInt32Checked(double v) => v > -1.0 && v < 4294967296.0 ? (uint)v : throw new OverflowException();
        internal static long ConvertToInt64Checked(double v) => v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? (long)v : throw new OverflowException();
        internal static ulong ConvertToUInt64Checked(double v) => v > -1.0 && v < 18446744073709551616.0 ? (ulong)v : throw new OverflowException();
    }
}
