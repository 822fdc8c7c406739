using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// io_port_enable (the TSS I/O permission bitmap) and frame_unmap, end to end: the probe's `hw` roles
// (MicroOS.Servers/Tests/Probe/HardwareProbe.cs). Port 0x3ff is COM1's scratch register: a byte written
// there reads back, so a value read back proves the access reached the device. Error codes:
// -2 InvalidArgument, -5 InvalidCapability, -8 OutOfRange, -9 ObjectGone.
public sealed class HardwareTests
{
    private readonly ITestOutputHelper _output;

    public HardwareTests(ITestOutputHelper output) => _output = output;

    private static Regex KilledBy(string name, string fault) =>
        new($@"^process {Regex.Escape(name)} \(pid \d+\) killed: {Regex.Escape(fault)} at rip 0x[0-9A-F]{{16}}( address .*)?$");

    private const string GeneralProtection = "#GP General Protection Fault";

    // The server says `announce` and is then killed by `fault`, never printing "SURVIVED".
    private static int ExpectKilledAfter(QemuMachine machine, string name, string announce, string fault)
    {
        int said = machine.WaitForLineIndex(ServerLog.Said(name, announce));
        int killed = machine.WaitForLineIndex(KilledBy(name, fault), said + 1);
        Assert.DoesNotContain(machine.Lines, l => l.StartsWith($"[{name}]", StringComparison.Ordinal) && l.Contains("SURVIVED", StringComparison.Ordinal));
        return killed;
    }

    [Fact]
    public void InAndOutReachTheEnabledRangeOnlyAndEndWithTheCapability()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("io-direct,io-revoke,io-delete"));
        // Checked syscalls first (a port outside the range is OutOfRange), then the bitmap: enabling
        // twice is harmless, `out`/`in` reach the device and the checked path still works beside it.
        TestReport.WaitForObserved(machine, "io-direct", new Dictionary<string, string>
        {
            ["checked"] = "write=0 read=0x33 outside=-8",
            ["enabled"] = "enable=0 again=0 in-out=0x5A checked-read=0x5A",
        });
        ExpectKilledAfter(machine, "io-direct", "io-direct: in from 0x3f7 (outside the range)", GeneralProtection);
        // The enabled cap was a copy: revoking the original's children took it, and the ports with it.
        TestReport.WaitForObserved(machine, "io-revoke", new Dictionary<string, string>
        {
            ["revoke"] = "copy=0 enable-copy=0 in-out=0xA5 revoke=1 enable-after=-5",
        });
        ExpectKilledAfter(machine, "io-revoke", "io-revoke: in after revoke", GeneralProtection);
        TestReport.WaitForObserved(machine, "io-delete", new Dictionary<string, string> { ["delete"] = "enable=0 in-out=0x3C delete=0" });
        ExpectKilledAfter(machine, "io-delete", "io-delete: in after delete", GeneralProtection);
        ServerLog.AssertCleanShutdown(machine);
    }

    [Fact]
    public void TheIoBitmapFollowsItsProcessAcrossSwitchesAndEndsWithIt()
    {
        // io-keep uses its ports across 50 switches while io-none (same cap, never enabled) runs
        // beside it and faults; io-after faults after io-keep has exited (its process object may
        // be the one reused). Every frame comes back.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("io-keep,io-none,io-after"));
        int none = ExpectKilledAfter(machine, "io-none", "io-none: checked read -> ok; in without enable", GeneralProtection);
        TestReport.WaitForObserved(machine, "io-keep", new Dictionary<string, string> { ["kept"] = "enable=0 rounds-read-back=50" });
        int kept = machine.WaitForLineIndex(new Regex(@"^\[io-keep\] ok 1 kept "));
        int keepExit = machine.WaitForLineIndex(ServerLog.Exited("io-keep"), kept);
        Assert.True(none < keepExit, "io-none should have faulted while io-keep (with its bitmap) was still running");
        int after = ExpectKilledAfter(machine, "io-after", "io-none: checked read -> ok; in without enable", GeneralProtection);
        Assert.True(after > keepExit, "io-after should have run after io-keep exited");
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void AnUnmappedFrameCanBeMappedAgainAndItsOldAddressFaults()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("hw-frames"));
        TestReport.WaitForObserved(machine, "hw-frames", new Dictionary<string, string>
        {
            // Unmap frees no frame (the memory is the Frame's); an address where no mapping starts is
            // InvalidArgument, the middle of a mapping and a heap page included.
            ["unmap"] = "create=0 map=0 unmap=0 frames-freed=0 again=-2 mid-mapping=-2 nothing-mapped=-2 heap=-2",
            // Mapped again, the data written before is still there; two mappings of one frame are undone one at a time.
            ["map-again"] = "map=0 page0=0x4652414D4501 page1=0x4652414D4502 second-map=0 unmap-first=0 via-second=0x4652414D4502 unmap-second=0",
        });
        int killed = ExpectKilledAfter(machine, "hw-frames", "frames: touching the unmapped page", "#PF Page Fault");
        Assert.Contains("address 0x0000003000000000 (page not present, read, user)", machine.Lines[killed]);
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ASharedFrameStaysWithThePeerAfterTheOwnerUnmapsAndEnds()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("frame-peer,frame-owner"));
        // The owner's unmap frees nothing: the peer still reads the frame.
        TestReport.WaitForObserved(machine, "frame-owner", new Dictionary<string, string>
        {
            ["shared"] = "create=0 map=0 call=0 peer-read=0x5348415245440002 unmap=0 frames-freed=0 call-after=0 peer-read-after=0x5348415245440002",
        });
        // The owner ended: the frame object is dead (its cap ObjectGone) but its memory stays while
        // the peer maps it; the peer's unmap, the last mapping, gives that one frame back, and the
        // owner's object page that was kept for the frame's object (Objects/ObjectArena.cs): 2.
        TestReport.WaitForObserved(machine, "frame-peer", new Dictionary<string, string>
        {
            ["after-owner-ended"] = "read=0x5348415245440002 cap=-9 unmap=0 frames-freed=2",
        });
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
        ServerLog.AssertCleanShutdown(machine);
    }
}
