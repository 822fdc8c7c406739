namespace MicroOS.Shared.Contracts
{
    // The real-time clock driver `rtc` (lab 4, docs/labs/04-driver.md; MicroOS.Servers/Rtc): the CMOS
    // clock's date and time as the chip keeps them (QEMU: UTC), read from ports 0x70/0x71.
    //   Now -> 0 and date = yyyymmdd, time = hhmmss (24-hour), interrupts = update-ended interrupts
    //          (IRQ 8) the driver has taken; or a ClockError
    [Contract]
    public partial interface IClock
    {
        long Now(out long date, out long time, out long interrupts);
    }

    public static class ClockError
    {
        public const long NoTime = -1201;           // the registers hold no valid date (or the read is not written yet)

        public static string Text(long error) => error switch
        {
            NoTime => "the clock holds no valid date",
            _ => string.Concat("error ", error.ToString()),
        };
    }
}
