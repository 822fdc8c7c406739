using System.Text;

namespace System
{
    public sealed partial class String
    {
        // Ordinal or OrdinalIgnoreCase (culture-sensitive comparisons throw NotSupportedException,
        // as everywhere in MicroOS's String).
        public string Replace(string oldValue, string newValue, StringComparison comparisonType)
        {
            if (oldValue == null) throw new ArgumentNullException("oldValue");
            if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length.", "oldValue");
            if (!IgnoreCase(comparisonType)) return Replace(oldValue, newValue);
            newValue ??= Empty;
            int at = IndexOf(oldValue, 0, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return this;
            var sb = new StringBuilder();
            int from = 0;
            while (at >= 0)
            {
                sb.Append(Substring(from, at - from)).Append(newValue);
                from = at + oldValue.Length;
                at = IndexOf(oldValue, from, StringComparison.OrdinalIgnoreCase);
            }
            return sb.Append(Substring(from)).ToString();
        }

        // The provider is the invariant culture whatever is passed (Roslyn's anonymous types call these with null).
        public static string Format(IFormatProvider provider, string format, object arg0) => Format(format, arg0);
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1) => Format(format, arg0, arg1);
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => Format(format, arg0, arg1, arg2);
        public static string Format(IFormatProvider provider, string format, params object[] args) => Format(format, args);

        public string Replace(string oldValue, string newValue, bool ignoreCase, Globalization.CultureInfo culture) =>
            Replace(oldValue, newValue, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
