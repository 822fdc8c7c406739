// Generated from MicroOS.Shared/Abi/syscalls.spec by MicroOS.Build/SyscallGen/SyscallGenerator.cs: do not edit (SyscallSpecTests).
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // Every syscall as a typed stub (raw words: slots and values as ulong). The wrappers in Sys.cs,
    // Ipc.cs and Endpoint.cs give them meaning; a server may call these directly.
    public static unsafe class SysCalls
    {
        // debug_write: a line in the kernel log, tagged with the caller -> 0
        public static long DebugWrite(ulong text, ulong length) =>
            Sys.Raw((ulong)Syscall.DebugWrite, text, length, 0, 0);
        public static long DebugWrite(ulong text, ulong length, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = text;
            r.A1 = length;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.DebugWrite, &r);
            result = r;
            return rax;
        }

        // exit: ends the process -> does not return
        public static long Exit(ulong code) =>
            Sys.Raw((ulong)Syscall.Exit, code, 0, 0, 0);
        public static long Exit(ulong code, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = code;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.Exit, &r);
            result = r;
            return rax;
        }

        // yield: gives up the rest of the time slice -> 0
        public static long Yield() =>
            Sys.Raw((ulong)Syscall.Yield, 0, 0, 0, 0);
        public static long Yield(out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = 0;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.Yield, &r);
            result = r;
            return rax;
        }

        // sleep: sleeps at least that long; 0 ms yields -> 0
        public static long Sleep(ulong milliseconds) =>
            Sys.Raw((ulong)Syscall.Sleep, milliseconds, 0, 0, 0);
        public static long Sleep(ulong milliseconds, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = milliseconds;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.Sleep, &r);
            result = r;
            return rax;
        }

        // map_memory: fresh zeroed read/write memory in the caller's heap (address 0, or a hole the caller unmapped below its heap's end) -> address
        public static long MapMemory(ulong length, ulong address) =>
            Sys.Raw((ulong)Syscall.MapMemory, length, address, 0, 0);
        public static long MapMemory(ulong length, ulong address, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = length;
            r.A1 = address;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.MapMemory, &r);
            result = r;
            return rax;
        }

        // get_process_id: the caller's process id -> pid
        public static long GetProcessId() =>
            Sys.Raw((ulong)Syscall.GetProcessId, 0, 0, 0, 0);
        public static long GetProcessId(out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = 0;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.GetProcessId, &r);
            result = r;
            return rax;
        }

        // set_fault_handler: delivers #DE and near-null #PF in [start, end) to entry (once; call again to re-arm); entry 0 = off -> 0
        public static long SetFaultHandler(ulong entry, ulong start, ulong end) =>
            Sys.Raw((ulong)Syscall.SetFaultHandler, entry, start, end, 0);
        public static long SetFaultHandler(ulong entry, ulong start, ulong end, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = entry;
            r.A1 = start;
            r.A2 = end;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.SetFaultHandler, &r);
            result = r;
            return rax;
        }

        // cap_copy: a copy with the same rights and badge, a child of the source -> 0
        public static long CapCopy(ulong source, ulong destination) =>
            Sys.Raw((ulong)Syscall.CapCopy, source, destination, 0, 0);
        public static long CapCopy(ulong source, ulong destination, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = source;
            r.A1 = destination;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapCopy, &r);
            result = r;
            return rax;
        }

        // cap_mint: a child whose rights only shrink; a badge only on an unbadged endpoint cap -> 0
        public static long CapMint(ulong source, ulong destination, ulong rights, ulong badge) =>
            Sys.Raw((ulong)Syscall.CapMint, source, destination, rights, badge);
        public static long CapMint(ulong source, ulong destination, ulong rights, ulong badge, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = source;
            r.A1 = destination;
            r.A2 = rights;
            r.A3 = badge;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapMint, &r);
            result = r;
            return rax;
        }

        // cap_move: moves the capability (a stale one too) -> 0
        public static long CapMove(ulong source, ulong destination) =>
            Sys.Raw((ulong)Syscall.CapMove, source, destination, 0, 0);
        public static long CapMove(ulong source, ulong destination, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = source;
            r.A1 = destination;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapMove, &r);
            result = r;
            return rax;
        }

        // cap_delete: empties the slot; its children go to its parent -> 0
        public static long CapDelete(ulong slot) =>
            Sys.Raw((ulong)Syscall.CapDelete, slot, 0, 0, 0);
        public static long CapDelete(ulong slot, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = slot;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapDelete, &r);
            result = r;
            return rax;
        }

        // cap_revoke: removes every descendant, in every process -> removed
        public static long CapRevoke(ulong slot) =>
            Sys.Raw((ulong)Syscall.CapRevoke, slot, 0, 0, 0);
        public static long CapRevoke(ulong slot, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = slot;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapRevoke, &r);
            result = r;
            return rax;
        }

        // cap_inspect: what the slot holds -> CapInfo.Pack(type, rights); rdi = badge, rsi = a Frame's pages, rdx = the object's identity (never reused)
        public static long CapInspect(ulong slot) =>
            Sys.Raw((ulong)Syscall.CapInspect, slot, 0, 0, 0);
        public static long CapInspect(ulong slot, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = slot;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapInspect, &r);
            result = r;
            return rax;
        }

        // endpoint_create: a new endpoint, its original cap (all rights) in destination -> 0
        public static long EndpointCreate(ulong destination) =>
            Sys.Raw((ulong)Syscall.EndpointCreate, destination, 0, 0, 0);
        public static long EndpointCreate(ulong destination, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = destination;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.EndpointCreate, &r);
            result = r;
            return rax;
        }

        // notification_create: a new notification, its original cap (all rights) in destination -> 0
        public static long NotificationCreate(ulong destination) =>
            Sys.Raw((ulong)Syscall.NotificationCreate, destination, 0, 0, 0);
        public static long NotificationCreate(ulong destination, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = destination;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.NotificationCreate, &r);
            result = r;
            return rax;
        }

        // endpoint_send: sends a message (waits for a receiver) -> 0
        public static long EndpointSend(ulong endpoint, ulong tag, ulong mr0, ulong mr1, ulong mr2, ulong mr3, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = endpoint;
            r.A1 = tag;
            r.A2 = mr0;
            r.A3 = mr1;
            r.A4 = mr2;
            r.A5 = mr3;
            long rax = Ipc.Raw((ulong)Syscall.EndpointSend, &r);
            result = r;
            return rax;
        }

        // endpoint_recv: receives a message -> 0 (1: a bound notification's bits); rdi = badge, rsi = tag, rdx, r10, r8, r9 = words
        public static long EndpointRecv(ulong endpoint) =>
            Sys.Raw((ulong)Syscall.EndpointRecv, endpoint, 0, 0, 0);
        public static long EndpointRecv(ulong endpoint, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = endpoint;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.EndpointRecv, &r);
            result = r;
            return rax;
        }

        // endpoint_call: sends and waits for the reply -> 0; the reply in rsi, rdx, r10, r8, r9
        public static long EndpointCall(ulong endpoint, ulong tag, ulong mr0, ulong mr1, ulong mr2, ulong mr3, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = endpoint;
            r.A1 = tag;
            r.A2 = mr0;
            r.A3 = mr1;
            r.A4 = mr2;
            r.A5 = mr3;
            long rax = Ipc.Raw((ulong)Syscall.EndpointCall, &r);
            result = r;
            return rax;
        }

        // endpoint_reply: answers the call this thread received last -> 0
        public static long EndpointReply(ulong unused, ulong tag, ulong mr0, ulong mr1, ulong mr2, ulong mr3, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = unused;
            r.A1 = tag;
            r.A2 = mr0;
            r.A3 = mr1;
            r.A4 = mr2;
            r.A5 = mr3;
            long rax = Ipc.Raw((ulong)Syscall.EndpointReply, &r);
            result = r;
            return rax;
        }

        // endpoint_reply_recv: reply, then receive on endpoint -> as endpoint_recv
        public static long EndpointReplyRecv(ulong endpoint, ulong tag, ulong mr0, ulong mr1, ulong mr2, ulong mr3, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = endpoint;
            r.A1 = tag;
            r.A2 = mr0;
            r.A3 = mr1;
            r.A4 = mr2;
            r.A5 = mr3;
            long rax = Ipc.Raw((ulong)Syscall.EndpointReplyRecv, &r);
            result = r;
            return rax;
        }

        // endpoint_nbsend: send without waiting -> 0 or WouldBlock
        public static long EndpointNBSend(ulong endpoint, ulong tag, ulong mr0, ulong mr1, ulong mr2, ulong mr3, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = endpoint;
            r.A1 = tag;
            r.A2 = mr0;
            r.A3 = mr1;
            r.A4 = mr2;
            r.A5 = mr3;
            long rax = Ipc.Raw((ulong)Syscall.EndpointNBSend, &r);
            result = r;
            return rax;
        }

        // endpoint_nbrecv: receive without waiting -> as endpoint_recv, or WouldBlock
        public static long EndpointNBRecv(ulong endpoint) =>
            Sys.Raw((ulong)Syscall.EndpointNBRecv, endpoint, 0, 0, 0);
        public static long EndpointNBRecv(ulong endpoint, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = endpoint;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.EndpointNBRecv, &r);
            result = r;
            return rax;
        }

        // notification_signal: ORs the cap's badge (1 when unbadged) in -> 0
        public static long NotificationSignal(ulong notification) =>
            Sys.Raw((ulong)Syscall.NotificationSignal, notification, 0, 0, 0);
        public static long NotificationSignal(ulong notification, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = notification;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.NotificationSignal, &r);
            result = r;
            return rax;
        }

        // notification_wait: waits for bits -> 0; rdi = bits (cleared)
        public static long NotificationWait(ulong notification) =>
            Sys.Raw((ulong)Syscall.NotificationWait, notification, 0, 0, 0);
        public static long NotificationWait(ulong notification, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = notification;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.NotificationWait, &r);
            result = r;
            return rax;
        }

        // notification_poll: takes bits without waiting -> 0 and rdi = bits, or WouldBlock
        public static long NotificationPoll(ulong notification) =>
            Sys.Raw((ulong)Syscall.NotificationPoll, notification, 0, 0, 0);
        public static long NotificationPoll(ulong notification, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = notification;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.NotificationPoll, &r);
            result = r;
            return rax;
        }

        // notification_bind: the calling thread's receive also wakes for this notification -> 0
        public static long NotificationBind(ulong notification) =>
            Sys.Raw((ulong)Syscall.NotificationBind, notification, 0, 0, 0);
        public static long NotificationBind(ulong notification, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = notification;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.NotificationBind, &r);
            result = r;
            return rax;
        }

        // ipc_set_buffer: the thread's IPC buffer page (mapped, writable, its own, pinned while registered) and the slot received caps go to -> 0
        public static long IpcSetBuffer(ulong address, ulong receiveSlot) =>
            Sys.Raw((ulong)Syscall.IpcSetBuffer, address, receiveSlot, 0, 0);
        public static long IpcSetBuffer(ulong address, ulong receiveSlot, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = address;
            r.A1 = receiveSlot;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.IpcSetBuffer, &r);
            result = r;
            return rax;
        }

        // frame_create: fresh zeroed memory as a Frame capability -> 0
        public static long FrameCreate(ulong destination, ulong pages) =>
            Sys.Raw((ulong)Syscall.FrameCreate, destination, pages, 0, 0);
        public static long FrameCreate(ulong destination, ulong pages, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = destination;
            r.A1 = pages;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.FrameCreate, &r);
            result = r;
            return rax;
        }

        // frame_map: maps the frame at address (page aligned, heap window) -> 0
        public static long FrameMap(ulong frame, ulong address, ulong writable) =>
            Sys.Raw((ulong)Syscall.FrameMap, frame, address, writable, 0);
        public static long FrameMap(ulong frame, ulong address, ulong writable, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = frame;
            r.A1 = address;
            r.A2 = writable;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.FrameMap, &r);
            result = r;
            return rax;
        }

        // io_port_read: reads a port (width 1, 2 or 4) -> value
        public static long IoPortRead(ulong ports, ulong port, ulong width) =>
            Sys.Raw((ulong)Syscall.IoPortRead, ports, port, width, 0);
        public static long IoPortRead(ulong ports, ulong port, ulong width, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = ports;
            r.A1 = port;
            r.A2 = width;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.IoPortRead, &r);
            result = r;
            return rax;
        }

        // io_port_write: writes a port -> 0
        public static long IoPortWrite(ulong ports, ulong port, ulong width, ulong value) =>
            Sys.Raw((ulong)Syscall.IoPortWrite, ports, port, width, value);
        public static long IoPortWrite(ulong ports, ulong port, ulong width, ulong value, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = ports;
            r.A1 = port;
            r.A2 = width;
            r.A3 = value;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.IoPortWrite, &r);
            result = r;
            return rax;
        }

        // irq_set_notification: the line signals the notification and is unmasked -> 0
        public static long IrqSetNotification(ulong irq, ulong notification) =>
            Sys.Raw((ulong)Syscall.IrqSetNotification, irq, notification, 0, 0);
        public static long IrqSetNotification(ulong irq, ulong notification, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = irq;
            r.A1 = notification;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.IrqSetNotification, &r);
            result = r;
            return rax;
        }

        // irq_ack: unmasks the line again after handling -> 0
        public static long IrqAck(ulong irq) =>
            Sys.Raw((ulong)Syscall.IrqAck, irq, 0, 0, 0);
        public static long IrqAck(ulong irq, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = irq;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.IrqAck, &r);
            result = r;
            return rax;
        }

        // process_kill: ends the process -> 0
        public static long ProcessKill(ulong process) =>
            Sys.Raw((ulong)Syscall.ProcessKill, process, 0, 0, 0);
        public static long ProcessKill(ulong process, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessKill, &r);
            result = r;
            return rax;
        }

        // process_inspect: what the process uses -> pid; rdi = state, rsi = frames, rdx = sent, r10 = received, r8 = limit, r9 = kernel-object frames, children's limits << 32
        public static long ProcessInspect(ulong process) =>
            Sys.Raw((ulong)Syscall.ProcessInspect, process, 0, 0, 0);
        public static long ProcessInspect(ulong process, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessInspect, &r);
            result = r;
            return rax;
        }

        // process_set_fault_endpoint: its faults arrive there as messages -> 0
        public static long ProcessSetFaultEndpoint(ulong process, ulong endpoint) =>
            Sys.Raw((ulong)Syscall.ProcessSetFaultEndpoint, process, endpoint, 0, 0);
        public static long ProcessSetFaultEndpoint(ulong process, ulong endpoint, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = endpoint;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessSetFaultEndpoint, &r);
            result = r;
            return rax;
        }

        // cap_count: capabilities in the caller's table -> count
        public static long CapCount() =>
            Sys.Raw((ulong)Syscall.CapCount, 0, 0, 0, 0);
        public static long CapCount(out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = 0;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapCount, &r);
            result = r;
            return rax;
        }

        // process_start: a new process from that manifest entry; its Process cap (all rights) in destination -> pid
        public static long ProcessStart(ulong image, ulong destination) =>
            Sys.Raw((ulong)Syscall.ProcessStart, image, destination, 0, 0);
        public static long ProcessStart(ulong image, ulong destination, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = image;
            r.A1 = destination;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessStart, &r);
            result = r;
            return rax;
        }

        // unmap_memory: gives back pages map_memory mapped (page aligned, all mapped, in the heap, no registered IPC buffer) -> 0
        public static long UnmapMemory(ulong address, ulong length) =>
            Sys.Raw((ulong)Syscall.UnmapMemory, address, length, 0, 0);
        public static long UnmapMemory(ulong address, ulong length, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = address;
            r.A1 = length;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.UnmapMemory, &r);
            result = r;
            return rax;
        }

        // memory_usage: frames counted against the caller's memory limit (pages and page tables) -> frames
        public static long MemoryUsage() =>
            Sys.Raw((ulong)Syscall.MemoryUsage, 0, 0, 0, 0);
        public static long MemoryUsage(out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = 0;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.MemoryUsage, &r);
            result = r;
            return rax;
        }

        // system_info: the machine's counters -> ticks; rdi = free frames, rsi = timer Hz, rdx = managed frames + (frames the kernel heap kept since the first process << 32), r10 = IPC calls the fast path declined, r8 = kernel heap bytes, r9 = TSC ticks the CPU spent idle
        public static long SystemInfo() =>
            Sys.Raw((ulong)Syscall.SystemInfo, 0, 0, 0, 0);
        public static long SystemInfo(out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = 0;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.SystemInfo, &r);
            result = r;
            return rax;
        }

        // process_create: a suspended process named by text ("name arguments..."); packed = ProcessCreateArgs (length, memory KiB, high priority); its Process cap in destination -> pid
        public static long ProcessCreate(ulong image, ulong destination, ulong text, ulong packed) =>
            Sys.Raw((ulong)Syscall.ProcessCreate, image, destination, text, packed);
        public static long ProcessCreate(ulong image, ulong destination, ulong text, ulong packed, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = image;
            r.A1 = destination;
            r.A2 = text;
            r.A3 = packed;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessCreate, &r);
            result = r;
            return rax;
        }

        // cap_transfer: a child of my cap (rights only shrink) into an empty slot of the process's table; rights with CapTransferArgs.Lend: my cap itself moves there and comes back when that process ends -> 0
        public static long CapTransfer(ulong process, ulong source, ulong theirSlot, ulong rights) =>
            Sys.Raw((ulong)Syscall.CapTransfer, process, source, theirSlot, rights);
        public static long CapTransfer(ulong process, ulong source, ulong theirSlot, ulong rights, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = source;
            r.A2 = theirSlot;
            r.A3 = rights;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.CapTransfer, &r);
            result = r;
            return rax;
        }

        // process_resume: a created process starts running; InvalidArgument if it already runs -> 0
        public static long ProcessResume(ulong process) =>
            Sys.Raw((ulong)Syscall.ProcessResume, process, 0, 0, 0);
        public static long ProcessResume(ulong process, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessResume, &r);
            result = r;
            return rax;
        }

        // process_cap_read: what the process holds in a slot (InvalidCapability: empty) -> CapInfo.Pack(type, rights); rdi = badge, rsi = object id, rdx = device
        public static long ProcessCapRead(ulong process, ulong theirSlot) =>
            Sys.Raw((ulong)Syscall.ProcessCapRead, process, theirSlot, 0, 0);
        public static long ProcessCapRead(ulong process, ulong theirSlot, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = theirSlot;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessCapRead, &r);
            result = r;
            return rax;
        }

        // thread_create: a suspended thread at entry (rdi = argument, rsp = stackTop) of the caller's process; its Thread cap (all rights) in destination -> tid
        public static long ThreadCreate(ulong destination, ulong entry, ulong stackTop, ulong argument) =>
            Sys.Raw((ulong)Syscall.ThreadCreate, destination, entry, stackTop, argument);
        public static long ThreadCreate(ulong destination, ulong entry, ulong stackTop, ulong argument, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = destination;
            r.A1 = entry;
            r.A2 = stackTop;
            r.A3 = argument;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ThreadCreate, &r);
            result = r;
            return rax;
        }

        // thread_resume: a created thread starts running; InvalidArgument if it already ran -> 0
        public static long ThreadResume(ulong thread) =>
            Sys.Raw((ulong)Syscall.ThreadResume, thread, 0, 0, 0);
        public static long ThreadResume(ulong thread, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = thread;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ThreadResume, &r);
            result = r;
            return rax;
        }

        // thread_kill: the thread ends in any state, its IPC waits cancelled -> 0
        public static long ThreadKill(ulong thread) =>
            Sys.Raw((ulong)Syscall.ThreadKill, thread, 0, 0, 0);
        public static long ThreadKill(ulong thread, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = thread;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ThreadKill, &r);
            result = r;
            return rax;
        }

        // thread_inspect: what the thread does -> tid; rdi = state (ThreadInfo), rsi = ticks run
        public static long ThreadInspect(ulong thread) =>
            Sys.Raw((ulong)Syscall.ThreadInspect, thread, 0, 0, 0);
        public static long ThreadInspect(ulong thread, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = thread;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ThreadInspect, &r);
            result = r;
            return rax;
        }

        // thread_exit: ends the calling thread (the main thread: the process) -> does not return
        public static long ThreadExit(ulong code) =>
            Sys.Raw((ulong)Syscall.ThreadExit, code, 0, 0, 0);
        public static long ThreadExit(ulong code, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = code;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ThreadExit, &r);
            result = r;
            return rax;
        }

        // io_port_enable: plain in/out on the range's ports (TSS I/O bitmap) until the cap leaves the slot or the range dies -> 0
        public static long IoPortEnable(ulong ports) =>
            Sys.Raw((ulong)Syscall.IoPortEnable, ports, 0, 0, 0);
        public static long IoPortEnable(ulong ports, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = ports;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.IoPortEnable, &r);
            result = r;
            return rax;
        }

        // frame_unmap: unmaps the frame_map mapping that starts at address -> 0
        public static long FrameUnmap(ulong address) =>
            Sys.Raw((ulong)Syscall.FrameUnmap, address, 0, 0, 0);
        public static long FrameUnmap(ulong address, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = address;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.FrameUnmap, &r);
            result = r;
            return rax;
        }

        // process_set_death_notification: when the process ends the notification is signalled with bits (≠ 0) -> 0
        public static long ProcessSetDeathNotification(ulong process, ulong notification, ulong bits) =>
            Sys.Raw((ulong)Syscall.ProcessSetDeathNotification, process, notification, bits, 0);
        public static long ProcessSetDeathNotification(ulong process, ulong notification, ulong bits, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = process;
            r.A1 = notification;
            r.A2 = bits;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessSetDeathNotification, &r);
            result = r;
            return rax;
        }

        // notification_signal_after: after at least that long (≤ 1 day) the notification is signalled with bits (≠ 0); replaces its pending timer; 0 ms cancels it -> 0
        public static long NotificationSignalAfter(ulong notification, ulong milliseconds, ulong bits) =>
            Sys.Raw((ulong)Syscall.NotificationSignalAfter, notification, milliseconds, bits, 0);
        public static long NotificationSignalAfter(ulong notification, ulong milliseconds, ulong bits, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = notification;
            r.A1 = milliseconds;
            r.A2 = bits;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.NotificationSignalAfter, &r);
            result = r;
            return rax;
        }

        // clock_read: the clock; WouldBlock while the TSC is measured -> 0; rdi = TSC Hz, rsi = UTC at TSC 0, rdx = CMOS boot time, r10 = its TSC
        public static long ClockRead() =>
            Sys.Raw((ulong)Syscall.ClockRead, 0, 0, 0, 0);
        public static long ClockRead(out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = 0;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ClockRead, &r);
            result = r;
            return rax;
        }

        // trace_control: IPC tracing on (mode 1) or off (0); pids: up to four 16-bit pids (IpcTraceControl.PackPids), endpoint: an object id, only messages from/to those (both 0: all); on switches the IPC fast path off -> the previous mode (0 or 1)
        public static long TraceControl(ulong trace, ulong mode, ulong pids, ulong endpoint) =>
            Sys.Raw((ulong)Syscall.TraceControl, trace, mode, pids, endpoint);
        public static long TraceControl(ulong trace, ulong mode, ulong pids, ulong endpoint, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = trace;
            r.A1 = mode;
            r.A2 = pids;
            r.A3 = endpoint;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.TraceControl, &r);
            result = r;
            return rax;
        }

        // trace_read: copies trace entries (IpcTraceEntry, 40 bytes each) recorded from sequence number cursor on into buffer (length: whole entries, ≤ 4096 bytes) -> count; rdi = entries lost since cursor, rsi = next cursor
        public static long TraceRead(ulong trace, ulong buffer, ulong length, ulong cursor) =>
            Sys.Raw((ulong)Syscall.TraceRead, trace, buffer, length, cursor);
        public static long TraceRead(ulong trace, ulong buffer, ulong length, ulong cursor, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = trace;
            r.A1 = buffer;
            r.A2 = length;
            r.A3 = cursor;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.TraceRead, &r);
            result = r;
            return rax;
        }

        // LAB 1 BEGIN: declare kernel_info (docs/labs/01-syscall.md)
        // kernel_info: what the kernel is: item 0 = the syscalls it has, 1 = live processes; any other item InvalidArgument -> the value
        public static long KernelInfo(ulong item) =>
            Sys.Raw((ulong)Syscall.KernelInfo, item, 0, 0, 0);
        public static long KernelInfo(ulong item, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = item;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.KernelInfo, &r);
            result = r;
            return rax;
        }

        // LAB 1 STARTER
        // LAB 1 END
        // process_create_frame: a suspended process from the ELF image in the frame's first imageLength bytes (a RAM frame), with boot modules' checks (malformed: InvalidArgument; imageLength past the frame: OutOfRange); text and packed as process_create's; its limit from the caller's budget; its Process cap in destination -> pid
        public static long ProcessCreateFrame(ulong frame, ulong destination, ulong text, ulong packed, ulong imageLength, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = frame;
            r.A1 = destination;
            r.A2 = text;
            r.A3 = packed;
            r.A4 = imageLength;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ProcessCreateFrame, &r);
            result = r;
            return rax;
        }

        // object_destroy: the owner ends its endpoint, notification or frame now: every cap to it, everywhere, answers ObjectGone, its waiters wake with ObjectGone, its mappings go everywhere, its memory returns to the owner's budget; only through the owner's original cap (else MissingRight), other kinds WrongType -> 0
        public static long ObjectDestroy(ulong slot) =>
            Sys.Raw((ulong)Syscall.ObjectDestroy, slot, 0, 0, 0);
        public static long ObjectDestroy(ulong slot, out IpcRegisters result)
        {
            IpcRegisters r;
            r.A0 = slot;
            r.A1 = 0;
            r.A2 = 0;
            r.A3 = 0;
            r.A4 = 0;
            r.A5 = 0;
            long rax = Ipc.Raw((ulong)Syscall.ObjectDestroy, &r);
            result = r;
            return rax;
        }
    }
}
