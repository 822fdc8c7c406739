using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // The right to start one boot manifest entry as a new process (process_start, in
    // ProcessCapSyscalls). Granted by the manifest (`spawn:NAME`, InitialCaps) — the seed of what
    // Init will hold for every server it starts.
    internal sealed class BootImage : KernelObject
    {
        public const int ChargeBytes = 64;
        private static readonly ObjectPool<BootImage> s_pool = new ObjectPool<BootImage>(256);

        public ManifestEntry Entry;

        public override CapType Type => CapType.BootImage;

        public static BootImage Create(Process owner, ManifestEntry entry)
        {
            if (!s_pool.CanTake)
                return null;
            BootImage b = s_pool.TakeFree() ?? new BootImage();
            b.Begin(owner, ChargeBytes);
            b.Entry = entry;
            return b;
        }

        protected override bool OnDestroy()
        {
            Entry = null;
            return true;
        }

        public void Release() => s_pool.Free(this);
    }
}
