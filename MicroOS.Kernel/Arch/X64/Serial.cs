namespace MicroOS.Kernel.Arch.X64
{
    // COM2 (0x2F8), 115200 8N1, polled, from the first line the kernel prints: the kernel log, which
    // the boot tests read. COM1 (0x3F8, IRQ 4) belongs to the serial driver server (docs/console.md).
    internal static class Serial
    {
        private const ushort Com2 = 0x2F8;
        private const ushort Data = Com2 + 0;
        private const ushort InterruptEnable = Com2 + 1;
        private const ushort FifoControl = Com2 + 2;
        private const ushort LineControl = Com2 + 3;
        private const ushort ModemControl = Com2 + 4;
        private const ushort LineStatus = Com2 + 5;
        private const byte LineStatusDataReady = 0x01;
        private const byte LineStatusTransmitEmpty = 0x20;

        public static void Initialize()
        {
            Cpu.OutB(InterruptEnable, 0x00);
            Cpu.OutB(LineControl, 0x80);        // DLAB on: the next two writes set the divisor
            Cpu.OutB(Data, 0x01);               // divisor 1 = 115200 baud
            Cpu.OutB(InterruptEnable, 0x00);
            Cpu.OutB(LineControl, 0x03);        // 8 bits, no parity, one stop bit, DLAB off
            Cpu.OutB(FifoControl, 0xC7);        // FIFO on, cleared, 14-byte threshold
            Cpu.OutB(ModemControl, 0x0B);       // DTR, RTS, OUT2
        }

        public static void Write(char c)
        {
            if (c == '\n')
                WriteByte((byte)'\r');
            WriteByte(c < 0x80 ? (byte)c : (byte)'?');
        }

        private static void WriteByte(byte b)
        {
            while ((Cpu.InB(LineStatus) & LineStatusTransmitEmpty) == 0) { }
            Cpu.OutB(Data, b);
        }

        public static bool TryRead(out byte b)
        {
            if ((Cpu.InB(LineStatus) & LineStatusDataReady) == 0)
            {
                b = 0;
                return false;
            }
            b = Cpu.InB(Data);
            return true;
        }
    }
}
