using MicroOS.Kernel.Tasks;

namespace MicroOS.Kernel.Syscalls
{
    // set_fault_handler: where the kernel sends the faults a server's runtime turns into exceptions
    // (Tasks/FaultUpcall.cs says which and why).
    internal static unsafe class FaultSyscalls
    {
        public static long SetFaultHandler(SyscallFrame* f) => FaultUpcall.Register(f->Arg0, f->Arg1, f->Arg2);
    }
}
