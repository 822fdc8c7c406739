using MicroOS.Kernel.Diagnostics;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // The system call table: one row per syscall, at the position of its number. SyscallDispatcher
    // reaches a handler only through its row; Verify (at boot) refuses a table whose numbers and
    // positions disagree or whose names repeat, so a misplaced row can never run the wrong handler.
    // `Requires` is the rights the syscall's capability argument must carry (None: it takes none).
    internal static unsafe class SyscallTable
    {
        public struct Row
        {
            public Syscall Number;
            public string Name;
            public CapRights Requires;
            public delegate*<SyscallFrame*, long> Handler;
        }

        private static Row R(Syscall n, string name, CapRights requires, delegate*<SyscallFrame*, long> h) =>
            new Row { Number = n, Name = name, Requires = requires, Handler = h };

        public static readonly Row[] Rows =
        {
            R(Syscall.DebugWrite,   "debug_write",    CapRights.None, &ProcessSyscalls.DebugWrite),
            R(Syscall.Exit,         "exit",           CapRights.None, &ProcessSyscalls.Exit),
            R(Syscall.Yield,        "yield",          CapRights.None, &ProcessSyscalls.Yield),
            R(Syscall.Sleep,        "sleep",          CapRights.None, &ProcessSyscalls.Sleep),
            R(Syscall.MapMemory,    "map_memory",     CapRights.None, &MemorySyscalls.MapMemory),
            R(Syscall.GetProcessId, "get_process_id", CapRights.None, &ProcessSyscalls.GetProcessId),
            R(Syscall.SetFaultHandler, "set_fault_handler", CapRights.None, &FaultSyscalls.SetFaultHandler),
        };

        // Called once before the first process starts. A bad table is a kernel build error: panic.
        public static void Verify()
        {
            var numbers = new ulong[Rows.Length];
            var names = new string[Rows.Length];
            for (int i = 0; i < Rows.Length; i++)
            {
                numbers[i] = (ulong)Rows[i].Number;
                names[i] = Rows[i].Handler == null ? null : Rows[i].Name;
            }
            string problem = SyscallTableCheck.FindProblem(numbers, names);
            if (problem != null)
                Panic.Halt(string.Concat("syscall table: ", problem), QemuExitCode.Panic);
        }
    }
}
