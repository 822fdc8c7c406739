using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // The system call table: one line per syscall, indexed by number. Each handler decodes and
    // checks its arguments first, then performs the call (see SyscallDispatcher for the entry path).
    internal static unsafe class SyscallTable
    {
        public struct Entry
        {
            public Syscall Number;
            public string Name;
            public delegate*<SyscallFrame*, long> Handler;
        }

        private static Entry E(Syscall n, string name, delegate*<SyscallFrame*, long> h) => new Entry { Number = n, Name = name, Handler = h };

        public static readonly Entry[] Entries =
        {
            E(Syscall.DebugWrite,   "debug_write",    &ProcessSyscalls.DebugWrite),
            E(Syscall.Exit,         "exit",           &ProcessSyscalls.Exit),
            E(Syscall.Yield,        "yield",          &ProcessSyscalls.Yield),
            E(Syscall.Sleep,        "sleep",          &ProcessSyscalls.Sleep),
            E(Syscall.MapMemory,    "map_memory",     &MemorySyscalls.MapMemory),
            E(Syscall.GetProcessId, "get_process_id", &ProcessSyscalls.GetProcessId),
            E(Syscall.SetFaultHandler, "set_fault_handler", &FaultSyscalls.SetFaultHandler),
        };
    }
}
