namespace Internal.Runtime
{
    // What the image that links this runtime (the kernel, or a server) provides to it. The image
    // sets these before its first allocation; nothing here may allocate.
    public static unsafe class RuntimeHost
    {
        // Returns at least `bytes` of fresh zeroed memory, 16-byte aligned, or null when none is left.
        internal static delegate*<nuint, void*> s_moreMemory;
        // Optional (servers; the kernel leaves them null, and then the collector never gives memory
        // back): give back whole pages that s_moreMemory returned, and map fresh zeroed pages again
        // at such an address. Both return false when the host refuses.
        internal static delegate*<void*, nuint, bool> s_releaseMemory;
        internal static delegate*<void*, nuint, bool> s_remapMemory;
        // Never returns: reports a fatal runtime error (unhandled exception, failed fast). A null
        // message means "report without allocating": a second failure happened while reporting.
        internal static delegate*<string, string, void> s_fatal;
        // Writes diagnostic text (used before the image's own logging works).
        internal static delegate*<string, void> s_write;

        // Optional, for images that catch exceptions (servers; the kernel leaves them null):
        // writes the one-line report of an unhandled exception and ends the image.
        internal static delegate*<byte*, int, void> s_unhandledException;
        // Re-arms the kernel's fault upcall once a delivered fault is safely captured.
        internal static delegate*<void> s_faultHandled;

        public static void SetExceptionHooks(delegate*<byte*, int, void> unhandledException, delegate*<void> faultHandled)
        {
            s_unhandledException = unhandledException;
            s_faultHandled = faultHandled;
        }

        // For the fault upcall's registration: the runtime's entry and the image's managed code.
        public static ulong FaultEntry => ExceptionHandling.FaultEntryAddress();
        public static ulong ManagedCodeStart => (ulong)Unwinder.ManagedCodeStart();
        public static ulong ManagedCodeEnd => (ulong)Unwinder.ManagedCodeEnd();

        public static void SetMemoryReturn(delegate*<void*, nuint, bool> release, delegate*<void*, nuint, bool> remap)
        {
            s_releaseMemory = release;
            s_remapMemory = remap;
        }

        public static void Initialize(delegate*<nuint, void*> moreMemory, delegate*<string, string, void> fatal, delegate*<string, void> write)
        {
            s_moreMemory = moreMemory;
            s_fatal = fatal;
            s_write = write;
        }

        private static bool s_inFatal;

        // Reports once: a failure while reporting (say, out of memory building the message) goes
        // straight to the hook's no-allocation path instead of recursing.
        public static void Fatal(string kind, string message)
        {
            if (s_inFatal)
                message = null;
            s_inFatal = true;
            if (s_fatal != null)
                s_fatal(kind, message);
            while (true) { }
        }
    }
}
