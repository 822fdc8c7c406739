namespace MicroOS.Shared.Abi
{
    // Syscall arguments packed into one register, written once for the kernel and the user library.

    // process_create's fourth argument: the text's length (bits 0..15), the memory limit in KiB
    // (16..47), reserved bits that must be 0 (48..62), and high priority (63).
    public static class ProcessCreateArgs
    {
        public static ulong Pack(int length, ulong memoryKiB, bool high) =>
            (ulong)(uint)length | memoryKiB << 16 | (high ? 1UL << 63 : 0);   // unmasked: too large a value shows as an error

        public static int Length(ulong packed) => (int)(packed & 0xFFFF);
        public static ulong MemoryKiB(ulong packed) => (packed >> 16) & 0xFFFF_FFFF;
        public static bool High(ulong packed) => (packed >> 63) != 0;
        public static bool ReservedClear(ulong packed) => ((packed >> 48) & 0x7FFF) == 0;
    }

    // cap_transfer's fourth argument: the rights (bits 0..7), and Lend: the capability itself moves
    // and comes back when the receiving process ends.
    public static class CapTransferArgs
    {
        public const ulong Lend = 0x100;
    }
}
