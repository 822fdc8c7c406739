using Internal.Runtime;

namespace System.Runtime
{
    // Helpers ILC calls by name from code it generates itself (a contract with ILC: the type's and
    // the method's names must stay as they are). The element accessors of a multi-dimensional array
    // (ArrayMethodILEmitter: `T[,]::Set`) check a store into an array of references here, as
    // TypeCast.StelemRef does for a T[]: string[,] and object[,] need it.
    internal static unsafe class RuntimeImports
    {
        internal static void RhCheckArrayStore(object array, object obj)
        {
            if (obj == null)
                return;
            MethodTable* elementType = array.GetMethodTable()->RelatedParameterType;
            if (elementType != obj.GetMethodTable() && elementType != MethodTable.Of<object>() && !TypeCast.IsAssignable(obj.GetMethodTable(), elementType))
                ThrowHelpers.ThrowArrayTypeMismatchException();
        }
    }
}
