using System;
using MicroOS.Shared.Contracts;

namespace MicroOS.Servers.Ata
{
    // What the ata driver decides without touching the device, kept apart so the host tests check
    // it as written (MicroOS.Tests/ServerLogic/AtaProtocolTests.cs): the IDENTIFY DEVICE block, the
    // status and error registers, which command and registers a transfer takes, and the refusals a
    // request meets before the device is touched. ATA/ATAPI-8 ACS (T13/1699-D) numbers the words.
    public struct AtaIdentity
    {
        public ulong Sectors;       // addressable 512-byte sectors
        public bool Lba48;          // 48-bit addressing (READ/WRITE SECTORS EXT, FLUSH CACHE EXT)
        public string Model;        // words 27..46, trimmed
        public int MultipleMax;     // word 47 bits 0..7: sectors per DRQ block READ/WRITE MULTIPLE may move (0: none)
    }

    // The task file of one PIO transfer: what goes to ports 1F2..1F7. For LBA48 the "previous" bytes
    // (count high, LBA bits 24..47) are written first, then the current ones.
    public struct AtaTransfer
    {
        public bool Lba48;
        public byte Command;
        public byte Device;             // 1F6: LBA mode (bit 6), master, and for LBA28 LBA bits 24..27
        public byte CountLow, CountHigh;
        public byte Lba0, Lba1, Lba2, Lba3, Lba4, Lba5;
    }

    public static class AtaProtocol
    {
        public const int SectorSize = BlockContract.SectorSize;

        // Status register (1F7, or 3F6 without acknowledging the interrupt).
        public const byte StatusBusy = 0x80, StatusReady = 0x40, StatusFault = 0x20, StatusDataRequest = 0x08, StatusError = 0x01;

        // Commands.
        public const byte ReadSectors = 0x20, ReadSectorsExt = 0x24, WriteSectors = 0x30, WriteSectorsExt = 0x34;
        public const byte FlushCache = 0xE7, FlushCacheExt = 0xEA, IdentifyDevice = 0xEC;
        // READ/WRITE MULTIPLE (EXT): one interrupt per DRQ block of the size SET MULTIPLE MODE chose,
        // not one per sector (QEMU's IDE also fetches a whole block per host read).
        public const byte ReadMultiple = 0xC4, ReadMultipleExt = 0x29, WriteMultiple = 0xC5, WriteMultipleExt = 0x39, SetMultipleMode = 0xC6;

        // Device register: bit 6 = LBA, bits 7 and 5 are obsolete and set by tradition; bit 4 = 0 master.
        public const byte DeviceMasterLba = 0xE0, DeviceMasterLba48 = 0x40;

        // LBA28 reaches sectors below 2^28 with at most 256 sectors per command (count 0 means 256).
        public const ulong Lba28Limit = 1UL << 28;

        // The IDENTIFY DEVICE data (256 little-endian words); false when it describes no usable disk
        // (no LBA, or no sectors): the driver then answers NoDevice.
        public static bool TryParseIdentify(ReadOnlySpan<byte> data, out AtaIdentity identity)
        {
            identity = default;
            if (data.Length < 512)
                return false;
            bool lba = (Word(data, 49) & (1 << 9)) != 0;
            ulong lba28 = Word(data, 60) | (ulong)Word(data, 61) << 16;
            bool lba48 = (Word(data, 83) & (1 << 10)) != 0;
            ulong lba48Sectors = Word(data, 100) | (ulong)Word(data, 101) << 16 | (ulong)Word(data, 102) << 32 | (ulong)Word(data, 103) << 48;
            identity.Lba48 = lba48 && lba48Sectors != 0;
            identity.Sectors = identity.Lba48 ? lba48Sectors : lba28;
            identity.Model = Model(data);
            identity.MultipleMax = MultipleBlock(Word(data, 47));
            return lba && identity.Sectors != 0;
        }

