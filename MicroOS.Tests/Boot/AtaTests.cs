using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The ata driver (MicroOS.Servers/Ata) against disks QEMU attaches as the IDE primary master, with
// the host's image file as the oracle: the test client (the probe's `ata client`, AtaProbe.cs,
// manifest section [ata-test]) prints what it read as FNV-1a checksums, which must equal the image's
// bytes; what it wrote must be in the image file once QEMU has let go of it. Plus the refusals of
// BlockContract, a disk past LBA28 (LBA48 commands), no disk at all, and `crash ata` in the system.
public sealed class AtaTests
{
    private const int Written = 256;        // AtaProbe.WriteSectors

    private readonly ITestOutputHelper _output;

    public AtaTests(ITestOutputHelper output) => _output = output;

    // Boots the client against `disk` and returns its lines, what -> result, once it says done.
    private Dictionary<string, string> RunClient(string? disk, out List<string> log) =>
        StorageClient.Run(_output, "ata-test", "ata-client", disk, TimeSpan.FromSeconds(180), out log);

    private static ulong Fnv(ReadOnlySpan<byte> bytes) => StorageClient.Fnv(bytes);

    // The bytes the client writes at `lba` (AtaProbe.Fill).
    internal static byte[] Pattern(long lba, int count)
    {
        var bytes = new byte[count * 512];
        for (int k = 0; k < count; k++)
            for (int j = 0; j < 512; j++)
                bytes[k * 512 + j] = (byte)((lba + k) * 31 + j * 7 + 0x5A);
        return bytes;
    }

    private static string ReadResult(FatImage image, long lba, int count) => $"{count} fnv {Fnv(image.ReadSectors(lba, count))}";

    // What every disk must answer the same way: the frame and request checks.
    private static void AssertRefusals(Dictionary<string, string> r)
    {
        var expected = new Dictionary<string, string>
        {
            ["read before attach"] = "-33",                         // NotAttached
            ["attach without a frame"] = "-34",                     // BadFrameRange
            ["attach claiming 8192 bytes of a 4096-byte frame"] = "-34",
            ["attach claiming 0 bytes"] = "-34",
            ["attach an endpoint as the frame"] = "-34",
            ["attach through a cap without grant"] = "-7",          // the kernel: MissingRight
            ["unknown label"] = "-48",                              // ContractError.BadMessage (the generated dispatcher)
            ["badge 9 attach"] = "0",
            ["read past the end"] = "-35",                          // OutOfRange
            ["read across the end"] = "-35",
            ["read at lba 2^64-1"] = "-35",
            ["read 0 sectors"] = "-35",
            ["read 257 sectors"] = "-35",
            ["write past the end"] = "-35",
            ["read 1 at offset 7681"] = "-34",                      // the 8 KiB frame's end
            ["read 1 at offset 8192"] = "-34",
            ["read 1 at offset 2^63"] = "-34",
            ["read 17 at offset 0"] = "-34",
            ["read 16 at offset 0"] = "16",
            ["read 1 at offset 7680"] = "1",
            ["badge 9 attach a smaller frame"] = "0",
            ["read 1 at offset 7680 after"] = "-34",               // the new 4 KiB frame replaced it
            ["badge 11 read (never attached)"] = "-33",
            ["flush"] = "0",
        };
        foreach ((string what, string result) in expected)
        {
            Assert.True(r.ContainsKey(what), $"the client did not report '{what}'");
            Assert.True(result == r[what], $"{what}: expected {result}, got {r[what]}");
        }
    }

    [Fact]
    public void TheDriverReadsWhatTheHostWroteAndTheHostReadsWhatItWrote()
    {
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 64L << 20);
        var random = new Random(13);
        var file = new byte[300_000];
        random.NextBytes(file);
        image.Put("/DATA.BIN", file);
        image.PutText("/DOCS/A long file name.txt", "read by the ata driver\n");
        long sectors = image.Length / 512;
        var before = new Dictionary<string, string>
        {
            ["read 0 1"] = ReadResult(image, 0, 1),
            ["read 0 256"] = ReadResult(image, 0, 256),
            ["read 1 7"] = ReadResult(image, 1, 7),
            [$"read {sectors - 1} 1"] = ReadResult(image, sectors - 1, 1),
            ["read 0 600"] = ReadResult(image, 0, 600),
        };

        Dictionary<string, string> r = RunClient(image.Path, out List<string> log);

