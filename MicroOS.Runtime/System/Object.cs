using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime.CompilerServices
{
    // ILC looks this type up by name to reach an object's first field.
    internal sealed class RawData
    {
        public byte Data;
    }
}

namespace System
{
    // The first (and only) field of every object is its MethodTable pointer: a contract with ILC.
    // The allocator writes it; the 8 bytes before it are the object header.
    public unsafe class Object
    {
        internal MethodTable* m_pEEType;

        public Object() { }

        // Object's first virtual slot is the finalizer (ILC's contract); MicroOS never runs it.
        ~Object() { }

        public virtual bool Equals(object obj) => this == obj;

        public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);

        // The type's full name (see System.Runtime.TypeNames: generated at build time); a type without
        // a recorded name fails loudly rather than print a wrong one.
        public virtual unsafe string ToString() => System.Runtime.TypeNames.RequireName(m_pEEType, true);

        protected object MemberwiseClone()
        {
            object copy = m_pEEType->IsArray
                ? System.Runtime.RuntimeExports.RhNewArray(m_pEEType, Unsafe.As<Array>(this).Length)
                : System.Runtime.RuntimeExports.RhNewObject(m_pEEType);
            nuint size = GetRawDataSize();
            if (m_pEEType->IsArray) size += (nuint)Unsafe.As<Array>(this).Length * m_pEEType->ComponentSize;
            Buffer.Memmove(ref copy.GetRawData(), ref GetRawData(), size);
            return copy;
        }

        public Type GetType() => new Type(m_pEEType);

        public static bool ReferenceEquals(object a, object b) => a == b;

        public static bool Equals(object a, object b) => a == b || (a != null && b != null && a.Equals(b));

        internal MethodTable* GetMethodTable() => m_pEEType;

        // The first byte after the MethodTable pointer: where fields (or an array's length) begin.
        internal ref byte GetRawData() => ref Unsafe.As<RawData>(this).Data;

