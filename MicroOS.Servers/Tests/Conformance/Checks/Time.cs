using System;
using System.Diagnostics;
using System.Globalization;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // DateTime, TimeSpan, Stopwatch, Environment.TickCount64. Fixed dates and random ones across
    // 0001..9999 (calendar arithmetic, every format); the clock itself only where host and MicroOS
    // must agree whatever the time is (kind, order, plausible year, frequency > 0). The host runs
    // with TZ=UTC, as MicroOS has no time zones.
    internal static class Time
    {
        private static readonly string[] s_standard = { "d", "D", "f", "F", "g", "G", "m", "M", "o", "O", "r", "R", "s", "t", "T", "u", "U", "y", "Y" };
        private static readonly string[] s_custom =
        {
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffffffK", "dd/MM/yy h:m:s tt", "ddd, d MMM yyyy", "dddd MMMM", "HH:mm:ss.fff",
            "y yy yyy yyyy yyyyy", "M MM MMM MMMM", "d dd ddd dddd", "h hh H HH", "m mm s ss", "f ff fff ffff fffff ffffff fffffff",
            "F FF FFF FFFF FFFFF FFFFFF FFFFFFF", "ss.FFF", "t tt", "'quoted' \"double\" \\e %d", "g K z zz zzz", "yyyyMMddHHmmss", "MMM-dd HH:mm", "%M",
        };

        public static void Run()
        {
            TimeSpans();
            Dates();
            Clock();
        }

        private static void TimeSpans()
        {
            TimeSpan a = new TimeSpan(O(1), 2, 3, 4, 5);
            C("timespan.ctor", a + " " + new TimeSpan(O(-1), 2, 3, 4, 5) + " " + new TimeSpan(O(3), 4, 5) + " " + new TimeSpan(O(2), 0, 0, 0) + " " + new TimeSpan(O(123456789L)) + " " + new TimeSpan(O(0), 0, 0, 0, 1, 2));
            C("timespan.parts", a.Days + " " + a.Hours + " " + a.Minutes + " " + a.Seconds + " " + a.Milliseconds + " " + a.Microseconds + " " + a.Nanoseconds + " " + a.Ticks);
            C("timespan.totals", a.TotalDays.ToString("R") + " " + a.TotalHours.ToString("R") + " " + a.TotalMinutes.ToString("R") + " " + a.TotalSeconds + " " + a.TotalMilliseconds + " " + a.TotalMicroseconds + " " + a.TotalNanoseconds);
            C("timespan.from.double", TimeSpan.FromSeconds(O(1.23456789)).Ticks + " " + TimeSpan.FromMilliseconds(O(0.00005)).Ticks + " " + TimeSpan.FromDays(O(1.5)) + " " + TimeSpan.FromMinutes(O(-0.00000001)).Ticks + " " + TimeSpan.FromHours(O(2.0000000001)).Ticks + " " + TimeSpan.FromMicroseconds(O(2.5)).Ticks);
            C("timespan.from.int", TimeSpan.FromDays(O(3)) + " " + TimeSpan.FromHours(O(-30)) + " " + TimeSpan.FromMinutes(O(90L)) + " " + TimeSpan.FromSeconds(O(3661L)) + " " + TimeSpan.FromMilliseconds(O(1500L)) + " " + TimeSpan.FromTicks(O(15L)));
            C("timespan.consts", TimeSpan.Zero + " " + TimeSpan.MaxValue + " " + TimeSpan.MinValue + " " + TimeSpan.TicksPerDay + " " + TimeSpan.TicksPerMillisecond);
            TimeSpan b = O(TimeSpan.FromMinutes(90));
            C("timespan.ops", (a + b) + " " + (a - b) + " " + (-a) + " " + (b * 2.5) + " " + (b / 4) + " " + (a / b).ToString("R") + " " + (2 * b) + " " + a.Duration() + " " + (-a).Duration() + " " + a.Negate());
            C("timespan.compare", (a > b) + " " + (a < b) + " " + (a == new TimeSpan(a.Ticks)) + " " + (a != b) + " " + a.CompareTo(b) + " " + TimeSpan.Compare(b, a) + " " + a.Equals(b) + " " + a.Equals((object)new TimeSpan(a.Ticks)) + " " + (a >= a) + " " + (b <= a));
            string[] tsFormats = { "c", "g", "G", "t", "T", @"hh\:mm\:ss", @"d\.hh\:mm", "%d", "dddddd", @"h\h\ m\m", @"ss\.fff", @"ss\.FFF", "'elapsed 'mm", @"fffffff", @"FFFFFFF" };
            TimeSpan[] spans = { a, -a, TimeSpan.Zero, new TimeSpan(O(0L) + 5), new TimeSpan(O(0), 0, 0, 0, 5), TimeSpan.FromDays(O(1000.75)), new TimeSpan(O(0), 23, 59, 59, 999), TimeSpan.MaxValue, TimeSpan.MinValue, new TimeSpan(O(0), 1, 0, 0, 100) };
            for (int i = 0; i < spans.Length; i++)
            {
                var sb = new System.Text.StringBuilder();
                foreach (string f in tsFormats)
                    sb.Append(spans[i].ToString(f)).Append(" | ");
                C($"timespan.format#{i}", sb.ToString() + spans[i].ToString());
            }
            string[] parse = { "1.02:03:04.005", "02:03", "02:03:04", "1.02:03", "5", "-3.04:05:06", " 12:30:45.1234567 ", "1:02:03:04.5", "00:00:00.0000001", "23:59:59.9999999", "10675199.02:48:05.4775807" };
            for (int i = 0; i < parse.Length; i++)
                C($"timespan.parse#{i}", TimeSpan.Parse(O(parse[i])) + " " + TimeSpan.TryParse(parse[i], out TimeSpan p) + " " + p.Ticks);
            string[] bad = { "", "abc", "1:2:3:4:5:6", "24:00", "00:60", "1.2.3", "00:00:00.12345678", ":", "1:" };
            for (int i = 0; i < bad.Length; i++)
                C($"timespan.tryparse.bad#{i}", TimeSpan.TryParse(O(bad[i]), out TimeSpan q) + " " + q);
            for (int i = 0; i < 100; i++)
            {
                long ticks = (long)(Next() >> 4) % 9_000_000_000_000_000L * (NextInt(2) == 0 ? 1 : -1) / (1L << NextInt(40));
                var t = new TimeSpan(ticks);
                C($"timespan.random#{i}", t + " " + t.ToString("g") + " " + t.ToString("G") + " " + t.Days + " " + t.Hours + " " + t.Minutes + " " + t.Seconds + " " + t.Milliseconds + " " + t.TotalSeconds.ToString("R") + " " + TimeSpan.Parse(t.ToString()).Equals(t));
            }
        }

        private static void Dates()
        {
            DateTime d = new DateTime(O(2024), 2, 29, 13, 5, 9, 123).AddTicks(4567);
            C("datetime.ctor", d.Ticks + " " + new DateTime(O(1), 1, 1).Ticks + " " + new DateTime(O(9999), 12, 31, 23, 59, 59).Ticks + " " + new DateTime(O(1970), 1, 1, 0, 0, 0, DateTimeKind.Utc).Kind + " " + new DateTime(O(630822816000000000L)) + " " + new DateTime(O(2000), 1, 2, 3, 4, 5, 6, 7).Microsecond);
            C("datetime.parts", d.Year + " " + d.Month + " " + d.Day + " " + d.Hour + " " + d.Minute + " " + d.Second + " " + d.Millisecond + " " + d.Microsecond + " " + d.Nanosecond + " " + d.DayOfWeek + " " + d.DayOfYear + " " + d.Kind + " " + d.Date + " " + d.TimeOfDay);
            C("datetime.consts", DateTime.MinValue + " " + DateTime.MaxValue + " " + DateTime.UnixEpoch.ToString("o") + " " + DateTime.MaxValue.Ticks + " " + DateTime.UnixEpoch.Kind);
            C("datetime.leap", DateTime.IsLeapYear(O(2024)) + " " + DateTime.IsLeapYear(O(1900)) + " " + DateTime.IsLeapYear(O(2000)) + " " + DateTime.IsLeapYear(O(2023)) + " " + DateTime.DaysInMonth(O(2024), 2) + " " + DateTime.DaysInMonth(O(2023), 2) + " " + DateTime.DaysInMonth(O(2023), 12) + " " + DateTime.DaysInMonth(O(1900), 2));
            C("datetime.add", d.AddDays(O(1.5)) + " " + d.AddHours(O(-25.25)) + " " + d.AddMinutes(O(0.5)) + " " + d.AddSeconds(O(-0.0001)).ToString("o") + " " + d.AddMilliseconds(O(1.23456)).ToString("o") + " " + d.AddMicroseconds(O(7.9)).ToString("o") + " " + d.AddTicks(O(-1L)).ToString("o"));
            C("datetime.addmonths", d.AddMonths(O(1)) + " " + d.AddMonths(O(12)) + " " + d.AddMonths(O(-1)) + " " + d.AddMonths(O(-14)) + " " + new DateTime(O(2023), 1, 31).AddMonths(1) + " " + new DateTime(O(2023), 3, 31).AddMonths(-1) + " " + d.AddYears(O(1)) + " " + d.AddYears(O(4)) + " " + d.AddYears(O(-100)));
            DateTime e = O(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            C("datetime.ops", (d - e) + " " + (d - TimeSpan.FromDays(1)) + " " + (e + TimeSpan.FromHours(1.5)) + " " + d.Subtract(e).TotalDays.ToString("R") + " " + d.Subtract(TimeSpan.FromMinutes(5)) + " " + d.Add(new TimeSpan(O(-1L))).ToString("o"));
            C("datetime.compare", (d > e) + " " + (d < e) + " " + (e == DateTime.SpecifyKind(e, DateTimeKind.Local)) + " " + (d != e) + " " + d.CompareTo(e) + " " + DateTime.Compare(e, d) + " " + d.Equals(e) + " " + e.Equals((object)new DateTime(e.Ticks)) + " " + (d >= d) + " " + (e <= d) + " " + DateTime.Equals(e, e));
            C("datetime.kind", DateTime.SpecifyKind(d, DateTimeKind.Utc).Kind + " " + d.ToUniversalTime().Kind + " " + e.ToLocalTime().Kind + " " + e.ToUniversalTime().Ticks + " " + DateTime.SpecifyKind(d, DateTimeKind.Local).ToUniversalTime().ToString("o"));
            C("datetime.filetime", e.ToFileTimeUtc() + " " + DateTime.FromFileTimeUtc(O(132223104000000000L)).ToString("o") + " " + DateTime.FromFileTimeUtc(O(0L)).ToString("o") + " " + d.ToBinary() + " " + DateTime.FromBinary(e.ToBinary()).ToString("o") + " " + DateTime.FromBinary(d.ToBinary()).Kind);
            C("datetime.deconstruct", Deconstructed(d) + " " + d.ToShortDateString() + " " + d.ToLongDateString() + " " + d.ToShortTimeString() + " " + d.ToLongTimeString());
            DateTime[] fixedDates =
            {
                d, e, DateTime.MinValue, DateTime.MaxValue, new DateTime(O(2024), 12, 31, 0, 0, 0, DateTimeKind.Local), new DateTime(O(1999), 12, 31, 23, 59, 59, 999),
                new DateTime(O(2001), 1, 1, 12, 0, 0), new DateTime(O(2000), 2, 29, 0, 0, 1).AddTicks(10), new DateTime(O(1600), 3, 1, 9, 9, 9).AddTicks(1000000),
            };
            for (int i = 0; i < fixedDates.Length; i++)
                Formats($"datetime.format#{i}", fixedDates[i]);
            for (int i = 0; i < 140; i++)
            {
                long ticks = (long)(Next() % (ulong)DateTime.MaxValue.Ticks);
                var r = new DateTime(ticks, (DateTimeKind)NextInt(3));
                C($"datetime.random#{i}", r.ToString("o") + " " + r.Year + "/" + r.Month + "/" + r.Day + " " + r.DayOfWeek + " " + r.DayOfYear + " " + r.TimeOfDay + " " + r.Kind + " " + r.ToString("R") + " " + r.ToString("F"));
                int months = NextInt(2400) - 1200;
                int days = NextInt(20000) - 10000;
                C($"datetime.random.add#{i}", Try(() => r.AddMonths(months).ToString("s")) + " " + Try(() => r.AddDays(days).ToString("s")) + " " + Try(() => r.AddYears(months / 12).ToString("s")) + " " + Try(() => r.AddHours(days / 7.0).ToString("o")));
                int y = NextInt(9999) + 1, m = NextInt(12) + 1, dd = NextInt(DateTime.DaysInMonth(y, m)) + 1;
                var c = new DateTime(y, m, dd, NextInt(24), NextInt(60), NextInt(60), NextInt(1000));
                C($"datetime.random.civil#{i}", c.Ticks + " " + c.ToString("yyyy-MM-dd HH:mm:ss.fff dddd") + " " + (c.Year == y && c.Month == m && c.Day == dd) + " " + DateTime.IsLeapYear(y) + " " + c.Date.Ticks);
            }
            // Parsing what the formats print.
            string[] exact = { "2024-02-29 13:05:09", "1999-12-31 23:59:59", "0001-01-01 00:00:00" };
            for (int i = 0; i < exact.Length; i++)
                C($"datetime.parseexact#{i}", DateTime.ParseExact(O(exact[i]), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).ToString("o"));
            C("datetime.parseexact.o", DateTime.ParseExact(O(d.ToString("o")), "o", CultureInfo.InvariantCulture).ToString("o") + " " + DateTime.ParseExact(O("2024-02-29T13:05:09.1234567Z"), "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).Kind + " " + DateTime.ParseExact(O("2024-02-29T13:05:09.1234567"), "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).Kind);
            C("datetime.parseexact.custom", DateTime.ParseExact(O("29/02/24 1:05:09 PM"), "dd/MM/yy h:mm:ss tt", CultureInfo.InvariantCulture).ToString("s") + " " + DateTime.ParseExact(O("Thu, 29 Feb 2024 13:05:09 GMT"), "R", CultureInfo.InvariantCulture).ToString("s") + " " + DateTime.ParseExact(O("20240229130509"), "yyyyMMddHHmmss", CultureInfo.InvariantCulture).ToString("s"));
            string[] tryExact = { "2024-02-30 00:00:00", "2024-2-29 00:00:00", "2024-02-29 24:00:00", "2024-02-29 00:00", "x2024-02-29 00:00:00", "2024-02-29 00:00:00 " };
            for (int i = 0; i < tryExact.Length; i++)
                C($"datetime.tryparseexact#{i}", DateTime.TryParseExact(O(tryExact[i]), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime t) + " " + t.Ticks);
            string[] parse = { "2024-02-29", "2024-02-29T13:05:09", "2024-02-29T13:05:09.5", "2024-02-29 13:05:09", "02/29/2024 13:05:09", "02/29/2024", "2024-02-29T13:05:09Z", "2024-02-29T13:05:09+02:00", "2024-02-29T13:05:09.1234567-05:30" };
            for (int i = 0; i < parse.Length; i++)
            {
                DateTime p = DateTime.Parse(O(parse[i]), CultureInfo.InvariantCulture);
                C($"datetime.parse#{i}", p.ToString("o") + " " + p.Kind + " " + DateTime.TryParse(parse[i], out DateTime q) + " " + q.Ticks);
            }
            for (int i = 0; i < 60; i++)
            {
                var r = new DateTime((long)(Next() % (ulong)DateTime.MaxValue.Ticks), DateTimeKind.Utc);
                string o = r.ToString("o");
                C($"datetime.roundtrip#{i}", o + " " + (DateTime.ParseExact(o, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) == r) + " " + DateTime.ParseExact(r.ToString("yyyy-MM-dd HH:mm:ss"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).ToString("s"));
            }
        }

        private static void Formats(string name, DateTime d)
        {
            var sb = new System.Text.StringBuilder();
            foreach (string f in s_standard)
                sb.Append(d.ToString(f)).Append(" | ");
            C(name + ".standard", sb.ToString() + d.ToString() + " | " + d.ToString((string)null) + " | " + d.ToString(""));
            sb.Clear();
            foreach (string f in s_custom)
                sb.Append(d.ToString(f)).Append(" | ");
            C(name + ".custom", sb.ToString() + d.ToString(CultureInfo.InvariantCulture) + " | " + d.ToString("s", CultureInfo.InvariantCulture));
        }

        private static string Deconstructed(DateTime d)
        {
            var (y, m, day) = d;
            return y + "-" + m + "-" + day;
        }

        private static string Try(Func<string> f)
        {
            try { return f(); }
            catch (ArgumentOutOfRangeException) { return "range"; }
        }

        private static void Clock()
        {
            DateTime now = DateTime.UtcNow, local = DateTime.Now, today = DateTime.Today;
            C("clock.utcnow", now.Kind + " " + (now.Year >= 2024 && now.Year < 2200) + " " + local.Kind + " " + today.Kind + " " + (today.TimeOfDay == TimeSpan.Zero) + " " + ((local - now).Duration() < TimeSpan.FromMinutes(1)));
            long t0 = Stopwatch.GetTimestamp();
            var sw = Stopwatch.StartNew();
            long spin = 0;
            for (int i = 0; i < 20000; i++) spin += O(i);
            sw.Stop();
            long t1 = Stopwatch.GetTimestamp();
            DateTime later = DateTime.UtcNow;
            C("clock.stopwatch", (Stopwatch.Frequency > 1_000_000) + " " + Stopwatch.IsHighResolution + " " + (t1 > t0) + " " + sw.IsRunning + " " + (sw.ElapsedTicks > 0) + " " + (sw.Elapsed.Ticks >= 0) + " " + (sw.ElapsedMilliseconds >= 0) + " " + (Stopwatch.GetElapsedTime(t0, t1) >= sw.Elapsed) + " " + (later >= now) + " " + (spin > 0));
            long frozen = sw.ElapsedTicks;
            sw.Reset();
            C("clock.stopwatch.reset", sw.ElapsedTicks + " " + sw.IsRunning + " " + (frozen > 0) + " " + sw.Elapsed);
            sw.Restart();
            C("clock.stopwatch.restart", sw.IsRunning + " " + (Stopwatch.GetElapsedTime(t0) > TimeSpan.Zero));
            long tick = Environment.TickCount64;
            C("clock.tickcount", (tick > 0) + " " + (Environment.TickCount64 >= tick) + " " + Environment.ProcessorCount.ToString().Length + " " + Environment.NewLine.Length);
        }
    }
}
