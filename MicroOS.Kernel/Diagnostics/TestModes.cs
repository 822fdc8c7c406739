using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Diagnostics
{
    // `test=<mode>` on the kernel command line: what the kernel does after boot, for the boot tests.
    internal static class TestModes
    {
        // An address in the lower half that nothing maps once the boot identity map is gone, and
        // above the 4 GiB the boot stub identity-maps today.
        public const ulong UnmappedAddress = 0x0000_0050_DEAD_B000;

        public static void Run(string mode)
        {
            Log.WriteLine(string.Concat("test mode: ", mode));
            switch (mode)
            {
                case "selftest":
                    RuntimeSelfTest.Run();
                    break;
                case "divide":
                    Log.WriteLine(string.Concat("result ", Cpu.Divide(Cpu.ReadTsc(), 0).ToString()));
                    break;
                case "pagefault":
                    Log.WriteLine(string.Concat("result ", Cpu.ReadU64(UnmappedAddress).ToString()));
                    break;
                case "gpf":
                    // A non-canonical address: bits 63:48 must copy bit 47.
                    Log.WriteLine(string.Concat("result ", Cpu.ReadU64(0x8000_0000_0000_0000).ToString()));
                    break;
                case "panic":
                    throw new System.InvalidOperationException("panic requested by test=panic");
                default:
                    Log.WriteLine(string.Concat("warning: unknown test mode '", mode, "' (selftest, divide, pagefault, gpf, panic)"));
                    break;
            }
        }
    }
}
