using Internal.Runtime;
using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    // Allocation and boxing: the helpers ILC calls for `new`, `newarr`, `box` and `unbox`.
    public static unsafe class RuntimeExports
    {
        [RuntimeExport("RhpNewFast")]
        internal static object RhpNewFast(MethodTable* type)
        {
            byte* memory = Heap.Allocate(type->BaseSize);
            // The object header (8 bytes) precedes the object; the reference points at the MethodTable.
            *(MethodTable**)(memory + sizeof(nint)) = type;
            return ObjectAt(memory + sizeof(nint));
        }

        [RuntimeExport("RhpNewFinalizable")]
        internal static object RhpNewFinalizable(MethodTable* type) => RhpNewFast(type);

        [RuntimeExport("RhpNewArrayFast")]
        internal static object RhpNewArrayFast(MethodTable* type, int length)
        {
            if (length < 0)
                ThrowHelpers.ThrowOverflowException();
            nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
            byte* memory = Heap.Allocate(size);
            *(MethodTable**)(memory + sizeof(nint)) = type;
            *(int*)(memory + 2 * sizeof(nint)) = length;
            return ObjectAt(memory + sizeof(nint));
        }

        [RuntimeExport("RhpNewPtrArrayFast")]
        internal static object RhpNewPtrArrayFast(MethodTable* type, int length) => RhpNewArrayFast(type, length);

        [RuntimeExport("RhpNewArray")]
        internal static object RhpNewArray(MethodTable* type, int length) => RhpNewArrayFast(type, length);

        [RuntimeExport("RhNewObject")]
        public static object RhNewObject(MethodTable* type) => RhpNewFast(type);

        [RuntimeExport("RhNewArray")]
        public static object RhNewArray(MethodTable* type, int length) => RhpNewArrayFast(type, length);

        [RuntimeExport("RhNewString")]
        public static object RhNewString(MethodTable* type, int length) => RhpNewArrayFast(type, length);

        internal static object ObjectAt(void* address) => Unsafe.As<IntPtr, object>(ref *(IntPtr*)&address);

        [RuntimeExport("RhBox")]
        public static object RhBox(MethodTable* type, ref byte data)
        {
            MethodTable* nullableSource = null;
            if (type->IsNullable)
            {
                nullableSource = type;
                // A Nullable<T> boxes to a boxed T, or to null when it has no value.
                if (data == 0)
                    return null;
                data = ref Unsafe.Add(ref data, type->NullableValueOffset);
                type = type->NullableType;
            }
            object result = RhpNewFast(type);
            Buffer.Memmove(ref result.GetRawData(), ref data, nullableSource != null ? NullableValueSize(nullableSource) : type->ValueTypeSize);
            return result;
        }

        [RuntimeExport("RhBoxAny")]
        public static object RhBoxAny(ref byte data, MethodTable* type)
        {
            if (type->IsValueType)
                return RhBox(type, ref data);
            return Unsafe.As<byte, object>(ref data);
        }

        // The bytes of T inside Nullable<T>: T's boxed size can be padded beyond the Nullable's end
        // (a boxed int holds 8 bytes), so copy no more than the Nullable holds after its flag.
        private static uint NullableValueSize(MethodTable* nullableType)
        {
            uint valueSize = nullableType->NullableType->ValueTypeSize;
            uint room = nullableType->ValueTypeSize - (uint)nullableType->NullableValueOffset;
            return valueSize < room ? valueSize : room;
        }

        [RuntimeExport("RhUnbox2")]
        public static ref byte RhUnbox2(MethodTable* expected, object obj)
        {
            if (obj == null || obj.GetMethodTable() != expected)
                ThrowHelpers.ThrowInvalidCastException();
            return ref obj.GetRawData();
        }

        [RuntimeExport("RhUnboxNullable")]
        public static void RhUnboxNullable(ref byte data, MethodTable* nullableType, object obj)
        {
            MethodTable* valueType = nullableType->NullableType;
            if (obj == null)
            {
                Buffer.ZeroMemory(ref data, nullableType->ValueTypeSize);
                return;
            }
            if (obj.GetMethodTable() != valueType)
                ThrowHelpers.ThrowInvalidCastException();
            data = 1;
            Buffer.Memmove(ref Unsafe.Add(ref data, nullableType->NullableValueOffset), ref obj.GetRawData(), NullableValueSize(nullableType));
        }

        [RuntimeExport("RhUnboxAny")]
        public static void RhUnboxAny(object obj, ref byte data, MethodTable* type)
        {
            if (type->IsValueType)
            {
                if (type->IsNullable)
                {
                    RhUnboxNullable(ref data, type, obj);
                    return;
                }
                Buffer.Memmove(ref data, ref RhUnbox2(type, obj), type->ValueTypeSize);
            }
            else
            {
                Unsafe.As<byte, object>(ref data) = TypeCast.CheckCastAny(type, obj);
            }
        }

        [RuntimeExport("RhpFallbackFailFast")]
        internal static void RhpFallbackFailFast() => RuntimeHost.Fatal("FailFast", "the runtime failed fast");

        [RuntimeExport("RhpReversePInvoke")]
        internal static void RhpReversePInvoke(IntPtr frame) { }

        [RuntimeExport("RhpReversePInvokeReturn")]
        internal static void RhpReversePInvokeReturn(IntPtr frame) { }

        [RuntimeExport("RhpPInvoke")]
        internal static void RhpPInvoke(IntPtr frame) { }

        [RuntimeExport("RhpPInvokeReturn")]
        internal static void RhpPInvokeReturn(IntPtr frame) { }

        [RuntimeExport("RhpGcPoll")]
        internal static void RhpGcPoll() { }
    }
}
