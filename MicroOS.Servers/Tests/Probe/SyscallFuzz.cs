using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Throws random syscalls at the kernel: random numbers (including unknown ones) and random
    // arguments (kernel-half, non-canonical, unmapped, misaligned and valid pointers; huge, zero and
    // small lengths). The kernel must answer each with a value or an error code and never fault.
    // Exit and thread_exit are left out (they would end the run); sleeps are kept short or invalid so the run stays quick.
    internal static unsafe class SyscallFuzz
    {
        public static int Run(string seedText)
        {
            ulong state = int.TryParse(seedText, out int seed) && seed != 0 ? (ulong)seed : 0x9E3779B97F4A7C15;
            byte* buffer = (byte*)Sys.MapMemory(4096);
            for (int i = 0; i < 4096; i++)
                buffer[i] = (byte)('a' + i % 26);
            const int Calls = 10000;
            int errors = 0, values = 0;
            for (int i = 0; i < Calls; i++)
            {
                ulong number = PickNumber(ref state);
                ulong a0 = PickArgument(ref state, buffer);
                ulong a1 = PickArgument(ref state, buffer);
                if (number == (ulong)Syscall.Sleep)
                    a0 = (Next(ref state) & 1) == 0 ? 0 : ulong.MaxValue - Next(ref state) % 1000;
                if (number == (ulong)Syscall.DebugWrite && a0 >= (ulong)buffer && a0 < (ulong)buffer + 4096)
                    a1 %= 48;   // valid text: keep the log readable
                long result = Sys.Raw(number, a0, a1, Next(ref state), Next(ref state));
                if (result < 0) errors++; else values++;
            }
            Sys.Write(string.Concat("fuzz: ", Calls.ToString(), " calls, ", values.ToString(), " values, ", errors.ToString(), " error codes; still alive"));
            return 0;
        }

        private static ulong PickNumber(ref ulong state)
        {
            ulong r = Next(ref state) % 10;
            if (r < 7)
            {
                ulong n = Next(ref state) % 6;
                return n == (ulong)Syscall.Exit ? (ulong)Syscall.Yield : n;
            }
            // unmap_memory or memory_usage, or past the table (numbers from SyscallAbi.Count on are all
            // unknown), or anything. (The capability and IPC calls, whose blocking forms
            // would park this thread for good, have their own fuzzer: IpcFuzz.cs.)
            ulong far = r != 7 ? Next(ref state)
                : (Next(ref state) & 1) == 0 ? (ulong)Syscall.UnmapMemory + Next(ref state) % 2
                : SyscallAbi.Count + Next(ref state) % 100;
            return far == (ulong)Syscall.ThreadExit ? (ulong)Syscall.Yield : far;     // from the main thread: an exit
        }

        private static ulong PickArgument(ref ulong state, byte* buffer)
        {
            switch (Next(ref state) % 9)
            {
                case 0: return 0;
                case 1: return 0xFFFF_FFFF_8010_0000 + Next(ref state) % 0x100000;    // kernel image
                case 2: return 0x8000_0000_0000_0000 | Next(ref state);              // non-canonical
                case 3: return 0x0000_7FFF_FFFF_F000 + Next(ref state) % 0x2000;      // top of the user half
                case 4: return (ulong)buffer + Next(ref state) % 4096;                // valid (any alignment)
                case 5: return (ulong)buffer + 4096 - Next(ref state) % 16;           // runs off the mapping
                case 6: return Next(ref state) % 0x10000;                             // small number
                case 7: return ulong.MaxValue - Next(ref state) % 0x10000;            // huge number
                default: return Next(ref state);
            }
        }

        private static ulong Next(ref ulong state)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        }
    }
}
