using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // process_kill, process_inspect, process_set_fault_endpoint: what the holder of a Process cap can
    // do. The dispatcher decoded the cap in rdi (and its liveness: a dead process is ObjectGone).
    internal static unsafe class ProcessCapSyscalls
    {
        public static long Kill(SyscallFrame* f, CapSlot cap)
        {
            ProcessManager.Kill((Process)cap.Object, "by the holder of its process capability");
            return 0;
        }

        public static long Inspect(SyscallFrame* f, CapSlot cap)
        {
            var p = (Process)cap.Object;
            f->Arg0 = (ulong)p.State;
            f->Arg1 = p.Space.OwnedFrames;
            return p.Id;
        }

        public static long SetFaultEndpoint(SyscallFrame* f, CapSlot cap)
        {
            var p = (Process)cap.Object;
            long e = Invocation.Lookup(f->Arg1, CapType.Endpoint, CapRights.Write, out CapSlot endpoint);
            if (e != 0)
                return e;
            ProcessObjects objects = ProcessObjects.Of(p);
            var ep = (Endpoint)endpoint.Object;
            objects.FaultEndpoint = ep;
            objects.FaultGeneration = ep.Generation;
            objects.FaultBadge = endpoint.Badge != 0 ? endpoint.Badge : (ulong)p.Id;
            return 0;
        }
    }
}
