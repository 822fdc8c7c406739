using MicroOS.Shared.User;

namespace MicroOS.Servers.Rtc
{
    // The MC146818's registers through the driver's port capability: write the register's index to
    // port 0x70, then read or write its value at 0x71 (each access is an io_port_read/_write syscall
    // the kernel checks against the capability). The register map is in the handout
    // (docs/labs/04-driver.md) and in the chip's datasheet.
    internal static class RtcRegisters
    {
        public const ushort IndexPort = 0x70, DataPort = 0x71;
        public const byte Seconds = 0x00, Minutes = 0x02, Hours = 0x04, DayOfMonth = 0x07, Month = 0x08, Year = 0x09;
        public const byte StatusA = 0x0A, StatusB = 0x0B, StatusC = 0x0C;
        public const byte Century = 0x32;                   // the ACPI FADT's default century register (QEMU, most PCs)
        public const byte UpdateInProgress = 0x80;          // status A bit 7: the chip is updating the time registers
        public const byte BinaryMode = 0x04;                // status B bit 2: binary values, else BCD
        public const byte Hours24 = 0x02;                   // status B bit 1: 24-hour, else 12-hour with Pm in the hour
        public const byte UpdateEndedInterrupt = 0x10;      // status B bit 4 (enable) and status C bit 4 (happened)
        public const byte Pm = 0x80;                        // hour bit 7 in 12-hour mode

        public static byte Register(IoPorts ports, byte index)
        {
            ports.Write8(IndexPort, index);
            return (byte)ports.Read8(DataPort);
        }

        public static void SetRegister(IoPorts ports, byte index, byte value)
        {
            ports.Write8(IndexPort, index);
            ports.Write8(DataPort, value);
        }

        // The date and time in the chip: false when no two reads agreed (the caller answers NoTime).
        public static bool Read(IoPorts ports, out ClockTime time)
        {
            // LAB 4 BEGIN: read the clock's registers: wait out an update, read until two reads agree, decode BCD and 12-hour
            byte[] now = new byte[7], before = new byte[7];
            Snapshot(ports, now);
            bool agreed = false;
            for (int attempt = 0; attempt < 5 && !agreed; attempt++)
            {
                for (int i = 0; i < 7; i++)
                    before[i] = now[i];
                Snapshot(ports, now);
                agreed = true;
                for (int i = 0; i < 7; i++)
                    agreed &= now[i] == before[i];
            }
            byte status = Register(ports, StatusB);
            bool bcd = (status & BinaryMode) == 0;
            bool twelve = (status & Hours24) == 0;
            bool pm = twelve && (now[2] & Pm) != 0;
            time.Second = Decode(now[0], bcd);
            time.Minute = Decode(now[1], bcd);
            time.Hour = Decode((byte)(now[2] & ~Pm), bcd);
            if (twelve)
                time.Hour = time.Hour % 12 + (pm ? 12 : 0);     // 12 AM is 0, 12 PM is 12
            time.Day = Decode(now[3], bcd);
            time.Month = Decode(now[4], bcd);
            int century = Decode(now[6], bcd);
            time.Year = (century >= 19 && century <= 99 ? century : 20) * 100 + Decode(now[5], bcd);
            return agreed;
        }

        // The seven time registers, after any update in progress (the chip sets UIP ~244 µs before
        // it changes them and the update takes up to 2 ms; then the values hold for the rest of the second).
        private static void Snapshot(IoPorts ports, byte[] values)
        {
            for (int spin = 0; spin < 100_000 && (Register(ports, StatusA) & UpdateInProgress) != 0; spin++) { }
            values[0] = Register(ports, Seconds);
            values[1] = Register(ports, Minutes);
            values[2] = Register(ports, Hours);
            values[3] = Register(ports, DayOfMonth);
            values[4] = Register(ports, Month);
            values[5] = Register(ports, Year);
            values[6] = Register(ports, Century);
        }

        // 0x59 -> 59 in BCD (one decimal digit a nibble); the value itself in binary mode.
        private static int Decode(byte value, bool bcd) => bcd ? (value >> 4) * 10 + (value & 0x0F) : value;
        // LAB 4 STARTER
        //     time = default;     // Register(ports, Seconds) ... : see the handout's register table
        //     return false;
        // }
        // LAB 4 END
    }
}
