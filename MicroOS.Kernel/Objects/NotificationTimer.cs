using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Tasks;

namespace MicroOS.Kernel.Objects
{
    // notification_signal_after (syscall 53): a one-shot timer that signals a notification. Called by
    // NotificationSyscalls.SignalAfter (arm, cancel), Scheduler.OnTimerTick (fire), Notification.OnDestroy
    // and ProcessObjects.OnProcessEnd (cancel).
    //
    // What must stay true:
    // - A timer is part of its notification (the Timer* fields), never an object of its own: arming
    //   allocates nothing, so no process can drain a pool of timers; the notification itself is
    //   charged to its owner. One timer per notification: a new call replaces the pending one (its
    //   deadline and bits), 0 ms cancels it.
    // - The armed notifications form one list sorted by deadline (intrusive, through TimerNext and
    //   TimerPrev), so a tick with nothing due costs one comparison.
    // - A timer never outlives what it names or who set it: the notification's death and the arming
    //   process's end both take it off the list, so a recycled notification is never signalled by
    //   a timer set on its previous life.
    // - Runs with interrupts off (syscalls and the tick), on one CPU: no locking.
    internal static class NotificationTimer
    {
        private static Notification s_head;

        // The longest delay (as sleep's): a day.
        public const ulong MaxMilliseconds = 24UL * 3600 * 1000;

        // At least `milliseconds` from now: the tick in progress may be nearly over, so one more.
        public static ulong DeadlineAfter(ulong milliseconds) =>
            Scheduler.Ticks + (milliseconds * Pit.HertzRate + 999) / 1000 + 1;

        public static void Arm(Notification n, ulong deadline, ulong bits, Process by)
        {
            Cancel(n);
            n.TimerDeadline = deadline;
            n.TimerBits = bits;
            n.TimerArmedBy = by;
            n.TimerArmed = true;
            // After every timer due no later: timers with one deadline fire in the order they were set.
            Notification previous = null, next = s_head;
            while (next != null && next.TimerDeadline <= deadline)
            {
                previous = next;
                next = next.TimerNext;
            }
            n.TimerPrev = previous;
            n.TimerNext = next;
            if (next != null)
                next.TimerPrev = n;
            if (previous != null)
                previous.TimerNext = n;
            else
                s_head = n;
        }

        public static void Cancel(Notification n)
        {
            if (!n.TimerArmed)
                return;
            if (n.TimerPrev != null)
                n.TimerPrev.TimerNext = n.TimerNext;
            else
                s_head = n.TimerNext;
            if (n.TimerNext != null)
                n.TimerNext.TimerPrev = n.TimerPrev;
            n.TimerNext = null;
            n.TimerPrev = null;
            n.TimerArmedBy = null;
            n.TimerArmed = false;
        }

        // The process ends: the timers it set go with it (whoever owns the notifications).
        public static void CancelArmedBy(Process p)
        {
            Notification n = s_head;
            while (n != null)
            {
                Notification next = n.TimerNext;
                if (n.TimerArmedBy == p)
                    Cancel(n);
                n = next;
            }
        }

        public static void OnTick(ulong now)
        {
            Notification n;
            while ((n = s_head) != null && n.TimerDeadline <= now)
            {
                ulong bits = n.TimerBits;
                Cancel(n);
                n.Signal(bits);
            }
        }
    }
}
