using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // A COM1 receive driver in ring 3, for the IRQ boot test (COM1 is the drivers' port; the kernel
    // log is on COM2): its ports through an IoPortRange cap, IRQ 4 through an IrqLine cap delivered
    // as a notification bound to its thread, so one Recv waits for both an interrupt and a client's
    // request (SerialContract).
    // Slots (boot manifest): 1 = io:3f8+8, 2 = irq:4, 3 = endpoint `serial`; it creates 4 = notification.
    internal static class SerialDriver
    {
        private const ushort Data = 0x3F8, InterruptEnable = 0x3F9, LineStatus = 0x3FD;

        public static int Run()
        {
            var ports = new IoPorts(1);
            var irq = new IrqLineCap(2);
            var endpoint = new Endpoint(3);
            var interrupts = new Notification(4);
            long created = Caps.CreateNotification(4);
            long bound = interrupts.BindToThisThread();
            long routed = irq.SetNotification(interrupts);
            long enabled = ports.Write8(InterruptEnable, 0x01);       // interrupt on received data
            Sys.Write(string.Concat("serial-driver: notification -> ", created.ToString(), ", bind -> ", bound.ToString(),
                ", irq -> ", routed.ToString(), ", enable -> ", enabled.ToString()));
            long wrapping = Ipc.Syscall4(Syscall.IoPortRead, 1, ulong.MaxValue, 4, 0, out _);    // port + width wraps to 3
            Sys.Write(string.Concat("serial-driver: port 0x60 -> ", ports.Read8(0x60).ToString(), ", port 0x2F8 -> ", ports.Read8(0x2F8).ToString(),
                ", port 2^64-1 -> ", wrapping.ToString()));
            ulong received = 0, handled = 0;
            char[] text = new char[64];
            Sys.Write("serial-driver: ready");
            // One Recv waits for both: a client's request (answered) or the interrupt's signal.
            long r = ServerLoop.Run(endpoint,
                (ref Message m) => m = new Message(SerialContract.Count, received, handled),
                bits =>
                {
                    handled++;
                    int n = 0;
                    while ((ports.Read8(LineStatus) & 1) != 0)
                    {
                        long b = ports.Read8(Data);
                        if (n < text.Length)
                            text[n++] = (char)b;
                    }
                    received += (ulong)n;
                    Sys.Write(string.Concat("serial-driver: irq bits ", bits.ToString(), ": received '", new string(text, 0, n), "' (total ", received.ToString(), ")"));
                    irq.Acknowledge();
                });
            Sys.Write(string.Concat("serial-driver: receive -> ", r.ToString()));
            return 1;
        }

        public static int Client()
        {
            var driver = new Endpoint(1);
            for (int calls = 1; calls <= 6000; calls++)
            {
                var m = new Message(SerialContract.Count);
                long r = driver.Call(ref m);
                if (r != 0)
                {
                    Sys.Write(string.Concat("serial-client: call -> ", r.ToString()));
                    return 1;
                }
                if (m.W0 >= 3)
                {
                    Sys.Write(string.Concat("serial-client: driver reports ", m.W0.ToString(), " bytes, ", m.W1 >= 1 ? "at least one" : "no", " interrupt"));
                    return 0;
                }
                Sys.Sleep(10);
            }
            Sys.Write("serial-client: gave up");
            return 1;
        }
    }
}