        // Word 47: bits 15..8 are 0x80 (ACS), bits 7..0 the largest DRQ block of READ/WRITE MULTIPLE.
        // SET MULTIPLE MODE takes a power of two up to that (ACS-2 allows only 1..128 by powers of
        // two); anything else, or no 0x80, is no multiple mode (0).
        public static int MultipleBlock(ushort word47)
        {
            if ((word47 >> 8) != 0x80)
                return 0;
            int max = word47 & 0xFF, block = 0;
            for (int b = 1; b <= 128 && b <= max; b <<= 1)
                block = b;
            return block;
        }

        // Words 27..46: 40 ASCII characters, each word's high byte first, padded with spaces.
        public static string Model(ReadOnlySpan<byte> data)
        {
            char[] chars = new char[40];
            for (int i = 0; i < 20; i++)
            {
                ushort w = Word(data, 27 + i);
                chars[2 * i] = Printable((byte)(w >> 8));
                chars[2 * i + 1] = Printable((byte)w);
            }
            int end = 40;
            while (end > 0 && chars[end - 1] == ' ')
                end--;
            int start = 0;
            while (start < end && chars[start] == ' ')
                start++;
            return new string(chars, start, end - start);
        }

        private static char Printable(byte b) => b >= 0x20 && b < 0x7F ? (char)b : ' ';

        private static ushort Word(ReadOnlySpan<byte> data, int index) => (ushort)(data[2 * index] | data[2 * index + 1] << 8);

        // After a command: 0 when neither DF nor ERR is set, else the error (a fault before an error:
        // DF says the device itself failed, and its error register means nothing then).
        public static BlockError Decode(byte status)
        {
            if ((status & StatusFault) != 0)
                return BlockError.DeviceFault;
            if ((status & StatusError) != 0)
                return BlockError.DeviceError;
            return 0;
        }

        // A Read or Write the driver may start: 0, or why not. Checked in this order: the count, the
        // disk's end, the frame's end (every sum is checked against overflow, since the words are the
        // client's).
        public static BlockError CheckRequest(ulong lba, ulong sectors, ulong offset, ulong diskSectors, ulong frameBytes)
        {
            if (sectors == 0 || sectors > BlockContract.MaxSectors)
                return BlockError.OutOfRange;
            if (lba >= diskSectors || sectors > diskSectors - lba)
                return BlockError.OutOfRange;
            ulong bytes = sectors * SectorSize;
            if (offset > frameBytes || bytes > frameBytes - offset)
                return BlockError.BadFrameRange;
            return 0;
        }

        // The task file for `sectors` (1..MaxSectors) at `lba`; false when the range needs LBA48 and
        // the device has none (CheckRequest has already kept requests inside the disk, so this is only
        // a disk whose IDENTIFY claims more than LBA28 reaches without LBA48).
        // `multiple`: READ/WRITE MULTIPLE (EXT), after a SET MULTIPLE MODE that succeeded.
        public static bool Plan(ulong lba, int sectors, bool write, bool deviceLba48, out AtaTransfer t, bool multiple = false)
        {
            t = default;
            if (sectors < 1 || sectors > BlockContract.MaxSectors)
                return false;
            // As Linux's lba_28_ok: the whole range below 2^28, at most 256 sectors.
            bool fits28 = lba + (ulong)sectors < Lba28Limit;
            if (!fits28 && !deviceLba48)
                return false;
            t.Lba48 = !fits28;
            t.Lba0 = (byte)lba;
            t.Lba1 = (byte)(lba >> 8);
            t.Lba2 = (byte)(lba >> 16);
            t.CountLow = (byte)sectors;             // 256 -> 0: "256" for LBA28; LBA48 carries the high byte
            if (t.Lba48)
            {
                t.Command = multiple ? (write ? WriteMultipleExt : ReadMultipleExt) : (write ? WriteSectorsExt : ReadSectorsExt);
                t.Device = DeviceMasterLba48;
                t.Lba3 = (byte)(lba >> 24);
                t.Lba4 = (byte)(lba >> 32);
                t.Lba5 = (byte)(lba >> 40);
                t.CountHigh = (byte)(sectors >> 8);
            }
            else
            {
                t.Command = multiple ? (write ? WriteMultiple : ReadMultiple) : (write ? WriteSectors : ReadSectors);
                t.Device = (byte)(DeviceMasterLba | (byte)((lba >> 24) & 0x0F));
            }
            return true;
        }
    }
}
