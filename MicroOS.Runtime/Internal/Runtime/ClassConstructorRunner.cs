using Internal.Runtime;

namespace System.Runtime.CompilerServices
{
    // ILC's context for a type whose static constructor must run before first access. Single
    // threaded for now: a cctor that re-enters itself sees its statics as they are, like the CLR.
    public struct StaticClassConstructionContext
    {
        // Address of the cctor; 0 once it has run (the check ILC inlines).
        public nint cctorMethodAddress;
    }

    internal static unsafe class ClassConstructorRunner
    {
        private static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint cctor = context->cctorMethodAddress;
            if (cctor == 0)
                return;
            context->cctorMethodAddress = 0;
            ((delegate*<void>)cctor)();
        }

        private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return gcStaticBase;
        }

        private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return nonGcStaticBase;
        }

        private static object CheckStaticClassConstructionReturnThreadStaticBase(StaticClassConstructionContext* context, object threadStaticBase)
        {
            EnsureClassConstructorRun(context);
            return threadStaticBase;
        }
    }
}
