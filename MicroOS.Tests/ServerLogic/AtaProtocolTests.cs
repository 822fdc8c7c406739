using MicroOS.Servers.Ata;
using MicroOS.Shared.Contracts;
using Xunit;

namespace MicroOS.Tests.ServerLogic;

// The ata driver's pure logic (MicroOS.Servers/Ata/AtaProtocol.cs): IDENTIFY parsing, status
// decoding, the task file of a transfer, and the refusals made before the device is touched.
public sealed class AtaProtocolTests
{
    // An IDENTIFY DEVICE block as a drive returns it: little-endian words, the model's characters
    // swapped in pairs.
    private static byte[] Identify(string model, uint lba28Sectors, ulong lba48Sectors, bool lba = true, bool lba48 = true)
    {
        var words = new ushort[256];
        if (lba)
            words[49] = 1 << 9;
        words[60] = (ushort)lba28Sectors;
        words[61] = (ushort)(lba28Sectors >> 16);
        if (lba48)
            words[83] = 1 << 10;
        for (int i = 0; i < 4; i++)
            words[100 + i] = (ushort)(lba48Sectors >> (16 * i));
        string padded = model.PadRight(40);
        for (int i = 0; i < 20; i++)
            words[27 + i] = (ushort)(padded[2 * i] << 8 | padded[2 * i + 1]);
        var bytes = new byte[512];
        for (int i = 0; i < 256; i++)
        {
            bytes[2 * i] = (byte)words[i];
            bytes[2 * i + 1] = (byte)(words[i] >> 8);
        }
        return bytes;
    }

    [Fact]
    public void IdentifyGivesTheLba48SizeWhenTheDriveHasIt()
    {
        Assert.True(AtaProtocol.TryParseIdentify(Identify("QEMU HARDDISK", 0x0FFFFFFF, 419430400), out AtaIdentity id));
        Assert.Equal(419430400UL, id.Sectors);
        Assert.True(id.Lba48);
        Assert.Equal("QEMU HARDDISK", id.Model);
    }

    [Fact]
    public void IdentifyFallsBackToLba28WithoutLba48OrAnLba48Size()
    {
        Assert.True(AtaProtocol.TryParseIdentify(Identify("OLD DISK", 131072, 0, lba48: false), out AtaIdentity id));
        Assert.Equal((131072UL, false), (id.Sectors, id.Lba48));
        // Claims LBA48 but reports no 48-bit size: the LBA28 size, and no LBA48 commands.
        Assert.True(AtaProtocol.TryParseIdentify(Identify("ODD DISK", 2048, 0), out id));
        Assert.Equal((2048UL, false), (id.Sectors, id.Lba48));
    }

    [Fact]
    public void IdentifyRefusesADriveWithoutLbaOrSectorsOrAShortBlock()
    {
        Assert.False(AtaProtocol.TryParseIdentify(Identify("CHS ONLY", 131072, 0, lba: false, lba48: false), out _));
        Assert.False(AtaProtocol.TryParseIdentify(Identify("EMPTY", 0, 0, lba48: false), out _));
        Assert.False(AtaProtocol.TryParseIdentify(new byte[100], out _));
    }

    [Fact]
    public void TheModelIsTrimmedAndUnprintableBytesBecomeSpaces()
    {
        byte[] data = Identify("  WDC WD10EZEX-00BN5A0", 1, 0);
        Assert.Equal("WDC WD10EZEX-00BN5A0", AtaProtocol.Model(data));
        data[2 * 27 + 1] = 0x07;        // character 0 (word 27's high byte), a leading space: a bell now
        Assert.Equal("WDC WD10EZEX-00BN5A0", AtaProtocol.Model(data));
        data[2 * 30 + 1] = 0xC3;        // character 6, the second 'W': a byte past ASCII
        Assert.Equal("WDC  D10EZEX-00BN5A0", AtaProtocol.Model(data));
    }

    [Theory]
    [InlineData((byte)0x50, (BlockError)0)]                                       // DRDY, DSC: fine
    [InlineData((byte)0x58, (BlockError)0)]                                       // DRQ: data waiting
    [InlineData((byte)0x51, BlockError.DeviceError)]                  // ERR
    [InlineData((byte)0x71, BlockError.DeviceFault)]                  // DF and ERR: the fault wins
    [InlineData((byte)0x70, BlockError.DeviceFault)]
    public void StatusDecoding(byte status, BlockError expected) => Assert.Equal(expected, AtaProtocol.Decode(status));

    [Theory]
    [InlineData(0UL, 1UL, 0UL, (BlockError)0)]
    [InlineData(0UL, 256UL, 0UL, (BlockError)0)]                            // MaxSectors, the whole 128 KiB frame
    [InlineData(0UL, 0UL, 0UL, BlockError.OutOfRange)]          // no sectors
    [InlineData(0UL, 257UL, 0UL, BlockError.OutOfRange)]        // more than MaxSectors
    [InlineData(1000UL, 1UL, 0UL, BlockError.OutOfRange)]       // the first sector past the end
    [InlineData(999UL, 1UL, 0UL, (BlockError)0)]                            // the last sector
    [InlineData(999UL, 2UL, 0UL, BlockError.OutOfRange)]        // across the end
    [InlineData(ulong.MaxValue, 2UL, 0UL, BlockError.OutOfRange)] // lba + sectors overflows
    [InlineData(0UL, 1UL, 131072UL - 512, (BlockError)0)]                   // the frame's last sector
    [InlineData(0UL, 1UL, 131072UL - 511, BlockError.BadFrameRange)]
    [InlineData(0UL, 2UL, 131072UL - 512, BlockError.BadFrameRange)]
    [InlineData(0UL, 1UL, ulong.MaxValue, BlockError.BadFrameRange)] // offset + bytes overflows
    public void RequestsAreCheckedAgainstTheDiskAndTheFrame(ulong lba, ulong sectors, ulong offset, BlockError expected) =>
        Assert.Equal(expected, AtaProtocol.CheckRequest(lba, sectors, offset, diskSectors: 1000, frameBytes: 131072));

