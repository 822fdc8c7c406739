using System;
using System.Buffers.Binary;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // Math, BitConverter, BinaryPrimitives, checked/unchecked integer arithmetic.
    internal static class MathChecks
    {
        public static void Run()
        {
            C("math.abs", Math.Abs(O(-5)) + " " + Math.Abs(O(-5L)) + " " + Math.Abs(O(-2.5)) + " " + Math.Abs(O((short)-3)) + " " + Math.Abs(O(-0.0)));
            // Math.Min(0.0, -0.0) is left out: .NET itself answers -0 or 0 depending on JIT optimisation.
            C("math.minmax", Math.Min(O(3), 7) + " " + Math.Max(O(3), 7) + " " + Math.Min(O(1.5), -2.0) + " " + Math.Max(O(2u), 9u) + " " + Math.Max(O(double.NaN), 1.0));
            C("math.clamp", Math.Clamp(O(15), 0, 10) + " " + Math.Clamp(O(-5), 0, 10) + " " + Math.Clamp(O(5L), 0, 10) + " " + Math.Clamp(O(2.5), 0.0, 1.0));
            // `%` on double and float (IEEE fmod: exact, the sign of the dividend).
            C("double.remainder", (O(7.5) % 2) + " " + (O(-7.5) % 2) + " " + (O(7.5) % -2) + " " + (O(5.0) % 0.0) + " " + (O(double.PositiveInfinity) % 3) + " " + (O(3.0) % double.NegativeInfinity)
                + " " + (O(-0.0) % 1) + " " + (O(1e300) % 3.0) + " " + (O(0.1) % 0.01).ToString("R") + " " + (O(double.MaxValue) % double.Epsilon) + " " + (O(5e-324) % 3e-324) + " " + (O(360.0 * 7 + 12.5) % 360));
            C("float.remainder", (O(7.5f) % 2f) + " " + (O(-7.5f) % 2f) + " " + (O(1e30f) % 7f) + " " + (O(0.1f) % 0.03f).ToString("R") + " " + (O(float.NaN) % 1f) + " " + (O(-0f) % 2f) + " " + (O(1f) % float.Epsilon));
            for (int i = 0; i < 40; i++)
            {
                double x = BitConverter.Int64BitsToDouble((long)Next()), y = BitConverter.Int64BitsToDouble((long)Next());
                double near = (NextInt(100000) - 50000) / 64.0, by = (NextInt(1000) + 1) / 16.0;
                float fx = BitConverter.Int32BitsToSingle((int)Next()), fy = BitConverter.Int32BitsToSingle((int)Next());
                C($"remainder#{i}", (x % y).ToString("R") + " " + (near % by).ToString("R") + " " + (fx % fy).ToString("R") + " " + ((float)near % (float)by).ToString("R"));
            }
            C("math.sqrt", Math.Sqrt(O(2.0)) + " " + Math.Sqrt(O(16.0)) + " " + Math.Sqrt(O(-1.0)) + " " + Math.Sqrt(O(1e-300)));
            C("math.pow", Math.Pow(O(2.0), 10) + " " + Math.Pow(O(2.0), -2) + " " + Math.Pow(O(10.0), 15) + " " + Math.Pow(O(0.0), 0) + " " + Math.Pow(O(-8.0), 3));
            // Pow with results a double holds exactly: .NET calls the C library's pow, which is within
            // one ulp but not always correctly rounded (and can depend on the CPU); MicroOS rounds the
            // exact power once, so inexact results may differ from .NET's in the last digit.
            for (int i = 0; i < 40; i++)
            {
                double x = (NextInt(40) + 1) / 4.0 * (NextInt(4) == 0 ? -1 : 1);
                int n = NextInt(9);
                double p2 = NextInt(2) == 0 ? 0.5 : 2.0;
                int m = NextInt(2000) - 1000;
                C($"math.pow.exact#{i}", Math.Pow(x, n).ToString("R") + " " + Math.Pow(p2, m).ToString("R"));
            }
            C("math.pow.edges", Math.Pow(O(0.0), -1) + " " + Math.Pow(O(-0.0), -3) + " " + Math.Pow(O(-0.0), 2) + " " + Math.Pow(O(double.PositiveInfinity), -2) + " " + Math.Pow(O(double.NegativeInfinity), 3) + " " + Math.Pow(O(1e300), 2) + " " + Math.Pow(O(1e-300), 3) + " " + Math.Pow(O(1.0), 2000) + " " + Math.Pow(O(-0.0), 0.5) + " " + Math.Pow(O(2.0), 1023) + " " + Math.Pow(O(2.0), -1074));
            double[] sq = { 0.5, 3, 1e10, 12345.678, 1e-310, 7 };
            for (int i = 0; i < sq.Length; i++)
                C($"math.sqrt#{i}", Math.Sqrt(O(sq[i])).ToString("R") + " " + Math.Pow(O(sq[i]), 0.5).ToString("R"));
            double[] rounds = { 0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5000001, -2.7, 3.0, 1e16, -0.0, 0.49999999999999994 };
            for (int i = 0; i < rounds.Length; i++)
            {
                double x = O(rounds[i]);
                C($"math.round#{i}", Math.Round(x) + " " + Math.Floor(x) + " " + Math.Ceiling(x) + " " + Math.Truncate(x) + " " + Math.Round(x, MidpointRounding.AwayFromZero));
            }
            C("math.round.digits", Math.Round(O(1.2345), 2) + " " + Math.Round(O(2.675), 2) + " " + Math.Round(O(-1.005), 2) + " " + Math.Round(O(123.456), 0));
            C("math.divrem", Math.DivRem(O(17), 5, out int rem) + " " + rem + " " + Math.DivRem(O(-17), 5, out int rem2) + " " + rem2 + " " + Math.DivRem(O(17L), 5L, out long rem3) + rem3 + " " + Math.DivRem(O(7), 2));
            C("math.sign", Math.Sign(O(-3)) + " " + Math.Sign(O(0.0)) + " " + Math.Sign(O(2L)));
            C("math.consts", Math.PI + " " + Math.E);
            C("math.bigmul", Math.BigMul(O(int.MaxValue), int.MaxValue));
            C("math.maxmagnitude", Math.Max(O(byte.MaxValue), (byte)3) + " " + Math.Min(O(long.MinValue), 0));
            C("int.ops", (O(7) / 2) + " " + (O(-7) / 2) + " " + (O(-7) % 3) + " " + (O(1) << 33) + " " + (O(-16) >> 2) + " " + (O(-16) >>> 28) + " " + unchecked(O(int.MaxValue) + 1));
            C("long.ops", (O(long.MaxValue) / 3) + " " + (O(-9L) % 4) + " " + (O(1L) << 63) + " " + (O(ulong.MaxValue) / 10));
            C("int.bitops", System.Numerics.BitOperations.PopCount(O(255u)) + " " + System.Numerics.BitOperations.LeadingZeroCount(O(1u)) + " " + System.Numerics.BitOperations.TrailingZeroCount(O(8)) + " " + System.Numerics.BitOperations.Log2(O(1000u)) + " " + System.Numerics.BitOperations.RotateLeft(O(1u), 33));
            C("int.minmax.consts", int.MaxValue + " " + int.MinValue + " " + long.MaxValue + " " + uint.MaxValue + " " + short.MinValue + " " + byte.MaxValue);
            C("conv.double", (int)O(2.9) + " " + (int)O(-2.9) + " " + (long)O(1e18) + " " + (double)O(long.MaxValue) + " " + (float)O(0.1) + " " + (double)O(0.1f) + " " + (uint)O(3.7));
            C("conv.checked", checked((int)O(100L)) + " " + checked((byte)O(200)));

            C("bitconverter.int", Collections.Show(BitConverter.GetBytes(O(0x12345678))) + " " + Collections.Show(BitConverter.GetBytes(O((short)-2))) + " " + Collections.Show(BitConverter.GetBytes(O(1L << 40))));
            C("bitconverter.double", Collections.Show(BitConverter.GetBytes(O(1.5))) + " " + BitConverter.DoubleToInt64Bits(O(-2.0)).ToString("X") + " " + BitConverter.Int64BitsToDouble(O(0x4010000000000000L)));
            C("bitconverter.single", BitConverter.SingleToInt32Bits(O(1.0f)).ToString("X") + " " + BitConverter.Int32BitsToSingle(O(0x40490FDB)));
            byte[] raw = O(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
            C("bitconverter.to", BitConverter.ToInt32(raw, 1) + " " + BitConverter.ToUInt16(raw, 0) + " " + BitConverter.ToInt64(raw, 1) + " " + BitConverter.ToString(raw, 0, 4) + " " + BitConverter.IsLittleEndian);
            C("binaryprimitives.read", BinaryPrimitives.ReadUInt16LittleEndian(raw) + " " + BinaryPrimitives.ReadUInt16BigEndian(raw) + " " + BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(1)) + " " + BinaryPrimitives.ReadUInt64LittleEndian(raw).ToString("X") + " " + BinaryPrimitives.ReadInt64BigEndian(raw).ToString("X") + " " + BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(5)));
            byte[] buf = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(buf, O(0xDEADBEEF));
            BinaryPrimitives.WriteInt16LittleEndian(buf.AsSpan(4), O((short)-2));
            BinaryPrimitives.WriteUInt16BigEndian(buf.AsSpan(6), O((ushort)0x1234));
            C("binaryprimitives.write", Collections.Show(buf));
            BinaryPrimitives.WriteInt64LittleEndian(buf, O(-3L));
            C("binaryprimitives.write64", Collections.Show(buf) + " " + BinaryPrimitives.ReverseEndianness(O(0x11223344u)).ToString("X") + " " + BinaryPrimitives.ReverseEndianness(O((ushort)0xABCD)).ToString("X"));
            C("binaryprimitives.try", BinaryPrimitives.TryReadInt32LittleEndian(raw.AsSpan(7), out int tr) + " " + tr + " " + BinaryPrimitives.TryWriteUInt16LittleEndian(buf.AsSpan(7), 1));
        }
    }
}
