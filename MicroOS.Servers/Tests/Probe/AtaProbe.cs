using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The ata driver's boot tests (MicroOS.Tests/Boot/AtaTests.cs), started by Init from the test
    // manifest's [ata-test] section: `ata client`. Slots: 1 = ata with badge 7 (and g: it may lend a
    // frame), 2 = ata with badge 9 (g), 3 = ata with badge 11 without g, 4 = the supervisor (which
    // watches ata here: the restart check). One line per check,
    // "ata-client: WHAT -> RESULT"; checksums are FNV-1a 64 of the bytes (AtaTests computes the same
    // over the image file). The script adapts to the disk it finds (none, small, past LBA28). Calls
    // go through IBlock's generated client (the three `ata` caps differ only in badge, so they are
    // reached by slot); the unknown label is built by hand, as no generated client can send one.
    internal static unsafe class AtaProbe
    {
        private const ulong BlockFrameAt = FrameCap.WindowBase;                 // AtaBlockDevice's 128 KiB
        private const ulong SecondFrameAt = FrameCap.WindowBase + 0x100000;    // badge 9's 8 KiB
        private const int SecondFrameBytes = 8192;
        public const int WriteSectors = 256;

        public static int Run(string[] args)
        {
            Server.Begin("ata-client");
            var seven = new IBlock.Client(new Endpoint(1));
            var nine = new IBlock.Client(new Endpoint(2));
            var eleven = new IBlock.Client(new Endpoint(3));
            int blockFrameSlot = Caps.NewSlot(), secondFrameSlot = Caps.NewSlot(), smallFrameSlot = Caps.NewSlot(), tinyFrameSlot = Caps.NewSlot();

            // Before any Attach, and the malformed Attaches.
            Say("read before attach", seven.Read(0, 1, 0));
            Say("attach without a frame", seven.Attach(4096, default));
            Caps.CreateFrame(tinyFrameSlot, 1);
            Say("attach claiming 8192 bytes of a 4096-byte frame", seven.Attach(8192, new FrameCap(tinyFrameSlot)));
            Say("attach claiming 0 bytes", seven.Attach(0, new FrameCap(tinyFrameSlot)));
            Say("attach an endpoint as the frame", seven.Attach(4096, new FrameCap(2)));
            Say("attach through a cap without grant", eleven.Attach(4096, new FrameCap(tinyFrameSlot)));
            var unknown = new Message(77);
            long u = seven.Endpoint.Call(ref unknown);
            Say("unknown label", u < 0 ? u : (long)unknown.W0);

            var disk = new AtaBlockDevice(seven.Endpoint, blockFrameSlot, BlockFrameAt);
            long opened = disk.Open();
            if (opened < 0)
            {
                Say("open", opened);
                Say("identify", nine.Identify(out _, out _, out _));
                Say("read", nine.Read(0, 1, 0));
                Say("write", nine.Write(0, 1, 0));
                Say("flush", nine.Flush());
                Sys.Write("ata-client: done");
                return 0;
            }
            long sectors = disk.SectorCount;
            Sys.Write(string.Concat("ata-client: identify -> sectors ", sectors.ToString(), " lba48 ", disk.Lba48 ? "1" : "0", " model '", disk.Model, "'"));

            byte[] buffer = new byte[BlockContract.MaxSectors * 512];
            ReadAndSum(disk, buffer, 0, 1);
            ReadAndSum(disk, buffer, 0, BlockContract.MaxSectors);
            ReadAndSum(disk, buffer, 1, 7);
            ReadAndSum(disk, buffer, sectors - 1, 1);
            if (sectors > (1L << 28) + 8)
            {
                ReadAndSum(disk, buffer, (1L << 28) - 2, 4);    // across the LBA28 limit: LBA48 commands
                ReadAndSum(disk, buffer, sectors - BlockContract.MaxSectors, BlockContract.MaxSectors);
            }
            // 600 sectors: three requests through AtaBlockDevice (256 + 256 + 88).
            byte[] big = new byte[600 * 512];
            long r = disk.Read(0, 600, big);
            Sys.Write(string.Concat("ata-client: read 0 600 -> ", r.ToString(), " fnv ", Fnv(big, big.Length).ToString()));

            // Writes: a pattern the host recomputes (AtaTests.Pattern), then read back here too.
            long at = sectors - 300;
            Fill(buffer, at, WriteSectors);
            r = disk.Write(at, WriteSectors, buffer);
            Array.Clear(buffer, 0, buffer.Length);
            long back = disk.Read(at, WriteSectors, buffer);
            Sys.Write(string.Concat("ata-client: write ", at.ToString(), " ", WriteSectors.ToString(), " -> ", r.ToString(),
                "; read back -> ", back.ToString(), " fnv ", Fnv(buffer, WriteSectors * 512).ToString()));
            Fill(buffer, sectors - 1, 1);
            r = disk.Write(sectors - 1, 1, new ReadOnlySpan<byte>(buffer, 0, 512));
            Sys.Write(string.Concat("ata-client: write ", (sectors - 1).ToString(), " 1 -> ", r.ToString()));
            Say("flush", disk.Flush());

            // Refusals, through badge 9's own 8 KiB frame.
            Caps.CreateFrame(secondFrameSlot, SecondFrameBytes / 4096);
            new FrameCap(secondFrameSlot).Map(SecondFrameAt, true);
            Say("badge 9 attach", nine.Attach(SecondFrameBytes, new FrameCap(secondFrameSlot)));
            ulong s = (ulong)sectors;
            Say("read past the end", nine.Read(s, 1, 0));
            Say("read across the end", nine.Read(s - 1, 2, 0));
            Say("read at lba 2^64-1", nine.Read(ulong.MaxValue, 1, 0));
            Say("read 0 sectors", nine.Read(0, 0, 0));
            Say("read 257 sectors", nine.Read(0, BlockContract.MaxSectors + 1, 0));
            Say("write past the end", nine.Write(s, 1, 0));
            Say("read 1 at offset 7681", nine.Read(0, 1, SecondFrameBytes - 511));
            Say("read 1 at offset 8192", nine.Read(0, 1, SecondFrameBytes));
            Say("read 1 at offset 2^63", nine.Read(0, 1, 1UL << 63));
            Say("read 17 at offset 0", nine.Read(0, 17, 0));
            Say("read 16 at offset 0", ReadAll(nine, 0, 16, 0));
            Say("read 1 at offset 7680", nine.Read(0, 1, SecondFrameBytes - 512));
            Sys.Write(string.Concat("ata-client: badge 9 frame at 7680 fnv ", Fnv((byte*)SecondFrameAt + SecondFrameBytes - 512, 512).ToString()));
            // A new Attach replaces the badge's frame: 4 KiB now, so 7680 is outside.
            Caps.CreateFrame(smallFrameSlot, 1);
            Say("badge 9 attach a smaller frame", nine.Attach(4096, new FrameCap(smallFrameSlot)));
            Say("read 1 at offset 7680 after", nine.Read(0, 1, SecondFrameBytes - 512));
            Say("badge 11 read (never attached)", eleven.Read(0, 1, 0));

            // The driver crashes and the supervisor has it restarted: it knows no frame any more.
            // AtaBlockDevice attaches again by itself; a raw client gets NotAttached until it does.
            Say("crash ata", CrashAta());
            Array.Clear(buffer, 0, buffer.Length);
            r = disk.Read(0, 1, new Span<byte>(buffer, 0, 512));
            Sys.Write(string.Concat("ata-client: read 0 1 after the driver's restart -> ", r.ToString(), " fnv ", Fnv(buffer, 512).ToString()));
            Say("badge 9 read after the restart", nine.Read(0, 1, 0));
            Sys.Write("ata-client: done");
            return 0;
        }

        // SupervisorContract.Crash of `ata` (null dereference); NotRunning while it is not in its
        // receive loop yet: asked again.
        private static long CrashAta()
        {
            var supervisor = new ISupervisor.Client(new Endpoint(4));
            for (int tries = 0; ; tries++)
            {
                long result = supervisor.Crash(CrashKind.Null, "ata");
                if (result != (long)SupervisorError.NotRunning || tries == 500)
                    return result;
                Sys.Sleep(10);
            }
        }

        private static void ReadAndSum(AtaBlockDevice disk, byte[] buffer, long lba, int count)
        {
            long r = disk.Read(lba, count, new Span<byte>(buffer, 0, count * 512));
            Sys.Write(string.Concat("ata-client: read ", lba.ToString(), " ", count.ToString(), " -> ", r.ToString(), " fnv ", Fnv(buffer, count * 512).ToString()));
        }

        // Byte j of the sector at lba: the host's AtaTests.Pattern.
        private static void Fill(byte[] buffer, long lba, int count)
        {
            for (int k = 0; k < count; k++)
                for (int j = 0; j < 512; j++)
                    buffer[k * 512 + j] = (byte)((lba + k) * 31 + j * 7 + 0x5A);
        }

        private static ulong Fnv(byte[] bytes, int length)
        {
            fixed (byte* p = bytes)
                return Fnv(p, length);
        }

        private static ulong Fnv(byte* bytes, int length)
        {
            ulong h = 14695981039346656037UL;
            for (int i = 0; i < length; i++)
            {
                h ^= bytes[i];
                h *= 1099511628211UL;
            }
            return h;
        }

        // A Read the driver may answer in parts (its time budget): asked again for the rest.
        private static long ReadAll(IBlock.Client ata, ulong lba, ulong sectors, ulong offset)
        {
            ulong done = 0;
            while (done < sectors)
            {
                long r = ata.Read(lba + done, sectors - done, offset + done * 512);
                if (r <= 0)
                    return r;
                done += (ulong)r;
            }
            return (long)done;
        }

        private static void Say(string what, long result) => Sys.Write(string.Concat("ata-client: ", what, " -> ", result.ToString()));
    }
}
