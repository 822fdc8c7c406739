using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Diagnostics
{
    // `test=<mode>` on the kernel command line: what the kernel does after boot, for the boot tests.
    internal static unsafe class TestModes
    {
        private static readonly byte[] s_returnInstruction = new byte[16];
        private const ulong UserTestPage = 0x40_0000;

        // A user-accessible, executable page in the kernel's own address space, its first byte set.
        private static ulong MapUserPage(byte firstByte)
        {
            Memory.AddressSpace.Kernel.MapNew(UserTestPage, Memory.PageFlags.User | Memory.PageFlags.Writable, out ulong frame);
            *(byte*)Memory.PhysMap.ToVirtual(frame) = firstByte;
            return UserTestPage;
        }

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
                // Kernel W^X and SMEP/SMAP self-tests: each must end in a ring-0 #PF report.
                case "write-text":
                    Cpu.WriteU64(Memory.KernelImageMap.TextStart, 0xCC);
                    Log.WriteLine("write-text: kernel text was writable");
                    break;
                case "exec-data":
                    s_returnInstruction[0] = 0xC3;
                    fixed (byte* ret = s_returnInstruction)
                        Cpu.CallAddress((ulong)ret);
                    Log.WriteLine("exec-data: kernel data was executable");
                    break;
                case "exec-physmap":
                    Cpu.CallAddress((ulong)Memory.PhysMap.ToVirtual(Memory.PhysMap.KernelToPhysical(Memory.KernelImageMap.TextStart)));
                    Log.WriteLine("exec-physmap: the physmap was executable");
                    break;
                case "smap-read":
                    Log.WriteLine(string.Concat("smap-read: read ", Cpu.ReadU64(MapUserPage(0)).ToString(), " from a user page outside the copy routines"));
                    break;
                case "smep-exec":
                    Cpu.CallAddress(MapUserPage(0xC3));
                    Log.WriteLine("smep-exec: the kernel executed a user page");
                    break;
                case "panic":
                    throw new System.InvalidOperationException("panic requested by test=panic");
                default:
                    Log.WriteLine(string.Concat("warning: unknown test mode '", mode, "' (selftest, divide, pagefault, gpf, panic, write-text, exec-data, exec-physmap, smap-read, smep-exec)"));
                    break;
            }
        }
    }
}
