using System.Runtime.CompilerServices;

namespace System
{
    public static unsafe class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        public static long DoubleToInt64Bits(double value) => *(long*)&value;
        public static double Int64BitsToDouble(long value) => *(double*)&value;
        public static int SingleToInt32Bits(float value) => *(int*)&value;
        public static float Int32BitsToSingle(int value) => *(float*)&value;
        public static ulong DoubleToUInt64Bits(double value) => *(ulong*)&value;
        public static double UInt64BitsToDouble(ulong value) => *(double*)&value;

        private static byte[] Bytes(ulong v, int n)
        {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte)(v >> (8 * i));
            return b;
        }

        public static byte[] GetBytes(bool value) => new byte[] { value ? (byte)1 : (byte)0 };
        public static byte[] GetBytes(char value) => Bytes(value, 2);
        public static byte[] GetBytes(short value) => Bytes((ulong)value, 2);
        public static byte[] GetBytes(ushort value) => Bytes(value, 2);
        public static byte[] GetBytes(int value) => Bytes((ulong)value, 4);
        public static byte[] GetBytes(uint value) => Bytes(value, 4);
        public static byte[] GetBytes(long value) => Bytes((ulong)value, 8);
        public static byte[] GetBytes(ulong value) => Bytes(value, 8);
        public static byte[] GetBytes(float value) => Bytes((uint)SingleToInt32Bits(value), 4);
        public static byte[] GetBytes(double value) => Bytes((ulong)DoubleToInt64Bits(value), 8);

        private static ulong Read(byte[] value, int startIndex, int n)
        {
            if (value == null) throw new ArgumentNullException("value");
            if ((uint)startIndex >= (uint)value.Length) throw new ArgumentOutOfRangeException("startIndex");
            if (startIndex > value.Length - n) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.", "value");
            ulong v = 0;
            for (int i = n - 1; i >= 0; i--) v = v << 8 | value[startIndex + i];
            return v;
        }

        public static short ToInt16(byte[] value, int startIndex) => (short)Read(value, startIndex, 2);
        public static ushort ToUInt16(byte[] value, int startIndex) => (ushort)Read(value, startIndex, 2);
        public static char ToChar(byte[] value, int startIndex) => (char)Read(value, startIndex, 2);
        public static int ToInt32(byte[] value, int startIndex) => (int)Read(value, startIndex, 4);
        public static uint ToUInt32(byte[] value, int startIndex) => (uint)Read(value, startIndex, 4);
        public static long ToInt64(byte[] value, int startIndex) => (long)Read(value, startIndex, 8);
        public static ulong ToUInt64(byte[] value, int startIndex) => Read(value, startIndex, 8);
        public static double ToDouble(byte[] value, int startIndex) => Int64BitsToDouble((long)Read(value, startIndex, 8));
        public static float ToSingle(byte[] value, int startIndex) => Int32BitsToSingle((int)Read(value, startIndex, 4));
        public static bool ToBoolean(byte[] value, int startIndex) => Read(value, startIndex, 1) != 0;

        public static string ToString(byte[] value) => ToString(value, 0, value.Length);
        public static string ToString(byte[] value, int startIndex) => ToString(value, startIndex, value.Length - startIndex);

        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (length == 0) return string.Empty;
            char[] c = new char[length * 3 - 1];
            const string hex = "0123456789ABCDEF";
            for (int i = 0; i < length; i++)
            {
                byte b = value[startIndex + i];
                c[i * 3] = hex[b >> 4];
                c[i * 3 + 1] = hex[b & 15];
                if (i < length - 1) c[i * 3 + 2] = '-';
            }
            return new string(c);
        }
    }
}
