namespace MicroOS.Kernel.Arch.X64
{
    // The two legacy 8259 interrupt controllers, remapped so IRQ n arrives on vector 32 + n.
    internal static class Pic
    {
        public const int VectorBase = 32;
        private const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;
        private const byte EndOfInterrupt = 0x20;

        public static void Initialize()
        {
            Cpu.OutB(MasterCommand, 0x11);      // ICW1: initialise, ICW4 follows
            Cpu.OutB(SlaveCommand, 0x11);
            Cpu.OutB(MasterData, VectorBase);   // ICW2: vector offsets
            Cpu.OutB(SlaveData, VectorBase + 8);
            Cpu.OutB(MasterData, 0x04);         // ICW3: slave on IRQ2
            Cpu.OutB(SlaveData, 0x02);
            Cpu.OutB(MasterData, 0x01);         // ICW4: 8086 mode
            Cpu.OutB(SlaveData, 0x01);
            Cpu.OutB(MasterData, 0xFF);         // everything masked until a driver asks
            Cpu.OutB(SlaveData, 0xFF);
        }

        public static void Unmask(int irq)
        {
            ushort port = irq < 8 ? MasterData : SlaveData;
            Cpu.OutB(port, (byte)(Cpu.InB(port) & ~(1 << (irq & 7))));
            if (irq >= 8)
                Unmask(2);
        }

        public static void Mask(int irq)
        {
            ushort port = irq < 8 ? MasterData : SlaveData;
            Cpu.OutB(port, (byte)(Cpu.InB(port) | (1 << (irq & 7))));
        }

        public static void EndInterrupt(int irq)
        {
            if (irq >= 8)
                Cpu.OutB(SlaveCommand, EndOfInterrupt);
            Cpu.OutB(MasterCommand, EndOfInterrupt);
        }
    }

    // The PIT's channel 0 as the scheduler's periodic tick.
    internal static class Pit
    {
        public const int Irq = 0;
        public const int HertzRate = 100;
        public const uint InputHertz = 1193182;
        // A tick lasts Divisor / InputHertz seconds (10.0007 ms): Time/Clock.cs measures the TSC with it.
        public const uint Divisor = InputHertz / HertzRate;

        public static void Initialize()
        {
            Cpu.OutB(0x43, 0x36);               // channel 0, lobyte/hibyte, mode 3 (square wave)
            Cpu.OutB(0x40, unchecked((byte)Divisor));
            Cpu.OutB(0x40, (byte)(Divisor >> 8));
            Pic.Unmask(Irq);
        }
    }
}
