using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // process_start, process_kill, process_inspect, process_set_fault_endpoint: what the holder of a Process cap can
    // do. The dispatcher decoded the cap in rdi (and its liveness: a dead process is ObjectGone).
    internal static unsafe class ProcessCapSyscalls
    {
        public static long Kill(SyscallFrame* f, CapSlot cap)
        {
            ProcessManager.Kill((Process)cap.Object, "by the holder of its process capability");
            return 0;
        }

        // process_start(image cap, dst): the manifest entry the cap names becomes a process (with the
        // entry's memory limit, priority, arguments and initial caps); the caller gets its Process cap.
        public static long Start(SyscallFrame* f, CapSlot cap)
        {
            long e = Invocation.Destination(f->Arg1, out ProcessObjects objects, out CapSlot destination);
            if (e != 0)
                return e;
            Process p = ServerStartup.StartEntry(((BootImage)cap.Object).Entry);
            if (p == null)
                return (long)SyscallError.OutOfMemory;
            objects.Caps.InsertOriginal(destination, CapType.Process, CapRights.All, 0, p, (ulong)p.Id);
            return p.Id;
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
