using System;
using System.Runtime;

namespace Internal.Runtime
{
    // No unwinding yet: every throw is fatal for the image that throws. The host's fatal hook
    // prints "<type>: <message>" (the kernel panics; a server is killed).
    internal static class ExceptionHandling
    {
        [RuntimeExport("RhpThrowEx")]
        internal static void RhpThrowEx(object exception)
        {
            Exception e = exception as Exception;
            if (e == null)
                RuntimeHost.Fatal("System.Object", "a non-exception object was thrown");
            RuntimeHost.Fatal(e.TypeName, e.Message);
        }

        [RuntimeExport("RhpRethrow")]
        internal static void RhpRethrow() => RuntimeHost.Fatal("rethrow", "an exception was rethrown");
    }
}
