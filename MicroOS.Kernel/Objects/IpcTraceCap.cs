using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // The right to see and steer the kernel's IPC trace ring (Diagnostics/IpcTrace.cs): Read for
    // trace_read, Write for trace_control (Syscalls/TraceSyscalls.cs). There is one ring; this object
    // only stands for access to it, like an I/O port range stands for its ports. Made by the
    // kernel for Init (InitCaps: slot InitSlots.Trace), which hands it to the one server whose
    // manifest line says `trace:rw` (the shell, in [system]); made directly for a test entry with
    // `trace:` in its caps= (InitialCaps). Everyone else gets InvalidCapability / WrongType.
    internal sealed class IpcTraceCap : KernelObject
    {
        public override CapType Type => CapType.Trace;

        public static IpcTraceCap Create(Process owner)
        {
            var t = (IpcTraceCap)ProcessObjects.Of(owner).Arena.Take(ProcessObjects.Of(owner), CapType.Trace);
            t?.Begin(owner, 0);
            return t;
        }

        protected override bool OnDestroy() => true;
    }
}