        internal uint GetRawDataSize() => m_pEEType->BaseSize - (uint)(2 * sizeof(nint));
    }


    // Equality of structs without their own Equals: field by field, as .NET does. ILC overrides
    // __GetFieldHelper in every struct that cannot be compared as plain bytes (references, floating
    // point fields); the others compare their bytes.
    public abstract unsafe class ValueType
    {
        private const int UseFastHelper = -1;
        private const int GetNumFields = -1;

        internal virtual int __GetFieldHelper(int index, out MethodTable* mt)
        {
            mt = null;
            return UseFastHelper;
        }

        public override bool Equals(object obj)
        {
            if (obj == null || obj.GetMethodTable() != GetMethodTable())
                return false;
            ref byte self = ref GetRawData();
            ref byte other = ref obj.GetRawData();
            int numFields = __GetFieldHelper(GetNumFields, out _);
            if (numFields == UseFastHelper)
            {
                uint size = GetMethodTable()->ValueTypeSize;
                for (uint i = 0; i < size; i++)
                    if (Unsafe.Add(ref self, (nint)i) != Unsafe.Add(ref other, (nint)i)) return false;
                return true;
            }
            for (int i = 0; i < numFields; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                object a = System.Runtime.RuntimeExports.RhBoxAny(ref Unsafe.Add(ref self, offset), fieldType);
                object b = System.Runtime.RuntimeExports.RhBoxAny(ref Unsafe.Add(ref other, offset), fieldType);
                if (a == null) { if (b != null) return false; }
                else if (!a.Equals(b)) return false;
            }
            return true;
        }

        public override int GetHashCode()
        {
            ref byte self = ref GetRawData();
            int numFields = __GetFieldHelper(GetNumFields, out _);
            uint h = 2166136261;
            if (numFields == UseFastHelper)
            {
                uint size = GetMethodTable()->ValueTypeSize;
                for (uint i = 0; i < size; i++)
                    h = (h ^ Unsafe.Add(ref self, (nint)i)) * 16777619;
                return (int)h;
            }
            for (int i = 0; i < numFields; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                object a = System.Runtime.RuntimeExports.RhBoxAny(ref Unsafe.Add(ref self, offset), fieldType);
                h = (h ^ (uint)(a == null ? 0 : a.GetHashCode())) * 16777619;
            }
            return (int)h;
        }

        public override string ToString() => System.Runtime.TypeNames.RequireName(GetMethodTable(), true);
    }

    // Enum values compare and hash by value; their names are not kept (see Object.ToString).
    public abstract unsafe class Enum : ValueType, IComparable
    {
        internal long RawValue()
        {
            ref byte data = ref GetRawData();
            switch (GetMethodTable()->ValueTypeSize)
            {
                case 1: return data;
                case 2: return Unsafe.As<byte, short>(ref data);
                case 4: return Unsafe.As<byte, int>(ref data);
                default: return Unsafe.As<byte, long>(ref data);
            }
        }

        public bool HasFlag(Enum flag)
        {
            if (flag == null) throw new ArgumentNullException("flag");
            if (flag.GetMethodTable() != GetMethodTable()) throw new ArgumentException("The argument type is not the enum type.");
            long f = flag.RawValue();
            return (RawValue() & f) == f;
        }

        public override bool Equals(object obj) => obj != null && obj.GetMethodTable() == GetMethodTable() && Unsafe.As<Enum>(obj).RawValue() == RawValue();

        public override int GetHashCode() => RawValue().GetHashCode();

        public int CompareTo(object target)
        {
            if (target == null) return 1;
            if (target.GetMethodTable() != GetMethodTable()) throw new ArgumentException("Object must be the same type as the enum.");
            long a = RawValue(), b = Unsafe.As<Enum>(target).RawValue();
            return a < b ? -1 : a > b ? 1 : 0;
        }

        private int Size => (int)GetMethodTable()->ValueTypeSize;

        private ulong Bits => Size == 8 ? (ulong)RawValue() : (ulong)RawValue() & ((1UL << (8 * Size)) - 1);

        public override string ToString() => System.Runtime.TypeNames.FormatEnum(GetMethodTable(), Bits, Size);

        public string ToString(string format)
        {
            if (string.IsNullOrEmpty(format) || format == "G" || format == "g") return ToString();
            if (format == "D" || format == "d") return System.Runtime.TypeNames.FormatEnumNumber(GetMethodTable(), Bits, Size);
            if (format == "X" || format == "x") return Number.FormatHex(Bits, Size * 2, true);
            throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }

        private static ulong ToBits<TEnum>(TEnum value)
        {
            ulong v = 0;
            for (int i = 0; i < Unsafe.SizeOf<TEnum>(); i++)
                Unsafe.Add(ref Unsafe.As<ulong, byte>(ref v), i) = Unsafe.Add(ref Unsafe.As<TEnum, byte>(ref value), i);
            return v;
        }

        private static TEnum FromBits<TEnum>(ulong v)
        {
            TEnum result = default;
            for (int i = 0; i < Unsafe.SizeOf<TEnum>(); i++)
                Unsafe.Add(ref Unsafe.As<TEnum, byte>(ref result), i) = Unsafe.Add(ref Unsafe.As<ulong, byte>(ref v), i);
            return result;
        }

        public static bool IsDefined<TEnum>(TEnum value) where TEnum : struct, Enum =>
            System.Runtime.TypeNames.IsDefined(Internal.Runtime.MethodTable.Of<TEnum>(), ToBits(value));

        public static string[] GetNames<TEnum>() where TEnum : struct, Enum => System.Runtime.TypeNames.Names(Internal.Runtime.MethodTable.Of<TEnum>());

        public static TEnum[] GetValues<TEnum>() where TEnum : struct, Enum
        {
            ulong[] bits = System.Runtime.TypeNames.Values(Internal.Runtime.MethodTable.Of<TEnum>());
            TEnum[] values = new TEnum[bits.Length];
            for (int i = 0; i < bits.Length; i++) values[i] = FromBits<TEnum>(bits[i]);
            return values;
        }

        public static bool TryParse<TEnum>(string value, out TEnum result) where TEnum : struct, Enum
        {
            bool ok = System.Runtime.TypeNames.TryParseEnum(Internal.Runtime.MethodTable.Of<TEnum>(), value, out ulong bits);
            result = ok ? FromBits<TEnum>(bits) : default;
            return ok;
        }

        public static bool TryParse<TEnum>(string value, bool ignoreCase, out TEnum result) where TEnum : struct, Enum
        {
            bool ok = System.Runtime.TypeNames.TryParseEnum(Internal.Runtime.MethodTable.Of<TEnum>(), value, out ulong bits, ignoreCase);
            result = ok ? FromBits<TEnum>(bits) : default;
            return ok;
        }

        public static TEnum Parse<TEnum>(string value, bool ignoreCase) where TEnum : struct, Enum
        {
            if (value == null) throw new ArgumentNullException("value");
            return TryParse(value, ignoreCase, out TEnum result) ? result
                : throw new ArgumentException(string.Concat("Requested value '", value, "' was not found."));
        }

        public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum
        {
            if (value == null) throw new ArgumentNullException("value");
            return TryParse(value, out TEnum result) ? result
                : throw new ArgumentException(string.Concat("Requested value '", value, "' was not found."));
        }
    }

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;

        public Nullable(T value)
        {
            this.value = value;
            hasValue = true;
        }

        public readonly bool HasValue => hasValue;

        public readonly T Value => hasValue ? value : throw new InvalidOperationException("Nullable object must have a value.");

        public readonly T GetValueOrDefault() => value;

        public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

        public override bool Equals(object other) => !hasValue ? other == null : other != null && value.Equals(other);
        public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;
        public override string ToString() => hasValue ? value.ToString() : "";

        public static implicit operator T?(T value) => new T?(value);

        public static explicit operator T(T? value) => value.Value;
    }

    public struct RuntimeTypeHandle
    {
        internal IntPtr _value;
        public IntPtr Value => _value;
    }

    public struct RuntimeMethodHandle
    {
        internal IntPtr _value;
    }

    public struct RuntimeFieldHandle
    {
        internal IntPtr _value;
    }

    // Type exists for typeof(); MicroOS has no reflection, so it only wraps the MethodTable.
    public unsafe class Type
    {
        internal readonly MethodTable* _mt;
        internal Type(MethodTable* mt) { _mt = mt; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => new Type((MethodTable*)handle._value);
        public string Name => System.Runtime.TypeNames.RequireName(_mt, false);
        public string FullName => System.Runtime.TypeNames.RequireName(_mt, true);
        public override string ToString() => FullName;
        public bool IsValueType => _mt->IsValueType;
        public bool IsArray => _mt->IsArray;
        public RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle { _value = (IntPtr)_mt };
        public static bool operator ==(Type a, Type b) => (object)a == null ? (object)b == null : (object)b != null && a._mt == b._mt;
        public static bool operator !=(Type a, Type b) => !(a == b);
        public override bool Equals(object obj) => obj is Type t && t._mt == _mt;
        public override int GetHashCode() => (int)(long)_mt;
    }

    public struct TypedReference { }
    public struct ArgIterator { }
    public struct RuntimeArgumentHandle { }
}
