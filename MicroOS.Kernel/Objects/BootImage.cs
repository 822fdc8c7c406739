using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Manifest;

namespace MicroOS.Kernel.Objects
{
    // The right to start one boot manifest entry as a new process (process_start, in
    // ProcessCapSyscalls). Granted by the manifest (`spawn:NAME`, InitialCaps) — the seed of what
    // Init will hold for every server it starts.
    internal sealed class BootImage : KernelObject
    {

        public ManifestEntry Entry;
        // Or a whole boot module (Init's caps): process_create names the process and its limits.
        public ulong ModuleStart, ModuleEnd;

        public override CapType Type => CapType.BootImage;

        public static BootImage Create(Process owner, ManifestEntry entry)
        {
            var b = (BootImage)ProcessObjects.Of(owner).Arena.Take(ProcessObjects.Of(owner), CapType.BootImage);
            if (b == null)
                return null;
            b.Begin(owner, 0);
            b.Entry = entry;
            b.ModuleStart = b.ModuleEnd = 0;
            return b;
        }

        public static BootImage CreateForModule(Process owner, ulong start, ulong end)
        {
            BootImage b = Create(owner, null);
            if (b != null)
            {
                b.ModuleStart = start;
                b.ModuleEnd = end;
            }
            return b;
        }

        protected override bool OnDestroy()
        {
            Entry = null;
            return true;
        }
    }
}