    [Fact]
    public void BelowTwoToThe28AReadIsAnLba28CommandWithLbaBits24To27InTheDeviceRegister()
    {
        Assert.True(AtaProtocol.Plan(0x0ABCDEF1, 256, write: false, deviceLba48: true, out AtaTransfer t));
        Assert.False(t.Lba48);
        Assert.Equal(AtaProtocol.ReadSectors, t.Command);
        Assert.Equal(0xE0 | 0x0A, t.Device);
        Assert.Equal((0xF1, 0xDE, 0xBC), (t.Lba0, t.Lba1, t.Lba2));
        Assert.Equal(0, t.CountLow);        // 256 sectors: count 0
        Assert.True(AtaProtocol.Plan(5, 1, write: true, deviceLba48: false, out t));
        Assert.Equal((AtaProtocol.WriteSectors, (byte)1), (t.Command, t.CountLow));
    }

    [Fact]
    public void ARangeReachingTwoToThe28IsAnLba48Command()
    {
        // The last LBA28 sector is 2^28 - 1, but as Linux's lba_28_ok a range must end below 2^28.
        Assert.True(AtaProtocol.Plan((1UL << 28) - 2, 4, write: false, deviceLba48: true, out AtaTransfer t));
        Assert.True(t.Lba48);
        Assert.Equal(AtaProtocol.ReadSectorsExt, t.Command);
        Assert.Equal(0x40, t.Device);
        Assert.Equal((0xFE, 0xFF, 0xFF, 0x0F, 0x00, 0x00), (t.Lba0, t.Lba1, t.Lba2, t.Lba3, t.Lba4, t.Lba5));
        Assert.Equal((4, 0), (t.CountLow, t.CountHigh));

        Assert.True(AtaProtocol.Plan(0x1234_5678_9ABCUL, 256, write: true, deviceLba48: true, out t));
        Assert.Equal(AtaProtocol.WriteSectorsExt, t.Command);
        Assert.Equal((0xBC, 0x9A, 0x78, 0x56, 0x34, 0x12), (t.Lba0, t.Lba1, t.Lba2, t.Lba3, t.Lba4, t.Lba5));
        Assert.Equal((0, 1), (t.CountLow, t.CountHigh));       // 256 = 0x0100

        Assert.False(AtaProtocol.Plan((1UL << 28) - 2, 4, write: false, deviceLba48: false, out _));
        Assert.False(AtaProtocol.Plan(0, 0, write: false, deviceLba48: true, out _));
        Assert.False(AtaProtocol.Plan(0, 257, write: false, deviceLba48: true, out _));
    }

    // IDENTIFY word 47: 0x80 in the high byte, the largest DRQ block in the low one; SET MULTIPLE
    // MODE takes a power of two up to it (at most 128), anything else is no multiple mode.
    [Theory]
    [InlineData(0x8010, 16)]        // QEMU's IDE
    [InlineData(0x8011, 16)]
    [InlineData(0x80FF, 128)]
    [InlineData(0x8001, 1)]
    [InlineData(0x8000, 0)]
    [InlineData(0x0010, 0)]         // no 0x80 marker
    public void MultipleModeIsTheLargestPowerOfTwoWord47Allows(int word47, int block) =>
        Assert.Equal(block, AtaProtocol.MultipleBlock((ushort)word47));

    [Fact]
    public void WithMultipleModeTransfersAreReadAndWriteMultiple()
    {
        Assert.True(AtaProtocol.Plan(100, 128, write: false, deviceLba48: true, out AtaTransfer t, multiple: true));
        Assert.Equal((AtaProtocol.ReadMultiple, 128, false), (t.Command, (int)t.CountLow, t.Lba48));
        Assert.True(AtaProtocol.Plan(100, 128, write: true, deviceLba48: true, out t, multiple: true));
        Assert.Equal(AtaProtocol.WriteMultiple, t.Command);
        Assert.True(AtaProtocol.Plan(1UL << 28, 8, write: false, deviceLba48: true, out t, multiple: true));
        Assert.Equal((AtaProtocol.ReadMultipleExt, true), (t.Command, t.Lba48));
        Assert.True(AtaProtocol.Plan(1UL << 28, 8, write: true, deviceLba48: true, out t, multiple: true));
        Assert.Equal(AtaProtocol.WriteMultipleExt, t.Command);
        Assert.Equal((byte)0xC4, AtaProtocol.ReadMultiple);
        Assert.Equal((byte)0x29, AtaProtocol.ReadMultipleExt);
        Assert.Equal((byte)0xC5, AtaProtocol.WriteMultiple);
        Assert.Equal((byte)0x39, AtaProtocol.WriteMultipleExt);
    }
}
