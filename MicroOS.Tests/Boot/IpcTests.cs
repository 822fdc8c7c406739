using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Message passing and capabilities end to end: the probe's `ipc` roles (MicroOS.Servers/Tests/Probe/
// IpcProbe.cs) with the capabilities their boot manifest lines grant (`caps=`). Error codes are
// SyscallError values: -5 InvalidCapability, -6 WrongType, -7 MissingRight, -8 OutOfRange,
// -9 ObjectGone, -4 OutOfMemory.
public sealed class IpcTests
{
    private readonly ITestOutputHelper _output;

    public IpcTests(ITestOutputHelper output) => _output = output;

    private static readonly Regex WaveEnded = new(@"^wave (?<wave>\d+) ended: free frames (?<frames>\d+), kernel heap (?<heap>\d+) bytes, (?<kept>\d+) frames kept by the kernel heap$");

    // Every frame the servers took came back: the free frames at the end plus those the kernel heap
    // kept for good meanwhile (its object pools warm up in the first waves, and how far depends on
    // how many objects a creation loop got to make) equal the free frames before the first process.
    // The test boots with `waves=2`, so every server also starts a second time on warm pools.
    private static void AssertFramesCameBack(QemuMachine machine)
    {
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Match wave1 = machine.WaitForMatch(WaveEnded);
        Assert.Equal("1", wave1.Groups["wave"].Value);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
    }

    // Waits for each `[name] text` line in turn, exactly and in this order.
    private static void ExpectInOrder(QemuMachine machine, string name, params string[] texts)
    {
        int previous = -1;
        foreach (string text in texts)
        {
            // Any line of the server starting like this one, so a wrong value fails with the line itself.
            string prefix = text.Contains(" -> ") ? text[..(text.IndexOf(" -> ", StringComparison.Ordinal) + 4)] : text;
            int index = machine.WaitForLineIndex(new Regex($"^{Regex.Escape($"[{name}] {prefix}")}"), previous + 1);
            Assert.Equal($"[{name}] {text}", machine.Lines[index]);
            previous = index;
        }
    }

