using System.Collections.Generic;
using System.Text;

namespace System
{
    // Searching, case mapping, trimming, splitting, joining and composite formatting, with .NET's
    // ordinal semantics. Culture-sensitive comparisons do not exist on MicroOS: the overloads without a
    // StringComparison that .NET makes culture-sensitive (Compare, StartsWith(string), EndsWith(string),
    // CompareTo) compare ordinally here, which equals .NET's invariant result only for ASCII letters of
    // one case and digits — the conformance suite checks exactly those.
    public sealed partial class String : IEnumerable<char>
    {
        IEnumerator<char> IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new CharEnumerator(this);

        private static bool IgnoreCase(StringComparison c)
        {
            if (c == StringComparison.Ordinal) return false;
            if (c == StringComparison.OrdinalIgnoreCase) return true;
            throw new NotSupportedException("Culture-sensitive string comparison is not supported on MicroOS; use Ordinal or OrdinalIgnoreCase.");
        }

        private static char Fold(char c) => char.ToUpperInvariant(c);

        private bool MatchAt(int at, string value, bool ignoreCase)
        {
            for (int j = 0; j < value.Length; j++)
            {
                char a = this[at + j], b = value[j];
                if (a != b && (!ignoreCase || Fold(a) != Fold(b))) return false;
            }
            return true;
        }

        public int IndexOf(char value) => IndexOf(value, 0, _stringLength);
        public int IndexOf(char value, int startIndex) => IndexOf(value, startIndex, _stringLength - startIndex);

        public int IndexOf(char value, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_stringLength) throw new ArgumentOutOfRangeException("startIndex");
            if ((uint)count > (uint)(_stringLength - startIndex)) throw new ArgumentOutOfRangeException("count");
            for (int i = startIndex; i < startIndex + count; i++)
                if (this[i] == value) return i;
            return -1;
        }

