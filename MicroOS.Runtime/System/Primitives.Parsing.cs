using System.Globalization;

namespace System
{
    // Span and NumberStyles overloads of the integer types' Parse/TryParse (Number.Styles.cs).
    public partial struct SByte
    {
        public static sbyte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, true, 8);
            return (sbyte)Number.SignExtend(v, 8);
        }

        public static sbyte Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s);

        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out sbyte result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            bool ok = Number.ParseInteger(s, style, true, 8, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (sbyte)Number.SignExtend(v, 8) : (sbyte)0;
            return ok;
        }
    }

    public partial struct Byte
    {
        public static byte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, false, 8);
            return (byte)v;
        }

        public static byte Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static byte Parse(string s, IFormatProvider provider) => Parse(s);

        public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out byte result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            bool ok = Number.ParseInteger(s, style, false, 8, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (byte)v : (byte)0;
            return ok;
        }
    }

    public partial struct Int16
    {
        public static short Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, true, 16);
            return (short)Number.SignExtend(v, 16);
        }

        public static short Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static short Parse(string s, IFormatProvider provider) => Parse(s);

        public static short Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out short result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result)
        {
            bool ok = Number.ParseInteger(s, style, true, 16, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (short)Number.SignExtend(v, 16) : (short)0;
            return ok;
        }
    }

    public partial struct UInt16
    {
        public static ushort Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, false, 16);
            return (ushort)v;
        }

        public static ushort Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static ushort Parse(string s, IFormatProvider provider) => Parse(s);

        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out ushort result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            bool ok = Number.ParseInteger(s, style, false, 16, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (ushort)v : (ushort)0;
            return ok;
        }
    }

    public partial struct Int32
    {
        public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, true, 32);
            return (int)Number.SignExtend(v, 32);
        }

        public static int Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static int Parse(string s, IFormatProvider provider) => Parse(s);

        public static int Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out int result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result)
        {
            bool ok = Number.ParseInteger(s, style, true, 32, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (int)Number.SignExtend(v, 32) : (int)0;
            return ok;
        }
    }

    public partial struct UInt32
    {
        public static uint Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, false, 32);
            return (uint)v;
        }

        public static uint Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static uint Parse(string s, IFormatProvider provider) => Parse(s);

        public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out uint result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            bool ok = Number.ParseInteger(s, style, false, 32, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (uint)v : (uint)0;
            return ok;
        }
    }

    public partial struct Int64
    {
        public static long Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, true, 64);
            return (long)Number.SignExtend(v, 64);
        }

        public static long Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static long Parse(string s, IFormatProvider provider) => Parse(s);

        public static long Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out long result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result)
        {
            bool ok = Number.ParseInteger(s, style, true, 64, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (long)Number.SignExtend(v, 64) : (long)0;
            return ok;
        }
    }

    public partial struct UInt64
    {
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ulong v = Number.ParseOrThrow(s, style, false, 64);
            return (ulong)v;
        }

        public static ulong Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static ulong Parse(string s, IFormatProvider provider) => Parse(s);

        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse(s.AsSpan(), style, provider);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out ulong result) => TryParse(s, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            bool ok = Number.ParseInteger(s, style, false, 64, out ulong v) == Number.ParseStatus.Ok;
            result = ok ? (ulong)v : (ulong)0;
            return ok;
        }
    }

}
