// Generated from MicroOS.Shared/Abi/syscalls.spec by MicroOS.Build/SyscallGen/SyscallGenerator.cs: do not edit (SyscallSpecTests).
namespace MicroOS.Shared.Abi
{
    // System call numbers: `syscall` with the number in rax and arguments in rdi, rsi, rdx, r10, r8, r9.
    // The result comes back in rax: >= 0 is a value, < 0 a SyscallError. docs/capabilities.md lists each call.
    public enum Syscall : ulong
    {
        DebugWrite = 0,    // debug_write(text, length) -> 0
        Exit = 1,    // exit(code) -> does not return
        Yield = 2,    // yield() -> 0
        Sleep = 3,    // sleep(milliseconds) -> 0
        MapMemory = 4,    // map_memory(length, address) -> address
        GetProcessId = 5,    // get_process_id() -> pid
        SetFaultHandler = 6,    // set_fault_handler(entry, start, end) -> 0
        CapCopy = 7,    // cap_copy(source, destination) -> 0
        CapMint = 8,    // cap_mint(source, destination, rights, badge) -> 0
        CapMove = 9,    // cap_move(source, destination) -> 0
        CapDelete = 10,    // cap_delete(slot) -> 0
        CapRevoke = 11,    // cap_revoke(slot) -> removed
        CapInspect = 12,    // cap_inspect(slot) -> CapInfo.Pack(type, rights); rdi = badge, rsi = a Frame's pages, rdx = the object's identity (never reused)
        EndpointCreate = 13,    // endpoint_create(destination) -> 0
        NotificationCreate = 14,    // notification_create(destination) -> 0
        EndpointSend = 15,    // endpoint_send(endpoint, tag, mr0, mr1, mr2, mr3) -> 0
        EndpointRecv = 16,    // endpoint_recv(endpoint) -> 0 (1: a bound notification's bits); rdi = badge, rsi = tag, rdx, r10, r8, r9 = words
        EndpointCall = 17,    // endpoint_call(endpoint, tag, mr0, mr1, mr2, mr3) -> 0; the reply in rsi, rdx, r10, r8, r9
        EndpointReply = 18,    // endpoint_reply(unused, tag, mr0, mr1, mr2, mr3) -> 0
        EndpointReplyRecv = 19,    // endpoint_reply_recv(endpoint, tag, mr0, mr1, mr2, mr3) -> as endpoint_recv
        EndpointNBSend = 20,    // endpoint_nbsend(endpoint, tag, mr0, mr1, mr2, mr3) -> 0 or WouldBlock
        EndpointNBRecv = 21,    // endpoint_nbrecv(endpoint) -> as endpoint_recv, or WouldBlock
        NotificationSignal = 22,    // notification_signal(notification) -> 0
        NotificationWait = 23,    // notification_wait(notification) -> 0; rdi = bits (cleared)
        NotificationPoll = 24,    // notification_poll(notification) -> 0 and rdi = bits, or WouldBlock
        NotificationBind = 25,    // notification_bind(notification) -> 0
        IpcSetBuffer = 26,    // ipc_set_buffer(address, receiveSlot) -> 0
        FrameCreate = 27,    // frame_create(destination, pages) -> 0
        FrameMap = 28,    // frame_map(frame, address, writable) -> 0
        IoPortRead = 29,    // io_port_read(ports, port, width) -> value
        IoPortWrite = 30,    // io_port_write(ports, port, width, value) -> 0
        IrqSetNotification = 31,    // irq_set_notification(irq, notification) -> 0
        IrqAck = 32,    // irq_ack(irq) -> 0
        ProcessKill = 33,    // process_kill(process) -> 0
        ProcessInspect = 34,    // process_inspect(process) -> pid; rdi = state, rsi = frames, rdx = sent, r10 = received, r8 = limit, r9 = kernel-object frames, children's limits << 32
        ProcessSetFaultEndpoint = 35,    // process_set_fault_endpoint(process, endpoint) -> 0
        CapCount = 36,    // cap_count() -> count
        ProcessStart = 37,    // process_start(image, destination) -> pid
        UnmapMemory = 38,    // unmap_memory(address, length) -> 0
        MemoryUsage = 39,    // memory_usage() -> frames
        SystemInfo = 40,    // system_info() -> ticks; rdi = free frames, rsi = timer Hz, rdx = managed frames + (frames the kernel heap kept since the first process << 32), r10 = IPC calls the fast path declined, r8 = kernel heap bytes, r9 = TSC ticks the CPU spent idle
        ProcessCreate = 41,    // process_create(image, destination, text, packed) -> pid
        CapTransfer = 42,    // cap_transfer(process, source, theirSlot, rights) -> 0
        ProcessResume = 43,    // process_resume(process) -> 0
        ProcessCapRead = 44,    // process_cap_read(process, theirSlot) -> CapInfo.Pack(type, rights); rdi = badge, rsi = object id, rdx = device
        ThreadCreate = 45,    // thread_create(destination, entry, stackTop, argument) -> tid
        ThreadResume = 46,    // thread_resume(thread) -> 0
        ThreadKill = 47,    // thread_kill(thread) -> 0
        ThreadInspect = 48,    // thread_inspect(thread) -> tid; rdi = state (ThreadInfo), rsi = ticks run
        ThreadExit = 49,    // thread_exit(code) -> does not return
        IoPortEnable = 50,    // io_port_enable(ports) -> 0
        FrameUnmap = 51,    // frame_unmap(address) -> 0
        ProcessSetDeathNotification = 52,    // process_set_death_notification(process, notification, bits) -> 0
        NotificationSignalAfter = 53,    // notification_signal_after(notification, milliseconds, bits) -> 0
        ClockRead = 54,    // clock_read() -> 0; rdi = TSC Hz, rsi = UTC at TSC 0, rdx = CMOS boot time, r10 = its TSC
        TraceControl = 55,    // trace_control(trace, mode, pids, endpoint) -> the previous mode (0 or 1)
        TraceRead = 56,    // trace_read(trace, buffer, length, cursor) -> count; rdi = entries lost since cursor, rsi = next cursor
        // LAB 1 BEGIN: declare kernel_info (docs/labs/01-syscall.md)
        KernelInfo = 57,    // kernel_info(item) -> the value
        // LAB 1 STARTER
        // Reserved57 = 57,    // reserved_57() -> UnknownSyscall
        // LAB 1 END
        ProcessCreateFrame = 58,    // process_create_frame(frame, destination, text, packed, imageLength) -> pid
        Reserved59 = 59,    // reserved_59() -> UnknownSyscall
        ObjectDestroy = 60,    // object_destroy(slot) -> 0
    }

    public static class SyscallAbi
    {
        // Syscalls 0 .. Count - 1 exist; every number from Count on is UnknownSyscall.
        public const int Count = 61;

        // Bit n: syscall n may block (User.asm's BLOCKING_SYSCALLS, Syscalls.g.inc).
        public const ulong BlockingMask = 0x8B800C;
    }
}
