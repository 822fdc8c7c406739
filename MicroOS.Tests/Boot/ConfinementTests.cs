using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Confinement (issue 14, docs/capabilities.md "Kernel memory" and "Identity", docs/attack-catalogue.md
// "Confinement"): no reference the kernel keeps across time reaches a recycled object, no process can
// use up a pool for the others, limits are budgets handed down, an image that cannot fit its limit is
// refused before it runs, and a long capability fuzz leaves the kernel standing.
// The probe's side: MicroOS.Servers/Tests/Probe/Confine.cs, ConfineFuzz.cs.
public sealed class ConfinementTests
{
    private readonly ITestOutputHelper _output;

    public ConfinementTests(ITestOutputHelper output) => _output = output;

    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    [Fact]
    public void EveryLongLivedReferenceFailsCleanlyAfterItsTargetDiedAndWasRecycled()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("confine-recycle"));
        machine.WaitForLine(ServerLog.Said("confine-recycle", "confine: recycle: done"), Long);
        Assert.Equal(KernelExit.Success, machine.WaitForExit(Long));
        IReadOnlyList<string> lines = machine.Lines;

        // Loan: the lender ended, its capability table went to the next new process (cf-check);
        // when the borrower ended, the lent endpoint was deleted, not delivered there.
        Assert.Contains("[cf-lender] confine: lender: lend -> 0", lines);
        Assert.Contains("[confine-recycle] confine: loan: borrower killed -> 0", lines);
        Assert.Contains("[cf-check] confine: check: slot 2 -> -5", lines);
        // Process cap: the old cap answers ObjectGone, the process in its recycled object is untouched.
        Assert.Contains("[confine-recycle] confine: process cap: old inspect -> -9, old kill -> -9, new one alive yes", lines);
        // Death notification: fired for its own process, not for the next one in its place.
        Assert.Contains("[confine-recycle] confine: death notification: first end -> 0 bits 1, next process's end -> -10", lines);
        // Fault endpoint: caught the first process's fault; the next one's fault killed it instead.
        Assert.Contains("[confine-recycle] confine: fault endpoint: first fault label fault, next process's fault -> -10", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process cf-fault \(pid \d+\) killed: #UD "));
        // Bound notification: its own signal wakes the receive; a recycled notification's does not.
        Assert.Contains("[confine-recycle] confine: bound notification: bind -> 0, its signal -> 1, a recycled one's signal -> -10", lines);
        // Reply target: the reply owed to the killed caller went nowhere; the next caller got its own.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\[confine-recycle\] confine: reply target: first call 1, reply to the killed caller -> -?\d+, second call 2$"));
        Assert.Contains("[cf-caller] confine: caller 2: call -> 0, reply 200", lines);
        Assert.DoesNotContain(lines, l => l.Contains("reply 100", StringComparison.Ordinal));
        // Waiting queue: the sender left the dead endpoint's queue (ObjectGone), not found on the recycled one.
        Assert.Contains("[cf-sender] confine: sender: send -> -9", lines);
        Assert.Contains("[confine-recycle] confine: waiting queue: the recycled endpoint's queue -> -10", lines);
        // I/O bitmap grant: the first process used its ports; the next one in its place faults on them.
        Assert.Contains("[cf-io-enable] confine: io-enable: enable -> 0, scratch 90", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process cf-io-try \(pid \d+\) killed: #GP "));
        Assert.DoesNotContain(lines, l => l.Contains("must not happen", StringComparison.Ordinal));
        // Thread cap: the old cap answers ObjectGone, the thread in its recycled object is untouched.
        Assert.Contains("[confine-recycle] confine: thread cap: old inspect -> -9, old kill -> -9, new one -> its tid", lines);
        // IRQ route: COM1's IRQ 4 signals its notification; once that notification's owner is killed,
        // a new process's notification does not hear the line; a live one routed again does.
        Assert.Contains("[confine-recycle] confine: irq route: route -> 0, fired -> 0 bits 16; its notification's owner killed, " +
            "a new one's notification -> -10; routed to a live one -> 0, fired -> 0 bits 16", lines);
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void AChildGetsAtMostWhatItsCreatorHasLeftAndGivesItBack()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("confine-budget"));
        machine.WaitForLine(ServerLog.Said("confine-budget", "confine: budget: 8 MiB child -> OutOfMemory, 640 KiB child -> ok, three more -> ok ok ok, " +
            "then 1 MiB twice -> ok OutOfMemory, after the kills 1 MiB -> ok"), Long);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        IReadOnlyList<string> lines = machine.Lines;
        // Over-asking is a clear error: one loader line with the figures.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^loader: refused 'cf-idle': asks for a limit of 8192 KiB, process confine-budget \(pid \d+\) has \d+ KiB left$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^loader: refused 'cf-sleep': asks for a limit of 1024 KiB, process confine-budget \(pid \d+\) has \d+ KiB left$"));
        // A child created and never resumed ends with its creator (nobody could run or kill it after).
        Assert.Contains("[cf-half-built] confine: half-built: created a child -> ok, ending without resuming it", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process cf-orphan \(pid \d+\) killed: its creator ended before resuming it$"));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void AnImageThatCannotFitItsLimitIsRefusedBeforeItRuns()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("squeezed,exit"));
        machine.WaitForMatch(ServerLog.AllExited, Long);
        IReadOnlyList<string> lines = machine.Lines;
        string refusal = Assert.Single(lines, l => l.StartsWith("loader: refused 'squeezed': ", StringComparison.Ordinal));
        Assert.Matches(@"^loader: refused 'squeezed': needs \d+ KiB \(image \d+, stack and arguments 68, first heap 80, page tables \d+, kernel 36\), its limit is 256 KiB$", refusal);
        Assert.DoesNotContain(lines, l => ServerLog.Started("squeezed").IsMatch(l));
        Assert.DoesNotContain(lines, l => l.StartsWith("[squeezed]", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(lines);
    }

    [Fact]
    public void ObjectsAProcessCreatesUseUpOnlyItsOwnLimitWhileABystanderAndTheSystemGoOn()
    {
        // The whole system, five hogs (each exhausts its own limit with one kind of object) and a
        // bystander that creates one of every kind per round, during the hogs and after all of them.
        var options = new QemuOptions
        {
            CommandLine = "quiet manifest=system servers=bystander,hog-endpoint,hog-notification,hog-frame,hog-thread,hog-memory",
            SerialConsole = true,
        };
        using var machine = QemuMachine.Boot(_output, options);
        var counts = new Dictionary<string, long>();
        foreach (string kind in new[] { "endpoint", "notification", "frame", "thread", "memory" })
        {
            Match m = machine.WaitForMatch(new Regex($@"^\[hog-{kind}\] confine: hog {kind}: (?<made>\d+) made, then OutOfMemory$"), Long);
            counts[kind] = long.Parse(m.Groups["made"].Value);
        }
        // More than the old system-wide pools held (4096 endpoints, 4096 notifications, 512 threads):
        // each hog's own limit stopped it, not a pool shared with everybody.
        Assert.True(counts["endpoint"] > 4096, $"endpoints: {counts["endpoint"]}");
        Assert.True(counts["notification"] > 4096, $"notifications: {counts["notification"]}");
        Assert.True(counts["thread"] > 512, $"threads: {counts["thread"]}");
        Assert.True(counts["frame"] > 100 && counts["memory"] > 10, $"frames {counts["frame"]}, memory {counts["memory"]}");
        machine.WaitForLine(new Regex(@"^\[bystander\] confine: bystander: \d+ rounds, 0 failed, 20 after every hog reached its limit$"), Long);
        Assert.DoesNotContain(machine.Lines, l => l.Contains("confine: bystander: round", StringComparison.Ordinal));
        // Init and the drivers keep answering (each ping asks Names first, then the server itself).
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
        foreach (string server in new[] { "console", "serial", "keyboard" })
            Assert.Matches($@"^{server} answered in \d+ (us|TSC cycles)$", Assert.Single(ShellTests.Run(machine, $"ping {server}")));
        Assert.Contains(ShellTests.Run(machine, "ps"), l => Regex.IsMatch(l, @"^1 init running 0 "));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    private static long FramesWithHeap(Match wave) => long.Parse(wave.Groups["frames"].Value) + long.Parse(wave.Groups["kept"].Value);

    private static readonly Regex WaveEnded =
        new(@"^wave (?<wave>\d+) ended: free frames (?<frames>\d+), kernel heap (?<heap>\d+) bytes, (?<kept>\d+) frames kept by the kernel heap$");

    [Fact]
    public void ChurningEveryKindOfObjectLeavesTheKernelAsItWas()
    {
        // Three waves. In each, a churner's children fill a 1.5 MiB limit with endpoints, then
        // notifications, then frames, then threads, and four processes start and end, three rounds;
        // two servers start with I/O ranges, a boot image and a shared named endpoint and end at
        // once; a bystander creates an endpoint, a notification, a frame and a thread every round
        // and must never fail. Every object lives in its owner's pages (ObjectArena) and goes back
        // with it: the kernel heap does not grow with what the children made, and the frames free
        // at the end of every wave, and at the very end, are those free before.
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("churn-bystander,churn-io*2,confine-churn waves=3", memoryMiB: 64));
        Match all = machine.WaitForMatch(ServerLog.AllExited, Long);
        Assert.Equal(KernelExit.Success, machine.WaitForExit(Long));
        IReadOnlyList<string> lines = machine.Lines;

        var fill = new Regex(@"^\[cf-fill\] confine: fill (?<kind>\w+): (?<made>\d+) made, then OutOfMemory$");
        var made = lines.Select(l => fill.Match(l)).Where(m => m.Success)
            .GroupBy(m => m.Groups["kind"].Value).ToDictionary(g => g.Key, g => g.Select(m => long.Parse(m.Groups["made"].Value)).ToList());
        foreach (string kind in new[] { "endpoint", "notification", "frame", "thread" })
        {
            // Nine fills of each kind (three waves of three rounds), each as many as the first: what
            // a child made and gave back never shrinks what the next one can make.
            Assert.True(made.TryGetValue(kind, out List<long>? counts), $"no fill of {kind}");
            Assert.Equal(9, counts!.Count);
            Assert.All(counts, c => Assert.Equal(counts[0], c));
        }
        Assert.True(made["endpoint"][0] > 1000 && made["notification"][0] > 1000, $"endpoints {made["endpoint"][0]}, notifications {made["notification"][0]}");
        Assert.True(made["frame"][0] > 50 && made["thread"][0] > 10, $"frames {made["frame"][0]}, threads {made["thread"][0]}");
        Assert.Equal(3, lines.Count(l => l == "[confine-churn] confine: churn: done, 3 rounds"));
        var bystander = new Regex(@"^\[churn-bystander\] confine: churn-bystander: (?<rounds>\d+) rounds, 0 failed, 5 after the churn$");
        Assert.Equal(3, lines.Count(l => bystander.IsMatch(l)));
        Assert.DoesNotContain(lines, l => l.Contains("churn-bystander: round", StringComparison.Ordinal));
        Assert.Equal(3 * 2, ServerLog.IndicesOf(lines, ServerLog.Exited("churn-io")).Count);

        // The kernel's side: every wave ends with the same free frames, and at the end every frame is
        // back. The kernel heap holds no object (they were never on it): between waves it moves only
        // by what the pools of Process and Thread structures (kept by identity, docs/capabilities.md)
        // hold for the most alive at once, which the bystander's timing varies by a thread or two.
        List<Match> waves = lines.Select(l => WaveEnded.Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(new[] { "1", "2" }, waves.Select(m => m.Groups["wave"].Value));
        string report = string.Join("\n  ", waves.Select(m => m.Value).Append(all.Value));
        // Free frames plus those the heap took: a Thread more in the pool can cross a heap chunk's end.
        Assert.True(waves.All(m => FramesWithHeap(m) == FramesWithHeap(waves[0])), $"free frames (with the heap's) changed between waves:\n  {report}");
        Assert.True(waves.All(m => Math.Abs(long.Parse(m.Groups["heap"].Value) - long.Parse(waves[0].Groups["heap"].Value)) < 16 * 1024),
            $"the kernel heap grew between waves by more than a few Thread structures:\n  {report}");
        Assert.Equal(FramesWithHeap(waves[0]).ToString(), ServerLog.FramesBack(all));
        Assert.Equal(all.Groups["before"].Value, ServerLog.FramesBack(all));
        // Objects made: thousands of endpoints and notifications per wave (≈ 150 bytes each); what
        // the kernel heap kept since the first process is far less than even one fill's worth.
        long keptBytes = long.Parse(all.Groups["kept"].Value) * 4096;
        _output.WriteLine($"kernel heap kept {keptBytes} bytes; one fill made {made["endpoint"][0]} endpoints, {made["notification"][0]} notifications");
        Assert.True(keptBytes < made["endpoint"][0] * 64, $"the kernel heap kept {keptBytes} bytes:\n  {report}");
        ServerLog.AssertKernelHealthy(lines);
    }

    // The capability fuzz: one campaign of 1,000,000 calls (more: `./microos run --cmdline
    // "nosystem exit servers=capfuzz waves=N"`, N campaigns with different seeds).
    [Fact]
    public void AMillionRandomSyscallsOnLiveStaleAndRecycledCapabilitiesLeaveTheKernelStanding()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("capfuzz", memoryMiB: 128));
        Match m = machine.WaitForMatch(new Regex(@"^\[capfuzz\] capfuzz: 1000000 calls, (?<values>\d+) values, (?<errors>\d+) error codes; " +
            @"cap arguments: (?<live>\d+) live, (?<stale>\d+) stale, (?<recycled>\d+) recycled, \d+ other; (?<threads>\d+) threads and (?<processes>\d+) processes recycled; still alive$"),
            TimeSpan.FromMinutes(30));
        Assert.Equal(KernelExit.Success, machine.WaitForExit(Long));
        Assert.Equal(1000000, long.Parse(m.Groups["values"].Value) + long.Parse(m.Groups["errors"].Value));
        Assert.True(long.Parse(m.Groups["values"].Value) > 0 && long.Parse(m.Groups["errors"].Value) > 0, m.Value);
        foreach (string group in new[] { "live", "stale", "recycled", "threads", "processes" })
            Assert.True(long.Parse(m.Groups[group].Value) > 0, $"{group}: {m.Value}");
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
