using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Serial
{
    // The serial line driver (ISerialLine): a 16550 UART on COM1 (0x3F8, IRQ 4), the shell's serial
    // line (docs/console.md; the kernel log is on COM2, polled by the kernel). Receive is
    // interrupt-driven into a ring buffer; each batch signals the console's input notification
    // (`coninput`, badge ConsoleInput.SerialBadge), and the console collects the bytes with Read.
    // Transmit polls the line status (THR empty) per byte, with a bound.
    internal sealed class SerialServer : ISerialLine
    {
        private const ushort Base = 0x3F8;
        private const ushort Data = Base, InterruptEnable = Base + 1, FifoControl = Base + 2, LineControl = Base + 3,
            ModemControl = Base + 4, LineStatus = Base + 5;
        private const int BufferSize = 4096;
        private const int TransmitSpins = 100000;

        private readonly IoPorts _ports = Caps.IoPorts(Base);
        private readonly IrqLineCap _irq = Caps.Irq(4);
        private readonly Notification _console = Caps.Notification("coninput");
        private readonly byte[] _ring = new byte[BufferSize];
        private int _head, _count;
        private ulong _lost;
        private bool _answeredOne;
        // Since the boot, across live updates (the hand-over carries them): bytes sent and requests answered.
        private ulong _written, _requests;

        // Live update's state (Server.HandOverState / TakeOverState): the counters, then the bytes
        // received and not yet read (the console has not collected them), so an update loses no
        // keystroke. Layout: written, requests, lost (8 bytes each, little-endian), then the bytes.
        private const int StateHeader = 24;

        private byte[] HandOver()
        {
            Drain();
            int n = _count < HandOverContract.MaxState - StateHeader ? _count : HandOverContract.MaxState - StateHeader;
            var state = new byte[StateHeader + n];
            Put(state, 0, _written);
            Put(state, 8, _requests);
            Put(state, 16, _lost + (ulong)(_count - n));
            for (int i = 0; i < n; i++)
                state[StateHeader + i] = _ring[(_head + i) % BufferSize];
            Sys.Write(string.Concat("serial: handing over at TSC ", Sys.ReadTimestamp().ToString(), " (", _written.ToString(), " bytes written, ",
                _requests.ToString(), " requests, ", n.ToString(), " unread)"));
            return state;
        }

        private void TakeOver(byte[] state)
        {
            if (state == null || state.Length < StateHeader)
                return;
            _written = Get(state, 0);
            _requests = Get(state, 8);
            _lost = Get(state, 16);
            int n = state.Length - StateHeader;
            for (int i = 0; i < n && _count < BufferSize; i++)
                _ring[(_head + _count++) % BufferSize] = state[StateHeader + i];
            Sys.Write(string.Concat("serial: took over ", _written.ToString(), " bytes written, ", _requests.ToString(), " requests, ",
                n.ToString(), " unread"));
        }

        private static void Put(byte[] b, int at, ulong v)
        {
            for (int i = 0; i < 8; i++)
                b[at + i] = (byte)(v >> (8 * i));
        }

        private static ulong Get(byte[] b, int at)
        {
            ulong v = 0;
            for (int i = 0; i < 8; i++)
                v |= (ulong)b[at + i] << (8 * i);
            return v;
        }

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("serial");
            Endpoint own = Caps.Endpoint("serial");
            var serial = new SerialServer();
            // Before the line is set up: bytes the old driver held come before what the FIFO holds.
            serial.TakeOver(Server.TakeOverState());
            Server.HandOverState = serial.HandOver;
            long created = Caps.NewNotification(out Notification interrupts);
            long bound = interrupts.BindToThisThread();
            long routed = serial._irq.SetNotification(interrupts);
            // 115200 8N1, FIFO on with a one-byte trigger (not cleared: after a restart it holds what was
            // typed while no driver ran), OUT2 (the PC's IRQ gate), receive interrupts.
            IoPorts ports = serial._ports;
            ports.Write8(InterruptEnable, 0x00);
            ports.Write8(LineControl, 0x80);
            ports.Write8(Data, 0x01);
            ports.Write8(InterruptEnable, 0x00);
            ports.Write8(LineControl, 0x03);
            ports.Write8(FifoControl, 0x01);
            ports.Write8(ModemControl, 0x0B);
            long enabled = ports.Write8(InterruptEnable, 0x01);
            bool waiting = serial.Drain();
            if (created < 0 || bound < 0 || routed < 0 || enabled < 0)
            {
                Sys.Write(string.Concat("serial: setup failed: notification ", created.ToString(), ", bind ", bound.ToString(),
                    ", irq ", routed.ToString(), ", ports ", enabled.ToString()));
                return 1;
            }
            if (waiting)
                serial._console.Signal();
            Sys.Write("serial: COM1 ready (0x3F8, IRQ 4)");
            return Server.Serve("serial", own, new ISerialLine.Dispatcher(serial), bits =>
            {
                if (serial.Drain())
                    serial._console.Signal();
                serial._irq.Acknowledge();
            });
        }

        // Moves every received byte into the ring; true when there was one.
        private bool Drain()
        {
            bool any = false;
            for (int guard = 0; guard < 4096 && (_ports.Read8(LineStatus) & 1) != 0; guard++)
            {
                byte b = (byte)_ports.Read8(Data);
                any = true;
                if (_count == BufferSize)
                {
                    _lost++;
                    continue;
                }
                _ring[(_head + _count) % BufferSize] = b;
                _count++;
            }
            return any;
        }

        public long Write(System.ReadOnlySpan<byte> bytes)
        {
            int sent = 0;
            for (; sent < bytes.Length; sent++)
                if (!Transmit(bytes[sent]))
                    break;
            _written += (ulong)sent;
            _requests++;
            FirstAnswer();
            return sent;
        }

        public long Read(out byte[] bytes)
        {
            Drain();
            int n = _count < SerialLineContract.MaxRead ? _count : SerialLineContract.MaxRead;
            bytes = new byte[n];
            for (int i = 0; i < n; i++)
                bytes[i] = _ring[(_head + i) % BufferSize];
            _head = (_head + n) % BufferSize;
            _count -= n;
            _requests++;
            FirstAnswer();
            return (long)_lost;
        }

        // The end point of `./microos bench`'s driver restart: from the kernel's `timing: process serial
        // ... killed` to the first client request this (restarted) driver answers; and of its `live
        // update serial`: from the old driver's `handing over at TSC` to this line.
        private void FirstAnswer()
        {
            if (_answeredOne)
                return;
            _answeredOne = true;
            Sys.Write(string.Concat("serial: first request answered at TSC ", Sys.ReadTimestamp().ToString()));
        }

        private bool Transmit(byte b)
        {
            for (int spin = 0; spin < TransmitSpins; spin++)
            {
                if ((_ports.Read8(LineStatus) & 0x20) != 0)
                {
                    _ports.Write8(Data, b);
                    return true;
                }
            }
            return false;
        }
    }
}
