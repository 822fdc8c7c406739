using System;

namespace Internal.Runtime.CompilerHelpers
{
    // ILC calls these for ldtoken (typeof(T), and the field handle of an array initialiser's data).
    internal static unsafe class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(IntPtr pEEType) => new RuntimeTypeHandle { _value = pEEType };

        private static Type GetRuntimeType(IntPtr pEEType) => Type.GetTypeFromHandle(new RuntimeTypeHandle { _value = pEEType });

        private static RuntimeFieldHandle GetRuntimeFieldHandle(IntPtr pHandleSignature) => new RuntimeFieldHandle { _value = pHandleSignature };

        private static RuntimeMethodHandle GetRuntimeMethodHandle(IntPtr pHandleSignature) => new RuntimeMethodHandle { _value = pHandleSignature };
    }
}
