// The primitive value types. Their single m_value field is a contract with the C# compiler and ILC:
// each wraps exactly one value of the type it names. Formatting and parsing follow .NET with the
// invariant culture (Number.cs, Number.Double.cs, Number.Parsing.cs).
namespace System
{
    public struct Void { }

    public struct Boolean : IEquatable<bool>, IComparable<bool>
    {
        private bool m_value;
        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";
        public bool Equals(bool other) => m_value == other;
        public override bool Equals(object obj) => obj is bool b && b == m_value;
        public override int GetHashCode() => m_value ? 1 : 0;
        public int CompareTo(bool other) => m_value == other ? 0 : m_value ? 1 : -1;
        public override string ToString() => m_value ? "True" : "False";

        public static bool TryParse(string value, out bool result)
        {
            result = false;
            if (value == null) return false;
            int start = 0, end = value.Length;
            while (start < end && (char.IsWhiteSpace(value[start]) || value[start] == '\0')) start++;
            while (end > start && (char.IsWhiteSpace(value[end - 1]) || value[end - 1] == '\0')) end--;
            string t = value.Substring(start, end - start);
            if (string.Equals(t, "True", StringComparison.OrdinalIgnoreCase)) { result = true; return true; }
            return string.Equals(t, "False", StringComparison.OrdinalIgnoreCase);
        }

        public static bool Parse(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            return TryParse(value, out bool r) ? r : throw new FormatException(string.Concat("String '", value, "' was not recognized as a valid Boolean."));
        }
    }

