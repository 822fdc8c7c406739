namespace MicroOS.Kernel.Arch.X64
{
    // QEMU's fw_cfg device, legacy I/O interface: select a key on port 0x510, read bytes on 0x511.
    // Boot tests pass a per-test kernel command line as the file "opt/microos/cmdline"
    // (qemu -fw_cfg name=opt/microos/cmdline,string=...), so one ISO serves every test.
    internal static class FwCfg
    {
        private const ushort SelectorPort = 0x510;
        private const ushort DataPort = 0x511;
        private const ushort SignatureKey = 0x0000;
        private const ushort FileDirectoryKey = 0x0019;

        public static bool Present()
        {
            Cpu.OutW(SelectorPort, SignatureKey);
            return Cpu.InB(DataPort) == 'Q' && Cpu.InB(DataPort) == 'E' && Cpu.InB(DataPort) == 'M' && Cpu.InB(DataPort) == 'U';
        }

        // Returns the file's contents as text, or null when QEMU is absent or has no such file.
        public static string ReadFile(string name)
        {
            if (!Present())
                return null;
            Cpu.OutW(SelectorPort, FileDirectoryKey);
            uint count = ReadBigEndian32();
            for (uint i = 0; i < count; i++)
            {
                // Directory entry: be32 size, be16 select, u16 reserved, char name[56].
                uint size = ReadBigEndian32();
                ushort select = (ushort)(Cpu.InB(DataPort) << 8 | Cpu.InB(DataPort));
                Cpu.InB(DataPort);
                Cpu.InB(DataPort);
                bool match = true;
                for (int c = 0; c < 56; c++)
                {
                    byte b = Cpu.InB(DataPort);
                    char expected = c < name.Length ? name[c] : '\0';
                    if (b != expected)
                        match = false;
                }
                if (match)
                    return ReadText(select, size);
            }
            return null;
        }

        private static string ReadText(ushort select, uint size)
        {
            if (size > 4096)
                size = 4096;
            Cpu.OutW(SelectorPort, select);
            char[] text = new char[size];
            int length = 0;
            for (uint i = 0; i < size; i++)
            {
                byte b = Cpu.InB(DataPort);
                if (b == 0)
                    break;
                text[length++] = (char)b;
            }
            return new string(text, 0, length);
        }

        private static uint ReadBigEndian32()
        {
            uint v = 0;
            for (int i = 0; i < 4; i++)
                v = v << 8 | Cpu.InB(DataPort);
            return v;
        }
    }
}
