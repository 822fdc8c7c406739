using System;
using System.Buffers.Binary;
using System.Threading;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // BinaryPrimitives (every Read/Write/TryRead/TryWrite, both byte orders, ReverseEndianness) on
    // random values and short spans; Interlocked and Volatile on 32- and 64-bit values.
    internal static class Binary
    {
        public static void Run()
        {
            for (int i = 0; i < 40; i++)
            {
                ulong v = Next();
                byte[] b = new byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(b, v);
                string le = Encodings.Hex(b);
                BinaryPrimitives.WriteUInt64BigEndian(b, v);
                string be = Encodings.Hex(b);
                C($"binary.u64#{i}", v.ToString("X16") + " " + le + " " + be + " " + BinaryPrimitives.ReadUInt64BigEndian(b).ToString("X") + " " + BinaryPrimitives.ReadInt64LittleEndian(b) + " " + BinaryPrimitives.ReverseEndianness(v).ToString("X") + " " + BinaryPrimitives.ReverseEndianness((long)v));
                BinaryPrimitives.WriteInt32LittleEndian(b, (int)v);
                BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(4), (short)(v >> 32));
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), (ushort)(v >> 48));
                C($"binary.mixed#{i}", Encodings.Hex(b) + " " + BinaryPrimitives.ReadInt32BigEndian(b) + " " + BinaryPrimitives.ReadUInt32LittleEndian(b) + " " + BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(4)) + " " + BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(6)) + " " + BinaryPrimitives.ReadInt16BigEndian(b.AsSpan(1)) + " " + BinaryPrimitives.ReverseEndianness((int)v) + " " + BinaryPrimitives.ReverseEndianness((short)v) + " " + BinaryPrimitives.ReverseEndianness((uint)v) + " " + BinaryPrimitives.ReverseEndianness((ushort)v));
                BinaryPrimitives.WriteDoubleBigEndian(b, BitConverter.Int64BitsToDouble((long)(v >> 2)));
                string dbe = Encodings.Hex(b);
                double dle = BinaryPrimitives.ReadDoubleLittleEndian(b);
                BinaryPrimitives.WriteSingleLittleEndian(b, (float)(v % 100000) / 7f);
                C($"binary.float#{i}", dbe + " " + BitConverter.DoubleToInt64Bits(dle).ToString("X") + " " + Encodings.Hex(b, 0, 4) + " " + BinaryPrimitives.ReadSingleBigEndian(b).ToString("R") + " " + BinaryPrimitives.ReadSingleLittleEndian(b).ToString("R"));
                BinaryPrimitives.WriteSingleBigEndian(b, 1.5f);
                BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(0), -2.25);
                C($"binary.float.write#{i}", Encodings.Hex(b) + " " + BinaryPrimitives.ReadDoubleBigEndian(b).ToString("R"));
            }
            byte[] raw = O(new byte[] { 0x81, 0x02, 0x83, 0x04, 0x85, 0x06, 0x87, 0x08, 0x89 });
            for (int len = 0; len <= 9; len++)
            {
                ReadOnlySpan<byte> s = raw.AsSpan(0, len);
                string r = BinaryPrimitives.TryReadInt16LittleEndian(s, out short a) + ":" + a + " " + BinaryPrimitives.TryReadInt16BigEndian(s, out short a2) + ":" + a2 + " " +
                    BinaryPrimitives.TryReadUInt16LittleEndian(s, out ushort b) + ":" + b + " " + BinaryPrimitives.TryReadUInt16BigEndian(s, out ushort b2) + ":" + b2 + " " +
                    BinaryPrimitives.TryReadInt32LittleEndian(s, out int c) + ":" + c + " " + BinaryPrimitives.TryReadInt32BigEndian(s, out int c2) + ":" + c2 + " " +
                    BinaryPrimitives.TryReadUInt32LittleEndian(s, out uint d) + ":" + d + " " + BinaryPrimitives.TryReadUInt32BigEndian(s, out uint d2) + ":" + d2 + " " +
                    BinaryPrimitives.TryReadInt64LittleEndian(s, out long e) + ":" + e + " " + BinaryPrimitives.TryReadInt64BigEndian(s, out long e2) + ":" + e2 + " " +
                    BinaryPrimitives.TryReadUInt64LittleEndian(s, out ulong f) + ":" + f + " " + BinaryPrimitives.TryReadUInt64BigEndian(s, out ulong f2) + ":" + f2;
                C($"binary.tryread#{len}", r);
                byte[] w = new byte[len];
                string t = BinaryPrimitives.TryWriteInt16LittleEndian(w, -2) + " " + BinaryPrimitives.TryWriteInt16BigEndian(w, -3) + " " + BinaryPrimitives.TryWriteUInt16LittleEndian(w, 0xABCD) + " " + BinaryPrimitives.TryWriteUInt16BigEndian(w, 0xABCD) + " " +
                    BinaryPrimitives.TryWriteInt32LittleEndian(w, -5) + " " + BinaryPrimitives.TryWriteInt32BigEndian(w, 0x1234567) + " " + BinaryPrimitives.TryWriteUInt32LittleEndian(w, 0xDEADBEEF) + " " + BinaryPrimitives.TryWriteUInt32BigEndian(w, 0xCAFEBABE) + " " +
                    BinaryPrimitives.TryWriteInt64LittleEndian(w, -7) + " " + BinaryPrimitives.TryWriteInt64BigEndian(w, 0x0102030405060708) + " " + BinaryPrimitives.TryWriteUInt64LittleEndian(w, ulong.MaxValue - 1) + " " + BinaryPrimitives.TryWriteUInt64BigEndian(w, 0xF0E0D0C0B0A09080);
                C($"binary.trywrite#{len}", t + " " + Encodings.Hex(w));
            }
            C("binary.reverse.small", BinaryPrimitives.ReverseEndianness(O((byte)0x12)) + " " + BinaryPrimitives.ReverseEndianness(O((sbyte)-3)) + " " + BinaryPrimitives.ReverseEndianness(O(0x0102030405060708UL)).ToString("X16"));

            long big = O(0x1_0000_0000L);
            C("interlocked.long", Interlocked.Increment(ref big) + " " + Interlocked.Decrement(ref big) + " " + Interlocked.Add(ref big, 5) + " " + Interlocked.Exchange(ref big, -1) + " " + Interlocked.CompareExchange(ref big, 7, -1) + " " + Interlocked.CompareExchange(ref big, 9, 8) + " " + Interlocked.Read(ref big) + " " + big);
            ulong ubig = O(ulong.MaxValue - 1);
            C("interlocked.ulong", Interlocked.Increment(ref ubig) + " " + Interlocked.Add(ref ubig, 2) + " " + Interlocked.Exchange(ref ubig, 3) + " " + Interlocked.CompareExchange(ref ubig, 4, 3) + " " + Interlocked.Read(ref ubig) + " " + Interlocked.And(ref ubig, 6) + " " + Interlocked.Or(ref ubig, 1) + " " + ubig);
            int small = O(10);
            uint usmall = O(10u);
            C("interlocked.int", Interlocked.Increment(ref small) + " " + Interlocked.Exchange(ref small, 3) + " " + Interlocked.CompareExchange(ref small, 5, 3) + " " + Interlocked.Add(ref small, -10) + " " + Interlocked.And(ref small, 3) + " " + Interlocked.Or(ref small, 8) + " " + small + " " + Interlocked.Decrement(ref usmall) + " " + Interlocked.CompareExchange(ref usmall, 1, 9) + " " + usmall);
            string text = O("a");
            C("interlocked.ref", Interlocked.Exchange(ref text, "b") + " " + Interlocked.CompareExchange(ref text, "c", "x") + " " + text);
            long vol = 0;
            Volatile.Write(ref vol, O(long.MinValue));
            bool flag = false;
            Volatile.Write(ref flag, O(true));
            C("volatile", Volatile.Read(ref vol) + " " + Volatile.Read(ref flag) + " " + Volatile.Read(ref text));
        }
    }
}
