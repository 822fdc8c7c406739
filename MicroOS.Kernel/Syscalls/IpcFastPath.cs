using System.Runtime.CompilerServices;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // The IPC fast path (seL4's fastpath in spirit). Called by SyscallDispatcher before the table for
    // endpoint_call and endpoint_reply_recv; NotFast sends the syscall down the general path (the
    // table row, Invocation's decode, EndpointSyscalls, Endpoint), which gives the same results,
    // only slower. The kernel option `ipcslow` turns the fast path off (the boot tests compare).
    //
    // Decode, then perform: every condition is checked first, with nothing changed, and the
    // perform (Endpoint.CallFast / ReplyReceiveFast) cannot fail. The fast case:
    // - a register-only message (no payload, no capability), from a thread with IPC state;
    // - the capability in rdi passes every check the general decode makes (Invocation.cs): in the
    //   table, an Endpoint, live (its generation), with the rights the table's row requires (read
    //   from the row at boot, so they are declared once) -- a failing decode is the slow path's to
    //   report, with its error code;
    // - Call: a receiver already waits on the endpoint and has no unanswered caller;
    //   ReplyRecv: its caller still waits for the reply, no sender is queued and no bound
    //   notification has bits pending.
    // Priority is not a condition: the general path hands the CPU straight to the partner too.
    internal static unsafe class IpcFastPath
    {
        public const long NotFast = long.MinValue;
        private const ulong PayloadAndCapBits = MessageTag.PayloadAndCapBits;

        // In a class without a static constructor: no initialisation check on the hot path.
        private static bool s_enabled;
        private static bool s_wanted;       // enabled at boot (not ipcslow, not irqoff)
        private static CapRights s_callRights, s_replyRecvRights;

        public static bool Enabled => s_enabled;

        // Calls and ReplyRecvs the fast path declined (counted by the dispatcher, off the fast path):
        // reported when every process has ended, so the tests see which path a run took.
        public static ulong GeneralPathCount;

        // KernelMain, after SyscallTable.Verify: the rights come from the table's rows (the spec's).
        // Off (ipcslow, irqoff) it reads nothing.
        public static void Initialize(bool enabled)
        {
            s_enabled = false;
            s_wanted = false;
            if (!enabled)
                return;
            ref SyscallTable.Row call = ref SyscallTable.Rows[(int)Syscall.EndpointCall];
            ref SyscallTable.Row replyRecv = ref SyscallTable.Rows[(int)Syscall.EndpointReplyRecv];
            if (call.Object != CapType.Endpoint || replyRecv.Object != CapType.Endpoint)
                Panic.Halt("syscall table: the IPC fast path's rows do not name an endpoint", QemuExitCode.Panic);
            s_callRights = call.Requires;
            s_replyRecvRights = replyRecv.Requires;
            s_wanted = enabled;
            s_enabled = enabled && !Diagnostics.IpcTrace.On;
        }

        // While the IPC trace records (Diagnostics/IpcTrace.cs) every Call and ReplyRecv takes the
        // general path, whose hooks record: so tracing off adds nothing to this path at all.
        public static void SetTracing(bool tracing) => s_enabled = s_wanted && !tracing;

        public static long Call(SyscallFrame* f)
        {
            Thread current = Scheduler.Current;
            ThreadIpc me = current.Ipc;
            if (!s_enabled || me == null || (f->Arg1 & PayloadAndCapBits) != 0)
                return NotFast;
            CapSlot cap = DecodeEndpoint(current, f->Arg0, s_callRights);
            if (cap == null)
                return NotFast;
            Endpoint endpoint = Unsafe.As<Endpoint>(cap.Object);
            ThreadIpc receiver = Unsafe.As<ThreadIpc>(endpoint.Queue.FirstReceiver);
            if (receiver == null || receiver.ReplyTo != null)
                return NotFast;
            current.Process.MessagesSent++;
            long result = endpoint.CallFast(me, receiver, f, cap.Badge);
            if (Preemption.Pending)
                Scheduler.Yield();
            return result;
        }

        public static long ReplyRecv(SyscallFrame* f)
        {
            Thread current = Scheduler.Current;
            ThreadIpc me = current.Ipc;
            if (!s_enabled || me == null || (f->Arg1 & PayloadAndCapBits) != 0)
                return NotFast;
            CapSlot cap = DecodeEndpoint(current, f->Arg0, s_replyRecvRights);
            if (cap == null)
                return NotFast;
            Endpoint endpoint = Unsafe.As<Endpoint>(cap.Object);
            ThreadIpc caller = me.ReplyTo;
            if (caller == null || caller.Wait != IpcWait.Reply || caller.Thread.Id != me.ReplyToId
                || endpoint.Queue.State == EndpointState.Sending || (me.Bound != null && me.Bound.Bits != 0))
                return NotFast;
            long result = endpoint.ReplyReceiveFast(me, caller, f);
            // Counted by the receiver as it resumes, as on the general path (EndpointSyscalls.Received).
            if (result == 0)
                current.Process.MessagesReceived++;
            if (Preemption.Pending)
                Scheduler.Yield();
            return result;
        }

        // The general decode (Invocation.Decode), inlined with the type a constant: the same checks
        // (slot in the table and not empty, type, rights, liveness by generation).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static CapSlot DecodeEndpoint(Thread current, ulong slot, CapRights requires) =>
            Invocation.Decode(current.Process.Objects, slot, CapType.Endpoint, requires);
    }
}
