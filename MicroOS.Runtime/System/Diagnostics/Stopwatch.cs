using Internal.Runtime;

namespace System.Diagnostics
{
    // Elapsed time from the host's monotonic counter (RuntimeClock: on MicroOS the TSC, its
    // frequency calibrated by the kernel against the PIT and reported as Stopwatch.Frequency).
    public class Stopwatch
    {
        private long _elapsed;      // counter ticks accumulated by earlier Start/Stop pairs
        private long _startedAt;
        private bool _running;

        public static long Frequency => RuntimeClock.Frequency;
        public static readonly bool IsHighResolution = true;

        public static long GetTimestamp() => RuntimeClock.Counter();
        public static TimeSpan GetElapsedTime(long startingTimestamp) => GetElapsedTime(startingTimestamp, GetTimestamp());
        public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
            new TimeSpan(RuntimeClock.Scale(endingTimestamp - startingTimestamp, TimeSpan.TicksPerSecond));

        public static Stopwatch StartNew()
        {
            var s = new Stopwatch();
            s.Start();
            return s;
        }

        public bool IsRunning => _running;

        public void Start()
        {
            if (_running) return;
            _startedAt = GetTimestamp();
            _running = true;
        }

        public void Stop()
        {
            if (!_running) return;
            _elapsed += GetTimestamp() - _startedAt;
            _running = false;
            if (_elapsed < 0) _elapsed = 0;
        }

        public void Reset()
        {
            _elapsed = 0;
            _running = false;
            _startedAt = 0;
        }

        public void Restart()
        {
            _elapsed = 0;
            _startedAt = GetTimestamp();
            _running = true;
        }

        public long ElapsedTicks => _running ? _elapsed + GetTimestamp() - _startedAt : _elapsed;
        public TimeSpan Elapsed => new TimeSpan(RuntimeClock.Scale(ElapsedTicks, TimeSpan.TicksPerSecond));
        public long ElapsedMilliseconds => RuntimeClock.Scale(ElapsedTicks, 1000);

        public override string ToString() => Elapsed.ToString();
    }
}
