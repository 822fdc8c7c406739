using System;
using System.Collections.Generic;
using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Diagnostics
{
    // `test=selftest`: exercises each runtime feature the kernel relies on and prints one
    // `SELFTEST <feature>: PASS|FAIL <detail>` line per feature. Inputs come from the TSC so the
    // optimizer cannot fold the checks away, and calls go through objects picked at run time.
    internal static class RuntimeSelfTest
    {
        private static int s_passed;
        private static int s_failed;

        public static void Run()
        {
            // `seed` is unknown at compile time; every check is phrased in terms of it.
            int seed = (int)(Cpu.ReadTsc() & 0xFF) | 0x100;
            Check("classes", SelfTestCases.Classes(seed));
            Check("structs", SelfTestCases.Structs(seed));
            Check("enums", SelfTestCases.Enums(seed));
            Check("strings", SelfTestCases.Strings(seed));
            Check("number-formatting", SelfTestCases.NumberFormatting(seed));
            Check("string-compare", SelfTestCases.StringCompare(seed));
            Check("arrays", SelfTestCases.Arrays(seed));
            Check("span", SelfTestCases.Spans(seed));
            Check("generics", SelfTestCases.Generics(seed));
            Check("interfaces", SelfTestCases.Interfaces(seed));
            Check("virtual-calls", SelfTestCases.VirtualCalls(seed));
            Check("static-constructors", SelfTestCases.StaticConstructors(seed));
            Check("gc-statics", SelfTestCases.GcStatics(seed));
            Check("thread-statics", SelfTestCases.ThreadStatics(seed));
            Check("delegates", SelfTestCases.Delegates(seed));
            Check("foreach", SelfTestCases.Foreach(seed));
            Check("list", SelfTestCases.Lists(seed));
            Check("dictionary", SelfTestCases.Dictionaries(seed));
            Check("queue", SelfTestCases.Queues(seed));
            Check("exceptions-panic-free", SelfTestCases.CastsAndChecks(seed));
            Log.WriteLine(string.Concat("SELFTEST DONE: ", s_passed.ToString(), " passed, ", s_failed.ToString(), " failed"));
        }

        // A case returns null when it passes, or what went wrong.
        private static void Check(string feature, string failure)
        {
            if (failure == null)
            {
                s_passed++;
                Log.WriteLine(string.Concat("SELFTEST ", feature, ": PASS"));
            }
            else
            {
                s_failed++;
                Log.WriteLine(string.Concat("SELFTEST ", feature, ": FAIL ", failure));
            }
        }
    }
}
