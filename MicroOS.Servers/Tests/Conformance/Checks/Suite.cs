using System;
using System.Runtime.CompilerServices;

namespace MicroOS.Conformance
{
    // The conformance suite's driver, compiled both for MicroOS and for the host (real .NET). Every
    // check prints `name: value`; the value is computed at run time from inputs the compiler cannot
    // fold (O() hides constants behind a non-inlined call; Rnd is seeded by the first argument).
    // Groups in `Exceptional` need caught exceptions and run only when the arguments say `exceptions`.
    public static unsafe class Suite
    {
        private static delegate*<string, void> s_write;
        private static bool s_never;
        private static ulong s_rng;
        public static int Count;
        public static int Seed;

        public static void Run(string arguments, delegate*<string, void> write)
        {
            s_write = write;
            string[] args = arguments.Split(' ');
            Seed = args.Length > 0 && int.TryParse(args[0], out int seed) ? seed : 1;
            s_rng = (ulong)(uint)Seed * 0x9E3779B97F4A7C15UL + 1;
            bool exceptions = args.Length > 1 && args[1] == "exceptions";
            Group("Formatting", &Formatting.Run);
            Group("Doubles", &Doubles.Run);
            Group("Parsing", &Parsing.Run);
            Group("Strings", &Strings.Run);
            Group("Chars", &Chars.Run);
            Group("Collections", &Collections.Run);
            Group("Linq", &Linq.Run);
            Group("Types", &Types.Run);
            Group("Math", &MathChecks.Run);
            Group("Encoding", &Encodings.Run);
            Group("Binary", &Binary.Run);
            Group("Time", &Time.Run);
            Group("Spans", &Spans.Run);
            Group("Containers", &Containers.Run);
            Group("Numbers", &Numbers.Run);
            Group("Language", &Language.Run);
            // Needs caught exceptions: on when the arguments say `exceptions` (the conformance line of
            // MicroOS.Build/test-manifest.txt; the boot test passes the same arguments to the host).
            if (exceptions)
                Group("Exceptional", &Exceptional.Run);
            if (exceptions)
                Group("Async", &Async.Run);
            write(string.Concat("conformance: done, ", Count.ToString(), " checks"));
        }

        private static void Group(string name, delegate*<void> run)
        {
            int before = Count;
            run();
            s_write(string.Concat("conformance: group ", name, ", ", (Count - before).ToString(), " checks"));
        }

        public static void C(string name, string value)
        {
            Count++;
            s_write(string.Concat(name, ": ", value));
        }

        public static void C(string name, bool value) => C(name, value ? "True" : "False");
        public static void C(string name, int value) => C(name, value.ToString());
        public static void C(string name, long value) => C(name, value.ToString());
        public static void C(string name, object value) => C(name, value == null ? "(null)" : value.ToString());

        // An identity the optimizer cannot see through.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static T O<T>(T value) => s_never ? default : value;

        // xorshift64*: the same sequence on the host and on MicroOS for the same seed.
        public static ulong Next()
        {
            ulong x = s_rng;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            s_rng = x;
            return x * 0x2545F4914F6CDD1DUL;
        }

        public static int NextInt(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);
    }
}
