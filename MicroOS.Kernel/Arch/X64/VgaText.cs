namespace MicroOS.Kernel.Arch.X64
{
    // The 80x25 VGA text screen at physical 0xB8000, reached through the physmap. Scrolls.
    internal static unsafe class VgaText
    {
        private const int Columns = 80;
        private const int Rows = 25;
        public const ulong BufferPhysical = 0xB8000;
        private static ushort* s_buffer;
        private static int s_row;
        private static int s_column;
        private static byte s_attribute = 0x07;
        private static bool s_handedOver;

        // A ring-3 console owns the screen (FrameSyscalls.Map); a panic takes it back.
        public static void HandOver() => s_handedOver = true;
        public static void TakeBack() => s_handedOver = false;

        public static void Initialize()
        {
            s_buffer = (ushort*)Memory.PhysMap.ToVirtual(BufferPhysical);
            for (int i = 0; i < Columns * Rows; i++)
                s_buffer[i] = (ushort)(s_attribute << 8 | ' ');
            s_row = 0;
            s_column = 0;
        }

        public static void SetColor(byte foreground, byte background) => s_attribute = (byte)(background << 4 | foreground);

        public static void Write(char c)
        {
            if (s_buffer == null || s_handedOver)
                return;
            if (c == '\n')
            {
                NewLine();
                return;
            }
            s_buffer[s_row * Columns + s_column] = (ushort)(s_attribute << 8 | (c < 0x80 ? c : '?'));
            if (++s_column == Columns)
                NewLine();
        }

        private static void NewLine()
        {
            s_column = 0;
            if (++s_row < Rows)
                return;
            for (int i = 0; i < Columns * (Rows - 1); i++)
                s_buffer[i] = s_buffer[i + Columns];
            for (int i = Columns * (Rows - 1); i < Columns * Rows; i++)
                s_buffer[i] = (ushort)(s_attribute << 8 | ' ');
            s_row = Rows - 1;
        }
    }
}
