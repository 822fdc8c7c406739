using MicroOS.Shared.Contracts;
using MicroOS.Shared.Input;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Keyboard
{
    // The PS/2 keyboard driver (IKeyboard): scancode set 1 (the controller translates) from port
    // 0x60 on IRQ 1, decoded by ScancodeDecoder into key events, queued; each batch signals the
    // console's input notification (`coninput`, badge ConsoleInput.KeyboardBadge) and the console
    // collects the events with Read.
    internal sealed class KeyboardServer : IKeyboard
    {
        private const ushort DataPort = 0x60, StatusPort = 0x64;

        private readonly IoPorts _data = Caps.IoPorts(DataPort);
        private readonly IoPorts _status = Caps.IoPorts(StatusPort);
        private readonly IrqLineCap _irq = Caps.Irq(1);
        private readonly Notification _console = Caps.Notification("coninput");
        private readonly ScancodeDecoder _decoder = new ScancodeDecoder();
        private readonly KeyEvent[] _events = new KeyEvent[KeyboardContract.MaxEvents];
        private int _head, _count;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("keyboard");
            Endpoint own = Caps.Endpoint("keyboard");
            var keyboard = new KeyboardServer();
            long created = Caps.NewNotification(out Notification interrupts);
            long bound = interrupts.BindToThisThread();
            long routed = keyboard._irq.SetNotification(interrupts);
            // Keys pressed while no driver ran (a restart) wait in the controller: collected now.
            if (keyboard.Drain())
                keyboard._console.Signal();
            if (created < 0 || bound < 0 || routed < 0)
            {
                Sys.Write(string.Concat("keyboard: setup failed: notification ", created.ToString(), ", bind ", bound.ToString(),
                    ", irq ", routed.ToString()));
                return 1;
            }
            Sys.Write("keyboard: PS/2 ready (IRQ 1)");
            return Server.Serve("keyboard", own, new IKeyboard.Dispatcher(keyboard), bits =>
            {
                if (keyboard.Drain())
                    keyboard._console.Signal();
                keyboard._irq.Acknowledge();
            });
        }

        private bool Drain()
        {
            bool any = false;
            for (int guard = 0; guard < 64 && (_status.Read8(StatusPort) & 1) != 0; guard++)
            {
                KeyEvent key = _decoder.Feed((byte)_data.Read8(DataPort));
                if (key.IsNone || _count == _events.Length)
                    continue;
                _events[(_head + _count) % _events.Length] = key;
                _count++;
                any = true;
            }
            return any;
        }

        public long Read(out KeyEvent[] events)
        {
            events = new KeyEvent[_count];
            for (int n = 0; n < _count; n++)
                events[n] = _events[(_head + n) % _events.Length];
            _head = (_head + _count) % _events.Length;
            _count = 0;
            return 0;
        }
    }
}
