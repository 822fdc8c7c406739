using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Syscalls;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // Faults as messages. Called by ProcessManager.KillCurrentForFault (a CPU exception in ring 3):
    // if the process has a live fault endpoint, the faulting thread makes a Call on it with label
    // KernelLabels.Fault and mr0 = vector, mr1 = rip, mr2 = address (cr2 for #PF), mr3 = error code,
    // badged with the fault endpoint's badge. The handler decides: a reply resumes the thread (the
    // instruction runs again), process_kill on its Process cap ends it. If the handler or endpoint
    // is gone, the process is killed as without one.
    internal static unsafe class FaultMessages
    {
        // True: the handler replied, retry the instruction. False: kill the process as usual.
        public static bool TryDeliver(InterruptFrame* frame)
        {
            Thread current = Scheduler.Current;
            ProcessObjects objects = current.Process.Objects;
            if (objects == null || !objects.HasFaultEndpoint)
                return false;
            ThreadIpc me = ThreadIpc.Of(current);
            if (me.Wait != IpcWait.None)
                return false;
            fixed (SyscallFrame* f = &me.FaultFrame)
                me.Frame = f;
            me.Tag = new MessageTag(((ulong)KernelLabels.Fault << 32)).Value;
            me.Mr0 = frame->Vector;
            me.Mr1 = frame->Rip;
            me.Mr2 = frame->Vector == 14 ? Cpu.ReadCr2() : 0;
            me.Mr3 = frame->ErrorCode;
            me.CapToSend = null;
            Log.Write("process ");
            Log.Write(current.Process.Name);
            Log.Write(" (pid ");
            Log.WriteDecimal(current.Process.Id);
            Log.Write(") fault ");
            Log.Write(FaultReport.NameOf(frame->Vector));
            Log.Write(" sent to its fault endpoint\n");
            long result = objects.FaultEndpoint.Send(me, objects.FaultBadge, call: true, block: true);
            return result == 0;
        }
    }
}
