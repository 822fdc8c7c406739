using System;

namespace MicroOS.Kernel.Boot
{
    // Little-endian field readers for the boot-time parsers (multiboot2, ELF). Callers check bounds
    // first; these only assemble bytes. Pure logic, host-tested through its callers.
    public static class LittleEndian
    {
        public static ushort U16(ReadOnlySpan<byte> b, int at) => (ushort)(b[at] | b[at + 1] << 8);

        public static uint U32(ReadOnlySpan<byte> b, int at) =>
            (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

        public static ulong U64(ReadOnlySpan<byte> b, int at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;
    }
}
