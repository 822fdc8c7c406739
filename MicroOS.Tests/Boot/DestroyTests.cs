using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// object_destroy (issue 17 item 3, docs/capabilities.md "Destroy by owner", docs/attack-catalogue.md
// "Destroy by owner"): only the owner, only through its original cap; every cap to the object, in
// every process, answers ObjectGone; threads blocked on it wake with ObjectGone; a frame is unmapped
// everywhere (a process touching it afterwards faults alone); IRQ routes and bindings are forgotten;
// the memory goes back to the owner's budget, so making and destroying stays flat.
// The probe's side: MicroOS.Servers/Tests/Probe/Destroy.cs.
public sealed class DestroyTests
{
    private readonly ITestOutputHelper _output;

    public DestroyTests(ITestOutputHelper output) => _output = output;

    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private static string Line(string text) => $"[destroy-attack] destroy: {text}";

    [Fact]
    public void EveryMisuseOfDestroyIsAnErrorAndEveryHolderSeesObjectGone()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("destroy-attack"));
        machine.WaitForLine(ServerLog.Said("destroy-attack", "destroy: attack: done"), Long);
        Assert.Equal(KernelExit.Success, machine.WaitForExit(Long));
        IReadOnlyList<string> lines = machine.Lines;

        // Twice: the second answers ObjectGone (the cap is stale), as does every cap to it; the
        // stale slot is still the holder's to delete.
        Assert.Contains(Line("twice: destroy -> 0, again -> -9; the original -> -9, its copy -> -9, delete the stale original -> 0"), lines);
        // Not the original: a copy or a minted child (badged or with every right) is MissingRight.
        Assert.Contains(Line("not original: copy -> -7, badged mint -> -7, all-rights mint -> -7; the original -> 0, the copy now -> -9"), lines);
        // Kinds it does not end, empty and outside slots.
        Assert.Contains(Line("kinds: boot image -> -6, io ports -> -6, irq line -> -6, process -> -6, empty slot -> -5, slot outside the table -> -5"), lines);
        // Another process's object, its original sent here: refused, and the owner's object lives on.
        Assert.Contains(Line("other's object: destroy the cap received -> -7"), lines);
        Assert.Contains("[dc-owner] destroy: owner: its endpoint after the parent's attempt -> live", lines);
        // The original lent: the borrower is not the owner (moved in its table or not); the owner's
        // slot is empty while it is out; back home it destroys.
        Assert.Equal(2, lines.Count(l => l == "[dc-borrower] destroy: borrower: destroy -> -7, moved -> 0, destroy after a move -> -7"));
        Assert.Contains(Line("lent original: lend -> 0, destroy while lent -> -5, after it came back -> 0"), lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\[dc-borrower\] destroy: borrower: inspect -> [1-9]\d*$"));
        // A copy out on loan when the owner destroys: the borrower's cap is stale, and comes back stale.
        Assert.Contains("[dc-borrower] destroy: borrower: inspect -> -9", lines);
        Assert.Contains(Line("lent copy: destroy while lent -> 0, the loan back -> -9"), lines);
        // Threads blocked in other processes wake with ObjectGone.
        Assert.Contains(Line("blocked: destroy under a receiver -> 0, a sender -> 0, a waiter -> 0"), lines);
        Assert.Contains("[dc-receiver] destroy: receiver: receive -> -9", lines);
        Assert.Contains("[dc-sender] destroy: sender: send -> -9", lines);
        Assert.Contains("[dc-waiter] destroy: waiter: wait -> -9", lines);
        // A frame mapped here and in a child: unmapped in both; the child's next touch is a page
        // fault that ends it alone; the address takes a fresh (zeroed) frame.
        Assert.Contains("[dc-mapper] destroy: mapper: map -> 0, reads 3490578157", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^process dc-mapper \(pid \d+\) killed: #PF Page Fault .*address 0x0000003000000000 \(page not present, read, user\)$"));
        Assert.DoesNotContain(lines, l => l.Contains("must not happen", StringComparison.Ordinal));
        Assert.Contains(Line("mapped: map here -> 0, destroy -> 0, the mapper ended yes, unmap here after -> -2, a new frame at the same address -> 0 reads 0"), lines);
        // An IRQ route and a thread binding die with the notification: a new one in its cell hears neither.
        Assert.Contains(Line("irq route: route -> 0, fired -> 0 bits 16; destroyed -> 0, a new notification -> -10; routed to it -> 0, fired -> 0 bits 16"), lines);
        Assert.Contains(Line("bound: bind -> 0, its signal -> 1, destroyed -> 0, a new one's signal -> -10"), lines);
        ServerLog.AssertKernelHealthy(lines);
    }

    // 2,000 rounds of a 16-page frame (mapped, written), an endpoint and a notification, made and
    // destroyed by a child whose 1 MiB limit holds a few such frames at most: every round succeeds, and its pages and
    // kernel-object frames after the last round are what they were after the first.
    [Fact]
    public void MakingAndDestroyingObjectsStaysFlat()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("destroy-churn"));
        var pattern = new Regex(@"^\[destroy-churn\] destroy: churn: limit (?<limit>\d+) frames; after 1 round: (?<p1>\d+) pages, (?<o1>\d+) object frames; " +
            @"after 2000 rounds: (?<pn>\d+) pages, (?<on>\d+) object frames$");
        Match done = pattern.Match(machine.WaitForLine(pattern, Long));
        Assert.Equal(KernelExit.Success, machine.WaitForExit(Long));
        IReadOnlyList<string> lines = machine.Lines;
        Assert.Contains("[dc-churn] destroy: churn: 2000 rounds of a 16-page frame, an endpoint and a notification made and destroyed; failures 0", lines);
        Assert.Equal(done.Groups["p1"].Value, done.Groups["pn"].Value);
        Assert.Equal(done.Groups["o1"].Value, done.Groups["on"].Value);
        // 2,000 frames of 16 pages are 32,000 pages: far past the limit unless each came back.
        Assert.True(int.Parse(done.Groups["limit"].Value) < 2000 * 16 / 10);
        ServerLog.AssertKernelHealthy(lines);
    }
}
