namespace System.Numerics
{
    public static class BitOperations
    {
        public static int PopCount(uint v) { int n = 0; while (v != 0) { v &= v - 1; n++; } return n; }
        public static int PopCount(ulong v) { int n = 0; while (v != 0) { v &= v - 1; n++; } return n; }
        public static int LeadingZeroCount(uint v) { if (v == 0) return 32; int n = 0; while ((v & 0x80000000u) == 0) { v <<= 1; n++; } return n; }
        public static int LeadingZeroCount(ulong v) { if (v == 0) return 64; int n = 0; while ((v & 0x8000000000000000UL) == 0) { v <<= 1; n++; } return n; }
        public static int TrailingZeroCount(int v) => TrailingZeroCount((uint)v);
        public static int TrailingZeroCount(uint v) { if (v == 0) return 32; int n = 0; while ((v & 1) == 0) { v >>= 1; n++; } return n; }
        public static int TrailingZeroCount(ulong v) { if (v == 0) return 64; int n = 0; while ((v & 1) == 0) { v >>= 1; n++; } return n; }
        public static int Log2(uint v) => 31 - LeadingZeroCount(v | 1);
        public static int Log2(ulong v) => 63 - LeadingZeroCount(v | 1);
        public static uint RotateLeft(uint v, int offset) => v << offset | v >> (32 - offset);
        public static ulong RotateLeft(ulong v, int offset) => v << offset | v >> (64 - offset);
        public static uint RotateRight(uint v, int offset) => v >> offset | v << (32 - offset);
        public static ulong RotateRight(ulong v, int offset) => v >> offset | v << (64 - offset);
        public static bool IsPow2(int v) => v > 0 && (v & (v - 1)) == 0;
        public static bool IsPow2(ulong v) => v != 0 && (v & (v - 1)) == 0;
    }
}
