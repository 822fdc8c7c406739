namespace MicroOS.Kernel.Memory
{
    // The boot stub maps the first 4 GiB of physical memory at PhysMapBase (2 MiB pages), so the
    // kernel reaches any physical address below 4 GiB as PhysMapBase + address.
    internal static unsafe class PhysMap
    {
        public const ulong PhysMapBase = 0xFFFF800000000000;
        public const ulong MappedLimit = 4UL << 30;
        public const ulong KernelVirtualBase = 0xFFFFFFFF80000000;

        public static void* ToVirtual(ulong physical) => (void*)(PhysMapBase + physical);

        public static ulong ToPhysical(void* virtualAddress) => (ulong)virtualAddress - PhysMapBase;

        public static ulong KernelToPhysical(ulong kernelVirtual) => kernelVirtual - KernelVirtualBase;
    }
}
