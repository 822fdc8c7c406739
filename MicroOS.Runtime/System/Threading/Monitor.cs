namespace System.Threading
{
    // Servers are single-threaded: `lock` needs only reentrant counting, and an unbalanced Exit throws
    // SynchronizationLockException as .NET does. Counts live in a small table keyed by the object.
    public static class Monitor
    {
        private static object[] s_owners = new object[8];
        private static int[] s_counts = new int[8];

        public static void Enter(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            int free = -1;
            for (int i = 0; i < s_owners.Length; i++)
            {
                if (s_owners[i] == obj) { s_counts[i]++; return; }
                if (s_owners[i] == null && free < 0) free = i;
            }
            if (free < 0)
            {
                free = s_owners.Length;
                Array.Resize(ref s_owners, free * 2);
                Array.Resize(ref s_counts, free * 2);
            }
            s_owners[free] = obj;
            s_counts[free] = 1;
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            Enter(obj);
            lockTaken = true;
        }

        public static bool TryEnter(object obj) { Enter(obj); return true; }

        public static void Exit(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            for (int i = 0; i < s_owners.Length; i++)
            {
                if (s_owners[i] == obj)
                {
                    if (--s_counts[i] == 0) s_owners[i] = null;
                    return;
                }
            }
            throw new SynchronizationLockException();
        }

        public static bool IsEntered(object obj)
        {
            for (int i = 0; i < s_owners.Length; i++)
                if (s_owners[i] == obj) return true;
            return false;
        }
    }

    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException() : base("Object synchronization method was called from an unsynchronized block of code.") { }
        public override string TypeName => "System.Threading.SynchronizationLockException";
    }
}
