using Internal.Runtime;
using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    // Casting helpers ILC calls for `is`, `as`, casts and covariant array stores.
    internal static unsafe class TypeCast
    {
        public static object IsInstanceOfClass(MethodTable* type, object obj)
        {
            if (obj == null)
                return null;
            for (MethodTable* mt = obj.GetMethodTable(); mt != null; mt = mt->BaseType)
                if (mt == type)
                    return obj;
            // Arrays (T[] is an Array, an object) and variance fall back to the general check.
            return IsInstanceOfAny(type, obj);
        }

        public static object IsInstanceOfInterface(MethodTable* type, object obj)
        {
            if (obj == null)
                return null;
            return ImplementsInterface(obj.GetMethodTable(), type) ? obj : null;
        }

        public static object IsInstanceOfAny(MethodTable* type, object obj)
        {
            if (obj == null)
                return null;
            return IsAssignable(obj.GetMethodTable(), type) ? obj : null;
        }

        public static bool IsInstanceOfException(MethodTable* type, object obj) => obj != null && IsAssignable(obj.GetMethodTable(), type);

        public static object CheckCastClass(MethodTable* type, object obj)
        {
            object result = IsInstanceOfClass(type, obj);
            if (result == null && obj != null)
                ThrowHelpers.ThrowInvalidCastException();
            return result;
        }

        public static object CheckCastClassSpecial(MethodTable* type, object obj) => CheckCastClass(type, obj);

        public static object CheckCastInterface(MethodTable* type, object obj)
        {
            object result = IsInstanceOfInterface(type, obj);
            if (result == null && obj != null)
                ThrowHelpers.ThrowInvalidCastException();
            return result;
        }

        public static object CheckCastAny(MethodTable* type, object obj)
        {
            object result = IsInstanceOfAny(type, obj);
            if (result == null && obj != null)
                ThrowHelpers.ThrowInvalidCastException();
            return result;
        }

        internal static bool ImplementsInterface(MethodTable* mt, MethodTable* iface)
        {
            // ILC flattens the interface map: each type lists every interface it implements,
            // including those of its base types and base interfaces.
            MethodTable** map = mt->InterfaceMap;
            for (int i = 0; i < mt->NumInterfaces; i++)
                if (map[i] == iface)
                    return true;
            return false;
        }

        internal static bool IsAssignable(MethodTable* from, MethodTable* to)
        {
            if (from == to)
                return true;
            if (to->IsInterface)
                return ImplementsInterface(from, to);
            if (from->IsArray)
            {
                if (to->IsArray && from->ElementType == to->ElementType)
                {
                    MethodTable* fromElement = from->RelatedParameterType;
                    MethodTable* toElement = to->RelatedParameterType;
                    // Reference-type arrays are covariant: string[] is an object[].
                    return fromElement == toElement || (!fromElement->IsValueType && !toElement->IsValueType && IsAssignable(fromElement, toElement));
                }
                // Every array is a System.Array and an object.
                return to == MethodTable.Of<Array>() || to == MethodTable.Of<object>();
            }
            for (MethodTable* mt = from->BaseType; mt != null; mt = mt->BaseType)
                if (mt == to)
                    return true;
            return false;
        }

        public static void StelemRef(object[] array, nint index, object obj)
        {
            if ((nuint)index >= (uint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            ref object element = ref Unsafe.As<byte, object>(ref Unsafe.Add(ref array.GetArrayDataReference(), index * sizeof(nint)));
            if (obj == null)
            {
                element = null;
                return;
            }
            MethodTable* elementType = array.GetMethodTable()->RelatedParameterType;
            if (elementType != obj.GetMethodTable() && elementType != MethodTable.Of<object>() && !IsAssignable(obj.GetMethodTable(), elementType))
                ThrowHelpers.ThrowArrayTypeMismatchException();
            element = obj;
        }

        public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (uint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            if (array.GetMethodTable()->RelatedParameterType != elementType)
                ThrowHelpers.ThrowArrayTypeMismatchException();
            return ref Unsafe.As<byte, object>(ref Unsafe.Add(ref array.GetArrayDataReference(), index * sizeof(nint)));
        }

        public static bool AreTypesEquivalent(MethodTable* a, MethodTable* b) => a == b;
    }
}
