namespace MicroOS.Shared.Abi
{
    // Where the kernel puts Init's initial capabilities (MicroOS.Kernel/Objects/InitCaps.cs makes
    // them; Init reads them): Init has no manifest line of its own, so these fixed slots are its
    // `caps=`. Every other server finds its capabilities by name (Caps.Endpoint("names")).
    public static class InitSlots
    {
        public const int Manifest = 1;              // the boot manifest's module, a read-only Frame
        public const int Trace = 3;                 // the IPC trace ring (read, write): `trace:rw`
        public const int Self = 11;                 // Init's own Process (read): `proc:init`
        public const int FirstImage = 17;           // a BootImage per boot module, in `images=` order
        public const int FirstFree = 64;            // Init's own objects from here
        public const int Scratch = 127;

        // The device capabilities, as a manifest line names them: kind, first port / IRQ line /
        // physical address, count; and the slot.
        public static readonly (string Kind, ulong Base, ulong Count, int Slot)[] Devices =
        {
            ("io", 0x3F8, 8, 2), ("io", 0x60, 1, 4), ("io", 0x64, 1, 5), ("irq", 1, 0, 6), ("irq", 3, 0, 7), ("irq", 4, 0, 8),
            ("mmio", 0xB8000, 1, 9), ("io", 0x3D4, 2, 10), ("io", 0x1F0, 8, 12), ("io", 0x3F6, 1, 13), ("irq", 14, 0, 14),
            ("io", 0x70, 2, 15), ("irq", 8, 0, 16),
        };
    }
}
