using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    // ILC's type descriptor (a.k.a. EEType), as emitted by ILC 10.0.12 for x64. Only the parts the
    // runtime reads are described; the layout is pinned with the compiler version (see Freestanding.props).
    //   +0  uint   flags (low 16 bits: component size for arrays/strings, else extended flags)
    //   +4  uint   base size (object header + MethodTable pointer + fields, 8-aligned)
    //   +8  MT*    related type: base type for classes, element type for arrays
    //   +16 ushort vtable slot count, +18 ushort interface count, +20 uint hash code
    //   +24 vtable slots (code pointers), then the interface map (MT* per interface)
    public unsafe struct MethodTable
    {
        internal uint _uFlags;
        internal uint _uBaseSize;
        internal MethodTable* _relatedType;
        internal ushort _usNumVtableSlots;
        internal ushort _usNumInterfaces;
        internal uint _uHashCode;

        internal const uint HasComponentSizeFlag = 0x80000000;
        internal const uint ElementTypeMask = 0x7C000000;
        internal const int ElementTypeShift = 26;
        internal const uint HasPointersFlag = 0x01000000;
        internal const uint IsGenericFlag = 0x02000000;
        internal const uint GenericVarianceFlag = 0x00800000;
        internal const uint HasDispatchMapFlag = 0x00040000;
        internal const uint HasFinalizerFlag = 0x00100000;
        internal const uint KindMask = 0x00030000;
        internal const uint ParameterizedKind = 0x00020000;

        internal const int HeaderSize = 24;

        // ILC replaces this with the constant MethodTable address of T.
        [Intrinsic]
        internal static MethodTable* Of<T>() => (MethodTable*)typeof(T).TypeHandle._value;

        internal uint BaseSize => _uBaseSize;
        internal bool HasComponentSize => (_uFlags & HasComponentSizeFlag) != 0;
        internal ushort ComponentSize => HasComponentSize ? (ushort)_uFlags : (ushort)0;
        internal ElementType ElementType => (ElementType)((_uFlags & ElementTypeMask) >> ElementTypeShift);
        internal bool IsInterface => ElementType == ElementType.Interface;
        internal bool IsValueType => ElementType < ElementType.Class;
        internal bool IsNullable => ElementType == ElementType.Nullable;
        // Where Nullable<T> keeps its value: ILC stores log2 of the offset in bits 8..10 of the flags
        // (observed: 1 for byte, 2 for short, 4 for int and 4-aligned structs, 8 for long and double).
        internal int NullableValueOffset => 1 << (int)((_uFlags >> 8) & 7);
        internal bool IsArray => ElementType == ElementType.Array || ElementType == ElementType.SzArray;
        internal bool IsSzArray => ElementType == ElementType.SzArray;
        internal bool IsParameterized => (_uFlags & KindMask) == ParameterizedKind;
        internal bool HasPointers => (_uFlags & HasPointersFlag) != 0;
        internal bool HasDispatchMap => (_uFlags & HasDispatchMapFlag) != 0;
        internal ushort NumVtableSlots => _usNumVtableSlots;
        internal ushort NumInterfaces => _usNumInterfaces;

        // For a class: its base type (null for System.Object). Arrays and pointers use it for the element type.
        internal MethodTable* BaseType => IsParameterized ? null : _relatedType;
        internal MethodTable* RelatedParameterType => IsParameterized ? _relatedType : null;
        // For Nullable<T>: T (ILC stores it in the related-type slot as well).
        // T of a Nullable<T>. Its related type is System.ValueType (its base), not T: ILC 10 places T
        // behind the vtable as the last of four 32-bit relative pointers (type manager, writable data,
        // generic definition, generic argument); Nullable<T> has no interfaces and no optional parts.
        internal MethodTable* NullableType
        {
            get
            {
                fixed (MethodTable* self = &this)
                {
                    byte* cell = (byte*)self + HeaderSize + 8 * (_usNumVtableSlots + _usNumInterfaces) + 12;
                    return (MethodTable*)(cell + *(int*)cell);
                }
            }
        }

        internal nint* Vtable
        {
            get { fixed (MethodTable* self = &this) return (nint*)((byte*)self + HeaderSize); }
        }

        internal MethodTable** InterfaceMap
        {
            get { fixed (MethodTable* self = &this) return (MethodTable**)((byte*)self + HeaderSize + _usNumVtableSlots * sizeof(nint)); }
        }

        // The base size is padded to 8 bytes (24 at least); ILC records the padding of a value type's
        // fields in bits 5..7 of the flags, so this is the struct's real size (4 for int, 2 for short?).
        internal uint ValueTypeSize => _uBaseSize - (uint)(2 * sizeof(nint)) - ((_uFlags >> 5) & 7);

        internal const uint HasSealedVTableEntriesFlag = 0x00400000;
        internal bool HasSealedVTableEntries => (_uFlags & HasSealedVTableEntriesFlag) != 0;
        internal bool HasFinalizer => (_uFlags & HasFinalizerFlag) != 0;

        // After the interface map come 32-bit relative pointers (each relative to its own address):
        // type manager, writable data, then the dispatch map (if any), the finalizer (if any) and the
        // sealed virtual slots (if any). Layout checked against ILC 10.0.12's output.
        private int* OptionalField(int index)
        {
            fixed (MethodTable* self = &this)
                return (int*)((byte*)self + HeaderSize + _usNumVtableSlots * sizeof(nint) + _usNumInterfaces * sizeof(nint)) + index;
        }

        private static void* FollowRelative(int* field) => (byte*)field + *field;

        internal DispatchMap* DispatchMap => HasDispatchMap ? (DispatchMap*)FollowRelative(OptionalField(2)) : null;

        // Code for a virtual slot: slots past the vtable live in the sealed-slot table.
        internal nint GetSlot(int slot)
        {
            if (slot < _usNumVtableSlots)
                return Vtable[slot];
            int index = 2 + (HasDispatchMap ? 1 : 0) + (HasFinalizer ? 1 : 0);
            int* sealedSlots = (int*)FollowRelative(OptionalField(index));
            return (nint)FollowRelative(sealedSlots + (slot - _usNumVtableSlots));
        }
    }

    // Which vtable slot implements each (interface, interface slot) pair of a type.
    internal unsafe struct DispatchMap
    {
        public ushort StandardEntryCount;
        public ushort DefaultEntryCount;
        public ushort StandardStaticEntryCount;
        public ushort DefaultStaticEntryCount;

        public DispatchMapEntry* Entries
        {
            get { fixed (DispatchMap* self = &this) return (DispatchMapEntry*)(self + 1); }
        }
    }

    internal struct DispatchMapEntry
    {
        public ushort InterfaceIndex;
        public ushort InterfaceMethodSlot;
        public ushort ImplMethodSlot;
    }

    internal enum ElementType
    {
        Unknown = 0x00, Void = 0x01, Boolean = 0x02, Char = 0x03, SByte = 0x04, Byte = 0x05,
        Int16 = 0x06, UInt16 = 0x07, Int32 = 0x08, UInt32 = 0x09, Int64 = 0x0A, UInt64 = 0x0B,
        IntPtr = 0x0C, UIntPtr = 0x0D, Single = 0x0E, Double = 0x0F,
        ValueType = 0x10, Nullable = 0x12,
        Class = 0x14, Interface = 0x15, SystemArray = 0x16, Array = 0x17, SzArray = 0x18,
        ByRef = 0x19, Pointer = 0x1A, FunctionPointer = 0x1B,
    }
}
