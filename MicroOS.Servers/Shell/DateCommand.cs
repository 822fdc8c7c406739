using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `date`: the time from the real-time clock driver `rtc` (IClock, lab 4) when Names knows it,
    // else the runtime's clock (the kernel's CMOS read at boot + the TSC); `date -k` always the
    // runtime's. The line says which answered, so a test (and a user) can tell a working driver from
    // the fallback.
    internal static class DateCommand
    {
        public const string Usage = "usage: date [-k]\n";

        public static string Run(string[] words, Endpoint names)
        {
            if (words.Length > 2 || words.Length == 2 && words[1] != "-k")
                return Usage;
            string why = "";
            if (words.Length == 1 && new INames.Client(names).Lookup("rtc", out Endpoint rtc) == 0)
            {
                long r = new IClock.Client(rtc).Now(out long date, out long time, out long interrupts);
                Caps.FreeSlot(rtc.Slot);
                if (r == 0)
                    return string.Concat("date: ", Four(date / 10000), "-", Two(date / 100 % 100), "-", Two(date % 100), " ",
                        Two(time / 10000), ":", Two(time / 100 % 100), ":", Two(time % 100),
                        " UTC (rtc: the CMOS clock driver, ", interrupts.ToString(), " update interrupts)\n");
                why = string.Concat("; rtc: ", r == ClockError.NoTime ? ClockError.Text(r) : string.Concat("error ", r.ToString()));
            }
            return string.Concat("date: ", System.DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss"), " UTC (the CMOS clock at boot + the TSC at ",
                System.Diagnostics.Stopwatch.Frequency.ToString(), " Hz", why, ")\n");
        }

        private static string Two(long v) => v < 10 && v >= 0 ? string.Concat("0", v.ToString()) : v.ToString();
        private static string Four(long v) => v < 1000 && v >= 0 ? string.Concat(v < 10 ? "000" : v < 100 ? "00" : "0", v.ToString()) : v.ToString();
    }
}