        Assert.Contains($"[ata] ata: primary master: {sectors} sectors ({sectors / 2048} MiB), LBA48, 16 sectors per interrupt, model 'QEMU HARDDISK'", log);
        Assert.Contains($"[ata-client] ata-client: identify -> sectors {sectors} lba48 1 model 'QEMU HARDDISK'", log);
        foreach ((string what, string result) in before)
            Assert.True(r.TryGetValue(what, out string? got) && got == result, $"{what}: the image says {result}, the driver read {got ?? "nothing"}");
        AssertRefusals(r);

        // The writes, read back in the guest and then in the image file.
        long at = sectors - 300;
        Assert.Equal($"{Written}; read back -> {Written} fnv {Fnv(Pattern(at, Written))}", r[$"write {at} {Written}"]);
        Assert.Equal("1", r[$"write {sectors - 1} 1"]);
        Assert.Equal(Pattern(at, Written), image.ReadSectors(at, Written));
        Assert.Equal(Pattern(sectors - 1, 1), image.ReadSectors(sectors - 1, 1));
        // After `crash ata` (the supervisor restarts it): AtaBlockDevice attaches again by itself.
        Assert.Equal("0", r["crash ata"]);
        Assert.Contains(log, l => Regex.IsMatch(l, @"^\[supervisor\] supervisor: restarted ata \(pid \d+\)$"));
        Assert.Equal(2, log.Count(l => l.StartsWith("[ata] ata: primary master: ", StringComparison.Ordinal)));
        Assert.Equal(before["read 0 1"], r["read 0 1 after the driver's restart"]);
        Assert.Equal("-33", r["badge 9 read after the restart"]);
        // Nothing else changed: the files and the volume are as the host made them.
        Assert.Equal(file, image.Read("/DATA.BIN"));
        Assert.Equal("read by the ata driver\n", image.ReadText("/DOCS/A long file name.txt"));
        image.AssertClean();
    }

    // 200 GiB (sparse): sectors past 2^28 need LBA48's READ/WRITE SECTORS EXT, and a read across
    // 2^28 is one LBA48 command. The host puts random sectors there first.
    [Fact]
    public void ADiskPastLba28IsReadAndWrittenWithLba48Commands()
    {
        using FatImage image = FatImage.Raw(200L << 30);
        long sectors = image.Length / 512;
        var random = new Random(48);
        var across = new byte[4 * 512];
        random.NextBytes(across);
        image.WriteSectors((1L << 28) - 2, across);
        var tail = new byte[256 * 512];
        random.NextBytes(tail);
        image.WriteSectors(sectors - 256, tail);

        Dictionary<string, string> r = RunClient(image.Path, out List<string> log);

        Assert.Contains($"[ata-client] ata-client: identify -> sectors {sectors} lba48 1 model 'QEMU HARDDISK'", log);
        Assert.Equal($"4 fnv {Fnv(across)}", r[$"read {(1L << 28) - 2} 4"]);
        Assert.Equal($"256 fnv {Fnv(tail)}", r[$"read {sectors - 256} 256"]);
        Assert.Equal($"1 fnv {Fnv(tail.AsSpan(255 * 512))}", r[$"read {sectors - 1} 1"]);
        Assert.Equal($"1 fnv {Fnv(new byte[512])}", r["read 0 1"]);
        AssertRefusals(r);
        long at = sectors - 300;
        Assert.Equal($"{Written}; read back -> {Written} fnv {Fnv(Pattern(at, Written))}", r[$"write {at} {Written}"]);
        Assert.Equal(Pattern(at, Written), image.ReadSectors(at, Written));
        Assert.Equal(Pattern(sectors - 1, 1), image.ReadSectors(sectors - 1, 1));
    }

    // A device that does not answer in time: QEMU's I/O throttling at 1 KiB/s makes a DRQ block of
    // 16 sectors take 8 s where the driver waits 500 ms. The transfers that meet it are answered
    // Timeout (-36) after a channel reset (AtaBlockDevice tries once more, then gives up), never a
    // hang; the driver is not killed for it (the only kill is the client's `crash ata`) and goes on
    // answering: the refusals are the same as on a quick disk, and it restarts and finds the disk.
    [Fact]
    public void AStalledDeviceGivesTimeoutAnswersAndTheDriverGoesOn()
    {
        using FatImage image = FatImage.Raw(64L << 20);
        Dictionary<string, string> r = StorageClient.Run(_output, "ata-test", "ata-client", image.Path, TimeSpan.FromSeconds(300),
            out List<string> log, diskOptions: "throttling.bps-total=1024");
        Assert.StartsWith("-36", r["read 0 600"]);
        Assert.StartsWith("-36", r[$"write {131072 - 300} {Written}"]);
        Assert.Contains("[ata] ata: a wait missed its deadline; resetting the channel", log);
        foreach (string what in new[] { "read past the end", "read 257 sectors", "read 1 at offset 2^63", "unknown label", "badge 11 read (never attached)" })
            Assert.True(r.ContainsKey(what), $"the client did not report '{what}'");
        Assert.Equal("-35", r["read past the end"]);
        Assert.Equal("-34", r["read 1 at offset 2^63"]);
        Assert.Equal("-33", r["badge 11 read (never attached)"]);
        Assert.Equal("0", r["crash ata"]);
        Assert.Single(log, l => l.StartsWith("process ata ", StringComparison.Ordinal));       // the crash order's #PF
        Assert.Contains(log, l => l.StartsWith("process ata ", StringComparison.Ordinal) && l.Contains("#PF Page Fault"));
        Assert.Equal(2, log.Count(l => l.StartsWith("[ata] ata: primary master: ", StringComparison.Ordinal)));
    }

    // No disk: the driver stays up, says so, and answers NoDevice to everything that needs one.
    [Fact]
    public void WithoutADiskTheDriverStaysUpAndAnswersNoDevice()
    {
        Dictionary<string, string> r = RunClient(null, out List<string> log);
        Assert.Contains(log, l => Regex.IsMatch(l, @"^\[ata\] ata: no disk on the primary master \(.+\); answering NoDevice$"));
        Assert.Contains("[ata] ata: ready; registered -> 0", log);
        foreach (string what in new[] { "open", "identify", "read", "write", "flush", "read before attach" })
            Assert.True(r.TryGetValue(what, out string? got) && got == "-32", $"{what}: expected NoDevice (-32), got {got ?? "nothing"}");
        // Frame checks need no disk: an Attach is still judged.
        Assert.Equal("-34", r["attach without a frame"]);
        Assert.Equal("-48", r["unknown label"]);                 // ContractError.BadMessage: a malformed message, not the driver's own error
        Assert.DoesNotContain(log, l => l.StartsWith("process ata ", StringComparison.Ordinal));
    }

    // The whole system with a disk: `crash ata` from the shell kills the driver, the supervisor has
    // Init start it again with its devices (lent back to Init at the death), and it finds the disk again.
    [Fact]
    public void CrashAtaFromTheShellRestartsTheDriverWithItsDisk()
    {
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 64L << 20);
        using var machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "quiet manifest=system", SerialConsole = true, Disk = image.Path, DiskSnapshot = true,
        });
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
        Regex found = ServerLog.Said("ata", "ata: primary master: 131072 sectors (64 MiB), LBA48, 16 sectors per interrupt, model 'QEMU HARDDISK'");
        int first = machine.WaitForLineIndex(found);
        // ata and fat start `late`, after the prompt: wait until fat's mount traffic is over, or the
        // supervisor's crash order (a one-way send that ata must be waiting for) may find ata busy
        // and the shell say "did not take the request: try again".
        machine.WaitForLineIndex(new Regex(@"^\[fat\] fat: mounted "));

        int from = machine.Lines.Count;
        List<string> output = ShellTests.Run(machine, "crash ata null", beforeNextLine: () =>
            machine.WaitForLineIndex(new Regex(@"^\[supervisor\] supervisor: restarted ata \(pid \d+\)$"), from));
        Assert.Equal(new[] { "ok" }, output);
        machine.WaitForLineIndex(new Regex(@"^process ata \(pid \d+\) killed: #PF Page Fault"), from);
        int again = machine.WaitForLineIndex(found, from);
        Assert.True(again > first);
        machine.WaitForLineIndex(ServerLog.Said("ata", "ata: ready; registered -> 0"), again);

        string row = ShellTests.Run(machine, "ps").Single(l => Regex.IsMatch(l, @"^\d+ ata "));
        Assert.Matches(@"^\d+ ata running 1( \d+)+$", row);     // PID NAME STATE RESTARTS, then the numbers
        List<string> caps = ShellTests.Run(machine, "caps ata");
        foreach (string device in new[] { "ioports:1f0+8", "ioports:3f6+1", "irq:14" })
            Assert.Contains(caps, l => l.Contains($" {device} ", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
