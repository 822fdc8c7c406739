namespace MicroOS.Shared.Abi
{
    // System call numbers: `syscall` with the number in rax and arguments in rdi, rsi, rdx, r10, r8, r9.
    // The result comes back in rax: >= 0 is a value, < 0 a SyscallError.
    public enum Syscall : ulong
    {
        DebugWrite = 0,     // (byte* text, ulong length) -> 0: a line in the kernel log, tagged with the caller
        Exit = 1,           // (int code) -> does not return
        Yield = 2,          // () -> 0: give up the rest of the time slice
        Sleep = 3,          // (ulong milliseconds) -> 0; 0 ms yields
        MapMemory = 4,      // (ulong length) -> address of fresh zeroed read/write memory in the caller's heap
        GetProcessId = 5,   // () -> the caller's process id
        SetFaultHandler = 6, // (entry, code start, code end) -> 0: deliver #DE and near-null #PF in [start, end) to entry (once; call again to re-arm); entry 0 = off
    }

    // What the kernel's fault upcall passes to a server's fault entry in rdi (rsi = faulting rip,
    // rdx = faulting rsp, rcx = fault address). The runtime raises the matching exception.
    public enum FaultKind : ulong
    {
        DivideByZero = 1,    // #DE: integer divide by zero (or quotient overflow)
        NullReference = 2,   // #PF at an address below 4096
    }

    public enum SyscallError : long
    {
        UnknownSyscall = -1,
        InvalidArgument = -2,
        BadAddress = -3,     // a pointer outside the caller's user half, or not mapped with the needed rights
        OutOfMemory = -4,    // the caller's memory limit (or the machine's memory) is reached
    }
}
