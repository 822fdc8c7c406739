using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // A range of I/O ports [First, First + Count), granted by the boot manifest (`io:3f8+8`). The
    // holder reaches them through the checked io_port_read / io_port_write syscalls
    // (HardwareSyscalls), or, after io_port_enable, with plain `in`/`out` through the TSS I/O
    // permission bitmap (IoPortGrant.cs). Without that, an `in`/`out` instruction faults
    // (docs/capabilities.md explains and measures both).
    internal sealed class IoPortRange : KernelObject
    {

        public ushort First;
        public int Count;
        public IoPortGrant Grants;      // processes that enabled it (io_port_enable); they end with it

        public override CapType Type => CapType.IoPortRange;

        public static IoPortRange Create(Process owner, ushort first, int count)
        {
            var r = (IoPortRange)ProcessObjects.Of(owner).Arena.Take(ProcessObjects.Of(owner), CapType.IoPortRange);
            if (r == null)
                return null;
            r.Begin(owner, 0);
            r.First = first;
            r.Count = count;
            r.Grants = null;
            return r;
        }

        // [port, port + width) lies inside the range.
        // (Written so that no sum can wrap around: port and width come from ring 3.)
        public bool Contains(ulong port, ulong width) => port >= First && port < (ulong)First + (ulong)Count && width <= (ulong)First + (ulong)Count - port;

        protected override bool OnDestroy()
        {
            IoPortGrant.RangeDestroyed(this);
            return true;
        }
    }
}