        public int IndexOf(string value) => IndexOf(value, 0, StringComparison.Ordinal);
        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, StringComparison.Ordinal);
        public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, comparisonType);

        public int IndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            if ((uint)startIndex > (uint)_stringLength) throw new ArgumentOutOfRangeException("startIndex");
            bool ignoreCase = IgnoreCase(comparisonType);
            for (int i = startIndex; i + value.Length <= _stringLength; i++)
                if (MatchAt(i, value, ignoreCase)) return i;
            return -1;
        }

        public int IndexOfAny(char[] anyOf)
        {
            for (int i = 0; i < _stringLength; i++)
                if (Array.IndexOf(anyOf, this[i]) >= 0) return i;
            return -1;
        }

        public int LastIndexOf(char value) => LastIndexOf(value, _stringLength - 1);

        public int LastIndexOf(char value, int startIndex)
        {
            if (_stringLength == 0) return -1;
            if ((uint)startIndex >= (uint)_stringLength) throw new ArgumentOutOfRangeException("startIndex");
            for (int i = startIndex; i >= 0; i--)
                if (this[i] == value) return i;
            return -1;
        }

        public int LastIndexOf(string value) => LastIndexOf(value, StringComparison.Ordinal);

        public int LastIndexOf(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            bool ignoreCase = IgnoreCase(comparisonType);
            if (value.Length == 0) return _stringLength == 0 ? 0 : _stringLength - 1;
            for (int i = _stringLength - value.Length; i >= 0; i--)
                if (MatchAt(i, value, ignoreCase)) return i;
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            for (int i = _stringLength - 1; i >= 0; i--)
                if (Array.IndexOf(anyOf, this[i]) >= 0) return i;
            return -1;
        }

        public bool Contains(string value) => IndexOf(value) >= 0;
        public bool Contains(char value) => IndexOf(value) >= 0;
        public bool Contains(string value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

        public bool StartsWith(string value) => StartsWith(value, StringComparison.Ordinal);
        public bool StartsWith(char value) => _stringLength > 0 && this[0] == value;

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            return value.Length <= _stringLength && MatchAt(0, value, IgnoreCase(comparisonType));
        }

        public bool EndsWith(string value) => EndsWith(value, StringComparison.Ordinal);
        public bool EndsWith(char value) => _stringLength > 0 && this[_stringLength - 1] == value;

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            return value.Length <= _stringLength && MatchAt(_stringLength - value.Length, value, IgnoreCase(comparisonType));
        }

        public bool Equals(string value, StringComparison comparisonType) => Equals(this, value, comparisonType);

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoreCase(comparisonType);
            if ((object)a == b) return true;
            if ((object)a == null || (object)b == null || a.Length != b.Length) return false;
            return a.MatchAt(0, b, ignoreCase);
        }

        public static int Compare(string a, string b) => CompareOrdinal(a, b);

        public static int Compare(string a, string b, StringComparison comparisonType)
        {
            if (!IgnoreCase(comparisonType)) return CompareOrdinal(a, b);
            if ((object)a == b) return 0;
            if ((object)a == null) return -1;
            if ((object)b == null) return 1;
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                int d = Fold(a[i]) - Fold(b[i]);
                if (d != 0) return d;
            }
            return a.Length - b.Length;
        }

        public static int Compare(string a, string b, bool ignoreCase) => Compare(a, b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null) return true;
            for (int i = 0; i < value.Length; i++)
                if (!char.IsWhiteSpace(value[i])) return false;
            return true;
        }

        public char[] ToCharArray()
        {
            char[] a = new char[_stringLength];
            for (int i = 0; i < _stringLength; i++) a[i] = this[i];
            return a;
        }

        // foreach over a string compiles to GetEnumerator on older patterns; C# uses the indexer, but
        // IEnumerable<char> consumers (LINQ) need this.
        public CharEnumerator GetEnumerator() => new CharEnumerator(this);

        public string Replace(char oldChar, char newChar)
        {
            if (IndexOf(oldChar) < 0) return this;
            char[] a = ToCharArray();
            for (int i = 0; i < a.Length; i++) if (a[i] == oldChar) a[i] = newChar;
            return new string(a);
        }

        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null) throw new ArgumentNullException("oldValue");
            if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length.", "oldValue");
            newValue ??= Empty;
            int at = IndexOf(oldValue);
            if (at < 0) return this;
            var sb = new StringBuilder();
            int from = 0;
            while (at >= 0)
            {
                sb.Append(Substring(from, at - from)).Append(newValue);
                from = at + oldValue.Length;
                at = IndexOf(oldValue, from);
            }
            return sb.Append(Substring(from)).ToString();
        }

        public string Insert(int startIndex, string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            if ((uint)startIndex > (uint)_stringLength) throw new ArgumentOutOfRangeException("startIndex");
            return Concat(Substring(0, startIndex), value, Substring(startIndex));
        }

        public string Remove(int startIndex) => Substring(0, startIndex);

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0 || count < 0 || startIndex > _stringLength - count) throw new ArgumentOutOfRangeException("count");
            return Concat(Substring(0, startIndex), Substring(startIndex + count));
        }

        public string ToUpper() => ToUpperInvariant();
        public string ToLower() => ToLowerInvariant();

        public string ToUpperInvariant()
        {
            char[] a = ToCharArray();
            for (int i = 0; i < a.Length; i++) a[i] = char.ToUpperInvariant(a[i]);
            return new string(a);
        }

        public string ToLowerInvariant()
        {
            char[] a = ToCharArray();
            for (int i = 0; i < a.Length; i++) a[i] = char.ToLowerInvariant(a[i]);
            return new string(a);
        }

        private string TrimCore(bool start, bool end, char[] chars)
        {
            int s = 0, e = _stringLength;
            bool Trimmable(char c) => chars == null || chars.Length == 0 ? char.IsWhiteSpace(c) : Array.IndexOf(chars, c) >= 0;
            if (start) while (s < e && Trimmable(this[s])) s++;
            if (end) while (e > s && Trimmable(this[e - 1])) e--;
            return Substring(s, e - s);
        }

        public string Trim() => TrimCore(true, true, null);
        public string Trim(char trimChar) => TrimCore(true, true, new[] { trimChar });
        public string Trim(params char[] trimChars) => TrimCore(true, true, trimChars);
        public string TrimStart() => TrimCore(true, false, null);
        public string TrimStart(char trimChar) => TrimCore(true, false, new[] { trimChar });
        public string TrimStart(params char[] trimChars) => TrimCore(true, false, trimChars);
        public string TrimEnd() => TrimCore(false, true, null);
        public string TrimEnd(char trimChar) => TrimCore(false, true, new[] { trimChar });
        public string TrimEnd(params char[] trimChars) => TrimCore(false, true, trimChars);

        public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException("totalWidth");
            return _stringLength >= totalWidth ? this : Concat(new string(paddingChar, totalWidth - _stringLength), this);
        }

        public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException("totalWidth");
            return _stringLength >= totalWidth ? this : Concat(this, new string(paddingChar, totalWidth - _stringLength));
        }

        // ---- Split ----

        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new[] { separator }, null, int.MaxValue, options);
        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new[] { separator }, null, count, options);
        public string[] Split(params char[] separator) => SplitCore(separator, null, int.MaxValue, StringSplitOptions.None);
        public string[] Split(char[] separator, StringSplitOptions options) => SplitCore(separator, null, int.MaxValue, options);
        public string[] Split(char[] separator, int count) => SplitCore(separator, null, count, StringSplitOptions.None);
        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) =>
            string.IsNullOrEmpty(separator) ? SplitCore(new char[0], null, int.MaxValue, options, noSeparator: true) : SplitCore(null, separator, int.MaxValue, options);

        private string[] SplitCore(char[] chars, string separator, int count, StringSplitOptions options, bool noSeparator = false)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count");
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            var parts = new List<string>();
            if (count == 0) return new string[0];
            int start = 0, i = 0;
            while (i <= _stringLength)
            {
                int sepLength = 0;
                if (i < _stringLength && !noSeparator)
                {
                    if (separator != null) { if (i + separator.Length <= _stringLength && MatchAt(i, separator, false)) sepLength = separator.Length; }
                    else if (chars == null || chars.Length == 0 ? char.IsWhiteSpace(this[i]) : Array.IndexOf(chars, this[i]) >= 0) sepLength = 1;
                }
                if (i == _stringLength || sepLength > 0)
                {
                    if (parts.Count == count - 1 && i < _stringLength)
                    {
                        // the last allowed part takes the rest of the string
                        i = _stringLength;
                        continue;
                    }
                    string part = Substring(start, i - start);
                    if (trim) part = part.Trim();
                    if (!(removeEmpty && part.Length == 0)) parts.Add(part);
                    if (i == _stringLength) break;
                    i += sepLength;
                    start = i;
                    continue;
                }
                i++;
            }
            return parts.ToArray();
        }

        // ---- Join ----

        public static string Join(string separator, params string[] value)
        {
            if (value == null) throw new ArgumentNullException("value");
            var sb = new StringBuilder();
            for (int i = 0; i < value.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(value[i]);
            }
            return sb.ToString();
        }

        public static string Join(char separator, params string[] value) => Join(FromChar(separator), value);

        public static string Join(string separator, params object[] values)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(values[i]?.ToString());
            }
            return sb.ToString();
        }

        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            var sb = new StringBuilder();
            bool first = true;
            foreach (T v in values)
            {
                if (!first) sb.Append(separator);
                first = false;
                sb.Append(v?.ToString());
            }
            return sb.ToString();
        }

        public static string Join(string separator, IEnumerable<string> values) => Join<string>(separator, values);

        public static string Concat(IEnumerable<string> values) => Join<string>(Empty, values);
        public static string Concat<T>(IEnumerable<T> values) => Join<T>(Empty, values);

        // ---- Composite formatting: {index[,alignment][:format]} with {{ and }} escapes ----

        public static string Format(string format, object arg0) => Format(format, new object[] { arg0 });
        public static string Format(string format, object arg0, object arg1) => Format(format, new object[] { arg0, arg1 });
        public static string Format(string format, object arg0, object arg1, object arg2) => Format(format, new object[] { arg0, arg1, arg2 });

        public static string Format(string format, params object[] args)
        {
            if (format == null) throw new ArgumentNullException("format");
            var sb = new StringBuilder();
            int i = 0, n = format.Length;
            while (i < n)
            {
                char c = format[i];
                if (c == '}')
                {
                    if (i + 1 < n && format[i + 1] == '}') { sb.Append('}'); i += 2; continue; }
                    throw BadFormat();
                }
                if (c != '{') { sb.Append(c); i++; continue; }
                if (i + 1 < n && format[i + 1] == '{') { sb.Append('{'); i += 2; continue; }
                i++;
                int index = 0;
                if (i >= n || format[i] < '0' || format[i] > '9') throw BadFormat();
                while (i < n && format[i] >= '0' && format[i] <= '9') { index = index * 10 + (format[i] - '0'); i++; if (index > 1000000) throw BadFormat(); }
                while (i < n && format[i] == ' ') i++;
                int alignment = 0;
                if (i < n && format[i] == ',')
                {
                    i++;
                    while (i < n && format[i] == ' ') i++;
                    bool left = false;
                    if (i < n && format[i] == '-') { left = true; i++; }
                    if (i >= n || format[i] < '0' || format[i] > '9') throw BadFormat();
                    while (i < n && format[i] >= '0' && format[i] <= '9') { alignment = alignment * 10 + (format[i] - '0'); i++; }
                    if (left) alignment = -alignment;
                    while (i < n && format[i] == ' ') i++;
                }
                string itemFormat = null;
                if (i < n && format[i] == ':')
                {
                    int start = ++i;
                    while (i < n && format[i] != '}')
                    {
                        if (format[i] == '{') throw BadFormat();
                        i++;
                    }
                    itemFormat = format.Substring(start, i - start);
                }
                if (i >= n || format[i] != '}') throw BadFormat();
                i++;
                if (index >= args.Length) throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                AppendAligned(sb, FormatItem(args[index], itemFormat), alignment);
            }
            return sb.ToString();
        }

        private static FormatException BadFormat() => new FormatException("Input string was not in a correct format.");

        internal static string FormatItem(object arg, string format)
        {
            if (arg == null) return Empty;
            if (format != null && arg is IFormattable f) return f.ToString(format, null);
            return arg.ToString() ?? Empty;
        }

        internal static void AppendAligned(StringBuilder sb, string s, int alignment)
        {
            int pad = (alignment < 0 ? -alignment : alignment) - s.Length;
            if (alignment > 0 && pad > 0) sb.Append(' ', pad);
            sb.Append(s);
            if (alignment < 0 && pad > 0) sb.Append(' ', pad);
        }
    }

    public struct CharEnumerator : IEnumerator<char>
    {
        private readonly string _s;
        private int _index;
        internal CharEnumerator(string s) { _s = s; _index = -1; }
        public bool MoveNext() => ++_index < _s.Length;
        public char Current => _s[_index];
        object System.Collections.IEnumerator.Current => _s[_index];
        public void Reset() => _index = -1;
        public void Dispose() { }
    }
}
