using Internal.Runtime;

namespace System
{
    public enum DateTimeKind
    {
        Unspecified = 0,
        Utc = 1,
        Local = 2,
    }

    public enum DayOfWeek
    {
        Sunday = 0,
        Monday = 1,
        Tuesday = 2,
        Wednesday = 3,
        Thursday = 4,
        Friday = 5,
        Saturday = 6,
    }

    // A point in time as .NET keeps it: 100 ns ticks since 0001-01-01 in the proleptic Gregorian
    // calendar, with the Kind in the top two bits. MicroOS has no time zones: local time is UTC
    // (Now == UtcNow with Kind Local, ToLocalTime/ToUniversalTime change only the Kind). The clock
    // (UtcNow, Now, Today) is the host's (RuntimeClock): on a server, the CMOS clock read at boot
    // plus the TSC since; equality and ordering ignore the Kind, as in .NET.
    public readonly struct DateTime : IEquatable<DateTime>, IComparable<DateTime>, IComparable, IFormattable
    {
        private const ulong TicksMask = 0x3FFFFFFFFFFFFFFF;
        private const int KindShift = 62;
        internal const long MaxTicks = 3_155_378_975_999_999_999;     // 9999-12-31 23:59:59.9999999
        private const long FileTimeOffset = 504_911_232_000_000_000;    // 1601-01-01
        private const long UnixEpochTicks = 621_355_968_000_000_000;    // 1970-01-01
        private const int DaysPer400Years = 146_097, DaysPer100Years = 36_524, DaysPer4Years = 1_461;

        private static readonly int[] s_daysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
        private static readonly int[] s_daysToMonth366 = { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };

        // The runtime's own enums have no TypeNames generator run: DateTimeKind and DayOfWeek name
        // themselves here, before any DateTime is made (the calendar tables below come first).
        private static readonly bool s_enumNames = RegisterEnumNames();

        private static bool RegisterEnumNames()
        {
            System.Runtime.TypeNames.Register(typeof(DateTimeKind).TypeHandle, "DateTimeKind", "System.DateTimeKind");
            System.Runtime.TypeNames.RegisterEnum(typeof(DateTimeKind).TypeHandle, false, new ulong[] { 0, 1, 2 }, new[] { "Unspecified", "Utc", "Local" });
            System.Runtime.TypeNames.Register(typeof(DayOfWeek).TypeHandle, "DayOfWeek", "System.DayOfWeek");
            System.Runtime.TypeNames.RegisterEnum(typeof(DayOfWeek).TypeHandle, false, new ulong[] { 0, 1, 2, 3, 4, 5, 6 },
                new[] { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" });
            return true;
        }

        public static readonly DateTime MinValue = new DateTime(0L);
        public static readonly DateTime MaxValue = new DateTime(MaxTicks);
        public static readonly DateTime UnixEpoch = new DateTime(UnixEpochTicks, DateTimeKind.Utc);

        private readonly ulong _dateData;

        public DateTime(long ticks)
        {
            if ((ulong)ticks > MaxTicks) ThrowTicksOutOfRange();
            _dateData = (ulong)ticks;
        }

        public DateTime(long ticks, DateTimeKind kind)
        {
            if ((ulong)ticks > MaxTicks) ThrowTicksOutOfRange();
            if ((uint)kind > (uint)DateTimeKind.Local) throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            _dateData = (ulong)ticks | (ulong)kind << KindShift;
        }

        private DateTime(ulong dateData, bool raw) { _dateData = dateData; }

        public DateTime(int year, int month, int day) : this(DateToTicks(year, month, day)) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second)) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second), kind) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + MillisecondTicks(millisecond)) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + MillisecondTicks(millisecond), kind) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, int microsecond)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + MillisecondTicks(millisecond) + MicrosecondTicks(microsecond)) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, int microsecond, DateTimeKind kind)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + MillisecondTicks(millisecond) + MicrosecondTicks(microsecond), kind) { }

        private static void ThrowTicksOutOfRange() =>
            throw new ArgumentOutOfRangeException("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");

        private static long DateToTicks(int year, int month, int day)
        {
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
                throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            if (day > days[month] - days[month - 1])
                throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            int y = year - 1;
            int n = y * 365 + y / 4 - y / 100 + y / 400 + days[month - 1] + day - 1;
            return n * TimeSpan.TicksPerDay;
        }

        private static long TimeToTicks(int hour, int minute, int second)
        {
            if ((uint)hour >= 24 || (uint)minute >= 60 || (uint)second >= 60)
                throw new ArgumentOutOfRangeException(null, "Hour, Minute, and Second parameters describe an un-representable DateTime.");
            return hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond;
        }

        private static long MillisecondTicks(int millisecond)
        {
            if ((uint)millisecond >= 1000)
                throw new ArgumentOutOfRangeException("millisecond", "Valid values are between 0 and 999, inclusive.");
            return millisecond * TimeSpan.TicksPerMillisecond;
        }

        private static long MicrosecondTicks(int microsecond)
        {
            if ((uint)microsecond >= 1000)
                throw new ArgumentOutOfRangeException("microsecond", "Valid values are between 0 and 999, inclusive.");
            return microsecond * TimeSpan.TicksPerMicrosecond;
        }

        public long Ticks => (long)(_dateData & TicksMask);
        public DateTimeKind Kind => (DateTimeKind)(_dateData >> KindShift);

        // Year, month and day from the day number (0 = 0001-01-01), by 400/100/4/1-year cycles.
        private void GetDate(out int year, out int month, out int day)
        {
            int n = (int)(Ticks / TimeSpan.TicksPerDay);
            int y400 = n / DaysPer400Years;
            n -= y400 * DaysPer400Years;
            int y100 = n / DaysPer100Years;
            if (y100 == 4) y100 = 3;            // the last day of a 400-year cycle
            n -= y100 * DaysPer100Years;
            int y4 = n / DaysPer4Years;
            n -= y4 * DaysPer4Years;
            int y1 = n / 365;
            if (y1 == 4) y1 = 3;                // the last day of a leap year
            year = y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
            n -= y1 * 365;
            int[] days = y1 == 3 && (y4 != 24 || y100 == 3) ? s_daysToMonth366 : s_daysToMonth365;
            int m = (n >> 5) + 1;               // n / 32 + 1 is the month or one before it
            while (n >= days[m]) m++;
            month = m;
            day = n - days[m - 1] + 1;
        }

        public int Year { get { GetDate(out int y, out _, out _); return y; } }
        public int Month { get { GetDate(out _, out int m, out _); return m; } }
        public int Day { get { GetDate(out _, out _, out int d); return d; } }
        public int DayOfYear => (int)(Ticks / TimeSpan.TicksPerDay - new DateTime(Year, 1, 1).Ticks / TimeSpan.TicksPerDay) + 1;
        public DayOfWeek DayOfWeek => (DayOfWeek)((Ticks / TimeSpan.TicksPerDay + 1) % 7);
        public int Hour => (int)(Ticks / TimeSpan.TicksPerHour % 24);
        public int Minute => (int)(Ticks / TimeSpan.TicksPerMinute % 60);
        public int Second => (int)(Ticks / TimeSpan.TicksPerSecond % 60);
        public int Millisecond => (int)(Ticks / TimeSpan.TicksPerMillisecond % 1000);
        public int Microsecond => (int)(Ticks / TimeSpan.TicksPerMicrosecond % 1000);
        public int Nanosecond => (int)(Ticks % TimeSpan.TicksPerMicrosecond * 100);
        public DateTime Date => new DateTime((ulong)(Ticks - Ticks % TimeSpan.TicksPerDay) | (_dateData & ~TicksMask), true);
        public TimeSpan TimeOfDay => new TimeSpan(Ticks % TimeSpan.TicksPerDay);

        public void Deconstruct(out int year, out int month, out int day) => GetDate(out year, out month, out day);

        public static bool IsLeapYear(int year)
        {
            if (year < 1 || year > 9999)
                throw new ArgumentOutOfRangeException("year", "Year must be between 1 and 9999.");
            return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12)
                throw new ArgumentOutOfRangeException("month", "Month must be between one and twelve.");
            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            return days[month] - days[month - 1];
        }

        // The clock.
        public static DateTime UtcNow => new DateTime((ulong)RuntimeClock.UtcTicks() | (ulong)DateTimeKind.Utc << KindShift, true);
        public static DateTime Now => new DateTime((ulong)RuntimeClock.UtcTicks() | (ulong)DateTimeKind.Local << KindShift, true);
        public static DateTime Today => Now.Date;

        public bool IsDaylightSavingTime() => false;
        public DateTime ToUniversalTime() => SpecifyKind(this, DateTimeKind.Utc);
        public DateTime ToLocalTime() => Kind == DateTimeKind.Local ? this : SpecifyKind(this, DateTimeKind.Local);

        public static DateTime SpecifyKind(DateTime value, DateTimeKind kind)
        {
            if ((uint)kind > (uint)DateTimeKind.Local) throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            return new DateTime((ulong)value.Ticks | (ulong)kind << KindShift, true);
        }

        // Arithmetic. The double-valued adds truncate the fraction to ticks (.NET 7+).
        public DateTime AddTicks(long value)
        {
            long ticks = Ticks;
            if (value > MaxTicks - ticks || value < -ticks)
                throw new ArgumentOutOfRangeException("value", "The added or subtracted value results in an un-representable DateTime.");
            return new DateTime((ulong)(ticks + value) | (_dateData & ~TicksMask), true);
        }

        public DateTime Add(TimeSpan value) => AddTicks(value.Ticks);
        public DateTime AddDays(double value) => AddUnits(value, 10_000_000, TimeSpan.TicksPerDay);
        public DateTime AddHours(double value) => AddUnits(value, 240_000_000, TimeSpan.TicksPerHour);
        public DateTime AddMinutes(double value) => AddUnits(value, 14_400_000_000, TimeSpan.TicksPerMinute);
        public DateTime AddSeconds(double value) => AddUnits(value, 864_000_000_000, TimeSpan.TicksPerSecond);
        public DateTime AddMilliseconds(double value) => AddUnits(value, 864_000_000_000_000, TimeSpan.TicksPerMillisecond);
        public DateTime AddMicroseconds(double value) => AddUnits(value, 864_000_000_000_000_000, TimeSpan.TicksPerMicrosecond);

        private DateTime AddUnits(double value, long maxUnits, long ticksPerUnit)
        {
            if (Math.Abs(value) > maxUnits)
                throw new ArgumentOutOfRangeException("value", "Value to add was out of range.");
            double whole = Math.Truncate(value);
            double fraction = value - whole;
            long ticks = (long)whole * ticksPerUnit;
            ticks += (long)(fraction * ticksPerUnit);
            return AddTicks(ticks);
        }

        public DateTime AddMonths(int months)
        {
            if (months < -120000 || months > 120000)
                throw new ArgumentOutOfRangeException("months", "Months value must be between +/-120000.");
            GetDate(out int y, out int m, out int d);
            int i = m - 1 + months;
            if (i >= 0)
            {
                m = i % 12 + 1;
                y += i / 12;
            }
            else
            {
                m = 12 + (i + 1) % 12;
                y += (i - 11) / 12;
            }
            if (y < 1 || y > 9999)
                throw new ArgumentOutOfRangeException("months", "The added or subtracted value results in an un-representable DateTime.");
            int days = DaysInMonth(y, m);
            if (d > days) d = days;
            return new DateTime((ulong)(DateToTicks(y, m, d) + Ticks % TimeSpan.TicksPerDay) | (_dateData & ~TicksMask), true);
        }

        public DateTime AddYears(int value)
        {
            if (value < -10000 || value > 10000)
                throw new ArgumentOutOfRangeException("years", "Years value must be between +/-10000.");
            GetDate(out int y, out int m, out int d);
            y += value;
            if (y < 1 || y > 9999)
                throw new ArgumentOutOfRangeException("years", "The added or subtracted value results in an un-representable DateTime.");
            if (m == 2 && d == 29 && !IsLeapYear(y)) d = 28;
            return new DateTime((ulong)(DateToTicks(y, m, d) + Ticks % TimeSpan.TicksPerDay) | (_dateData & ~TicksMask), true);
        }

        public TimeSpan Subtract(DateTime value) => new TimeSpan(Ticks - value.Ticks);

        public DateTime Subtract(TimeSpan value)
        {
            long ticks = Ticks, v = value.Ticks;
            if (ticks - MaxTicks > v || v > ticks)
                throw new ArgumentOutOfRangeException("value", "The added or subtracted value results in an un-representable DateTime.");
            return new DateTime((ulong)(ticks - v) | (_dateData & ~TicksMask), true);
        }

        public static DateTime operator +(DateTime d, TimeSpan t) => d.Add(t);
        public static DateTime operator -(DateTime d, TimeSpan t) => d.Subtract(t);
        public static TimeSpan operator -(DateTime a, DateTime b) => new TimeSpan(a.Ticks - b.Ticks);
        public static bool operator ==(DateTime a, DateTime b) => a.Ticks == b.Ticks;
        public static bool operator !=(DateTime a, DateTime b) => a.Ticks != b.Ticks;
        public static bool operator <(DateTime a, DateTime b) => a.Ticks < b.Ticks;
        public static bool operator >(DateTime a, DateTime b) => a.Ticks > b.Ticks;
        public static bool operator <=(DateTime a, DateTime b) => a.Ticks <= b.Ticks;
        public static bool operator >=(DateTime a, DateTime b) => a.Ticks >= b.Ticks;

        public static int Compare(DateTime a, DateTime b) => a.Ticks < b.Ticks ? -1 : a.Ticks > b.Ticks ? 1 : 0;
        public int CompareTo(DateTime value) => Compare(this, value);
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is DateTime d) return Compare(this, d);
            throw new ArgumentException("Object must be of type DateTime.");
        }

        public bool Equals(DateTime value) => Ticks == value.Ticks;
        public override bool Equals(object value) => value is DateTime d && d.Ticks == Ticks;
        public static bool Equals(DateTime a, DateTime b) => a.Ticks == b.Ticks;
        public override int GetHashCode() => (int)Ticks ^ (int)(Ticks >> 32);

        // Conversions: FILETIME (100 ns since 1601, UTC), the binary form, Unix time.
        public long ToFileTimeUtc()
        {
            long ticks = Ticks - FileTimeOffset;
            if (ticks < 0)
                throw new ArgumentOutOfRangeException(null, "Not a valid Win32 FileTime.");
            return ticks;
        }

        public long ToFileTime() => ToFileTimeUtc();

        public static DateTime FromFileTimeUtc(long fileTime)
        {
            if ((ulong)fileTime > MaxTicks - FileTimeOffset)
                throw new ArgumentOutOfRangeException("fileTime", "Not a valid Win32 FileTime.");
            return new DateTime(fileTime + FileTimeOffset, DateTimeKind.Utc);
        }

        public static DateTime FromFileTime(long fileTime) => FromFileTimeUtc(fileTime).ToLocalTime();

        public long ToBinary() => (long)_dateData;

        public static DateTime FromBinary(long dateData)
        {
            if ((ulong)(dateData & (long)TicksMask) > MaxTicks)
                throw new ArgumentException("The binary data must result in a DateTime with ticks between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.", "dateData");
            return new DateTime((ulong)dateData, true);
        }

        public override string ToString() => DateTimeFormat.Format(this, null);
        public string ToString(string format) => DateTimeFormat.Format(this, format);
        public string ToString(IFormatProvider provider) => DateTimeFormat.Format(this, null);
        public string ToString(string format, IFormatProvider provider) => DateTimeFormat.Format(this, format);
        public string ToShortDateString() => DateTimeFormat.Format(this, "d");
        public string ToLongDateString() => DateTimeFormat.Format(this, "D");
        public string ToShortTimeString() => DateTimeFormat.Format(this, "t");
        public string ToLongTimeString() => DateTimeFormat.Format(this, "T");

        public static DateTime ParseExact(string s, string format, IFormatProvider provider) => DateTimeFormat.ParseExact(s, format, Globalization.DateTimeStyles.None);
        public static DateTime ParseExact(string s, string format, IFormatProvider provider, Globalization.DateTimeStyles style) => DateTimeFormat.ParseExact(s, format, style);
        public static bool TryParseExact(string s, string format, IFormatProvider provider, Globalization.DateTimeStyles style, out DateTime result) =>
            DateTimeFormat.TryParseExact(s, format, style, out result);
        public static DateTime Parse(string s) => DateTimeFormat.Parse(s);
        public static DateTime Parse(string s, IFormatProvider provider) => DateTimeFormat.Parse(s);
        public static bool TryParse(string s, out DateTime result) => DateTimeFormat.TryParse(s, out result);
    }
}
