using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // kernel_info (syscall 57): what the kernel is, for the shell's `uname`. Lab 1's syscall
    // (docs/labs/01-syscall.md): its spec line and this handler are the student's. A plain-value
    // syscall has no decode stub: its row in SyscallTable.g.cs points here, and the item comes
    // straight from rdi, so every value of it must be checked here.
    internal static unsafe class InfoSyscalls
    {
        public const ulong ItemSyscalls = 0, ItemProcesses = 1;

        // LAB 1 BEGIN: the handler: item 0 = the syscalls the kernel has, 1 = live processes, else InvalidArgument
        public static long KernelInfo(SyscallFrame* f)
        {
            switch (f->Arg0)
            {
                case ItemSyscalls:
                    return SyscallTable.Rows.Length;
                case ItemProcesses:
                    return ProcessManager.LiveCount;
                default:
                    return (long)SyscallError.InvalidArgument;
            }
        }
        // LAB 1 STARTER
        // LAB 1 END
    }
}
