using System.Text;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The fat server (MicroOS.Servers/Fat) in QEMU over the ata driver, driven by the probe's `fat
// client` (FatProbe.cs, manifest section [fat-test]): it reads files the host put on the image
// (FNV-1a checksums equal the host's bytes), writes a file the host then reads back (fsck.fat -n
// clean after the client's Sync), and gets BadHandle for another session's or a forged handle.
// Without a disk, or with a disk that is not FAT, the server stays up and answers NotMounted with
// the reason; the system goes on.
public sealed class FatServerTests
{
    private readonly ITestOutputHelper _output;

    public FatServerTests(ITestOutputHelper output) => _output = output;

    private Dictionary<string, string> RunClient(string? disk, out List<string> log) =>
        StorageClient.Run(_output, "fat-test", "fat-client", disk, TimeSpan.FromSeconds(300), out log);

    private static string Sum(byte[] bytes) => $"{bytes.Length} fnv {StorageClient.Fnv(bytes)}";

    private static void Expect(Dictionary<string, string> r, string what, string result) => StorageClient.Expect(r, what, result);

    [Fact]
    public void TheServerReadsAndWritesAFat16DiskTheHostAgreesWith()
    {
        using FatImage image = FatImage.Create(fatBits: 16, sizeBytes: 32L << 20, sectorsPerCluster: 4);
        byte[] big = new byte[300_000];
        new Random(21).NextBytes(big);
        image.Put("/BIG.BIN", big);
        image.PutText("/HELLO.TXT", "Hello, fat server!\n");
        image.PutText("/Docs/A long name.txt", "a long name, through the fat server\n");

        Dictionary<string, string> r = RunClient(image.Path, out List<string> log);

        Assert.Contains(log, l => Regex.IsMatch(l, @"^\[fat\] fat: mounted FAT16 'MICROOS', \d+ clusters of 2048 bytes$"));
        Expect(r, "open before connect", "-74");            // BadHandle: no session
        Expect(r, "connect", "0");
        Expect(r, "connect again", "0");
        Expect(r, "read /HELLO.TXT", Sum(Encoding.UTF8.GetBytes("Hello, fat server!\n")));
        Expect(r, "read /Docs/A long name.txt", Sum(Encoding.UTF8.GetBytes("a long name, through the fat server\n")));
        Expect(r, "read /BIG.BIN", Sum(big));
        Expect(r, "read through another session's handle", "-74");
        Expect(r, "read through a forged handle", "-74");
        Expect(r, "read more than MaxData", "-79");         // InvalidArgument
        Expect(r, "write to a read-only handle", "-73");    // AccessDenied
        Expect(r, "close", "0");
        Expect(r, "close again", "-74");
        Expect(r, "mkdir /OUT", "0");
        Expect(r, "mkdir /OUT again", "-66");               // AlreadyExists
        Expect(r, "create /OUT/New File.txt", "0");
        Expect(r, "write /OUT/New File.txt", "10000");
        Expect(r, "flush", "0");
        Expect(r, "close written", "0");
        Expect(r, "stat /out/NEW FILE.TXT", "0 length 10000 attributes 32");
        byte[] written = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7 + i / 251)).ToArray();
        Expect(r, "read /OUT/new file.TXT", Sum(written));
        Expect(r, "list /OUT", "New File.txt");
        Expect(r, "rename", "0");
        Expect(r, "delete a directory", "-68");             // IsADirectory
        Expect(r, "rmdir a full directory", "-69");         // NotEmpty
        Expect(r, "delete a missing file", "-64");          // NotFound
        Expect(r, "open an empty path", "-70");             // InvalidPath
        Expect(r, "open a reserved name", "-70");
        Expect(r, "open above the root", "-70");
        Expect(r, "open a 300-character name", "-71");      // NameTooLong
        Expect(r, "open with a bad mode", "-79");
        Expect(r, "unknown label", "-48");                  // ContractError.BadMessage (the generated dispatcher)
        Expect(r, "list /", "BIG.BIN|Docs|OUT");
        Expect(r, "sync", "0");

        // QEMU has let go of the image: the host reads what the server wrote, and fsck finds it clean.
        Assert.Equal(written, image.Read("/OUT/New File.txt"));
        Assert.Equal("Hello, fat server!\n", image.ReadText("/OUT/hello again.txt"));
        image.AssertClean();
    }

    [Fact]
    public void WithoutADiskTheServerStaysUpAndSaysNoDisk()
    {
        Dictionary<string, string> r = RunClient(null, out List<string> log);
        Assert.Contains(log, l => l.StartsWith("[fat] fat: no disk", StringComparison.Ordinal));
        Expect(r, "volume", "-76 1 0 0");                   // NotMounted, NoDisk
        Expect(r, "connect", "0");
        Expect(r, "open when not mounted", "-76");
        Assert.DoesNotContain(log, l => ServerLog.Ended("fat").IsMatch(l));
    }

    [Fact]
    public void ADiskThatIsNotFatIsNotMountedAndSaysWhy()
    {
        using FatImage image = FatImage.Raw(8L << 20);
        Dictionary<string, string> r = RunClient(image.Path, out List<string> log);
        Assert.Contains("[fat] fat: not mounted: not a FAT volume (bad signature)", log);
        Expect(r, "volume", "-76 2 0 0");                   // NotMounted, BadSignature
        Expect(r, "open when not mounted", "-76");
    }

    // A malformed volume (a FAT whose root directory's chain loops) is refused at mount; the
    // server stays up and names the fault.
    [Fact]
    public void AMalformedVolumeIsRefusedAndTheSystemStaysUp()
    {
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 40L << 20, sectorsPerCluster: 1);
        byte[] boot = image.ReadSectors(0, 1);
        int reserved = BitConverter.ToUInt16(boot, 14);
        uint root = BitConverter.ToUInt32(boot, 44);
        byte[] fat = image.ReadSectors(reserved, 1);
        BitConverter.GetBytes(root).CopyTo(fat, (int)root * 4);      // the root's chain links to itself
        image.WriteSectors(reserved, fat);
        Dictionary<string, string> r = RunClient(image.Path, out List<string> log);
        Assert.Contains("[fat] fat: not mounted: a cluster chain loops", log);
        Expect(r, "volume", "-76 5 0 0");                   // NotMounted, ChainLoop
    }

    // A lying block device in ata's place (BlockLiar.cs, sections [fat-liar-*]): the driver is an
    // input to the filesystem. Random sectors are no FAT volume; a driver that answers more sectors
    // than were asked is not believed (the volume is refused as unreadable). Either way fat stays up
    // and answers its client (NotMounted, -76, and why in W1), and nothing dies.
    [Theory]
    [InlineData("garbage", "[fat] fat: not mounted: not a FAT volume (bad signature)", 2)]
    [InlineData("overlong", "[fat] fat: not mounted: no disk", 1)]
    public void AVolumeFromALyingDeviceIsRefusedAndFatStaysUp(string lie, string mountLine, int why)
    {
        Dictionary<string, string> r = StorageClient.Run(_output, $"fat-liar-{lie}", "fat-client", null, TimeSpan.FromSeconds(120), out List<string> log);
        Assert.Contains($"[block-liar] block-liar: {lie} ready", log);
        Assert.Contains(mountLine, log);
        Assert.StartsWith($"-76 {why} ", r["volume"]);
        Expect(r, "connect", "0");
        Expect(r, "open when not mounted", "-76");
        Assert.DoesNotContain(log, l => l.StartsWith("process fat ", StringComparison.Ordinal));
    }

    // A sound FAT16 boot sector on an empty volume, then, from the first cache flush on, every
    // request a DeviceError: the client's operations get FsError.DeviceError (-78) answers, in time
    // (the client reaches its end), and fat and the kernel stay up.
    [Fact]
    public void ADeviceThatStartsFailingGivesErrorAnswersNotAHang()
    {
        Dictionary<string, string> r = StorageClient.Run(_output, "fat-liar-fat16", "fat-client", null, TimeSpan.FromSeconds(120), out List<string> log);
        Assert.Contains(log, l => l.StartsWith("[fat] fat: mounted FAT16 ", StringComparison.Ordinal));
        Expect(r, "connect", "0");
        Expect(r, "mkdir /OUT", "0");
        Expect(r, "sync", "-78");
        Assert.DoesNotContain(log, l => l.StartsWith("process fat ", StringComparison.Ordinal));
    }
}
