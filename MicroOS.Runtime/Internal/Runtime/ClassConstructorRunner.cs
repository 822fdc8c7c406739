using Internal.Runtime;

namespace System.Runtime.CompilerServices
{
    // ILC's context for a type whose static constructor must run before first access. One thread
    // runs managed code at a time: a cctor that re-enters itself sees its statics as they are, like
    // the CLR. One that throws is wrapped in a TypeInitializationException, recorded, and rethrown
    // on every later access.
    public struct StaticClassConstructionContext
    {
        // Address of the cctor; 0 once it has run (the check ILC inlines).
        public nint cctorMethodAddress;
    }

    internal static unsafe class ClassConstructorRunner
    {
        // cctorMethodAddress of a type whose static constructor threw: every later access throws
        // the TypeInitializationException recorded for that context, the same instance, as .NET does.
        private const nint Failed = 1;
        private static StaticClassConstructionContext*[] s_failedContexts;
        private static TypeInitializationException[] s_failures;
        private static int s_failedCount;

        private static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint cctor = context->cctorMethodAddress;
            if (cctor == 0)
                return;
            if (cctor == Failed)
                throw FailureOf(context);
            context->cctorMethodAddress = 0;
            try
            {
                ((delegate*<void>)cctor)();
            }
            catch (Exception e)
            {
                var failure = new TypeInitializationException(null, e);
                Record(context, failure);
                context->cctorMethodAddress = Failed;
                throw failure;
            }
        }

        private static void Record(StaticClassConstructionContext* context, TypeInitializationException failure)
        {
            if (s_failures == null || s_failedCount == s_failures.Length)
            {
                int size = s_failures == null ? 4 : s_failures.Length * 2;
                var contexts = new StaticClassConstructionContext*[size];
                var failures = new TypeInitializationException[size];
                for (int i = 0; i < s_failedCount; i++)
                {
                    contexts[i] = s_failedContexts[i];
                    failures[i] = s_failures[i];
                }
                s_failedContexts = contexts;
                s_failures = failures;
            }
            s_failedContexts[s_failedCount] = context;
            s_failures[s_failedCount++] = failure;
        }

        private static TypeInitializationException FailureOf(StaticClassConstructionContext* context)
        {
            for (int i = 0; i < s_failedCount; i++)
                if (s_failedContexts[i] == context)
                    return s_failures[i];
            return new TypeInitializationException(null, null);
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
