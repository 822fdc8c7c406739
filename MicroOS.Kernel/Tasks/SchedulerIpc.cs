using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Tasks
{
    // The scheduler's entry points for IPC (Objects/Endpoint.cs, Notification.cs): a thread blocks
    // in an IPC wait, is woken by its partner, or hands the CPU straight to its partner.
    internal static unsafe partial class Scheduler
    {
        // The current thread waits for a partner; it runs again after Wake (or a direct switch).
        public static void Block()
        {
            Hot.Current.State = ThreadState.Blocked;
            Schedule();
        }

        // A blocked thread becomes ready (an IPC partner or an interrupt delivered to it).
        public static void Wake(Thread thread)
        {
            if (thread.State == ThreadState.Blocked)
                MakeReady(thread);
        }

        // The IPC fast path: the current thread blocks and `next` (blocked until now, its message
        // already delivered) runs at once, without passing through the ready queues. Its quantum
        // starts afresh, as after any switch.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SwitchDirect(Thread next)
        {
            Hot.Current.State = ThreadState.Blocked;
            fixed (ulong* save = &Hot.Current.SavedRsp)
                SwitchTo(next, save);
        }
    }
}
