using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Long syscalls let interrupts in every bounded slice of work (Tasks/Preemption.cs). Measured in
// guest instructions (-icount shift=0, so the counts are exact): the longest stretch with
// interrupts masked must be a small bounded slice, far shorter than the longest syscall.
public sealed class InterruptLatencyTests
{
    private static readonly Regex BySyscall = new(@"^irqoff: longest stretch by syscall:(?<list>( [a-z_0-9]+=\d+)+)$");
    private static readonly Regex IrqOff = new(@"^irqoff: longest interrupts-off stretch in a syscall (?<stretch>\d+) ticks \(syscall (?<stretchCall>\d+)\); longest syscall (?<call>\d+) ticks \(syscall (?<callNumber>\d+)\)$");

    // One slice: 16 pages zeroed by map_memory, 16 bytes of a debug write (with VGA scrolling), one
    // page of an image loaded by process_create, one page table of a space torn down, 256 caps revoked.
    private const long SliceBoundInstructions = 200_000;

    private readonly ITestOutputHelper _output;

    public InterruptLatencyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheLongestSyscallsKeepInterruptsMaskedOnlyForOneSlice()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "exit quiet irqoff nosystem servers=long-syscalls,busy-3",
            CountInstructions = true,
        });
        machine.WaitForLine("[long-syscalls] long-syscalls: 3 writes of 4096 bytes returned 0, map_memory(64 MiB) succeeded");
        // The capability calls: a revoke of 499 caps (a chain 118 deep here, 127 children in each of
        // three other tables), the same again by cap_transfer, 4 KiB calls, kills of full tables.
        machine.WaitForLine("[long-syscalls] long-syscalls: endpoint -> 0, 499 caps derived, revoke -> 499, derived again 499, echo server resumed -> 0, 20 of 20 calls of 4 KiB answered, 3 kills -> 0");
        // The busy server was preempted and kept running while the long syscalls went on.
        machine.WaitForLine("[busy-3] busy three: 3");
        Match m = machine.WaitForMatch(IrqOff, TimeSpan.FromSeconds(120));
        long stretch = long.Parse(m.Groups["stretch"].Value);
        long longestCall = long.Parse(m.Groups["call"].Value);
        _output.WriteLine($"longest interrupts-off stretch {stretch} instructions; longest syscall {longestCall} instructions");
        Assert.Equal("4", m.Groups["callNumber"].Value);            // map_memory(64 MiB) is the longest call
        Assert.True(longestCall > 10_000_000, $"map_memory of 64 MiB took only {longestCall} instructions?");
        Assert.True(stretch < SliceBoundInstructions, $"interrupts were masked for {stretch} instructions in a row");
        // Each of them was measured (the capability rows too), so the bound above covers them.
        Dictionary<string, long> by = machine.WaitForMatch(BySyscall).Groups["list"].Value.Trim().Split(' ')
            .Select(pair => pair.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1]));
        foreach (string call in new[] { "cap_revoke", "cap_transfer", "process_kill", "process_create", "endpoint_call", "exit", "map_memory", "debug_write" })
            Assert.True(by.ContainsKey(call), $"irqoff did not measure {call}");
        _output.WriteLine(string.Join(", ", by.Select(p => $"{p.Key} {p.Value}")));
    }
}
