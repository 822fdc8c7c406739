using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Diagnostics
{
    // The kernel log: every line goes to COM2 (what tests read) and to the VGA screen.
    internal static class Log
    {
        public static void Write(string text)
        {
            if (text == null)
                return;
            for (int i = 0; i < text.Length; i++)
            {
                Serial.Write(text[i]);
                VgaText.Write(text[i]);
            }
        }

        // Untrusted bytes (from a server): printable ASCII passes, anything else shows as '?'.
        public static void WriteAscii(System.ReadOnlySpan<byte> bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                char c = bytes[i] >= 0x20 && bytes[i] < 0x7F ? (char)bytes[i] : '?';
                Serial.Write(c);
                VgaText.Write(c);
            }
        }

        public static void WriteLine(string text)
        {
            Write(text);
            Write("\n");
        }

        public static string Hex(ulong value) => string.Concat("0x", value.ToString("X16"));

        // Numbers written digit by digit: paths that run once per process (start, exit, kill) must
        // not allocate, because the kernel heap is never collected.
        public static void WriteDecimal(long value)
        {
            if (value < 0)
            {
                Write("-");
                WriteDecimal((ulong)(-(value + 1)) + 1);
            }
            else
            {
                WriteDecimal((ulong)value);
            }
        }

        public static void WriteDecimal(ulong value)
        {
            ulong divisor = 1;
            while (value / divisor >= 10)
                divisor *= 10;
            for (; divisor > 0; divisor /= 10)
                WriteChar((char)('0' + (int)(value / divisor % 10)));
        }

        public static void WriteHex(ulong value)
        {
            Write("0x");
            for (int shift = 60; shift >= 0; shift -= 4)
                WriteChar("0123456789ABCDEF"[(int)((value >> shift) & 0xF)]);
        }

        private static void WriteChar(char c)
        {
            Serial.Write(c);
            VgaText.Write(c);
        }
    }
}
