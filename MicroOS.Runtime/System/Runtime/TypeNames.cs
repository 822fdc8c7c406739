using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // Type and enum-member names, registered at start-up by the module initializer that
    // MicroOS.Build/TypeNames (a Roslyn source generator) writes into every server: ILC keeps no names
    // without reflection metadata. The runtime names its own primitives below; generic types and types
    // of projects built without the generator have no name, and asking for one fails loudly.
    public static unsafe class TypeNames
    {
        private sealed class Entry
        {
            public MethodTable* Type;
            public string Name;
            public string FullName;
            public bool Flags;
            public ulong[] Values;     // sorted ascending (as unsigned), names in the same order
            public string[] Names;
            public Entry Next;
        }

        private static Entry s_first;

        public static void Register(RuntimeTypeHandle type, string name, string fullName)
        {
            s_first = new Entry { Type = (MethodTable*)type._value, Name = name, FullName = fullName, Next = s_first };
        }

        public static void RegisterEnum(RuntimeTypeHandle type, bool flags, ulong[] values, string[] names)
        {
            Entry e = Find((MethodTable*)type._value);
            if (e == null) return;
            // insertion sort by unsigned value, keeping declaration order among equal values
            for (int i = 1; i < values.Length; i++)
            {
                ulong v = values[i];
                string n = names[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v) { values[j + 1] = values[j]; names[j + 1] = names[j]; j--; }
                values[j + 1] = v;
                names[j + 1] = n;
            }
            e.Flags = flags;
            e.Values = values;
            e.Names = names;
        }

        private static Entry Find(MethodTable* type)
        {
            for (Entry e = s_first; e != null; e = e.Next)
                if (e.Type == type) return e;
            return null;
        }

        private static string Primitive(MethodTable* type)
        {
            if (type == MethodTable.Of<object>()) return "Object";
            if (type == MethodTable.Of<string>()) return "String";
            // Primitives by element type (naming them by MethodTable.Of<T>() would keep every primitive's
            // formatting code in every image); an enum has the same element type but Enum as its base.
            if (type->IsValueType && type->_relatedType == MethodTable.Of<ValueType>())
            {
                switch (type->ElementType)
                {
                    case ElementType.Boolean: return "Boolean";
                    case ElementType.Char: return "Char";
                    case ElementType.SByte: return "SByte";
                    case ElementType.Byte: return "Byte";
                    case ElementType.Int16: return "Int16";
                    case ElementType.UInt16: return "UInt16";
                    case ElementType.Int32: return "Int32";
                    case ElementType.UInt32: return "UInt32";
                    case ElementType.Int64: return "Int64";
                    case ElementType.UInt64: return "UInt64";
                    case ElementType.IntPtr: return "IntPtr";
                    case ElementType.UIntPtr: return "UIntPtr";
                    case ElementType.Single: return "Single";
                    case ElementType.Double: return "Double";
                }
            }
            return null;
        }

        internal static string NameOf(MethodTable* type, bool full)
        {
            Entry e = Find(type);
            if (e != null) return full ? e.FullName : e.Name;
            string p = Primitive(type);
            if (p != null) return full ? string.Concat("System.", p) : p;
            if (type->IsSzArray)
            {
                string element = NameOf(type->_relatedType, full);
                if (element != null) return string.Concat(element, "[]");
            }
            return null;
        }

        internal static string RequireName(MethodTable* type, bool full) =>
            NameOf(type, full) ?? throw new NotSupportedException(
                "This type has no recorded name on MicroOS (generic types, private nested types and types of projects without the MicroOS.Build/TypeNames generator); override ToString or print something else.");

        // ---- enums ----

        internal static bool IsSigned(MethodTable* enumType)
        {
            ElementType t = enumType->ElementType;
            return t == ElementType.SByte || t == ElementType.Int16 || t == ElementType.Int32 || t == ElementType.Int64;
        }

        private static Entry RequireEnum(MethodTable* type) =>
            Find(type) is Entry e && e.Names != null ? e : throw new NotSupportedException(
                "This enum has no recorded member names on MicroOS (it was not compiled with the MicroOS.Build/TypeNames generator).");

        internal static string FormatEnum(MethodTable* type, ulong value, int size)
        {
            Entry e = RequireEnum(type);
            for (int i = 0; i < e.Values.Length; i++)
                if (e.Values[i] == value) return e.Names[i];
            if (e.Flags && value != 0)
            {
                ulong rest = value;
                bool[] used = new bool[e.Values.Length];
                for (int i = e.Values.Length - 1; i >= 0 && rest != 0; i--)
                {
                    ulong v = e.Values[i];
                    if (v != 0 && (rest & v) == v) { rest -= v; used[i] = true; }
                }
                if (rest == 0)
                {
                    var sb = new System.Text.StringBuilder();
                    for (int i = 0; i < used.Length; i++)
                    {
                        if (!used[i]) continue;
                        if (sb.Length > 0) sb.Append(", ");
                        sb.Append(e.Names[i]);
                    }
                    return sb.ToString();
                }
            }
            return FormatEnumNumber(type, value, size);
        }

        internal static string FormatEnumNumber(MethodTable* type, ulong value, int size)
        {
            if (!IsSigned(type)) return value.ToString();
            long signedValue = size == 1 ? (sbyte)value : size == 2 ? (short)value : size == 4 ? (int)value : (long)value;
            return signedValue.ToString();
        }

        internal static bool IsDefined(MethodTable* type, ulong value)
        {
            Entry e = RequireEnum(type);
            for (int i = 0; i < e.Values.Length; i++)
                if (e.Values[i] == value) return true;
            return false;
        }

        internal static string[] Names(MethodTable* type)
        {
            Entry e = RequireEnum(type);
            string[] copy = new string[e.Names.Length];
            for (int i = 0; i < copy.Length; i++) copy[i] = e.Names[i];
            return copy;
        }

        internal static ulong[] Values(MethodTable* type) => RequireEnum(type).Values;

        // Enum.TryParse: names (case-sensitive), comma-separated names for any enum, or a number.
        internal static bool TryParseEnum(MethodTable* type, string text, out ulong value, bool ignoreCase = false)
        {
            value = 0;
            if (text == null) return false;
            string t = text.Trim();
            if (t.Length == 0) return false;
            char c = t[0];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+')
            {
                if (IsSigned(type))
                {
                    if (!long.TryParse(t, out long l)) return false;
                    value = (ulong)l;
                    return true;
                }
                return ulong.TryParse(t, out value);
            }
            Entry e = RequireEnum(type);
            string[] parts = t.Split(',');
            foreach (string raw in parts)
            {
                string part = raw.Trim();
                int found = -1;
                for (int i = 0; i < e.Names.Length; i++)
                    if (e.Names[i] == part) { found = i; break; }
                // As .NET: an exact match first, then (ignoreCase) one that differs only in case.
                for (int i = 0; found < 0 && ignoreCase && i < e.Names.Length; i++)
                    if (string.Equals(e.Names[i], part, StringComparison.OrdinalIgnoreCase)) found = i;
                if (found < 0) { value = 0; return false; }
                value |= e.Values[found];
            }
            return true;
        }
    }
}
