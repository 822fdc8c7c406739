// The primitive value types. Their single m_value field is a contract with the C# compiler and ILC:
// each wraps exactly one value of the type it names.
namespace System
{
    public struct Void { }

    public struct Boolean : IEquatable<bool>
    {
        private bool m_value;
        public bool Equals(bool other) => m_value == other;
        public override bool Equals(object obj) => obj is bool b && b == m_value;
        public override int GetHashCode() => m_value ? 1 : 0;
        public override string ToString() => m_value ? "True" : "False";
    }

    public struct Char : IEquatable<char>
    {
        private char m_value;
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0;
        public bool Equals(char other) => m_value == other;
        public override bool Equals(object obj) => obj is char c && c == m_value;
        public override int GetHashCode() => m_value | (m_value << 16);
        public override string ToString() => string.FromChar(m_value);
        public static bool IsDigit(char c) => c >= '0' && c <= '9';
        public static bool IsWhiteSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';
        public static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public struct SByte : IEquatable<sbyte>
    {
        private sbyte m_value;
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        public bool Equals(sbyte other) => m_value == other;
        public override bool Equals(object obj) => obj is sbyte v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format(m_value);
    }

    public struct Byte : IEquatable<byte>, IFormattable
    {
        private byte m_value;
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public bool Equals(byte other) => m_value == other;
        public override bool Equals(object obj) => obj is byte v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format(m_value);
        public string ToString(string format) => Number.Format(m_value, format, 2);
        public string ToString(string format, IFormatProvider provider) => ToString(format);
    }

    public struct Int16 : IEquatable<short>
    {
        private short m_value;
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        public bool Equals(short other) => m_value == other;
        public override bool Equals(object obj) => obj is short v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format(m_value);
    }

    public struct UInt16 : IEquatable<ushort>, IFormattable
    {
        private ushort m_value;
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        public bool Equals(ushort other) => m_value == other;
        public override bool Equals(object obj) => obj is ushort v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format(m_value);
        public string ToString(string format) => Number.Format(m_value, format, 4);
        public string ToString(string format, IFormatProvider provider) => ToString(format);
    }

    public struct Int32 : IEquatable<int>, IComparable<int>, IFormattable
    {
        private int m_value;
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public bool Equals(int other) => m_value == other;
        public int CompareTo(int other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public override bool Equals(object obj) => obj is int v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format(m_value);
        public string ToString(string format) => Number.Format((long)m_value, format, 8);
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out int result) => Number.TryParse(s, out result);
        public static int Parse(string s) => Number.TryParse(s, out int r) ? r : throw new FormatException("not a number: " + s);
    }

    public struct UInt32 : IEquatable<uint>, IComparable<uint>, IFormattable
    {
        private uint m_value;
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        public bool Equals(uint other) => m_value == other;
        public int CompareTo(uint other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public override bool Equals(object obj) => obj is uint v && v == m_value;
        public override int GetHashCode() => (int)m_value;
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.Format(m_value, format, 8);
        public string ToString(string format, IFormatProvider provider) => ToString(format);
    }

    public struct Int64 : IEquatable<long>, IComparable<long>, IFormattable
    {
        private long m_value;
        public const long MaxValue = 0x7fffffffffffffff;
        public const long MinValue = unchecked((long)0x8000000000000000);
        public bool Equals(long other) => m_value == other;
        public int CompareTo(long other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public override bool Equals(object obj) => obj is long v && v == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public override string ToString() => Number.Format(m_value);
        public string ToString(string format) => Number.Format(m_value, format, 16);
        public string ToString(string format, IFormatProvider provider) => ToString(format);
    }

    public struct UInt64 : IEquatable<ulong>, IComparable<ulong>, IFormattable
    {
        private ulong m_value;
        public const ulong MaxValue = 0xffffffffffffffff;
        public const ulong MinValue = 0;
        public bool Equals(ulong other) => m_value == other;
        public int CompareTo(ulong other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public override bool Equals(object obj) => obj is ulong v && v == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public override string ToString() => Number.Format(m_value);
        public string ToString(string format) => Number.Format((long)m_value, format, 16);
        public string ToString(string format, IFormatProvider provider) => ToString(format);
    }

    public struct Single
    {
        private float m_value;
    }

    public struct Double
    {
        private double m_value;
    }

    public unsafe struct IntPtr : IEquatable<nint>
    {
        private void* _value;
        public static readonly IntPtr Zero;
        public IntPtr(void* value) { _value = value; }
        public IntPtr(int value) { _value = (void*)value; }
        public IntPtr(long value) { _value = (void*)value; }
        public static int Size => 8;
        public void* ToPointer() => _value;
        public long ToInt64() => (long)_value;
        public bool Equals(nint other) => (nint)_value == other;
        public override bool Equals(object obj) => obj is nint v && v == (nint)_value;
        public override int GetHashCode() => (int)(long)_value ^ (int)((long)_value >> 32);
        public override string ToString() => Number.Format((long)_value);
        public static explicit operator IntPtr(int value) => new IntPtr(value);
        public static explicit operator IntPtr(long value) => new IntPtr(value);
        public static explicit operator IntPtr(void* value) => new IntPtr(value);
        public static explicit operator void*(IntPtr value) => value._value;
        public static explicit operator long(IntPtr value) => (long)value._value;
        public static explicit operator int(IntPtr value) => (int)(long)value._value;
        public static bool operator ==(IntPtr a, IntPtr b) => a._value == b._value;
        public static bool operator !=(IntPtr a, IntPtr b) => a._value != b._value;
    }

    public unsafe struct UIntPtr : IEquatable<nuint>
    {
        private void* _value;
        public static readonly UIntPtr Zero;
        public UIntPtr(void* value) { _value = value; }
        public UIntPtr(ulong value) { _value = (void*)value; }
        public static int Size => 8;
        public void* ToPointer() => _value;
        public bool Equals(nuint other) => (nuint)_value == other;
        public override bool Equals(object obj) => obj is nuint v && v == (nuint)_value;
        public override int GetHashCode() => (int)(ulong)_value ^ (int)((ulong)_value >> 32);
        public override string ToString() => Number.Format((ulong)_value);
        public static explicit operator UIntPtr(ulong value) => new UIntPtr(value);
        public static explicit operator UIntPtr(void* value) => new UIntPtr(value);
        public static explicit operator void*(UIntPtr value) => value._value;
        public static explicit operator ulong(UIntPtr value) => (ulong)value._value;
    }
}
