using System.Runtime.InteropServices;

namespace MicroOS.Kernel.Arch.X64
{
    // What Interrupts.asm leaves on the stack: general registers (last pushed first), the vector and
    // error code pushed by the stub, then the frame the CPU pushed.
    [StructLayout(LayoutKind.Sequential)]
    internal struct InterruptFrame
    {
        public ulong R15, R14, R13, R12, R11, R10, R9, R8;
        public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector, ErrorCode;
        public ulong Rip, Cs, Rflags, Rsp, Ss;

        public bool FromUserMode => (Cs & 3) == 3;
    }
}
