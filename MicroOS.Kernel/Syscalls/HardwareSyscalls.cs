using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // io_port_read / io_port_write (IoPortRange caps: checked port access, one syscall per access),
    // io_port_enable (the same ports with plain in/out, through the TSS I/O bitmap: Objects/IoPortGrant.cs)
    // and irq_set_notification / irq_ack (IrqLine caps). The dispatcher decoded the cap in rdi.
    internal static unsafe class HardwareSyscalls
    {
        public static long PortRead(SyscallFrame* f, CapSlot cap)
        {
            long e = DecodePort((IoPortRange)cap.Object, f->Arg1, f->Arg2);
            if (e != 0)
                return e;
            ushort port = (ushort)f->Arg1;
            return f->Arg2 == 1 ? Cpu.InB(port) : f->Arg2 == 2 ? Cpu.InW(port) : (long)Cpu.InD(port);
        }

        public static long PortWrite(SyscallFrame* f, CapSlot cap)
        {
            long e = DecodePort((IoPortRange)cap.Object, f->Arg1, f->Arg2);
            if (e != 0)
                return e;
            ushort port = (ushort)f->Arg1;
            if (f->Arg2 == 1) Cpu.OutB(port, (byte)f->Arg3);
            else if (f->Arg2 == 2) Cpu.OutW(port, (ushort)f->Arg3);
            else Cpu.OutD(port, (uint)f->Arg3);
            return 0;
        }

        // io_port_enable(cap): the row asks for Read and Write (an `in` or `out` cannot be told apart
        // by the bitmap). Enabling a slot twice changes nothing.
        public static long PortEnable(SyscallFrame* f, CapSlot cap) => IoPortGrant.Enable(Tasks.Scheduler.Current.Process, cap);

        private static long DecodePort(IoPortRange range, ulong port, ulong width)
        {
            if (width != 1 && width != 2 && width != 4)
                return (long)SyscallError.InvalidArgument;
            return range.Contains(port, width) ? 0 : (long)SyscallError.OutOfRange;
        }

        public static long IrqSetNotification(SyscallFrame* f, CapSlot cap, CapSlot target)
        {
            var line = (IrqLine)cap.Object;
            line.SetTarget((Notification)target.Object, target.Badge);
            return 0;
        }

        public static long IrqAck(SyscallFrame* f, CapSlot cap)
        {
            ((IrqLine)cap.Object).Acknowledge();
            return 0;
        }
    }
}
