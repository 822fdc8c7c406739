using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // The system call table: one row per syscall, at the position of its number. The rows and their
    // decode stubs are generated from MicroOS.Shared/Abi/syscalls.spec (SyscallTable.g.cs): a row's
    // Handler is either the handler itself (a syscall of plain values) or a stub that decodes every
    // capability, slot and user-memory argument first and passes the handler typed, checked values.
    // SyscallDispatcher reaches a handler only through its row; Verify (at boot) refuses a table
    // whose numbers and positions disagree or whose names repeat. `Object` and `Requires` are the
    // first argument's capability type and rights (None: it is no capability), which the IPC fast
    // path reads so they are declared once.
    internal static unsafe partial class SyscallTable
    {
        public struct Row
        {
            public Syscall Number;
            public string Name;
            public CapType Object;
            public CapRights Requires;
            public delegate*<SyscallFrame*, long> Handler;
        }

        private static Row R(Syscall n, string name, CapType obj, CapRights requires, delegate*<SyscallFrame*, long> h) =>
            new Row { Number = n, Name = name, Object = obj, Requires = requires, Handler = h };

        // The row of a number the spec skips (reserved for another branch, or a lab's syscall
        // before the student declares it): no such syscall.
        public static long Reserved(SyscallFrame* f) => (long)SyscallError.UnknownSyscall;

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
