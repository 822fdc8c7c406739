using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // A block device that lies, registered in the fat server's place of `ata` (the test manifest's
    // [fat-liar-*] sections; MicroOS.Tests/Boot/FatServerTests.cs): the filesystem and the driver
    // are inputs to each other, so the fat server must survive a driver that answers nonsense, and
    // still answer its own clients. `block-liar MODE`, slot 1 = the endpoint fat calls as `ata`:
    //   garbage   every sector read is pseudo-random bytes (no boot signature)
    //   overlong  every Read answers more sectors than were asked
    //   fat16     a sound FAT16 boot sector, zeros elsewhere (an empty volume), writes accepted,
    //             until the first Flush: from then on every request is DeviceError
    // Attach maps the lent frame, as the real driver does, so the lies land where fat reads.
    internal static unsafe class BlockLiar
    {
        private const int EndpointSlot = 1, ReceiveSlot = 30, FrameSlot = 20;
        private const ulong FrameAt = FrameCap.WindowBase;
        private const ulong DiskSectors = 65536;      // 32 MiB

        private static string s_mode;
        private static ulong s_frameBytes;
        private static bool s_failing;
        private static ulong s_random = 0x9E3779B97F4A7C15UL;

        public static int Run(string[] args)
        {
            s_mode = args.Length > 1 ? args[1] : "garbage";
            Ipc.SetBuffer((byte*)Sys.MapMemory(4096), ReceiveSlot);
            Sys.Write(string.Concat("block-liar: ", s_mode, " ready"));
            long r = ServerLoop.Run(new Endpoint(EndpointSlot), Handle);
            Sys.Write(string.Concat("block-liar: receive -> ", r.ToString()));
            return 1;
        }

        private static void Handle(ref Message m)
        {
            uint label = m.Label;
            bool cap = m.Tag.CapCount > 0;
            long result;
            switch (label)
            {
                case BlockContract.Attach:
                    result = cap ? Attach(m.W0) : (long)BlockError.BadFrameRange;
                    break;
                case BlockContract.Identify:
                    m = new Message(label, DiskSectors, (ulong)BlockContract.SectorSize, 0);
                    return;
                case BlockContract.Read:
                    result = s_failing ? (long)BlockError.DeviceError : Read(m.W0, m.W1, m.W2);
                    break;
                case BlockContract.Write:
                    result = s_failing ? (long)BlockError.DeviceError : (long)m.W1;
                    break;
                case BlockContract.Flush:
                    result = s_failing || s_mode == "fat16" ? (long)BlockError.DeviceError : 0;
                    s_failing = s_mode == "fat16";
                    break;
                default:
                    if (cap)
                        Caps.Delete(ReceiveSlot);
                    result = (long)BlockError.BadRequest;
                    break;
            }
            m = new Message(label, unchecked((ulong)result), 0x40);
        }

        private static long Attach(ulong bytes)
        {
            if (s_frameBytes != 0)
            {
                FrameCap.Unmap(FrameAt);
                Caps.Delete(FrameSlot);
                s_frameBytes = 0;
            }
            long e = Caps.Move(ReceiveSlot, FrameSlot);
            if (e == 0)
                e = new FrameCap(FrameSlot).Map(FrameAt, writable: true);
            if (e != 0)
            {
                Caps.Delete(ReceiveSlot);
                Caps.Delete(FrameSlot);
                return (long)BlockError.BadFrameRange;
            }
            s_frameBytes = bytes;
            return 0;
        }

        // The lie, written where the client's frame says; the sector count the mode answers.
        private static long Read(ulong lba, ulong sectors, ulong offset)
        {
            if (s_frameBytes == 0)
                return (long)BlockError.NotAttached;
            if (sectors == 0 || sectors > BlockContract.MaxSectors || offset > s_frameBytes || sectors * 512 > s_frameBytes - offset)
                return (long)BlockError.BadFrameRange;
            byte* p = (byte*)FrameAt + offset;
            for (ulong i = 0; i < sectors * 512; i++)
            {
                if (s_mode == "fat16")
                    p[i] = 0;
                else
                {
                    s_random ^= s_random << 13;
                    s_random ^= s_random >> 7;
                    s_random ^= s_random << 17;
                    p[i] = (byte)s_random;
                }
            }
            if (s_mode == "fat16" && lba == 0)
                BootSector(p);
            return s_mode == "overlong" ? (long)sectors + 5 : (long)sectors;
        }

        // FAT16: 512-byte sectors, 4 per cluster, 1 reserved, 2 FATs of 64 sectors, 512 root
        // entries, 65,536 sectors: (65536 - 1 - 128 - 32) / 4 = 16,343 clusters.
        private static void BootSector(byte* p)
        {
            p[0] = 0xEB; p[1] = 0x3C; p[2] = 0x90;
            for (int i = 0; i < 8; i++)
                p[3 + i] = (byte)"MSWIN4.1"[i];
            p[11] = 0x00; p[12] = 0x02;         // bytes per sector 512
            p[13] = 4;                          // sectors per cluster
            p[14] = 1; p[15] = 0;               // reserved sectors
            p[16] = 2;                          // FATs
            p[17] = 0x00; p[18] = 0x02;         // root entries 512
            p[19] = 0; p[20] = 0;               // 16-bit total: 0, the 32-bit one counts
            p[21] = 0xF8;                       // media
            p[22] = 64; p[23] = 0;              // sectors per FAT
            p[24] = 63; p[26] = 255;            // geometry, unused
            p[32] = 0x00; p[33] = 0x00; p[34] = 0x01; p[35] = 0x00;    // 65,536 sectors
            p[38] = 0x29;                       // extended boot signature
            for (int i = 0; i < 11; i++)
                p[43 + i] = (byte)"LIAR       "[i];
            for (int i = 0; i < 8; i++)
                p[54 + i] = (byte)"FAT16   "[i];
            p[510] = 0x55; p[511] = 0xAA;
        }
    }
}
