namespace MicroOS.Shared.Abi
{
    // System call numbers: `syscall` with the number in rax and arguments in rdi, rsi, rdx, r10, r8, r9.
    // The result comes back in rax: >= 0 is a value, < 0 a SyscallError. The IPC calls also return
    // values in rdi, rsi, rdx, r10, r8, r9 (docs/capabilities.md lists each call's registers).
    public enum Syscall : ulong
    {
        DebugWrite = 0,     // (byte* text, ulong length) -> 0: a line in the kernel log, tagged with the caller
        Exit = 1,           // (int code) -> does not return
        Yield = 2,          // () -> 0: give up the rest of the time slice
        Sleep = 3,          // (ulong milliseconds) -> 0; 0 ms yields
        MapMemory = 4,      // (ulong length, address 0 or a hole the caller unmapped below its heap's end) -> address of fresh zeroed read/write memory in the caller's heap
        GetProcessId = 5,   // () -> the caller's process id
        SetFaultHandler = 6, // (entry, code start, code end) -> 0: deliver #DE and near-null #PF in [start, end) to entry (once; call again to re-arm); entry 0 = off

        // Capabilities (slot numbers index the caller's own table).
        CapCopy = 7,            // (src, dst) -> 0
        CapMint = 8,            // (src, dst, rights, badge) -> 0: rights only shrink; a badge only on an unbadged endpoint cap
        CapMove = 9,            // (src, dst) -> 0
        CapDelete = 10,          // (slot) -> 0
        CapRevoke = 11,         // (slot) -> number of capabilities removed (every descendant, in every process)
        CapInspect = 12,        // (slot) -> CapInfo.Pack(type, rights), badge in rdi, a Frame's pages in rsi (0 for other objects)
        EndpointCreate = 13,    // (dst) -> 0
        NotificationCreate = 14,// (dst) -> 0
        // Endpoints: (cap, tag, mr0, mr1, mr2, mr3); receives return badge in rdi, tag in rsi, words in rdx, r10, r8, r9.
        EndpointSend = 15,
        EndpointRecv = 16,      // -> 0 for a message, 1 for a bound notification's signal (bits in rdi)
        EndpointCall = 17,      // -> 0, the reply in rsi, rdx, r10, r8, r9
        EndpointReply = 18,     // (0, tag, mr0..mr3): to the thread whose call this thread received last
        EndpointReplyRecv = 19, // Reply, then Recv on cap
        EndpointNBSend = 20,    // Send that fails with WouldBlock instead of waiting
        EndpointNBRecv = 21,    // Recv that fails with WouldBlock instead of waiting
        // Notifications: a word of bits; signal ORs the cap's badge (1 when unbadged) in.
        NotificationSignal = 22,// (cap) -> 0
        NotificationWait = 23,  // (cap) -> 0, bits in rdi (cleared)
        NotificationPoll = 24,  // (cap) -> 0 and bits in rdi, or WouldBlock
        NotificationBind = 25,  // (cap) -> 0: the calling thread's Recv also wakes for this notification
        IpcSetBuffer = 26,      // (address, receive slot) -> 0: the thread's IPC buffer page (mapped, writable, its own: else BadAddress; pinned while registered) and where received caps go
        FrameCreate = 27,       // (dst, pages) -> 0: fresh zeroed memory as a capability
        FrameMap = 28,          // (cap, address, writable) -> 0: maps the frame at address (page aligned, heap window)
        IoPortRead = 29,        // (cap, port, width 1/2/4) -> the value
        IoPortWrite = 30,       // (cap, port, width, value) -> 0
        IrqSetNotification = 31,// (irq cap, notification cap) -> 0: the line signals it and is unmasked
        IrqAck = 32,            // (irq cap) -> 0: unmask the line again after handling
        ProcessKill = 33,       // (process cap) -> 0
        ProcessInspect = 34,    // (process cap) -> pid, state in rdi, frames in rsi, messages sent in rdx, received in r10
        ProcessSetFaultEndpoint = 35, // (process cap, endpoint cap) -> 0: its faults arrive there as messages
        CapCount = 36,          // () -> capabilities in the caller's table (tests and the fuzzer's census)
        ProcessStart = 37,      // (boot image cap, dst) -> pid: a new process from that manifest entry; its Process cap (all rights) in dst

        // Memory (after the capability calls: numbered at the end).
        UnmapMemory = 38,   // (address, length) -> 0: gives back pages map_memory mapped (page aligned, all mapped, inside the heap, no registered IPC buffer)
        MemoryUsage = 39,   // () -> frames counted against the caller's memory limit (pages and page tables)
        SystemInfo = 40,        // () -> timer ticks since boot; rdi = free physical frames, rsi = timer rate (Hz), rdx = managed frames, r10 = calls and reply_recvs the IPC fast path declined
        // Init and the supervisor (docs/boot-manifest.md): a process built from a boot image but not yet running,
        // filled with capabilities, then started.
        ProcessCreate = 41,     // (boot image cap, dst, text, length | memory KiB << 16 | high << 63) -> pid; text = "name arguments..."; suspended; Process cap (all rights) in dst
        CapTransfer = 42,       // (process cap, my slot, their slot, rights | 0x100 lend) -> 0: a child of my cap (rights only shrink, badge kept) into the process's table; lend: my cap itself moves there and comes back to my slot when that process ends
        ProcessResume = 43,     // (process cap) -> 0: a process_create'd process starts running; InvalidArgument if it already runs
        ProcessCapRead = 44,    // (process cap, slot) -> CapInfo.Pack(type, rights), badge in rdi, object id in rsi, device (ports first | count << 16, irq, device frame address | pages) in rdx; InvalidCapability for an empty slot
        // Threads (docs/capabilities.md, "Threads"): more threads in the caller's own address space.
        ThreadCreate = 45,      // (dst, entry, stack top, arg) -> tid: a suspended thread at entry (rdi = arg), rsp = stack top; its Thread cap (all rights) in dst
        ThreadResume = 46,      // (thread cap) -> 0: a created thread starts running; InvalidArgument if it already ran
        ThreadKill = 47,        // (thread cap) -> 0: the thread ends in any state, its IPC waits cancelled (a thread may kill itself)
        ThreadInspect = 48,     // (thread cap) -> tid, state in rdi (ThreadInfo), ticks run in rsi
        ThreadExit = 49,        // (code) -> does not return: ends the calling thread only; from the main thread, the process (as exit)
        IoPortEnable = 50,      // (io port range cap, needs Read and Write) -> 0: the caller's threads reach the range's ports with plain in/out (TSS I/O bitmap) until that cap leaves the slot or the range dies
        FrameUnmap = 51,        // (address) -> 0: unmaps the frame_map mapping that starts at address; the frame's memory stays the Frame's
        ProcessSetDeathNotification = 52, // (process cap, notification cap, bits != 0) -> 0: when the process ends (exit, fault, kill) the notification is signalled with bits
        NotificationSignalAfter = 53, // (notification cap with Write, milliseconds <= 1 day, bits != 0) -> 0: after at least that long the notification is signalled with bits; replaces its pending timer; 0 ms cancels it
        ClockRead = 54,         // () -> 0, TSC Hz in rdi, UTC at TSC 0 in rsi, CMOS boot time in rdx, its TSC in r10 (100 ns ticks since 0001-01-01); WouldBlock while the TSC is measured
    }

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
}
