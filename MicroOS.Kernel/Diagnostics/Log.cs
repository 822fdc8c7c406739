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

        public static void WriteLine(string text)
        {
            Write(text);
            Write("\n");
        }

        public static string Hex(ulong value) => string.Concat("0x", value.ToString("X16"));
    }
}
