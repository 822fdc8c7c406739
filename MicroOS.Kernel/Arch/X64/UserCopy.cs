using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // C# names for UserCopy.asm. Only Syscalls/UserSpan.cs calls these; everything else in the
    // kernel reaches user memory through UserSpan.
    internal static unsafe class UserCopy
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_copy_from_user")] public static extern long FromUser(void* kernelDestination, ulong userSource, ulong length);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_copy_to_user")] public static extern long ToUser(ulong userDestination, void* kernelSource, ulong length);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_user_copy_range")] private static extern void Range(ulong* begin, ulong* end, ulong* fault);

        private static ulong s_begin, s_end, s_fault;

        public static void Initialize()
        {
            ulong begin, end, fault;
            Range(&begin, &end, &fault);
            s_begin = begin;
            s_end = end;
            s_fault = fault;
        }

        // A ring-0 #PF at `rip`: if it is inside a copy routine, returns where to resume (the routine
        // then returns -1); otherwise 0, and the fault is a kernel bug.
        public static ulong FixupFor(ulong rip) => rip >= s_begin && rip < s_fault ? s_fault : 0;
    }
}
