using System;
using Internal.Runtime;

namespace System.Runtime
{
    internal static class TypeLoaderExports
    {
        // Generic virtual methods need a runtime lookup table; MicroOS code does not use them yet.
        public static IntPtr GVMLookupForSlot(object obj, RuntimeMethodHandle slot)
        {
            RuntimeHost.Fatal("System.NotSupportedException", "generic virtual method call");
            return IntPtr.Zero;
        }
    }
}

namespace System.Runtime.InteropServices
{
    // ILC asks for this hook when a cast fails; MicroOS has no dynamic interface castables.
    internal static class IDynamicInterfaceCastable
    {
        internal static IntPtr GetDynamicInterfaceImplementation(object instance, IntPtr interfaceType, ushort slot)
        {
            Internal.Runtime.RuntimeHost.Fatal("System.InvalidCastException", "object does not implement the interface");
            return IntPtr.Zero;
        }
    }
}

namespace System
{
    internal sealed class RuntimeType
    {
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    internal static class ArrayHelpers
    {
        // `new T[a, b]`: one allocation holding every element, preceded by the lengths of each
        // dimension and their lower bounds (all zero), which ILC's element accessors read.
        public static unsafe object NewObjArray(IntPtr pEEType, int nDimensions, int* pDimensions)
        {
            var type = (MethodTable*)pEEType;
            long total = 1;
            for (int i = 0; i < nDimensions; i++)
            {
                if (pDimensions[i] < 0) throw new System.OverflowException();
                total *= pDimensions[i];
                if (total > int.MaxValue) throw new System.OutOfMemoryException();
            }
            if (type->IsSzArray)
                return System.Runtime.RuntimeExports.RhNewArray(type, pDimensions[0]);
            object array = System.Runtime.RuntimeExports.RhNewArray(type, (int)total);
            int* bounds = (int*)((byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref array.GetRawData()) + 8);
            for (int i = 0; i < nDimensions; i++)
            {
                bounds[i] = pDimensions[i];
                bounds[nDimensions + i] = 0;
            }
            return array;
        }
    }
}
