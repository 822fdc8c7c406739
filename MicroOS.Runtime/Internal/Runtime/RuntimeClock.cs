namespace Internal.Runtime
{
    // Time as the image's host gives it to the runtime, for DateTime.UtcNow/Now, Stopwatch and
    // Environment.TickCount64: a counter that only goes up (a server's host: the TSC) with its
    // frequency, and the UTC time (100 ns ticks since 0001-01-01) at which the counter read zero.
    // The host answers the calibration once (its hook may wait until it can); the runtime keeps the
    // answer, so Stopwatch.Frequency and the offset never change while the image runs and
    // UtcNow never goes backwards. An image without a clock (the kernel) throws PlatformNotSupported.
    public static unsafe class RuntimeClock
    {
        private static delegate*<long> s_counter;
        private static delegate*<long*, long*, bool> s_calibration;
        private static long s_frequency;
        private static long s_utcAtZero;

        // counter: the counter now. calibration: its frequency in Hz and the UTC ticks at counter
        // zero; false when the host has no clock.
        public static void SetSource(delegate*<long> counter, delegate*<long*, long*, bool> calibration)
        {
            s_counter = counter;
            s_calibration = calibration;
        }

        private static void Calibrate()
        {
            long frequency = 0, utcAtZero = 0;
            if (s_counter == null || s_calibration == null || !s_calibration(&frequency, &utcAtZero) || frequency <= 0)
                throw new System.PlatformNotSupportedException();
            s_utcAtZero = utcAtZero;
            s_frequency = frequency;
        }

        public static long Frequency
        {
            get
            {
                if (s_frequency == 0) Calibrate();
                return s_frequency;
            }
        }

        public static long Counter()
        {
            if (s_frequency == 0) Calibrate();
            return s_counter();
        }

        // counter * unitsPerSecond / frequency, without overflowing for any counter a machine reaches.
        public static long Scale(long counter, long unitsPerSecond)
        {
            long f = Frequency;
            return counter / f * unitsPerSecond + counter % f * unitsPerSecond / f;
        }

        // The counter for seeding (Random, Guid.NewGuid): 0 in an image without a clock, never a throw.
        public static long CounterOrZero() => s_counter == null ? 0 : s_counter();

        public static long UtcTicks()
        {
            long counter = Counter();       // first: it calibrates, which sets s_utcAtZero
            return s_utcAtZero + Scale(counter, System.TimeSpan.TicksPerSecond);
        }

        public static long Milliseconds() => Scale(Counter(), 1000);
    }
}
