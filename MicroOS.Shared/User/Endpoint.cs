using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // A capability slot holding an endpoint, as a type: Syscall.EndpointCall -> EndpointSyscalls.Call
    // -> Objects/Endpoint.Send (docs/ipc-path.md). Every call returns >= 0 or a SyscallError.
    public readonly struct Endpoint
    {
        public readonly int Slot;

        public Endpoint(int slot) => Slot = slot;

        public long Send(ref Message m) => Ipc.Invoke(Syscall.EndpointSend, ref m, Slot);
        public long TrySend(ref Message m) => Ipc.Invoke(Syscall.EndpointNBSend, ref m, Slot);

        // Sends `m` and waits for the reply, which replaces it.
        public long Call(ref Message m) => Ipc.Invoke(Syscall.EndpointCall, ref m, Slot);

        // 0: a message (in m, badge included); 1: a signal of the bound notification (bits in m.Badge).
        public long Receive(out Message m)
        {
            m = default;
            return Ipc.Invoke(Syscall.EndpointRecv, ref m, Slot);
        }

        public long TryReceive(out Message m)
        {
            m = default;
            return Ipc.Invoke(Syscall.EndpointNBRecv, ref m, Slot);
        }

        // Replies with `m` to the last caller, then waits for the next message, which replaces `m`.
        public long ReplyReceive(ref Message m) => Ipc.Invoke(Syscall.EndpointReplyRecv, ref m, Slot);
    }

    public readonly struct Notification
    {
        public readonly int Slot;

        public Notification(int slot) => Slot = slot;

        public long Signal() => SysCalls.NotificationSignal((ulong)Slot);

        // 0 and the bits (cleared), or an error.
        public long Wait(out ulong bits)
        {
            long r = SysCalls.NotificationWait((ulong)Slot, out IpcRegisters regs);
            bits = regs.A0;
            return r;
        }

        public long Poll(out ulong bits)
        {
            long r = SysCalls.NotificationPoll((ulong)Slot, out IpcRegisters regs);
            bits = regs.A0;
            return r;
        }

        // The calling thread's endpoint receives also wake for this notification.
        public long BindToThisThread() => SysCalls.NotificationBind((ulong)Slot);

        // A one-shot timer (notification_signal_after): after at least `milliseconds` the notification
        // is signalled with `bits` (!= 0). Replaces its pending timer; CancelTimer (0 ms) drops it.
        public long SignalAfter(ulong milliseconds, ulong bits) =>
            SysCalls.NotificationSignalAfter((ulong)Slot, milliseconds, bits);

        public long CancelTimer() => SysCalls.NotificationSignalAfter((ulong)Slot, 0, 0);
    }

    public readonly unsafe struct FrameCap
    {
        public readonly int Slot;

        public FrameCap(int slot) => Slot = slot;

        // Maps the frame at `address` (page aligned, in the mapping window 0x30_0000_0000..0x40_0000_0000).
        public long Map(ulong address, bool writable) => SysCalls.FrameMap((ulong)Slot, address, writable ? 1UL : 0);

        // Undoes the frame_map made at `address` (whichever cap it came from); the memory stays the frame's.
        public static long Unmap(ulong address) => SysCalls.FrameUnmap(address);

        public const ulong WindowBase = 0x0000_0030_0000_0000;
    }

    public readonly unsafe struct IoPorts
    {
        public readonly int Slot;

        public IoPorts(int slot) => Slot = slot;

        // Checked port access: one syscall per access (the default; docs/capabilities.md). Wider
        // accesses need every byte's port in the range (port..port+1, port..port+3).
        public long Read8(ushort port) => SysCalls.IoPortRead((ulong)Slot, port, 1);
        public long Write8(ushort port, byte value) => SysCalls.IoPortWrite((ulong)Slot, port, 1, value);
        public long Read16(ushort port) => SysCalls.IoPortRead((ulong)Slot, port, 2);
        public long Write16(ushort port, ushort value) => SysCalls.IoPortWrite((ulong)Slot, port, 2, value);
        public long Read32(ushort port) => SysCalls.IoPortRead((ulong)Slot, port, 4);
        public long Write32(ushort port, uint value) => SysCalls.IoPortWrite((ulong)Slot, port, 4, value);

        // From now on In8/Out8 reach this range's ports directly (the TSS I/O bitmap), until the cap
        // leaves this slot (delete it, or a copy enabled for the purpose, to stop) or the range dies.
        public long Enable() => SysCalls.IoPortEnable((ulong)Slot);

        // Plain `in`/`out`: a port not enabled faults like any other forbidden instruction.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_in8")]
        public static extern byte In8(ushort port);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_out8")]
        public static extern void Out8(ushort port, byte value);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_in16")]
        public static extern ushort In16(ushort port);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_out16")]
        public static extern void Out16(ushort port, ushort value);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_in32")]
        public static extern uint In32(ushort port);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_out32")]
        public static extern void Out32(ushort port, uint value);

        // String I/O: `count` 16-bit words from the port into `buffer` (`rep insw`), or from `buffer`
        // to the port (`rep outsw`): a 512-byte ATA sector is InsW(0x1F0, p, 256). The caller owns
        // count * 2 bytes at buffer (a wild buffer faults this process, like any bad store).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_insw")]
        public static extern void InsW(ushort port, void* buffer, ulong count);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("mos_port_outsw")]
        public static extern void OutsW(ushort port, void* buffer, ulong count);

        // The same over a span: its length must be even (words).
        public static void InsW(ushort port, System.Span<byte> destination)
        {
            fixed (byte* p = destination)
                InsW(port, p, (ulong)destination.Length / 2);
        }

        public static void OutsW(ushort port, System.ReadOnlySpan<byte> source)
        {
            fixed (byte* p = source)
                OutsW(port, p, (ulong)source.Length / 2);
        }
    }

    public readonly struct IrqLineCap
    {
        public readonly int Slot;

        public IrqLineCap(int slot) => Slot = slot;

        public long SetNotification(Notification n) => SysCalls.IrqSetNotification((ulong)Slot, (ulong)n.Slot);
        public long Acknowledge() => SysCalls.IrqAck((ulong)Slot);
    }

    public readonly struct ProcessCap
    {
        public readonly int Slot;

        public ProcessCap(int slot) => Slot = slot;

        public long Kill() => SysCalls.ProcessKill((ulong)Slot);
        public long Inspect() => SysCalls.ProcessInspect((ulong)Slot);
        public long SetFaultEndpoint(Endpoint e) => SysCalls.ProcessSetFaultEndpoint((ulong)Slot, (ulong)e.Slot);
        // When the process ends, `n` is signalled with `bits` (and a thread it is bound to wakes, even from a sleep).
        public long SetDeathNotification(Notification n, ulong bits) =>
            SysCalls.ProcessSetDeathNotification((ulong)Slot, (ulong)n.Slot, bits);

        // pid (>= 0) or an error; state (0 running, 1 exited, 2 killed), frames, messages sent and received.
        public long Inspect(out ulong state, out ulong frames, out ulong sent, out ulong received)
        {
            long r = SysCalls.ProcessInspect((ulong)Slot, out IpcRegisters regs);
            state = regs.A0; frames = regs.A1; sent = regs.A2; received = regs.A3;
            return r;
        }

        // The same, and its budget: its limit, the frames of kernel objects charged to it (used, with
        // its pages), and the limits it carved out of its own for its children (given); all in frames.
        public long Inspect(out ulong state, out ulong frames, out ulong sent, out ulong received, out ulong limitFrames, out ulong objectFrames, out ulong givenFrames)
        {
            long r = SysCalls.ProcessInspect((ulong)Slot, out IpcRegisters regs);
            state = regs.A0; frames = regs.A1; sent = regs.A2; received = regs.A3; limitFrames = regs.A4;
            objectFrames = regs.A5 & 0xFFFF_FFFF; givenFrames = regs.A5 >> 32;
            return r;
        }

        // A child of my capability in `mySlot` lands in the process's slot `theirSlot` (rights only shrink).
        public long Transfer(int mySlot, int theirSlot, CapRights rights) =>
            SysCalls.CapTransfer((ulong)Slot, (ulong)mySlot, (ulong)theirSlot, (ulong)rights);

        // My capability itself moves there, and comes back to `mySlot` when the process ends.
        public long Lend(int mySlot, int theirSlot) =>
            SysCalls.CapTransfer((ulong)Slot, (ulong)mySlot, (ulong)theirSlot, CapTransferArgs.Lend | (ulong)CapRights.All);

        public long Resume() => SysCalls.ProcessResume((ulong)Slot);

        // What the process holds in `slot`: CapInfo (type, rights) or an error; its badge and object id.
        public long ReadCap(int slot, out ulong badge, out ulong objectId) => ReadCap(slot, out badge, out objectId, out _);

        // The same, and which hardware a device capability reaches: I/O ports first | count << 16,
        // an IRQ line's number, a device frame's physical address | pages; 0 for other capabilities.
        public long ReadCap(int slot, out ulong badge, out ulong objectId, out ulong device)
        {
            long r = SysCalls.ProcessCapRead((ulong)Slot, (ulong)slot, out IpcRegisters regs);
            badge = regs.A0; objectId = regs.A1; device = regs.A2;
            return r;
        }
    }

    // A boot image (Init's slots 15..): process_create makes a process of it, not yet running.
    public readonly unsafe struct BootImageCap
    {
        public readonly int Slot;

        public BootImageCap(int slot) => Slot = slot;

        // `text` = "name arguments...": pid or an error; the Process cap (all rights) lands in `destination`.
        public long Create(int destination, string text, ulong memoryBytes, bool highPriority)
        {
            int length = text.Length < 512 ? text.Length : 512;
            byte* buffer = stackalloc byte[length];
            for (int i = 0; i < length; i++)
                buffer[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            ulong packed = ProcessCreateArgs.Pack(length, memoryBytes >> 10, highPriority);
            return SysCalls.ProcessCreate((ulong)Slot, (ulong)destination, (ulong)buffer, packed);
        }
    }

    // The loop every server runs: receive, handle, reply-and-receive. `handle` turns a request into
    // the reply (in place); a bound notification's signal goes to `signal` (bits) when given. The
    // Debug contract (Ping, Crash) is answered here, before `handle` (DebugServer.cs).
    public static class ServerLoop
    {
        public delegate void Handler(ref Message m);
        public delegate void SignalHandler(ulong bits);

        public static long Run(Endpoint endpoint, Handler handle, SignalHandler signal = null)
        {
            long r = endpoint.Receive(out Message m);
            while (true)
            {
                if (r < 0)
                    return r;
                if (r == 1)
                {
                    signal?.Invoke(m.Badge);
                    r = endpoint.Receive(out m);
                    continue;
                }
                if (!DebugServer.Handle(ref m))
                    handle(ref m);
                r = endpoint.ReplyReceive(ref m);
            }
        }
    }
}
