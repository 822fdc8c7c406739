using System;

namespace MicroOS.Shared.Storage.Fat
{
    // A FAT date and time: date = (year - 1980) << 9 | month << 5 | day; time = hours << 11 |
    // minutes << 5 | seconds / 2; tenths = the creation time's extra 10 ms units (0..199).
    public struct FatTimestamp
    {
        public ushort Date;
        public ushort Time;
        public byte Tenths;

        public static FatTimestamp From(int year, int month, int day, int hour, int minute, int second)
        {
            if (year < 1980) { year = 1980; month = 1; day = 1; hour = 0; minute = 0; second = 0; }
            if (year > 2107) year = 2107;
            return new FatTimestamp
            {
                Date = (ushort)((year - 1980) << 9 | month << 5 | day),
                Time = (ushort)(hour << 11 | minute << 5 | second / 2),
                Tenths = (byte)(second % 2 * 100),
            };
        }

        public uint Packed => (uint)Date << 16 | Time;
    }

    // Where the library reads the time: DateTime.Now (in MicroOS the CMOS clock, no time zone).
    internal static class FatClock
    {
        public static FatTimestamp Now()
        {
            DateTime t = DateTime.Now;
            return FatTimestamp.From(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second);
        }
    }
}
