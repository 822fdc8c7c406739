using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // A block device that lies, registered in the fat server's place of `ata` (the test manifest's
    // [fat-liar-*] sections; MicroOS.Tests/Boot/FatServerTests.cs): the filesystem and the driver
    // are inputs to each other, so the fat server must survive a driver that answers nonsense, and
    // still answer its own clients. `block-liar MODE`, serving IBlock (its generated dispatcher) on
    // the endpoint fat calls as `ata`:
    //   garbage   every sector read is pseudo-random bytes (no boot signature)
    //   overlong  every Read answers more sectors than were asked
    //   fat16     a sound FAT16 boot sector, zeros elsewhere (an empty volume), writes accepted,
    //             until the first Flush: from then on every request is DeviceError
    // Attach maps the lent frame, as the real driver does, so the lies land where fat reads.
    internal sealed unsafe class BlockLiar : IBlock
    {
        private const ulong FrameAt = FrameCap.WindowBase;
        private const ulong DiskSectors = 65536;      // 32 MiB

        private static string s_mode;
        private static ulong s_frameBytes;
        private static int s_frameSlot;
        private static bool s_failing;
        private static ulong s_random = 0x9E3779B97F4A7C15UL;

        public static int Run(string[] args)
        {
            s_mode = args.Length > 1 ? args[1] : "garbage";
            Sys.Write(string.Concat("block-liar: ", s_mode, " ready"));
            return Server.Serve("block-liar", new IBlock.Dispatcher(new BlockLiar()), endpoint: "ata");
        }

        public long Identify(out ulong sectorSize, out ulong flags, out string model)
        {
            sectorSize = BlockContract.SectorSize;
            flags = 0;
            model = "LIAR";
            return (long)DiskSectors;
        }

        public long Read(ulong lba, ulong sectors, ulong offset) => Error(s_failing ? (long)BlockError.DeviceError : ReadLie(lba, sectors, offset));

        public long Write(ulong lba, ulong sectors, ulong offset) => Error(s_failing ? (long)BlockError.DeviceError : (long)sectors);

        public long Flush()
        {
            long result = s_failing || s_mode == "fat16" ? (long)BlockError.DeviceError : 0;
            s_failing = s_mode == "fat16";
            return Error(result);
        }

        // Every error says 0x40 in its detail (as a device's error register might).
        private static long Error(long result)
        {
            if (result < 0)
                ErrorDetail.Reply = 0x40;
            return result;
        }

        public long Attach(ulong bytes, FrameCap frame)
        {
            if (frame.Slot == 0)
                return Error((long)BlockError.BadFrameRange);
            if (s_frameBytes != 0)
            {
                FrameCap.Unmap(FrameAt);
                Caps.FreeSlot(s_frameSlot);
                s_frameBytes = 0;
            }
            if (frame.Map(FrameAt, writable: true) != 0)
            {
                Caps.FreeSlot(frame.Slot);
                return Error((long)BlockError.BadFrameRange);
            }
            s_frameSlot = frame.Slot;
            s_frameBytes = bytes;
            return 0;
        }

        // The lie, written where the client's frame says; the sector count the mode answers.
        private static long ReadLie(ulong lba, ulong sectors, ulong offset)
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
