namespace MicroOS.Kernel.Arch.X64
{
    // The CMOS real-time clock (MC146818: index port 0x70, data port 0x71), read once at boot for
    // the wall-clock time (Time/Clock.cs). QEMU keeps it in UTC (-rtc base=utc, its default).
    internal static class Rtc
    {
        private const ushort Index = 0x70, Data = 0x71;
        private const byte Seconds = 0x00, Minutes = 0x02, Hours = 0x04, DayOfMonth = 0x07, Month = 0x08, Year = 0x09;
        private const byte StatusA = 0x0A, StatusB = 0x0B;
        private const byte Century = 0x32;                  // the ACPI FADT's default century register (QEMU, most PCs)
        private const byte UpdateInProgress = 0x80;         // status A bit 7: the registers are being updated
        private const byte BinaryMode = 0x04, Hours24 = 0x02;   // status B bits 2 and 1; else BCD and 12-hour
        private const byte Pm = 0x80;                       // hour bit 7 in 12-hour mode

        // The date and time in the registers, read twice until two reads agree (an update between
        // the reads would mix two seconds). False when the clock holds no valid date.
        public static bool Read(out int year, out int month, out int day, out int hour, out int minute, out int second)
        {
            byte[] now = new byte[7], before = new byte[7];
            Snapshot(now);
            for (int attempt = 0; attempt < 5; attempt++)
            {
                for (int i = 0; i < 7; i++) before[i] = now[i];
                Snapshot(now);
                bool same = true;
                for (int i = 0; i < 7; i++) same &= now[i] == before[i];
                if (same) break;
            }
            byte status = Register(StatusB);
            bool bcd = (status & BinaryMode) == 0;
            bool pm = (status & Hours24) == 0 && (now[2] & Pm) != 0;
            second = Decode(now[0], bcd);
            minute = Decode(now[1], bcd);
            hour = Decode((byte)(now[2] & ~Pm), bcd);
            day = Decode(now[3], bcd);
            month = Decode(now[4], bcd);
            int yy = Decode(now[5], bcd), cc = Decode(now[6], bcd);
            year = (cc >= 19 && cc <= 99 ? cc : 20) * 100 + yy;
            if ((status & Hours24) == 0)
                hour = hour % 12 + (pm ? 12 : 0);
            return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60 && yy < 100;
        }

        private static void Snapshot(byte[] values)
        {
            // Up to ~2 ms while an update runs; then a whole second before the next.
            for (int spin = 0; spin < 1_000_000 && (Register(StatusA) & UpdateInProgress) != 0; spin++) { }
            values[0] = Register(Seconds);
            values[1] = Register(Minutes);
            values[2] = Register(Hours);
            values[3] = Register(DayOfMonth);
            values[4] = Register(Month);
            values[5] = Register(Year);
            values[6] = Register(Century);
        }

        private static byte Register(byte index)
        {
            Cpu.OutB(Index, index);
            return Cpu.InB(Data);
        }

        private static int Decode(byte value, bool bcd) => bcd ? (value >> 4) * 10 + (value & 0x0F) : value;
    }
}
