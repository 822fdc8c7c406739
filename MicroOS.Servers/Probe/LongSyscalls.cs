using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The longest work a single syscall can be asked for: debug writes of the maximum 4096 bytes and
    // one map_memory of the maximum 64 MiB. With the kernel option `irqoff` the kernel reports the
    // longest stretch it kept interrupts masked inside a syscall (Tasks/Preemption.cs).
    internal static unsafe class LongSyscalls
    {
        private const int MaxWrite = 4096;
        private const ulong MaxMap = 64UL * 1024 * 1024;

        public static int Run()
        {
            byte* text = stackalloc byte[MaxWrite];
            for (int i = 0; i < MaxWrite; i++)
                text[i] = (byte)('a' + i % 26);
            long written = 0;
            for (int round = 0; round < 3; round++)
                written += Sys.Call(Syscall.DebugWrite, (ulong)text, MaxWrite);
            long mapped = Sys.Call(Syscall.MapMemory, MaxMap);
            Sys.Write(string.Concat("long-syscalls: 3 writes of 4096 bytes returned ", written.ToString(),
                ", map_memory(64 MiB) ", mapped > 0 ? "succeeded" : mapped.ToString()));
            return 0;
        }
    }
}
