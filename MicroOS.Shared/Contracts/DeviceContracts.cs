using MicroOS.Shared.Input;

namespace MicroOS.Shared.Contracts
{
    // The device drivers behind the console (issue 8). Each driver signals the console's input
    // notification (its own badge) when it has input, and the console collects it with Read, so a
    // driver never calls the console and never blocks on it.

    // The serial line driver (COM1, 0x3F8, IRQ 4; docs/console.md).
    //   Write -> the bytes sent
    //   Read  -> the bytes lost to a full buffer so far, and the bytes received since the last Read (0..MaxRead)
    [Contract]
    public partial interface ISerialLine
    {
        long Write(System.ReadOnlySpan<byte> bytes);
        long Read(out byte[] bytes);
    }

    public static class SerialLineContract
    {
        public const int MaxRead = 1024;
    }

    // The PS/2 keyboard driver (ports 0x60/0x64, IRQ 1).
    //   Read -> 0 and the key events since the last Read (at most MaxEvents)
    [Contract]
    public partial interface IKeyboard
    {
        long Read(out KeyEvent[] events);
    }

    public static class KeyboardContract
    {
        public const int MaxEvents = 256;
    }

    // Badges of the console's input notification (boot manifest `ntfn:coninput:w:BADGE`).
    public static class ConsoleInput
    {
        public const ulong SerialBadge = 1;
        public const ulong KeyboardBadge = 2;
    }
}
