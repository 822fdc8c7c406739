namespace System
{
    // A signed interval in 100 ns ticks, as .NET's TimeSpan: From*(double) truncate toward zero
    // (.NET 7+), out-of-range results throw OverflowException, ToString() is the invariant "c" form.
    public readonly struct TimeSpan : IEquatable<TimeSpan>, IComparable<TimeSpan>, IComparable, IFormattable
    {
        public const long TicksPerMicrosecond = 10;
        public const long TicksPerMillisecond = 10_000;
        public const long TicksPerSecond = 10_000_000;
        public const long TicksPerMinute = 600_000_000;
        public const long TicksPerHour = 36_000_000_000;
        public const long TicksPerDay = 864_000_000_000;
        public const long NanosecondsPerTick = 100;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        private readonly long _ticks;

        public TimeSpan(long ticks) { _ticks = ticks; }
        public TimeSpan(int hours, int minutes, int seconds) { _ticks = Checked(0, hours, minutes, seconds, 0, 0); }
        public TimeSpan(int days, int hours, int minutes, int seconds) { _ticks = Checked(days, hours, minutes, seconds, 0, 0); }
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds) { _ticks = Checked(days, hours, minutes, seconds, milliseconds, 0); }
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds, int microseconds) { _ticks = Checked(days, hours, minutes, seconds, milliseconds, microseconds); }

        // .NET sums the parts in microseconds (128-bit) and rejects a total beyond what ticks hold.
        // Here: every part but the days fits a long together (|sum| < 7.9e18); days beyond 106e6
        // (|days * 86.4e9| > 9.1e18) overflow whatever the rest is, and a same-sign sum that
        // changes sign overflowed too.
        private static long Checked(long days, long hours, long minutes, long seconds, long milliseconds, long microseconds)
        {
            const long MaxMicroseconds = long.MaxValue / TicksPerMicrosecond, MinMicroseconds = long.MinValue / TicksPerMicrosecond;
            long rest = hours * 3_600_000_000L + minutes * 60_000_000L + seconds * 1_000_000L + milliseconds * 1000L + microseconds;
            bool overflow = days > 106_000_000 || days < -106_000_000;
            long total = 0;
            if (!overflow)
            {
                long dayPart = days * 86_400_000_000L;
                total = dayPart + rest;
                overflow = (dayPart >= 0) == (rest >= 0) && (total >= 0) != (dayPart >= 0);
            }
            if (overflow || total > MaxMicroseconds || total < MinMicroseconds)
                throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
            return total * TicksPerMicrosecond;
        }

        public long Ticks => _ticks;
        public int Days => (int)(_ticks / TicksPerDay);
        public int Hours => (int)(_ticks / TicksPerHour % 24);
        public int Minutes => (int)(_ticks / TicksPerMinute % 60);
        public int Seconds => (int)(_ticks / TicksPerSecond % 60);
        public int Milliseconds => (int)(_ticks / TicksPerMillisecond % 1000);
        public int Microseconds => (int)(_ticks / TicksPerMicrosecond % 1000);
        public int Nanoseconds => (int)(_ticks % TicksPerMicrosecond * NanosecondsPerTick);

        public double TotalDays => (double)_ticks / TicksPerDay;
        public double TotalHours => (double)_ticks / TicksPerHour;
        public double TotalMinutes => (double)_ticks / TicksPerMinute;
        public double TotalSeconds => (double)_ticks / TicksPerSecond;
        public double TotalMilliseconds
        {
            get
            {
                double ms = (double)_ticks / TicksPerMillisecond;
                if (ms > long.MaxValue / TicksPerMillisecond) return long.MaxValue / TicksPerMillisecond;
                if (ms < long.MinValue / TicksPerMillisecond) return long.MinValue / TicksPerMillisecond;
                return ms;
            }
        }
        public double TotalMicroseconds => (double)_ticks / TicksPerMicrosecond;
        public double TotalNanoseconds => (double)_ticks * NanosecondsPerTick;

        public static TimeSpan FromTicks(long value) => new TimeSpan(value);
        public static TimeSpan FromDays(double value) => Interval(value, TicksPerDay);
        public static TimeSpan FromHours(double value) => Interval(value, TicksPerHour);
        public static TimeSpan FromMinutes(double value) => Interval(value, TicksPerMinute);
        public static TimeSpan FromSeconds(double value) => Interval(value, TicksPerSecond);
        public static TimeSpan FromMilliseconds(double value) => Interval(value, TicksPerMillisecond);
        public static TimeSpan FromMicroseconds(double value) => Interval(value, TicksPerMicrosecond);

        // The integer overloads (.NET 9): exact, and C# prefers them for integer arguments.
        public static TimeSpan FromDays(int days) => FromUnits(days, TicksPerDay);
        public static TimeSpan FromDays(int days, int hours = 0, long minutes = 0, long seconds = 0, long milliseconds = 0, long microseconds = 0) =>
            new TimeSpan(Checked(days, hours, minutes, seconds, milliseconds, microseconds));
        public static TimeSpan FromHours(int hours) => FromUnits(hours, TicksPerHour);
        public static TimeSpan FromHours(int hours, long minutes = 0, long seconds = 0, long milliseconds = 0, long microseconds = 0) =>
            new TimeSpan(Checked(0, hours, minutes, seconds, milliseconds, microseconds));
        public static TimeSpan FromMinutes(long minutes) => FromUnits(minutes, TicksPerMinute);
        public static TimeSpan FromMinutes(long minutes, long seconds = 0, long milliseconds = 0, long microseconds = 0) =>
            new TimeSpan(CheckedSmall(minutes, TicksPerMinute, seconds, milliseconds, microseconds));
        public static TimeSpan FromSeconds(long seconds) => FromUnits(seconds, TicksPerSecond);
        public static TimeSpan FromSeconds(long seconds, long milliseconds = 0, long microseconds = 0) =>
            new TimeSpan(CheckedSmall(seconds, TicksPerSecond, 0, milliseconds, microseconds));
        public static TimeSpan FromMilliseconds(long milliseconds, long microseconds = 0) =>
            new TimeSpan(CheckedSmall(milliseconds, TicksPerMillisecond, 0, 0, microseconds));
        public static TimeSpan FromMicroseconds(long microseconds) => FromUnits(microseconds, TicksPerMicrosecond);

        // The long-argument overloads: a first part that alone may overflow, then small ones.
        private static long CheckedSmall(long units, long ticksPerUnit, long seconds, long milliseconds, long microseconds)
        {
            long first = FromUnits(units, ticksPerUnit)._ticks / TicksPerMicrosecond;
            long rest = FromUnits(seconds, TicksPerSecond)._ticks / TicksPerMicrosecond;
            long more = FromUnits(milliseconds, TicksPerMillisecond)._ticks / TicksPerMicrosecond;
            long last = FromUnits(microseconds, TicksPerMicrosecond)._ticks / TicksPerMicrosecond;
            long total = first;
            foreach (long part in new[] { rest, more, last })
            {
                long sum = total + part;
                if ((total >= 0) == (part >= 0) && (sum >= 0) != (total >= 0))
                    throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
                total = sum;
            }
            if (total > long.MaxValue / TicksPerMicrosecond || total < long.MinValue / TicksPerMicrosecond)
                throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
            return total * TicksPerMicrosecond;
        }

        private static TimeSpan FromUnits(long units, long ticksPerUnit)
        {
            if (units > long.MaxValue / ticksPerUnit || units < long.MinValue / ticksPerUnit)
                throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(units * ticksPerUnit);
        }

        private static TimeSpan Interval(double value, double scale)
        {
            if (double.IsNaN(value))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            double ticks = value * scale;
            if (ticks >= 9.2233720368547758E+18 || ticks < -9.2233720368547758E+18 || double.IsNaN(ticks))
            {
                if (ticks == 9.2233720368547758E+18)
                    return MaxValue;
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            }
            return new TimeSpan((long)ticks);
        }

        public TimeSpan Add(TimeSpan ts)
        {
            long result = _ticks + ts._ticks;
            if ((_ticks >> 63 == ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(result);
        }

        public TimeSpan Subtract(TimeSpan ts)
        {
            long result = _ticks - ts._ticks;
            if ((_ticks >> 63 != ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(result);
        }

        public TimeSpan Negate()
        {
            if (_ticks == long.MinValue)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return new TimeSpan(-_ticks);
        }

        public TimeSpan Duration()
        {
            if (_ticks == long.MinValue)
                throw new OverflowException("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.");
            return new TimeSpan(_ticks >= 0 ? _ticks : -_ticks);
        }

        public TimeSpan Multiply(double factor) => this * factor;
        public TimeSpan Divide(double divisor) => this / divisor;
        public double Divide(TimeSpan ts) => this / ts;

        public static TimeSpan operator +(TimeSpan t) => t;
        public static TimeSpan operator -(TimeSpan t) => t.Negate();
        public static TimeSpan operator +(TimeSpan a, TimeSpan b) => a.Add(b);
        public static TimeSpan operator -(TimeSpan a, TimeSpan b) => a.Subtract(b);

        public static TimeSpan operator *(TimeSpan t, double factor)
        {
            if (double.IsNaN(factor))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.", "factor");
            return IntervalFromDoubleTicks(Math.Round(t._ticks * factor));
        }

        public static TimeSpan operator *(double factor, TimeSpan t) => t * factor;

        public static TimeSpan operator /(TimeSpan t, double divisor)
        {
            if (double.IsNaN(divisor))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.", "divisor");
            return IntervalFromDoubleTicks(Math.Round(t._ticks / divisor));
        }

        public static double operator /(TimeSpan a, TimeSpan b) => a._ticks / (double)b._ticks;

        private static TimeSpan IntervalFromDoubleTicks(double ticks)
        {
            if (ticks > long.MaxValue || ticks < long.MinValue || double.IsNaN(ticks))
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            if (ticks == long.MaxValue)
                return MaxValue;
            return new TimeSpan((long)ticks);
        }

        public static bool operator ==(TimeSpan a, TimeSpan b) => a._ticks == b._ticks;
        public static bool operator !=(TimeSpan a, TimeSpan b) => a._ticks != b._ticks;
        public static bool operator <(TimeSpan a, TimeSpan b) => a._ticks < b._ticks;
        public static bool operator >(TimeSpan a, TimeSpan b) => a._ticks > b._ticks;
        public static bool operator <=(TimeSpan a, TimeSpan b) => a._ticks <= b._ticks;
        public static bool operator >=(TimeSpan a, TimeSpan b) => a._ticks >= b._ticks;

        public static int Compare(TimeSpan a, TimeSpan b) => a._ticks < b._ticks ? -1 : a._ticks > b._ticks ? 1 : 0;
        public int CompareTo(TimeSpan value) => Compare(this, value);
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is TimeSpan t) return Compare(this, t);
            throw new ArgumentException("Object must be of type TimeSpan.");
        }

        public bool Equals(TimeSpan obj) => _ticks == obj._ticks;
        public override bool Equals(object value) => value is TimeSpan t && t._ticks == _ticks;
        public static bool Equals(TimeSpan t1, TimeSpan t2) => t1._ticks == t2._ticks;
        public override int GetHashCode() => _ticks.GetHashCode();

        public override string ToString() => TimeSpanFormat.Format(this, null);
        public string ToString(string format) => TimeSpanFormat.Format(this, format);
        public string ToString(string format, IFormatProvider formatProvider) => TimeSpanFormat.Format(this, format);

        public static TimeSpan Parse(string s) => TimeSpanFormat.Parse(s);
        public static bool TryParse(string s, out TimeSpan result) => TimeSpanFormat.TryParse(s, out result);
    }
}
