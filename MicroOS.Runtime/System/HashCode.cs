namespace System
{
    // Deterministic (MicroOS has no per-process random seed): equal inputs give equal codes, which is
    // all .NET promises; the values themselves differ from .NET's.
    public struct HashCode
    {
        private uint _h;
        private int _count;

        private static uint Mix(uint h, uint v) => (h ^ v) * 16777619u;

        public void Add<T>(T value) { _h = Mix(_count++ == 0 ? 2166136261u : _h, (uint)(value == null ? 0 : value.GetHashCode())); }
        public int ToHashCode() => (int)_h;

        public static int Combine<T1>(T1 a) { var h = new HashCode(); h.Add(a); return h.ToHashCode(); }
        public static int Combine<T1, T2>(T1 a, T2 b) { var h = new HashCode(); h.Add(a); h.Add(b); return h.ToHashCode(); }
        public static int Combine<T1, T2, T3>(T1 a, T2 b, T3 c) { var h = new HashCode(); h.Add(a); h.Add(b); h.Add(c); return h.ToHashCode(); }
        public static int Combine<T1, T2, T3, T4>(T1 a, T2 b, T3 c, T4 d) { var h = new HashCode(); h.Add(a); h.Add(b); h.Add(c); h.Add(d); return h.ToHashCode(); }

        public override int GetHashCode() => throw new NotSupportedException("HashCode.GetHashCode() is not supported; use ToHashCode().");
        public override bool Equals(object obj) => throw new NotSupportedException("HashCode.Equals() is not supported.");
    }
}
