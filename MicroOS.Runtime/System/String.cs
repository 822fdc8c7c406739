using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace System
{
    // Layout is a contract with ILC: length, then the UTF-16 characters, then a terminating NUL
    // (ILC emits frozen literals in exactly this form).
    public sealed unsafe partial class String : IEquatable<string>, IComparable<string>
    {
        private readonly int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength)
                    ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;

        internal ref char FirstChar => ref _firstChar;

        internal static string FastAllocateString(int length)
        {
            if (length == 0)
                return Empty;
            if (length < 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            return Unsafe.As<string>(RuntimeExports.RhNewArray(MethodTable.Of<string>(), length));
        }

        // ILC turns `new string(...)` into a call to the matching static Ctor.
        public extern String(char[] value);
        public extern String(char[] value, int startIndex, int length);
        public extern String(char c, int count);
        public extern String(char* value, int startIndex, int length);
        public extern String(ReadOnlySpan<char> value);

        private static string Ctor(char[] value) => value == null ? Empty : Ctor(new ReadOnlySpan<char>(value));

        private static string Ctor(char[] value, int startIndex, int length) => Ctor(new ReadOnlySpan<char>(value, startIndex, length));

        private static string Ctor(char c, int count)
        {
            string s = FastAllocateString(count);
            for (int i = 0; i < count; i++)
                Unsafe.Add(ref s._firstChar, i) = c;
            return s;
        }

        private static string Ctor(char* value, int startIndex, int length) => Ctor(new ReadOnlySpan<char>(value + startIndex, length));

        private static string Ctor(ReadOnlySpan<char> value)
        {
            string s = FastAllocateString(value.Length);
            for (int i = 0; i < value.Length; i++)
                Unsafe.Add(ref s._firstChar, i) = value[i];
            return s;
        }

        internal static string FromChar(char c) => Ctor(c, 1);

        public static implicit operator ReadOnlySpan<char>(string value) =>
            value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);



        public static bool IsNullOrEmpty(string value) => value == null || value._stringLength == 0;

        public static bool Equals(string a, string b)
        {
            if ((object)a == b) return true;
            if ((object)a == null || (object)b == null || a._stringLength != b._stringLength) return false;
            for (int i = 0; i < a._stringLength; i++)
                if (Unsafe.Add(ref a._firstChar, i) != Unsafe.Add(ref b._firstChar, i)) return false;
            return true;
        }

        public bool Equals(string other) => Equals(this, other);
        public override bool Equals(object obj) => obj is string s && Equals(this, s);
        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);

        // FNV-1a: deterministic across boots, so tests can rely on Dictionary ordering being stable.
        public override int GetHashCode()
        {
            uint h = 2166136261;
            for (int i = 0; i < _stringLength; i++)
                h = (h ^ Unsafe.Add(ref _firstChar, i)) * 16777619;
            return (int)h;
        }

        public override string ToString() => this;

        public static int CompareOrdinal(string a, string b)
        {
            if ((object)a == b) return 0;
            if ((object)a == null) return -1;
            if ((object)b == null) return 1;
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0) return d < 0 ? -1 : 1;
            }
            return a.Length == b.Length ? 0 : a.Length < b.Length ? -1 : 1;
        }

        public int CompareTo(string other) => CompareOrdinal(this, other);

        public static string Concat(string a, string b)
        {
            if (IsNullOrEmpty(a)) return b ?? Empty;
            if (IsNullOrEmpty(b)) return a;
            string s = FastAllocateString(a.Length + b.Length);
            Copy(a, s, 0);
            Copy(b, s, a.Length);
            return s;
        }

        public static string Concat(string a, string b, string c) => Concat(Concat(a, b), c);
        public static string Concat(string a, string b, string c, string d) => Concat(Concat(a, b), Concat(c, d));

        public static string Concat(params string[] values)
        {
            int total = 0;
            foreach (string v in values)
                if (v != null) total += v.Length;
            string s = FastAllocateString(total);
            int at = 0;
            foreach (string v in values)
            {
                if (v == null) continue;
                Copy(v, s, at);
                at += v.Length;
            }
            return s;
        }

        public static string Concat(object a) => a?.ToString() ?? Empty;
        public static string Concat(object a, object b) => Concat(a?.ToString(), b?.ToString());
        public static string Concat(object a, object b, object c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

        public static string Concat(ReadOnlySpan<string> values)
        {
            int total = 0;
            for (int i = 0; i < values.Length; i++)
                if (values[i] != null) total += values[i].Length;
            string s = FastAllocateString(total);
            int at = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == null) continue;
                Copy(values[i], s, at);
                at += values[i].Length;
            }
            return s;
        }

        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            string s = FastAllocateString(a.Length + b.Length);
            for (int i = 0; i < a.Length; i++) Unsafe.Add(ref s._firstChar, i) = a[i];
            for (int i = 0; i < b.Length; i++) Unsafe.Add(ref s._firstChar, a.Length + i) = b[i];
            return s;
        }

        private static void Copy(string from, string to, int at)
        {
            for (int i = 0; i < from._stringLength; i++)
                Unsafe.Add(ref to._firstChar, at + i) = Unsafe.Add(ref from._firstChar, i);
        }

        public string Substring(int start) => Substring(start, _stringLength - start);

        public string Substring(int start, int length)
        {
            if ((uint)start > (uint)_stringLength || (uint)length > (uint)(_stringLength - start))
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (length == _stringLength) return this;
            return Ctor(new ReadOnlySpan<char>(ref Unsafe.Add(ref _firstChar, start), length));
        }

    }
}
