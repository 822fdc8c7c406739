using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Keyboard
{
    // The PS/2 keyboard driver: scancode set 1 (the controller translates) from port 0x60 on IRQ 1,
    // decoded by ScancodeDecoder into key events, queued; each batch signals the console's input
    // notification and the console collects the events with KeyboardContract.Read.
    // Slots (boot manifest): 1 = io:60+1, 2 = io:64+1, 3 = irq:1, 4 = endpoint `kbd`, 5 = the console's
    // input notification (send, badge ConsoleInput.KeyboardBadge), 6 = Names (system badge: it registers
    // `keyboard`, for the supervisor); it creates 7 = its interrupt notification.
    internal static unsafe class KeyboardServer
    {
        private const ushort DataPort = 0x60, StatusPort = 0x64;

        private static readonly IoPorts s_data = new IoPorts(1);
        private static readonly IoPorts s_status = new IoPorts(2);
        private static readonly IrqLineCap s_irq = new IrqLineCap(3);
        private static readonly Notification s_console = new Notification(5);
        private static readonly ScancodeDecoder s_decoder = new ScancodeDecoder();
        private static readonly KeyEvent[] s_events = new KeyEvent[KeyboardContract.MaxEvents];
        private static int s_head, s_count;
        private static byte* s_ipc;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            var endpoint = new Endpoint(4);
            var interrupts = new Notification(7);
            s_ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_ipc, 20);
            long created = Caps.CreateNotification(7);
            long bound = interrupts.BindToThisThread();
            long routed = s_irq.SetNotification(interrupts);
            // Keys pressed while no driver ran (a restart) wait in the controller: collected now.
            if (Drain())
                s_console.Signal();
            if (created < 0 || bound < 0 || routed < 0)
            {
                Sys.Write(string.Concat("keyboard: setup failed: notification ", created.ToString(), ", bind ", bound.ToString(),
                    ", irq ", routed.ToString()));
                return 1;
            }
            long registered = new NamesClient(new Endpoint(6), s_ipc).Register("keyboard", 4);
            Sys.Write(string.Concat("keyboard: PS/2 ready (IRQ 1); registered -> ", registered.ToString()));
            long r = ServerLoop.Run(endpoint, Handle, bits =>
            {
                if (Drain())
                    s_console.Signal();
                s_irq.Acknowledge();
            });
            Sys.Write(string.Concat("keyboard: receive -> ", r.ToString()));
            return 1;
        }

        private static bool Drain()
        {
            bool any = false;
            for (int guard = 0; guard < 64 && (s_status.Read8(StatusPort) & 1) != 0; guard++)
            {
                KeyEvent key = s_decoder.Feed((byte)s_data.Read8(DataPort));
                if (key.IsNone || s_count == s_events.Length)
                    continue;
                s_events[(s_head + s_count) % s_events.Length] = key;
                s_count++;
                any = true;
            }
            return any;
        }

        private static void Handle(ref Message m)
        {
            if (m.Label != KeyboardContract.Read)
            {
                m = new Message(0, ulong.MaxValue);
                return;
            }
            int n = 0;
            for (; n < s_count; n++)
            {
                KeyEvent key = s_events[(s_head + n) % s_events.Length];
                s_ipc[n * 3] = (byte)key.Kind;
                s_ipc[n * 3 + 1] = (byte)key.Char;
                s_ipc[n * 3 + 2] = key.Ctrl ? (byte)1 : (byte)0;
            }
            s_head = (s_head + n) % s_events.Length;
            s_count = 0;
            m = new Message(KeyboardContract.Read);
            m.Tag = MessageTag.Of(KeyboardContract.Read, n * KeyboardContract.EventBytes);
        }
    }
}
