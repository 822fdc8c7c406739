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
        public static unsafe object NewObjArray(IntPtr pEEType, int nDimensions, int* pDimensions)
        {
            RuntimeHost.Fatal("System.NotSupportedException", "multi-dimensional arrays");
            return null;
        }
    }
}
