namespace MicroOS.Shared.Abi
{
    // The Syscall enum and SyscallAbi are generated from syscalls.spec (Syscall.g.cs).

    // thread_inspect's state (rdi).
    public enum ThreadInfo : ulong
    {
        Suspended = 0,      // created, not yet resumed
        Ready = 1,
        Running = 2,
        Sleeping = 3,
        Blocked = 4,        // waiting in IPC (send, call, receive, reply, notification)
    }

    // What the kernel's fault upcall passes to a server's fault entry in rdi (rsi = faulting rip,
    // rdx = faulting rsp, rcx = fault address). The runtime raises the matching exception.
    public enum FaultKind : ulong
    {
        DivideByZero = 1,    // #DE: integer divide by zero (or quotient overflow)
        NullReference = 2,   // #PF at an address below 4096
        Overflow = 3,        // #DE whose divisor is not zero: a quotient that does not fit (int.MinValue / -1)
    }

    public enum SyscallError : long
    {
        UnknownSyscall = -1,
        InvalidArgument = -2,
        BadAddress = -3,     // a pointer outside the caller's user half, or not mapped with the needed rights
        OutOfMemory = -4,    // the caller's memory limit (or the machine's memory) is reached
        InvalidCapability = -5,  // an empty slot or a slot number outside the table
        WrongType = -6,      // the capability names another kind of object
        MissingRight = -7,   // the capability lacks a right the operation needs
        OutOfRange = -8,     // a port, address, length or count outside what the capability or ABI allows
        ObjectGone = -9,     // the object died (its owner ended), or the partner of a call did
        WouldBlock = -10,    // a non-blocking call found nobody to meet
        SlotOccupied = -11,  // a destination slot that already holds a capability
        NoReplyTarget = -12, // reply without a received call to answer
    }

    // The one text of each SyscallError (servers' messages, the threads server, IpcException).
    public static class SyscallErrors
    {
        public static string Name(long code) => code switch
        {
            (long)SyscallError.UnknownSyscall => "UnknownSyscall",
            (long)SyscallError.InvalidArgument => "InvalidArgument",
            (long)SyscallError.BadAddress => "BadAddress",
            (long)SyscallError.OutOfMemory => "OutOfMemory",
            (long)SyscallError.InvalidCapability => "InvalidCapability",
            (long)SyscallError.WrongType => "WrongType",
            (long)SyscallError.MissingRight => "MissingRight",
            (long)SyscallError.OutOfRange => "OutOfRange",
            (long)SyscallError.ObjectGone => "ObjectGone",
            (long)SyscallError.WouldBlock => "WouldBlock",
            (long)SyscallError.SlotOccupied => "SlotOccupied",
            (long)SyscallError.NoReplyTarget => "NoReplyTarget",
            _ => "error",
        };
    }
}
