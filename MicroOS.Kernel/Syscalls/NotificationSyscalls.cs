using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // notification_signal, _wait, _poll, _bind. The dispatcher decoded the notification cap in rdi.
    internal static unsafe class NotificationSyscalls
    {
        public static long Signal(SyscallFrame* f)
        {
            CapSlot cap = Invocation.Cap;
            ((Notification)cap.Object).Signal(cap.Badge != 0 ? cap.Badge : 1);
            return 0;
        }

        public static long Wait(SyscallFrame* f) => WaitCommon(f, block: true);

        public static long Poll(SyscallFrame* f) => WaitCommon(f, block: false);

        private static long WaitCommon(SyscallFrame* f, bool block)
        {
            ThreadIpc me = ThreadIpc.Of(Scheduler.Current);
            me.Frame = f;
            return ((Notification)Invocation.Cap.Object).Wait(me, block);
        }

        public static long Bind(SyscallFrame* f) =>
            ((Notification)Invocation.Cap.Object).Bind(ThreadIpc.Of(Scheduler.Current));
    }
}
