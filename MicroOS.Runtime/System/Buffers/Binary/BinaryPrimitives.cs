namespace System.Buffers.Binary
{
    // Little- and big-endian reads and writes; too short a span throws ArgumentOutOfRangeException as the BCL does.
    public static class BinaryPrimitives
    {
        private static ulong ReadLE(ReadOnlySpan<byte> s, int n)
        {
            if (s.Length < n) throw new ArgumentOutOfRangeException("length");
            ulong v = 0;
            for (int i = n - 1; i >= 0; i--) v = v << 8 | s[i];
            return v;
        }

        private static ulong ReadBE(ReadOnlySpan<byte> s, int n)
        {
            if (s.Length < n) throw new ArgumentOutOfRangeException("length");
            ulong v = 0;
            for (int i = 0; i < n; i++) v = v << 8 | s[i];
            return v;
        }

        private static void WriteLE(Span<byte> s, ulong v, int n)
        {
            if (s.Length < n) throw new ArgumentOutOfRangeException("length");
            for (int i = 0; i < n; i++) s[i] = (byte)(v >> (8 * i));
        }

        private static void WriteBE(Span<byte> s, ulong v, int n)
        {
            if (s.Length < n) throw new ArgumentOutOfRangeException("length");
            for (int i = 0; i < n; i++) s[n - 1 - i] = (byte)(v >> (8 * i));
        }

        public static short ReadInt16LittleEndian(ReadOnlySpan<byte> s) => (short)ReadLE(s, 2);
        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> s) => (ushort)ReadLE(s, 2);
        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> s) => (int)ReadLE(s, 4);
        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> s) => (uint)ReadLE(s, 4);
        public static long ReadInt64LittleEndian(ReadOnlySpan<byte> s) => (long)ReadLE(s, 8);
        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> s) => ReadLE(s, 8);
        public static short ReadInt16BigEndian(ReadOnlySpan<byte> s) => (short)ReadBE(s, 2);
        public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> s) => (ushort)ReadBE(s, 2);
        public static int ReadInt32BigEndian(ReadOnlySpan<byte> s) => (int)ReadBE(s, 4);
        public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> s) => (uint)ReadBE(s, 4);
        public static long ReadInt64BigEndian(ReadOnlySpan<byte> s) => (long)ReadBE(s, 8);
        public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> s) => ReadBE(s, 8);

        public static void WriteInt16LittleEndian(Span<byte> s, short v) => WriteLE(s, (ulong)v, 2);
        public static void WriteUInt16LittleEndian(Span<byte> s, ushort v) => WriteLE(s, v, 2);
        public static void WriteInt32LittleEndian(Span<byte> s, int v) => WriteLE(s, (ulong)v, 4);
        public static void WriteUInt32LittleEndian(Span<byte> s, uint v) => WriteLE(s, v, 4);
        public static void WriteInt64LittleEndian(Span<byte> s, long v) => WriteLE(s, (ulong)v, 8);
        public static void WriteUInt64LittleEndian(Span<byte> s, ulong v) => WriteLE(s, v, 8);
        public static void WriteInt16BigEndian(Span<byte> s, short v) => WriteBE(s, (ulong)v, 2);
        public static void WriteUInt16BigEndian(Span<byte> s, ushort v) => WriteBE(s, v, 2);
        public static void WriteInt32BigEndian(Span<byte> s, int v) => WriteBE(s, (ulong)v, 4);
        public static void WriteUInt32BigEndian(Span<byte> s, uint v) => WriteBE(s, v, 4);
        public static void WriteInt64BigEndian(Span<byte> s, long v) => WriteBE(s, (ulong)v, 8);
        public static void WriteUInt64BigEndian(Span<byte> s, ulong v) => WriteBE(s, v, 8);

        public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> s, out short v)
        {
            if (s.Length < 2) { v = 0; return false; }
            v = (short)ReadLE(s, 2);
            return true;
        }

        public static bool TryWriteInt16LittleEndian(Span<byte> s, short v)
        {
            if (s.Length < 2) return false;
            WriteLE(s, (ulong)v, 2);
            return true;
        }

        public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> s, out short v)
        {
            if (s.Length < 2) { v = 0; return false; }
            v = (short)ReadBE(s, 2);
            return true;
        }

        public static bool TryWriteInt16BigEndian(Span<byte> s, short v)
        {
            if (s.Length < 2) return false;
            WriteBE(s, (ulong)v, 2);
            return true;
        }

        public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> s, out ushort v)
        {
            if (s.Length < 2) { v = 0; return false; }
            v = (ushort)ReadLE(s, 2);
            return true;
        }

        public static bool TryWriteUInt16LittleEndian(Span<byte> s, ushort v)
        {
            if (s.Length < 2) return false;
            WriteLE(s, (ulong)v, 2);
            return true;
        }

        public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> s, out ushort v)
        {
            if (s.Length < 2) { v = 0; return false; }
            v = (ushort)ReadBE(s, 2);
            return true;
        }

        public static bool TryWriteUInt16BigEndian(Span<byte> s, ushort v)
        {
            if (s.Length < 2) return false;
            WriteBE(s, (ulong)v, 2);
            return true;
        }

        public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> s, out int v)
        {
            if (s.Length < 4) { v = 0; return false; }
            v = (int)ReadLE(s, 4);
            return true;
        }

        public static bool TryWriteInt32LittleEndian(Span<byte> s, int v)
        {
            if (s.Length < 4) return false;
            WriteLE(s, (ulong)v, 4);
            return true;
        }

        public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> s, out int v)
        {
            if (s.Length < 4) { v = 0; return false; }
            v = (int)ReadBE(s, 4);
            return true;
        }

        public static bool TryWriteInt32BigEndian(Span<byte> s, int v)
        {
            if (s.Length < 4) return false;
            WriteBE(s, (ulong)v, 4);
            return true;
        }

        public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> s, out uint v)
        {
            if (s.Length < 4) { v = 0; return false; }
            v = (uint)ReadLE(s, 4);
            return true;
        }

        public static bool TryWriteUInt32LittleEndian(Span<byte> s, uint v)
        {
            if (s.Length < 4) return false;
            WriteLE(s, (ulong)v, 4);
            return true;
        }

        public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> s, out uint v)
        {
            if (s.Length < 4) { v = 0; return false; }
            v = (uint)ReadBE(s, 4);
            return true;
        }

        public static bool TryWriteUInt32BigEndian(Span<byte> s, uint v)
        {
            if (s.Length < 4) return false;
            WriteBE(s, (ulong)v, 4);
            return true;
        }

        public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> s, out long v)
        {
            if (s.Length < 8) { v = 0; return false; }
            v = (long)ReadLE(s, 8);
            return true;
        }

        public static bool TryWriteInt64LittleEndian(Span<byte> s, long v)
        {
            if (s.Length < 8) return false;
            WriteLE(s, (ulong)v, 8);
            return true;
        }

        public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> s, out long v)
        {
            if (s.Length < 8) { v = 0; return false; }
            v = (long)ReadBE(s, 8);
            return true;
        }

        public static bool TryWriteInt64BigEndian(Span<byte> s, long v)
        {
            if (s.Length < 8) return false;
            WriteBE(s, (ulong)v, 8);
            return true;
        }

        public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> s, out ulong v)
        {
            if (s.Length < 8) { v = 0; return false; }
            v = (ulong)ReadLE(s, 8);
            return true;
        }

        public static bool TryWriteUInt64LittleEndian(Span<byte> s, ulong v)
        {
            if (s.Length < 8) return false;
            WriteLE(s, (ulong)v, 8);
            return true;
        }

        public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> s, out ulong v)
        {
            if (s.Length < 8) { v = 0; return false; }
            v = (ulong)ReadBE(s, 8);
            return true;
        }

        public static bool TryWriteUInt64BigEndian(Span<byte> s, ulong v)
        {
            if (s.Length < 8) return false;
            WriteBE(s, (ulong)v, 8);
            return true;
        }

        public static float ReadSingleLittleEndian(ReadOnlySpan<byte> s) => BitConverter.Int32BitsToSingle(ReadInt32LittleEndian(s));
        public static float ReadSingleBigEndian(ReadOnlySpan<byte> s) => BitConverter.Int32BitsToSingle(ReadInt32BigEndian(s));
        public static double ReadDoubleLittleEndian(ReadOnlySpan<byte> s) => BitConverter.Int64BitsToDouble(ReadInt64LittleEndian(s));
        public static double ReadDoubleBigEndian(ReadOnlySpan<byte> s) => BitConverter.Int64BitsToDouble(ReadInt64BigEndian(s));
        public static void WriteSingleLittleEndian(Span<byte> s, float v) => WriteInt32LittleEndian(s, BitConverter.SingleToInt32Bits(v));
        public static void WriteSingleBigEndian(Span<byte> s, float v) => WriteInt32BigEndian(s, BitConverter.SingleToInt32Bits(v));
        public static void WriteDoubleLittleEndian(Span<byte> s, double v) => WriteInt64LittleEndian(s, BitConverter.DoubleToInt64Bits(v));
        public static void WriteDoubleBigEndian(Span<byte> s, double v) => WriteInt64BigEndian(s, BitConverter.DoubleToInt64Bits(v));

        public static byte ReverseEndianness(byte v) => v;
        public static sbyte ReverseEndianness(sbyte v) => v;
        public static ushort ReverseEndianness(ushort v) => (ushort)(v >> 8 | v << 8);
        public static short ReverseEndianness(short v) => (short)ReverseEndianness((ushort)v);
        public static uint ReverseEndianness(uint v) => v >> 24 | (v >> 8 & 0xFF00) | (v << 8 & 0xFF0000) | v << 24;
        public static int ReverseEndianness(int v) => (int)ReverseEndianness((uint)v);
        public static ulong ReverseEndianness(ulong v) => (ulong)ReverseEndianness((uint)v) << 32 | ReverseEndianness((uint)(v >> 32));
        public static long ReverseEndianness(long v) => (long)ReverseEndianness((ulong)v);
    }
}
