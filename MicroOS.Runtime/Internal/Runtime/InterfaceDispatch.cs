using System;
using System.Runtime;

namespace Internal.Runtime
{
    // Resolves an interface call site (see RhpInitialDynamicInterfaceDispatch in Native/Runtime.asm).
    internal static unsafe class InterfaceDispatch
    {
        [RuntimeExport("RhpResolveInterfaceDispatch")]
        private static nint Resolve(object thisObject, nint* cell)
        {
            RuntimeHost.Fatal("NotImplemented", "interface dispatch");
            return 0;
        }
    }
}
