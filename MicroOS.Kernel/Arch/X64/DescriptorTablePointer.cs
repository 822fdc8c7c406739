using System.Runtime.InteropServices;

namespace MicroOS.Kernel.Arch.X64
{
    // The 10-byte operand of lgdt and lidt: table size minus one, then its linear address.
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    internal struct DescriptorTablePointer
    {
        public ushort Limit;
        public ulong Base;
    }
}
