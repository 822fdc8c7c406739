using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Serial
{
    // The serial line driver: a 16550 UART on COM1 (0x3F8, IRQ 4), the shell's serial line
    // (docs/console.md; the kernel log is on COM2, polled by the kernel). Receive is interrupt-driven into a ring buffer;
    // each batch signals the console's input notification, and the console collects the bytes with
    // SerialLineContract.Read. Transmit polls the line status (THR empty) per byte, with a bound.
    // Slots (boot manifest): 1 = io:3f8+8, 2 = irq:4, 3 = endpoint `serial`, 4 = the console's input
    // notification (send, badge ConsoleInput.SerialBadge), 5 = Names (system badge: it registers
    // `serial`, for the supervisor); it creates 6 = its interrupt notification.
    internal static unsafe class SerialServer
    {
        private const ushort Base = 0x3F8;
        private const ushort Data = Base, InterruptEnable = Base + 1, FifoControl = Base + 2, LineControl = Base + 3,
            ModemControl = Base + 4, LineStatus = Base + 5;
        private const int BufferSize = 4096;
        private const int TransmitSpins = 100000;

        private static readonly IoPorts s_ports = new IoPorts(1);
        private static readonly IrqLineCap s_irq = new IrqLineCap(2);
        private static readonly Notification s_console = new Notification(4);
        private static readonly byte[] s_ring = new byte[BufferSize];
        private static int s_head, s_count;
        private static ulong s_lost;
        private static byte* s_ipc;
        private static bool s_answeredOne;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            var endpoint = new Endpoint(3);
            var interrupts = new Notification(6);
            s_ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_ipc, 20);
            long created = Caps.CreateNotification(6);
            long bound = interrupts.BindToThisThread();
            long routed = s_irq.SetNotification(interrupts);
            // 115200 8N1, FIFO on with a one-byte trigger (not cleared: after a restart it holds what was
            // typed while no driver ran), OUT2 (the PC's IRQ gate), receive interrupts.
            s_ports.Write8(InterruptEnable, 0x00);
            s_ports.Write8(LineControl, 0x80);
            s_ports.Write8(Data, 0x01);
            s_ports.Write8(InterruptEnable, 0x00);
            s_ports.Write8(LineControl, 0x03);
            s_ports.Write8(FifoControl, 0x01);
            s_ports.Write8(ModemControl, 0x0B);
            long enabled = s_ports.Write8(InterruptEnable, 0x01);
            bool waiting = Drain();
            if (created < 0 || bound < 0 || routed < 0 || enabled < 0)
            {
                Sys.Write(string.Concat("serial: setup failed: notification ", created.ToString(), ", bind ", bound.ToString(),
                    ", irq ", routed.ToString(), ", ports ", enabled.ToString()));
                return 1;
            }
            if (waiting)
                s_console.Signal();
            long registered = new NamesClient(new Endpoint(5), s_ipc).Register("serial", 3);
            Sys.Write(string.Concat("serial: COM1 ready (0x3F8, IRQ 4); registered -> ", registered.ToString()));
            long r = ServerLoop.Run(endpoint, Handle, bits =>
            {
                if (Drain())
                    s_console.Signal();
                s_irq.Acknowledge();
            });
            Sys.Write(string.Concat("serial: receive -> ", r.ToString()));
            return 1;
        }

        // Moves every received byte into the ring; true when there was one.
        private static bool Drain()
        {
            bool any = false;
            for (int guard = 0; guard < 4096 && (s_ports.Read8(LineStatus) & 1) != 0; guard++)
            {
                byte b = (byte)s_ports.Read8(Data);
                any = true;
                if (s_count == BufferSize)
                {
                    s_lost++;
                    continue;
                }
                s_ring[(s_head + s_count) % BufferSize] = b;
                s_count++;
            }
            return any;
        }

        private static void Handle(ref Message m)
        {
            switch (m.Label)
            {
                case SerialLineContract.Write:
                {
                    int length = m.Tag.Length, sent = 0;
                    for (; sent < length; sent++)
                        if (!Transmit(s_ipc[sent]))
                            break;
                    m = new Message(SerialLineContract.Write, (ulong)sent);
                    FirstAnswer();
                    return;
                }
                case SerialLineContract.Read:
                {
                    Drain();
                    int n = s_count < SerialLineContract.MaxRead ? s_count : SerialLineContract.MaxRead;
                    for (int i = 0; i < n; i++)
                        s_ipc[i] = s_ring[(s_head + i) % BufferSize];
                    s_head = (s_head + n) % BufferSize;
                    s_count -= n;
                    m = new Message(SerialLineContract.Read, s_lost);
                    m.Tag = MessageTag.Of(SerialLineContract.Read, n);
                    FirstAnswer();
                    return;
                }
                default:
                    m = new Message(0, ulong.MaxValue);
                    return;
            }
        }

        // The end point of `./microos bench`'s driver restart: from the kernel's `timing: process serial
        // ... killed` to the first client request this (restarted) driver answers.
        private static void FirstAnswer()
        {
            if (s_answeredOne)
                return;
            s_answeredOne = true;
            Sys.Write(string.Concat("serial: first request answered at TSC ", Sys.ReadTimestamp().ToString()));
        }

        private static bool Transmit(byte b)
        {
            for (int spin = 0; spin < TransmitSpins; spin++)
            {
                if ((s_ports.Read8(LineStatus) & 0x20) != 0)
                {
                    s_ports.Write8(Data, b);
                    return true;
                }
            }
            return false;
        }
    }
}
