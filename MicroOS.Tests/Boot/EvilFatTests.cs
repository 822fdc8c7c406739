using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Least privilege, shown (issue 17 item 7): a compromised filesystem server holds exactly fat's
// manifest capabilities and tries to leave its sandbox (Probe/EvilFat.cs, the test manifest's
// [evil-fat], on a FAT16 disk with -snapshot). Every way out is refused with the error the design
// names, the disk driver survives the abuse and still serves its own client's frame, and the kernel
// stays healthy.
public sealed class EvilFatTests
{
    private readonly ITestOutputHelper _output;

    public EvilFatTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ACompromisedFatServerReachesNothingButItsOwnCapabilities()
    {
        using FatImage image = FatImage.Create(16, 16L << 20);
        using QemuMachine machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "quiet testmanifest manifest=evil-fat",
            Disk = image.Path,
            DiskSnapshot = true,
        });
        TestReport.WaitForObserved(machine, "evil-fat", new Dictionary<string, string>
        {
            ["holds"] = "endpoints=3 devices=0 others=0",
            // Slots 0..4 (the three it holds, the empty 0 and 4) times every port.
            ["ports"] = "tried=327680 answered=0",
            ["mapping"] = "ata=-6 names=-6",                        // WrongType
            ["names"] = "ata=5 fat=0",                              // NamesError.Taken; its own name is its to take
            // BadFrameRange (-34) past its 4 KiB frame; OutOfRange (-35) for 0, 257, past the disk, a wrapping LBA.
            ["ata-bounds"] = "attach=0 past-frame=-34 over-frame=-34 huge-offset=-34 zero=-35 too-many=-35 past-disk=-35 wrapping=-35",
            ["ata-other"] = "read=-33 write=-33",                   // NotAttached: Names' copy of ata has no frame
            ["ata-alive"] = "identify-same=true read=1 boot-signature=true",
        });
        machine.WaitForLine("[evil-fat] evil-fat: done, 0 failed");
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
