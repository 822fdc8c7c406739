using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The system in servers (issue 8): Init reads the boot manifest and starts the system servers with
// the capabilities their lines declare, Names, and the supervisor's restarts. The kernel option
// manifest=SECTION makes Init also start that [SECTION] of MicroOS.Build/boot-manifest.txt; the
// probe's `system` roles (MicroOS.Servers/Tests/Probe/SystemProbe.cs) print what they saw.
public sealed class SystemTests
{
    private readonly ITestOutputHelper _output;

    public SystemTests(ITestOutputHelper output) => _output = output;

    private static QemuOptions Section(string section) => new() { CommandLine = section == "system" ? "exit quiet manifest=system" : $"exit quiet testmanifest manifest={section}", MemoryMiB = 64 };

    private static int ManifestLineOf(string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(RepoPaths.Root, "MicroOS.Build", "test-manifest.txt")), l => l.StartsWith(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void InitStartsTheSystemServersFromTheManifestAndKeepsNoDeviceCapability()
    {
        using var machine = QemuMachine.Boot(_output, Section("system"));
        Assert.Equal(1, ServerLog.WaitForStart(machine, "init", kind: "system"));
        string[] order = { "names", "serial", "keyboard", "console", "shell", "ata", "fat", "rtc", "supervisor" };     // ata, fat and rtc are `late`
        for (int i = 0; i < order.Length; i++)
            machine.WaitForLine(ServerLog.Said("init", $"init: started {order[i]} (pid {i + 2})"));
        machine.WaitForLine(ServerLog.Said("init", "init: system up, 9 servers started; init holds 0 device capabilities"));
        machine.WaitForLine(ServerLog.Said("names", "names: ready"));
        machine.WaitForLine(ServerLog.Said("supervisor", "supervisor: watching 8 servers"));
        foreach (string name in new[] { "serial", "keyboard", "console", "ata", "fat", "rtc" })
            machine.WaitForLine(ServerLog.Said("names", $"names: registered {name}"));
        machine.WaitForLine(new Regex(@"^\[shell\] shell: ready, first prompt shown at TSC \d+$"));
        // Only init is started by the kernel: no other `servers: started` line.
        Assert.Single(machine.Lines, l => l.StartsWith("servers: started", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void AMalformedManifestLineIsReportedWithItsNumberAndTheRestBoots()
    {
        using var machine = QemuMachine.Boot(_output, Section("bad-line-test"));
        int line = ManifestLineOf("broken ");
        Assert.True(line > 0);
        machine.WaitForLine(ServerLog.Said("init", $"init: manifest line {line}: bad memory limit '12Q' (use e.g. 512K or 2M)"));
        machine.WaitForLine(ServerLog.Said("init", "init: started names (pid 2)"));
        machine.WaitForLine(ServerLog.Said("init", "init: started echo (pid 3)"));
        machine.WaitForLine(ServerLog.Said("echo", "echo: registered -> 0"));
        machine.WaitForLine(ServerLog.Said("init", "init: system up, 2 servers started; init holds 0 device capabilities"));
        Assert.DoesNotContain(machine.Lines, l => l.Contains("broken", StringComparison.Ordinal) && l.Contains("started", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // One boot, the client's script in order (SystemProbe.Client). Names: 1 NotFound, 2 NotPermitted, 5 Taken;
    // supervisor: 1 NoSuchServer, 2 Refused.
    [Fact]
    public void NamesAndTheSupervisorRestartServersThatDieAndGiveUpOnOneThatAlwaysDoes()
    {
        using var machine = QemuMachine.Boot(_output, Section("system-test"));
        var timeout = TimeSpan.FromSeconds(90);
        string[] script =
        {
            "client: lookup missing -> 1",
            "client: register unbadged -> 2",
            "client: register badged -> 0",
            "client: lookup client -> 0, cap endpoint",
            "client: register client again -> 0",
            "client: register over echo -> 5",
            "client: kill init -> 2",
            "client: kill supervisor -> 2",
            "client: crash supervisor -> 2",
            "client: kill nobody -> 1",
            "client: after kill (0): call -> 0, answer 42",
            "client: after exit (0): call -> 0, answer 42",
            "client: after wild (0): call -> 0, answer 42",
            "client: after loop (0): call -> 0, answer 42",
        };
        int at = 0;
        for (int i = 0; i < script.Length; i++)
        {
            at = machine.WaitForLineIndex(ServerLog.Said("client", script[i]), at, timeout) + 1;
            if (i != 3)
                continue;
            // The 1,000 calls: echo crashed while call `crash` was in flight. Errors only for calls in
            // flight (at least the one echo died in), every later call answered by the restarted echo.
            Match calls = machine.WaitForMatch(new Regex(@"^\[client\] client: 1000 calls: (?<ok>\d+) ok, (?<errors>\d+) errors \(calls (?<first>-?\d+)\.\.(?<last>-?\d+), first error (?<code>-?\d+)\), (?<inflight>\d+) in flight when echo crashed at call (?<crash>\d+)$"), timeout);
            int errors = int.Parse(calls.Groups["errors"].Value), inFlight = int.Parse(calls.Groups["inflight"].Value);
            int crash = int.Parse(calls.Groups["crash"].Value);
            Assert.InRange(errors, 1, inFlight);
            Assert.Equal(1000 - errors, int.Parse(calls.Groups["ok"].Value));
            Assert.Equal(crash, int.Parse(calls.Groups["first"].Value));
            Assert.True(int.Parse(calls.Groups["last"].Value) < crash + inFlight);
            Assert.True(long.Parse(calls.Groups["code"].Value) < 0, "the failed call did not report an error code");
        }
        machine.WaitForLine(ServerLog.Said("client", "client: done"), timeout);
        var lines = machine.Lines;

        // Each death of echo (null, kill, exit 3, wild, loop) was a restart through Init, and echo
        // registered its name again each time: 6 starts, 6 registrations.
        Assert.Equal(6, lines.Count(l => Regex.IsMatch(l, @"^\[init\] init: started echo \(pid \d+\)$")));
        Assert.Equal(6, lines.Count(l => l == "[echo] echo: registered -> 0"));
        Assert.Equal(5, lines.Count(l => Regex.IsMatch(l, @"^\[supervisor\] supervisor: restarted echo \(pid \d+\)$")));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process echo \(pid \d+\) killed: #PF Page Fault at rip 0x[0-9A-F]+ address 0x0000000000000000 \(page not present, write, user\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process echo \(pid \d+\) exited with code 3$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process echo \(pid \d+\) killed: #PF Page Fault at rip 0x[0-9A-F]+ address 0x00000DEAD0000000 "));
        // The heartbeat caught the loop.
        Assert.Contains("[supervisor] supervisor: echo missed 10 heartbeats; killing it", lines);

        // crashy faults at every start: 5 starts, 4 restarts, then the supervisor gives up; the rest stays up.
        Assert.Equal(5, lines.Count(l => l == "[crashy] crashy: starting"));
        Assert.Equal(4, lines.Count(l => Regex.IsMatch(l, @"^\[supervisor\] supervisor: restarted crashy \(pid \d+\)$")));
        Assert.Single(lines, l => Regex.IsMatch(l, @"^\[supervisor\] supervisor: giving up on crashy after 5 failures in \d+ s$"));

        // List: pid name state restarts useKiB sent received limitKiB (echo's manifest limit: 768K).
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\[client\] client: list: \d+ echo running 5 \d+ \d+ \d+ 768$"));
        Assert.Contains("[client] client: list: 0 crashy given-up 4 0 0 0 0", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\[client\] client: list: \d+ names running 0 \d+ 0 [1-9]\d* 512$"));
        // The same capabilities after five restarts: exactly what echo's manifest line declares.
        var echoCaps = lines.Where(l => l.StartsWith("[client] client: caps of echo: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, echoCaps.Count);
        Assert.Matches(@"^\[client\] client: caps of echo: 1 endpoint rwg- 0 \d+$", echoCaps[0]);
        Assert.Matches(@"^\[client\] client: caps of echo: 2 endpoint -wg- 20823 \d+$", echoCaps[1]);
        // A driver's device capability came back to it after a restart (Init lends it).
        Assert.Contains("[client] client: kill dev -> 0", lines);
        var devCaps = lines.Where(l => l.StartsWith("[client] client: caps of dev: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, devCaps.Count);
        Assert.Matches(@"^\[client\] client: caps of dev: 2 ioports:3f8\+8 rw-- 0 \d+$", devCaps[1]);
        // squeezed cannot fit its 256 KiB: refused by the loader before it ran, in one line naming
        // both figures; Init says it did not start it; the supervisor reports it once and never restarts it.
        string refusal = Assert.Single(lines, l => l.StartsWith("loader: refused 'squeezed': needs ", StringComparison.Ordinal));
        Match figures = Regex.Match(refusal, @"^loader: refused 'squeezed': needs (?<need>\d+) KiB \(image \d+, stack and arguments \d+, first heap \d+, page tables \d+, kernel \d+\), its limit is 256 KiB$");
        Assert.True(figures.Success, refusal);
        Assert.True(int.Parse(figures.Groups["need"].Value) > 256, refusal);
        Assert.Single(lines, l => l == "[init] init: squeezed not started: error -4");
        Assert.Single(lines, l => l == "[supervisor] supervisor: squeezed was never started (its start was refused); not restarting it");
        Assert.DoesNotContain(lines, l => l.Contains("restarted squeezed", StringComparison.Ordinal) || l.Contains("cannot restart squeezed", StringComparison.Ordinal));
        Assert.Contains("[client] client: list: 0 squeezed given-up 0 0 0 0 0", lines);
        ServerLog.AssertKernelHealthy(lines);
    }
}
