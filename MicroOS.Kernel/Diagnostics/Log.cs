using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Diagnostics
{
    // The kernel log: every line goes to COM1 (what tests read) and to the VGA screen.
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
    }
}
