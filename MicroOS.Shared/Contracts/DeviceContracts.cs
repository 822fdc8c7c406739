namespace MicroOS.Shared.Contracts
{
    // The device drivers behind the console (issue 8). Each driver signals the console's input
    // notification (its own badge) when it has input, and the console collects it with Read, so a
    // driver never calls the console and never blocks on it.

    // The serial line driver (COM1, 0x3F8, IRQ 4; docs/console.md).
    //   Write(payload bytes) -> W0 = bytes sent
    //   Read                 -> payload: the bytes received since the last Read (0..MaxRead); W0 = bytes lost to a full buffer so far
    public static class SerialLineContract
    {
        public const uint Write = 1;
        public const uint Read = 2;
        public const int MaxRead = 1024;
    }

    // The PS/2 keyboard driver (ports 0x60/0x64, IRQ 1).
    //   Read -> payload: the key events since the last Read, 3 bytes each: kind (KeyKind), char, ctrl (0/1)
    public static class KeyboardContract
    {
        public const uint Read = 1;
        public const int EventBytes = 3;
        public const int MaxEvents = 256;
    }

    // Badges of the console's input notification (boot manifest `ntfn:coninput:w:BADGE`).
    public static class ConsoleInput
    {
        public const ulong SerialBadge = 1;
        public const ulong KeyboardBadge = 2;
    }
}
