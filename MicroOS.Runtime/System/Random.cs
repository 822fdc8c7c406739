namespace System
{
    // System.Random. Seeded (new Random(seed)): .NET's compatible algorithm (Knuth's subtractive
    // generator, as .NET Framework and every .NET since), so a seed gives the same numbers as on
    // .NET. Unseeded (new Random(), Random.Shared): xorshift64* seeded from the TSC, whose numbers,
    // like .NET's unseeded ones, are not reproducible.
    public class Random
    {
        private readonly int[] _seedArray;      // null: unseeded
        private int _inext, _inextp;
        private ulong _state;

        private static Random s_shared;
        public static Random Shared => s_shared ??= new Random();

        public Random()
        {
            _state = (ulong)Internal.Runtime.RuntimeClock.CounterOrZero() * 0x9E3779B97F4A7C15UL ^ (ulong)(s_instances++ * 0x2545F4914F6CDD1DL) ^ 0x5DEECE66DUL;
            if (_state == 0) _state = 1;
        }

        private static long s_instances = 1;

        public Random(int Seed)
        {
            int[] seedArray = new int[56];
            int subtraction = Seed == int.MinValue ? int.MaxValue : Math.Abs(Seed);
            int mj = 161803398 - subtraction;
            seedArray[55] = mj;
            int mk = 1;
            int ii = 0;
            for (int i = 1; i < 55; i++)
            {
                if ((ii += 21) >= 55) ii -= 55;
                seedArray[ii] = mk;
                mk = mj - mk;
                if (mk < 0) mk += int.MaxValue;
                mj = seedArray[ii];
            }
            for (int k = 1; k < 5; k++)
            {
                for (int i = 1; i < 56; i++)
                {
                    int n = i + 30;
                    if (n >= 55) n -= 55;
                    seedArray[i] -= seedArray[1 + n];
                    if (seedArray[i] < 0) seedArray[i] += int.MaxValue;
                }
            }
            _seedArray = seedArray;
            _inext = 0;
            _inextp = 21;
        }

        // Seeded: one step of the subtractive generator, in [0, int.MaxValue).
        private int InternalSample()
        {
            int locINext = _inext;
            if (++locINext >= 56) locINext = 1;
            int locINextp = _inextp;
            if (++locINextp >= 56) locINextp = 1;
            int retVal = _seedArray[locINext] - _seedArray[locINextp];
            if (retVal == int.MaxValue) retVal--;
            if (retVal < 0) retVal += int.MaxValue;
            _seedArray[locINext] = retVal;
            _inext = locINext;
            _inextp = locINextp;
            return retVal;
        }

        private ulong NextXorshift()
        {
            ulong x = _state;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            _state = x;
            return x * 0x2545F4914F6CDD1DUL;
        }

        protected virtual double Sample() => _seedArray != null ? InternalSample() * (1.0 / int.MaxValue) : (NextXorshift() >> 11) * (1.0 / (1UL << 53));

        private double SampleForLargeRange()
        {
            int result = InternalSample();
            if (InternalSample() % 2 == 0) result = -result;
            double d = result;
            d += int.MaxValue - 1;
            d /= 2.0 * int.MaxValue - 1;
            return d;
        }

        private ulong NextUInt64() => _seedArray != null
            ? (uint)Next(1 << 22) | (ulong)(uint)Next(1 << 22) << 22 | (ulong)(uint)Next(1 << 20) << 44
            : NextXorshift();

        public virtual int Next()
        {
            if (_seedArray != null) return InternalSample();
            while (true)
            {
                int r = (int)(NextXorshift() >> 33);
                if (r != int.MaxValue) return r;
            }
        }

        public virtual int Next(int maxValue)
        {
            if (maxValue < 0) throw new ArgumentOutOfRangeException("maxValue", "'maxValue' must be greater than zero.");
            return (int)(Sample() * maxValue);
        }

        public virtual int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue) throw new ArgumentOutOfRangeException("minValue", "'minValue' cannot be greater than maxValue.");
            long range = (long)maxValue - minValue;
            if (range <= int.MaxValue)
                return (int)(Sample() * range) + minValue;
            return _seedArray != null ? (int)((long)(SampleForLargeRange() * range) + minValue) : (int)((long)(NextUInt64() % (ulong)range) + minValue);
        }

        public virtual long NextInt64()
        {
            while (true)
            {
                ulong result = NextUInt64() >> 1;
                if (result != long.MaxValue) return (long)result;
            }
        }

        public virtual long NextInt64(long maxValue)
        {
            if (maxValue < 0) throw new ArgumentOutOfRangeException("maxValue", "'maxValue' must be greater than zero.");
            return NextInt64(0, maxValue);
        }

        public virtual long NextInt64(long minValue, long maxValue)
        {
            if (minValue > maxValue) throw new ArgumentOutOfRangeException("minValue", "'minValue' cannot be greater than maxValue.");
            ulong exclusiveRange = (ulong)(maxValue - minValue);
            if (exclusiveRange > 1)
            {
                int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(exclusiveRange - 1);     // ceil(log2(range))
                while (true)
                {
                    ulong result = NextUInt64() >> (64 - bits);
                    if (result < exclusiveRange) return (long)result + minValue;
                }
            }
            return minValue;
        }

        public virtual double NextDouble() => Sample();
        public virtual float NextSingle() => _seedArray != null ? (float)Sample() : (NextXorshift() >> 40) * (1.0f / (1 << 24));

        public virtual void NextBytes(byte[] buffer)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            NextBytes(new Span<byte>(buffer));
        }

        public virtual void NextBytes(Span<byte> buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
                buffer[i] = _seedArray != null ? (byte)InternalSample() : (byte)NextXorshift();
        }

        public void Shuffle<T>(T[] values)
        {
            if (values == null) throw new ArgumentNullException("values");
            Shuffle(new Span<T>(values));
        }

        public void Shuffle<T>(Span<T> values)
        {
            int n = values.Length;
            for (int i = 0; i < n - 1; i++)
            {
                int j = Next(i, n);
                if (j != i)
                {
                    T t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                }
            }
        }

        public T[] GetItems<T>(T[] choices, int length)
        {
            if (choices == null) throw new ArgumentNullException("choices");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            T[] items = new T[length];
            for (int i = 0; i < length; i++)
                items[i] = choices[Next(choices.Length)];
            return items;
        }
    }
}
