using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // notification_signal, _wait, _poll, _bind. The dispatcher decoded the notification cap in rdi.
    internal static unsafe class NotificationSyscalls
    {
        public static long Signal(SyscallFrame* f, CapSlot cap)
        {
            // Traced with the bits signalled as the label.
            if (Diagnostics.IpcTrace.On)
                Diagnostics.IpcTrace.Message(IpcTraceKind.Signal, ThreadIpc.Of(Scheduler.Current), null, (KernelObject)cap.Object,
                                             (cap.Badge != 0 ? cap.Badge : 1) << 32, 0, false);
            ((Notification)cap.Object).Signal(cap.Badge != 0 ? cap.Badge : 1);
            return 0;
        }

        public static long Wait(SyscallFrame* f, CapSlot cap) => WaitCommon(f, cap, block: true);

        public static long Poll(SyscallFrame* f, CapSlot cap) => WaitCommon(f, cap, block: false);

        private static long WaitCommon(SyscallFrame* f, CapSlot cap, bool block)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            me.Frame = f;
            return ((Notification)cap.Object).Wait(me, block);
        }

        // notification_signal_after(cap, milliseconds, bits): after at least that long the notification
        // is signalled with bits (NotificationTimer.cs). Replaces the notification's pending timer;
        // 0 ms cancels it (bits unused).
        public static long SignalAfter(SyscallFrame* f, CapSlot cap)
        {
            ulong ms = f->Arg1, bits = f->Arg2;
            var n = (Notification)cap.Object;
            if (ms == 0)
            {
                NotificationTimer.Cancel(n);
                return 0;
            }
            if (bits == 0 || ms > NotificationTimer.MaxMilliseconds)
                return (long)SyscallError.InvalidArgument;
            NotificationTimer.Arm(n, NotificationTimer.DeadlineAfter(ms), bits, Scheduler.Current.Process);
            return 0;
        }

        public static long Bind(SyscallFrame* f, CapSlot cap) =>
            ((Notification)cap.Object).Bind(ThreadIpc.Of(Scheduler.Current));
    }
}
