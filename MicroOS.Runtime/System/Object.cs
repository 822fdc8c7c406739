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

        public virtual string ToString() => "System.Object";

        public static bool ReferenceEquals(object a, object b) => a == b;

        internal MethodTable* GetMethodTable() => m_pEEType;

        // The first byte after the MethodTable pointer: where fields (or an array's length) begin.
        internal ref byte GetRawData() => ref Unsafe.As<RawData>(this).Data;

        internal uint GetRawDataSize() => m_pEEType->BaseSize - (uint)(2 * sizeof(nint));
    }


    public abstract class ValueType
    {
    }

    public abstract class Enum : ValueType
    {
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

        public static implicit operator T?(T value) => new T?(value);

        public static explicit operator T(T? value) => value.Value;
    }

    public struct RuntimeTypeHandle
    {
        internal IntPtr _value;
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