    [Fact]
    public void PingPongBetweenTwoServersInTheirOwnAddressSpaces()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("pong,ping-last waves=2"));
        ServerLog.WaitForStart(machine, "pong");
        ExpectInOrder(machine, "ping-last", "ping: 100 calls answered, badge 0, last reply 694", "ping: asked pong to exit -> -9");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("ping-last")).Groups["code"].Value);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        AssertFramesCameBack(machine);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // These four boot the test root (`testroot`): Init, not the kernel, starts the servers and grants
    // their caps= (MicroOS.Servers/Init/TestRoot.cs); what the servers see must not change.
    [Fact]
    public void TwoClientsAreToldApartByTheirBadges()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,ping-a,ping-b"));
        ExpectInOrder(machine, "ping-a", "ping: 50 calls answered, badge 7, last reply 344");
        ExpectInOrder(machine, "ping-b", "ping: 50 calls answered, badge 9, last reply 344");
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ACallWithoutWriteFailsWithMissingRightAndRevokeRemovesEveryDerivedCap()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,ipc-rights"));
        ExpectInOrder(machine, "ipc-rights",
            "rights: slot 1 type 1 rights 7",           // Endpoint, Read | Write | Grant
            "rights: mint read-only -> 0",
            "rights: call without write -> -7",
            "rights: mint all from read-only -> 0",
            "rights: widened mint call -> -7",          // mint kept Read only
            "rights: mint write-only -> 0",
            "rights: call with write -> 0, reply 43",
            "rights: copy of the copy -> 0",
            "rights: grandchild call -> 0, reply 100",
            "rights: wrong type -> -6",
            "rights: empty slot -> -5",
            "rights: slot out of range -> -5",
            "rights: revoke -> 4",                      // slots 2, 5, 3 and 4
            "rights: call after revoke -> -5",
            "rights: grandchild after revoke -> -5",
            "rights: original after revoke -> 0, reply 6",
            "rights: capabilities held 1");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("ipc-rights")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ACapabilityTravelsWithGrantAndIsRefusedWithout()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,ipc-grant"));
        ExpectInOrder(machine, "ipc-grant",
            // pong received the notification cap and signalled it; the sender saw the bit.
            "grant: create -> 0, call with grant -> 0, arrived 1, pong's signal -> 0, poll -> 0 bits 1",
            // The copy in pong's table is a child of the sender's cap: revoke reaches it in another process.
            "grant: revoke reached pong's copy -> 1",
            "grant: again -> 0, arrived 1, pong's signal -> 0, revoke -> 1",
            "grant: call without grant -> -7",
            "grant: plain call without grant -> 0, reply 11");
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ASharedFrameWrittenByOneServerIsReadByAnother()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,ipc-share"));
        // The frame was minted read-only: pong may map it readable, not writable.
        ExpectInOrder(machine, "ipc-share",
            "share: mint -> 0, call -> 0, pong read 0x5348415245440001, pong's writable map -> -7, read-only map -> 0");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("ipc-share")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void IpcServersRestartedInWavesLeakNeitherFramesNorKernelHeap()
    {
        // A server, clients, a granted cap, the server dying mid-call: four waves. Wave 1 warms the
        // pools up (each Thread object gets its IPC state the first time it does IPC); after it,
        // every wave must end with the same free frames and kernel heap bytes.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("pong,ping-a,ipc-grant,die-client waves=4"));
        Match frames = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        List<Match> waves = machine.Lines.Select(line => WaveEnded.Match(line)).Where(m => m.Success).ToList();
        Assert.Equal(new[] { "1", "2", "3" }, waves.Select(m => m.Groups["wave"].Value));
        Assert.Equal(waves[1].Groups["frames"].Value, waves[2].Groups["frames"].Value);
        Assert.Equal(waves[2].Groups["frames"].Value, frames.Groups["after"].Value);
        Assert.Equal(waves[1].Groups["heap"].Value, waves[2].Groups["heap"].Value);
        // Each wave ends with pong stopped mid-call (whoever else still calls it then gets -9 too).
        Assert.Equal(4, ServerLog.IndicesOf(machine.Lines, ServerLog.Said("die-client", "die-client: call -> -9")).Count);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ABootImageCapStartsAProcessAndGivesItsProcessCap()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("launcher waves=2"));
        int launcher = ServerLog.WaitForStart(machine, "launcher");
        int pong = ServerLog.WaitForStart(machine, "pong");
        int client = ServerLog.WaitForStart(machine, "ping-last");
        ExpectInOrder(machine, "launcher",
            $"launcher: slot 1 type 7, started pong -> pid {pong}, ping-last -> pid {client}",   // type 7: BootImage
            "launcher: start into an occupied slot -> -11, without a boot image cap -> -6",   // slot 10 holds a Process cap
            "launcher: inspect pong after ping-last stopped it -> -9");
        ExpectInOrder(machine, "ping-last", "ping: 100 calls answered, badge 0, last reply 694", "ping: asked pong to exit -> -9");
        Assert.True(launcher < pong && pong < client, $"pids {launcher}, {pong}, {client}");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        AssertFramesCameBack(machine);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void DeviceMemoryIsMappedThroughAFrameCapAndNeverFreedIntoTheAllocator()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("vga waves=2"));
        ExpectInOrder(machine, "vga", "vga: map -> 0, read back 0x1F4D");
        // The process's teardown leaves the borrowed page alone: freeing 0xB8000 (not the
        // allocator's) would be a kernel panic, and the frame count would not come back even.
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        AssertFramesCameBack(machine);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void AServerThatDiesMidCallGivesItsCallerObjectGone()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("pong,die-client waves=2"));
        ExpectInOrder(machine, "pong", "pong: exiting mid-call");
        ExpectInOrder(machine, "die-client",
            "die-client: call -> -9",
            "die-client: call after death -> -9",
            "die-client: inspect -> -9");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        AssertFramesCameBack(machine);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ACallerKilledMidCallDropsItsReplyHarmlesslyAndAServerKilledInRecvAnswersObjectGone()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("pong,slow-caller,killer waves=2"));
        int pong = ServerLog.WaitForStart(machine, "pong");
        int caller = ServerLog.WaitForStart(machine, "slow-caller");
        ExpectInOrder(machine, "slow-caller", "slow-caller: calling");
        ExpectInOrder(machine, "killer",
            "killer: kill the waiting caller -> 0",
            "killer: pong after the dropped reply -> 0, reply 8",
            "killer: kill pong waiting in recv -> 0",
            "killer: call the dead server -> -9");
        machine.WaitForLine($"process slow-caller (pid {caller}) killed: by the holder of its process capability");
        machine.WaitForLine($"process pong (pid {pong}) killed: by the holder of its process capability");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        AssertFramesCameBack(machine);
        Assert.DoesNotContain(machine.Lines, line => line.Contains("SURVIVED", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void AFaultArrivesAtTheFaultEndpointAsAMessageAndTheHandlerDecides()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("fault-victim,fault-handler"));
        int victim = ServerLog.WaitForStart(machine, "fault-victim");
        machine.WaitForLine($"process fault-victim (pid {victim}) fault #PF Page Fault sent to its fault endpoint");
        ExpectInOrder(machine, "fault-handler",
            // label KernelLabels.Fault, vector 14 (#PF), cr2, error code 4 (read, user, not present), badge = the victim's pid
            $"fault-handler: receive -> 0, label 0xFA017, vector 14, address 0x3500000000, error code 4, badge {victim}",
            "fault-handler: resume -> 0, faulted again -> 0, same rip True",
            $"fault-handler: inspect -> {victim}",
            "fault-handler: kill -> 0",
            "fault-handler: inspect after kill -> -9");
        machine.WaitForLine($"process fault-victim (pid {victim}) killed: by the holder of its process capability");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        Assert.DoesNotContain(machine.Lines, line => line.Contains("SURVIVED", StringComparison.Ordinal));
        Assert.DoesNotContain(machine.Lines, line => line.StartsWith($"process fault-victim (pid {victim}) killed: #PF", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void AnObjectCreationLoopGetsOutOfMemoryTheOthersWorkAndTheMemoryComesBack()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("create-loop,pong,ping-last waves=2"));
        Match loop = machine.WaitForMatch(new Regex(@"^\[create-loop\] create-loop: (?<n>\d+) objects, then (?<error>-?\d+)$"));
        Assert.Equal("-4", loop.Groups["error"].Value);
        int created = int.Parse(loop.Groups["n"].Value);
        // 384 KiB limit, 256 or 128 bytes charged per object: hundreds fit, never the kernel's whole pool.
        Assert.InRange(created, 100, 2000);
        ExpectInOrder(machine, "create-loop", "create-loop: map_memory now -> -4");
        ExpectInOrder(machine, "ping-last", "ping: 100 calls answered, badge 0, last reply 694");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        AssertFramesCameBack(machine);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void TheSerialInterruptReachesARing3DriverAsANotificationWhileItServesRequests()
    {
        // The driver owns COM1 (the kernel log is on COM2): its input comes through the harness's COM1 socket.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("serial-driver,serial-client") with { SerialConsole = true });
        ExpectInOrder(machine, "serial-driver",
            "serial-driver: notification -> 0, bind -> 0, irq -> 0, enable -> 0",
            // Ports outside its IoPortRange (0x3F8..0x3FF; 0x2F8 is the kernel log's COM2) are refused: OutOfRange.
            "serial-driver: port 0x60 -> -8, port 0x2F8 -> -8, port 2^64-1 -> -8",
            "serial-driver: ready");
        machine.SendConsole("abc");
        // IRQ 4 signals bit 1 << 4; the line stays masked until the driver acknowledges.
        Match received = machine.WaitForMatch(new Regex(@"^\[serial-driver\] serial-driver: irq bits 16: received '(?<text>[a-c]*)' \(total (?<total>\d)\)$"));
        Assert.NotEqual("", received.Groups["text"].Value);
        ExpectInOrder(machine, "serial-client", "serial-client: driver reports 3 bytes, at least one interrupt");
        Assert.Contains(machine.Lines, line => line.EndsWith("(total 3)", StringComparison.Ordinal) && line.StartsWith("[serial-driver]", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void ARing3FuzzerMakes100000RandomIpcSyscallsAndTheKernelAndAnotherServerCarryOn()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("pong,ipc-fuzz"));
        Match summary = machine.WaitForMatch(new Regex(@"^\[ipc-fuzz\] ipc-fuzz: (?<calls>\d+) calls, (?<values>\d+) values, (?<errors>\d+) error codes; pong -> (?<pong>-?\d+), reply (?<reply>\d+)$"),
            TimeSpan.FromSeconds(180));
        Assert.Equal("100000", summary.Groups["calls"].Value);
        Assert.Equal(100000, int.Parse(summary.Groups["values"].Value) + int.Parse(summary.Groups["errors"].Value));
        Assert.True(int.Parse(summary.Groups["values"].Value) > 0 && int.Parse(summary.Groups["errors"].Value) > 0, summary.Value);
        // pong, the second server, still answers: Ping(41) -> 42.
        Assert.Equal("0", summary.Groups["pong"].Value);
        Assert.Equal("42", summary.Groups["reply"].Value);
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("ipc-fuzz")).Groups["code"].Value);
        Assert.DoesNotContain(machine.Lines, line => line.Contains(") killed: ", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void PayloadsArriveByteForByteOnEachCopyPathAndTheRegisteredBufferStaysPinned()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,ipc-payload"));
        ExpectInOrder(machine, "ipc-payload",
            "payload: unmap a spare page -> 0",
            "payload: set_buffer on an unmapped page -> -3",         // BadAddress: nothing to pin
            "payload: set_buffer on a kernel address -> -3",
            "payload: set_buffer -> 0",
            "payload: unmap the registered buffer -> -2",            // pinned while registered
            // One copy each way: pong waits, its reply (each byte + 1) goes straight into our page.
            "payload: call with 4096 bytes -> 0, reply 4096 bytes, hash matches, 0 reply bytes wrong",
            // The second send waits in the queue: its bytes went through the staging page.
            "payload: two sends -> 0, 0; hashes -> 0, first matches, second matches",
            "payload: call with 8191 bytes -> -8",
            "payload: set_buffer(0) -> 0, then unmap -> 0",
            "payload: call with 16 bytes and no buffer -> -2",
            "payload: 20 register-only calls, replies sum to 210",
            "paths: 0 of them and pong's reply_recvs took the general path");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("ipc-payload")).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // The IPC fast path (MicroOS.Kernel/Syscalls/IpcFastPath.cs) against the general path it
    // shortcuts: each scenario boots twice, the second time with the kernel option `ipcslow`, and
    // every line each client prints must be the same (badges, reply words, payload bytes,
    // MissingRight, ObjectGone after a partner dies or is killed). The payload role's `paths:` line
    // proves which path ran: none of its 20 register-only calls and pong's 20 reply_recvs took the
    // general path with the fast path on, all 40 with it off.
    [Theory]
    [InlineData("pong,ipc-payload", "ipc-payload")]
    [InlineData("pong,ping-a,ping-b", "ping-a,ping-b")]
    [InlineData("pong,ipc-rights", "ipc-rights")]
    [InlineData("pong,ipc-grant", "ipc-grant")]
    [InlineData("pong,die-client", "die-client")]
    [InlineData("pong,slow-caller,killer", "killer")]
    public void TheFastPathAndTheGeneralPathGiveTheSameResults(string servers, string clients)
    {
        string[] names = clients.Split(',');
        Dictionary<string, List<string>> fast = RunClients(servers, names);
        Dictionary<string, List<string>> general = RunClients($"{servers} ipcslow", names);
        foreach (string name in names)
        {
            Assert.NotEmpty(fast[name]);
            Assert.Equal(general[name].Where(l => !l.Contains("] paths: ", StringComparison.Ordinal)),
                         fast[name].Where(l => !l.Contains("] paths: ", StringComparison.Ordinal)));
        }
        if (names.Contains("ipc-payload"))
        {
            Assert.Contains("[ipc-payload] paths: 0 of them and pong's reply_recvs took the general path", fast["ipc-payload"]);
            Assert.Contains("[ipc-payload] paths: 40 of them and pong's reply_recvs took the general path", general["ipc-payload"]);
        }
    }

    // Boots `servers`, waits until every client has exited, and returns each client's lines.
    private Dictionary<string, List<string>> RunClients(string servers, string[] clients)
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers(servers));
        foreach (string name in clients)
            Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited(name)).Groups["code"].Value);
        ServerLog.AssertKernelHealthy(machine.Lines);
        return clients.ToDictionary(name => name,
            name => machine.Lines.Where(l => l.StartsWith($"[{name}] ", StringComparison.Ordinal)).ToList());
    }
}
