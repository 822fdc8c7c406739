namespace System
{
    // Arbitrary-precision unsigned integer, just enough for exact double <-> decimal conversion
    // (a double's exact decimal expansion has at most 767 significant digits).
    internal sealed class BigNum
    {
        private uint[] _w = new uint[4];
        private int _n;   // used words; _w[_n - 1] != 0 unless zero

        public BigNum() { }
        public BigNum(ulong v) { Set(v); }

        public bool IsZero => _n == 0;

        public BigNum Clone()
        {
            var b = new BigNum();
            b._w = new uint[_w.Length];
            for (int i = 0; i < _n; i++) b._w[i] = _w[i];
            b._n = _n;
            return b;
        }

        public void Set(ulong v)
        {
            _n = 0;
            Grow(2);
            _w[0] = (uint)v;
            _w[1] = (uint)(v >> 32);
            _n = 2;
            Trim();
        }

        private void Grow(int words)
        {
            if (words <= _w.Length) return;
            uint[] w = new uint[words * 2];
            for (int i = 0; i < _n; i++) w[i] = _w[i];
            _w = w;
        }

        private void Trim()
        {
            while (_n > 0 && _w[_n - 1] == 0) _n--;
        }

        public int BitLength
        {
            get
            {
                if (_n == 0) return 0;
                uint top = _w[_n - 1];
                int bits = 0;
                while (top != 0) { top >>= 1; bits++; }
                return (_n - 1) * 32 + bits;
            }
        }

        public void MulSmall(uint m)
        {
            ulong carry = 0;
            for (int i = 0; i < _n; i++)
            {
                ulong p = (ulong)_w[i] * m + carry;
                _w[i] = (uint)p;
                carry = p >> 32;
            }
            if (carry != 0)
            {
                Grow(_n + 1);
                _w[_n++] = (uint)carry;
            }
        }

        public void AddSmall(uint a)
        {
            ulong carry = a;
            for (int i = 0; i < _n && carry != 0; i++)
            {
                ulong s = (ulong)_w[i] + carry;
                _w[i] = (uint)s;
                carry = s >> 32;
            }
            if (carry != 0)
            {
                Grow(_n + 1);
                _w[_n++] = (uint)carry;
            }
        }

        public void MulPow10(int e)
        {
            while (e >= 9) { MulSmall(1000000000); e -= 9; }
            if (e > 0)
            {
                uint p = 1;
                while (e-- > 0) p *= 10;
                MulSmall(p);
            }
        }

        public void MulPow5(int e)
        {
            while (e >= 13) { MulSmall(1220703125); e -= 13; }
            uint p = 1;
            while (e-- > 0) p *= 5;
            MulSmall(p);
        }

        public void ShiftLeft(int bits)
        {
            if (_n == 0 || bits == 0) return;
            int words = bits >> 5, b = bits & 31;
            Grow(_n + words + 1);
            if (b == 0)
            {
                for (int i = _n - 1; i >= 0; i--) _w[i + words] = _w[i];
            }
            else
            {
                _w[_n + words] = 0;
                for (int i = _n - 1; i >= 0; i--)
                {
                    _w[i + words + 1] |= _w[i] >> (32 - b);
                    _w[i + words] = _w[i] << b;
                }
            }
            for (int i = 0; i < words; i++) _w[i] = 0;
            _n += words + 1;
            Trim();
        }

        public void ShiftRight1()
        {
            for (int i = 0; i < _n; i++)
                _w[i] = _w[i] >> 1 | (i + 1 < _n ? _w[i + 1] << 31 : 0);
            Trim();
        }

        public static int Compare(BigNum a, BigNum b)
        {
            if (a._n != b._n) return a._n < b._n ? -1 : 1;
            for (int i = a._n - 1; i >= 0; i--)
                if (a._w[i] != b._w[i]) return a._w[i] < b._w[i] ? -1 : 1;
            return 0;
        }

        // a + b compared with c, without allocating.
        public static int CompareSum(BigNum a, BigNum b, BigNum c)
        {
            int n = a._n > b._n ? a._n : b._n;
            if (c._n > n + 1) return -1;
            // compute sum words on the fly from the top is awkward; do it with a temporary
            BigNum s = a.Clone();
            s.Add(b);
            return Compare(s, c);
        }

        public void Add(BigNum b)
        {
            int n = _n > b._n ? _n : b._n;
            Grow(n + 1);
            for (int i = _n; i <= n; i++) _w[i] = 0;
            ulong carry = 0;
            for (int i = 0; i < n; i++)
            {
                ulong s = (ulong)_w[i] + (i < b._n ? b._w[i] : 0u) + carry;
                _w[i] = (uint)s;
                carry = s >> 32;
            }
            _w[n] = (uint)carry;
            _n = n + 1;
            Trim();
        }

        // this -= b; requires this >= b.
        public void Sub(BigNum b)
        {
            long borrow = 0;
            for (int i = 0; i < _n; i++)
            {
                long d = (long)_w[i] - (i < b._n ? b._w[i] : 0u) - borrow;
                borrow = d < 0 ? 1 : 0;
                _w[i] = (uint)d;
            }
            Trim();
        }

        // Quotient of this / d when it is below 10 (the digit loop); this becomes the remainder.
        public uint DivSmallQuotient(BigNum d)
        {
            uint q = 0;
            while (Compare(this, d) >= 0)
            {
                Sub(d);
                q++;
            }
            return q;
        }

        // this /= d (d < 2^32); returns the remainder.
        public uint DivRemSmall(uint d)
        {
            ulong rem = 0;
            for (int i = _n - 1; i >= 0; i--)
            {
                ulong cur = rem << 32 | _w[i];
                _w[i] = (uint)(cur / d);
                rem = cur % d;
            }
            Trim();
            return (uint)rem;
        }

        public string ToDecimalString()
        {
            if (_n == 0) return "0";
            BigNum t = Clone();
            char[] buf = new char[_n * 10 + 10];
            int at = buf.Length;
            while (!t.IsZero)
            {
                uint chunk = t.DivRemSmall(1000000000);
                for (int i = 0; i < 9; i++)
                {
                    buf[--at] = (char)('0' + chunk % 10);
                    chunk /= 10;
                }
            }
            while (at < buf.Length - 1 && buf[at] == '0') at++;
            return new string(buf, at, buf.Length - at);
        }

        // The top 64 bits (value >> shift), and whether any bit below them is set.
        public ulong Top64(out int shift, out bool sticky)
        {
            int bits = BitLength;
            shift = bits > 64 ? bits - 64 : 0;
            sticky = false;
            ulong v = 0;
            for (int i = 63; i >= 0; i--)
            {
                int bit = shift + i;
                if (bit < bits && (_w[bit >> 5] >> (bit & 31) & 1) != 0) v |= 1UL << i;
            }
            for (int bit = 0; bit < shift && !sticky; bit++)
                if ((_w[bit >> 5] >> (bit & 31) & 1) != 0) sticky = true;
            return v;
        }
    }
}
