using System.Runtime.InteropServices;

namespace MicroOS.Kernel.Syscalls
{
    // What mos_syscall_entry (Arch/X64/SyscallEntry.asm) pushes: the number and the six arguments, the
    // callee-saved registers, then the user rip (rcx), rflags (r11) and rsp SYSRET restores.
    [StructLayout(LayoutKind.Sequential)]
    internal struct SyscallFrame
    {
        public ulong Number;
        public ulong Arg0, Arg1, Arg2, Arg3, Arg4, Arg5;    // rdi, rsi, rdx, r10, r8, r9
        public ulong R15, R14, R13, R12, Rbx, Rbp;
        public ulong UserRip, UserRflags, UserRsp;
    }
}