    public partial struct SByte : IEquatable<sbyte>, IComparable<sbyte>, IComparable, IFormattable
    {
        private sbyte m_value;
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        public bool Equals(sbyte other) => m_value == other;
        public int CompareTo(sbyte other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is sbyte v ? CompareTo(v) : throw new ArgumentException("Object must be of type SByte.");
        public override bool Equals(object obj) => obj is sbyte v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, false, format, 8);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out sbyte result)
        {
            bool ok = Number.ParseInteger(s, true, (ulong)(-(long)MinValue), (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (sbyte)(negative ? (ulong)(-(long)magnitude) : magnitude) : (sbyte)0;
            return ok;
        }
        public static sbyte Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, true, (ulong)(-(long)MinValue), (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "SByte");
            return (sbyte)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct Byte : IEquatable<byte>, IComparable<byte>, IComparable, IFormattable
    {
        private byte m_value;
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public bool Equals(byte other) => m_value == other;
        public int CompareTo(byte other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is byte v ? CompareTo(v) : throw new ArgumentException("Object must be of type Byte.");
        public override bool Equals(object obj) => obj is byte v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, true, format, 8);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out byte result)
        {
            bool ok = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (byte)(negative ? (ulong)(-(long)magnitude) : magnitude) : (byte)0;
            return ok;
        }
        public static byte Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "Byte");
            return (byte)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct Int16 : IEquatable<short>, IComparable<short>, IComparable, IFormattable
    {
        private short m_value;
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        public bool Equals(short other) => m_value == other;
        public int CompareTo(short other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is short v ? CompareTo(v) : throw new ArgumentException("Object must be of type Int16.");
        public override bool Equals(object obj) => obj is short v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, false, format, 16);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out short result)
        {
            bool ok = Number.ParseInteger(s, true, (ulong)(-(long)MinValue), (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (short)(negative ? (ulong)(-(long)magnitude) : magnitude) : (short)0;
            return ok;
        }
        public static short Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, true, (ulong)(-(long)MinValue), (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "Int16");
            return (short)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct UInt16 : IEquatable<ushort>, IComparable<ushort>, IComparable, IFormattable
    {
        private ushort m_value;
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        public bool Equals(ushort other) => m_value == other;
        public int CompareTo(ushort other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is ushort v ? CompareTo(v) : throw new ArgumentException("Object must be of type UInt16.");
        public override bool Equals(object obj) => obj is ushort v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, true, format, 16);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out ushort result)
        {
            bool ok = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (ushort)(negative ? (ulong)(-(long)magnitude) : magnitude) : (ushort)0;
            return ok;
        }
        public static ushort Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "UInt16");
            return (ushort)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct Int32 : IEquatable<int>, IComparable<int>, IComparable, IFormattable
    {
        private int m_value;
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public bool Equals(int other) => m_value == other;
        public int CompareTo(int other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is int v ? CompareTo(v) : throw new ArgumentException("Object must be of type Int32.");
        public override bool Equals(object obj) => obj is int v && v == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, false, format, 32);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out int result)
        {
            bool ok = Number.ParseInteger(s, true, (ulong)(-(long)MinValue), (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (int)(negative ? (ulong)(-(long)magnitude) : magnitude) : (int)0;
            return ok;
        }
        public static int Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, true, (ulong)(-(long)MinValue), (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "Int32");
            return (int)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct UInt32 : IEquatable<uint>, IComparable<uint>, IComparable, IFormattable
    {
        private uint m_value;
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        public bool Equals(uint other) => m_value == other;
        public int CompareTo(uint other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is uint v ? CompareTo(v) : throw new ArgumentException("Object must be of type UInt32.");
        public override bool Equals(object obj) => obj is uint v && v == m_value;
        public override int GetHashCode() => (int)m_value;
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, true, format, 32);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out uint result)
        {
            bool ok = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (uint)(negative ? (ulong)(-(long)magnitude) : magnitude) : (uint)0;
            return ok;
        }
        public static uint Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "UInt32");
            return (uint)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct Int64 : IEquatable<long>, IComparable<long>, IComparable, IFormattable
    {
        private long m_value;
        public const long MaxValue = 0x7fffffffffffffff;
        public const long MinValue = unchecked((long)0x8000000000000000);
        public bool Equals(long other) => m_value == other;
        public int CompareTo(long other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is long v ? CompareTo(v) : throw new ArgumentException("Object must be of type Int64.");
        public override bool Equals(object obj) => obj is long v && v == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, false, format, 64);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out long result)
        {
            bool ok = Number.ParseInteger(s, true, 0x8000000000000000UL, (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (long)(negative ? (ulong)(-(long)magnitude) : magnitude) : (long)0;
            return ok;
        }
        public static long Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, true, 0x8000000000000000UL, (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "Int64");
            return (long)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public partial struct UInt64 : IEquatable<ulong>, IComparable<ulong>, IComparable, IFormattable
    {
        private ulong m_value;
        public const ulong MaxValue = 0xffffffffffffffff;
        public const ulong MinValue = 0;
        public bool Equals(ulong other) => m_value == other;
        public int CompareTo(ulong other) => m_value < other ? -1 : m_value > other ? 1 : 0;
        public int CompareTo(object obj) => obj == null ? 1 : obj is ulong v ? CompareTo(v) : throw new ArgumentException("Object must be of type UInt64.");
        public override bool Equals(object obj) => obj is ulong v && v == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((long)m_value, true, format, 64);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out ulong result)
        {
            bool ok = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative) == Number.ParseStatus.Ok;
            result = ok ? (ulong)(negative ? (ulong)(-(long)magnitude) : magnitude) : (ulong)0;
            return ok;
        }
        public static ulong Parse(string s)
        {
            Number.ParseStatus status = Number.ParseInteger(s, false, 0, (ulong)MaxValue, out ulong magnitude, out bool negative);
            Number.ThrowIfFailed(status, s, "UInt64");
            return (ulong)(negative ? (ulong)(-(long)magnitude) : magnitude);
        }
    }

    public struct Single : IEquatable<float>, IComparable<float>, IComparable, IFormattable
    {
        private float m_value;
        public const float MaxValue = 3.40282347E+38f;
        public const float MinValue = -3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NaN = 0.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public static bool IsNaN(float f) => f != f;
        public static bool IsInfinity(float f) => f == PositiveInfinity || f == NegativeInfinity;
        public static bool IsFinite(float f) => !IsNaN(f) && !IsInfinity(f);
        public static bool IsNegative(float f) => BitConverter.SingleToInt32Bits(f) < 0;
        public bool Equals(float other) => m_value == other || (IsNaN(m_value) && IsNaN(other));
        public override bool Equals(object obj) => obj is float f && Equals(f);
        public override int GetHashCode() { float v = m_value; if (v == 0) v = 0; if (IsNaN(v)) return int.MinValue; return BitConverter.SingleToInt32Bits(v); }
        public int CompareTo(float other)
        {
            if (m_value < other) return -1;
            if (m_value > other) return 1;
            if (m_value == other) return 0;
            return IsNaN(m_value) ? (IsNaN(other) ? 0 : -1) : 1;
        }
        public int CompareTo(object obj) => obj == null ? 1 : obj is float v ? CompareTo(v) : throw new ArgumentException("Object must be of type Single.");
        public override string ToString() => Number.FormatSingle(m_value, null);
        public string ToString(string format) => Number.FormatSingle(m_value, format);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out float result)
        {
            bool ok = Number.TryParseFloating(s, true, out ulong bits);
            result = BitConverter.Int32BitsToSingle((int)(uint)bits);
            return ok;
        }
        public static float Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            return TryParse(s, out float r) ? r : throw new FormatException(string.Concat("The input string '", s, "' was not in a correct format."));
        }
    }

    public struct Double : IEquatable<double>, IComparable<double>, IComparable, IFormattable
    {
        private double m_value;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double MinValue = -1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public static bool IsNaN(double d) => d != d;
        public static bool IsInfinity(double d) => d == PositiveInfinity || d == NegativeInfinity;
        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;
        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;
        public static bool IsFinite(double d) => !IsNaN(d) && !IsInfinity(d);
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;
        public static bool IsSubnormal(double d) { long b = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF; return b != 0 && b < 0x0010000000000000; }
        public bool Equals(double other) => m_value == other || (IsNaN(m_value) && IsNaN(other));
        public override bool Equals(object obj) => obj is double d && Equals(d);
        public override int GetHashCode()
        {
            double v = m_value;
            if (v == 0) v = 0;
            long bits = IsNaN(v) ? unchecked((long)0xFFF8000000000000UL) : BitConverter.DoubleToInt64Bits(v);
            return (int)bits ^ (int)(bits >> 32);
        }
        public int CompareTo(double other)
        {
            if (m_value < other) return -1;
            if (m_value > other) return 1;
            if (m_value == other) return 0;
            return IsNaN(m_value) ? (IsNaN(other) ? 0 : -1) : 1;
        }
        public int CompareTo(object obj) => obj == null ? 1 : obj is double v ? CompareTo(v) : throw new ArgumentException("Object must be of type Double.");
        public override string ToString() => Number.FormatDouble(m_value, null);
        public string ToString(string format) => Number.FormatDouble(m_value, format);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public static bool TryParse(string s, out double result)
        {
            bool ok = Number.TryParseFloating(s, false, out ulong bits);
            result = BitConverter.Int64BitsToDouble((long)bits);
            return ok;
        }
        public static double Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            return TryParse(s, out double r) ? r : throw new FormatException(string.Concat("The input string '", s, "' was not in a correct format."));
        }
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
