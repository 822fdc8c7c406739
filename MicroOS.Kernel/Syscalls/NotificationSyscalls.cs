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

        public static long Bind(SyscallFrame* f, CapSlot cap) =>
            ((Notification)cap.Object).Bind(ThreadIpc.Of(Scheduler.Current));
    }
}
