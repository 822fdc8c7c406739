using System.Collections.Generic;

namespace MicroOS.Kernel.Boot
{
    // The kernel command line: space-separated `key` or `key=value` words. Pure logic (host-tested).
    // Known options are listed once, here; an unknown one is reported and ignored.
    public sealed class KernelCommandLine
    {
        public static readonly string[] KnownOptions =
        {
            "test",      // test=selftest | divide | pagefault | gpf | panic | write-text | exec-data | exec-physmap | smap-read | smep-exec : what the kernel runs after boot
            "exit",      // exit QEMU through isa-debug-exit when done (boot tests)
            "quiet",     // fewer boot lines
            "servers",   // servers=a,b*3 : also start these manifest entries (test servers), b three times
            "nosystem",  // do not start the manifest's system servers
            "waves",     // waves=N : start the servers= list again each time every process has ended, N times in all
            "irqoff",    // measure the longest interrupts-off stretch inside syscalls; reported when all processes are gone
            "testmanifest", // Init reads the test manifest (module manifest-test, MicroOS.Build/test-manifest.txt)
            "manifest",  // manifest=SECTION : Init also starts the system servers of that [SECTION] of the boot manifest
            "ipcslow",   // no IPC fast path: every Call and ReplyRecv takes the general path (the tests compare the two)
            "trace",     // the IPC trace ring records from boot (Diagnostics/IpcTrace.cs; `ipctrace`, ./microos run --trace)
            "timing",    // print the timestamp counter, relative to kernel entry, when each process exits (./microos bench)
            "testroot",  // Init, not the kernel, starts the servers= test entries (docs/kernel-options.md)
        };

        private readonly Dictionary<string, string> _options = new Dictionary<string, string>();
        public readonly List<string> Unknown = new List<string>();

        public KernelCommandLine(string text)
        {
            foreach (string word in (text ?? "").Split(' '))
            {
                if (word.Length == 0)
                    continue;
                int eq = word.IndexOf('=');
                string key = eq < 0 ? word : word.Substring(0, eq);
                string value = eq < 0 ? "" : word.Substring(eq + 1);
                if (IsKnown(key))
                    _options[key] = value;
                else
                    Unknown.Add(word);
            }
        }

        private static bool IsKnown(string key)
        {
            foreach (string k in KnownOptions)
                if (k == key)
                    return true;
            return false;
        }

        public bool Has(string key) => _options.ContainsKey(key);

        public string Get(string key) => _options.TryGetValue(key, out string v) ? v : null;
    }
}
