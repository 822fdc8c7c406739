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
    private static readonly Regex IrqOff = new(@"^irqoff: longest interrupts-off stretch in a syscall (?<stretch>\d+) ticks \(syscall (?<stretchCall>\d+)\); longest syscall (?<call>\d+) ticks \(syscall (?<callNumber>\d+)\)$");

    // One slice: 16 pages zeroed by map_memory, or 16 bytes of a debug write (with VGA scrolling).
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
        // The busy server was preempted and kept running while the long syscalls went on.
        machine.WaitForLine("[busy-3] busy three: 3");
        Match m = machine.WaitForMatch(IrqOff, TimeSpan.FromSeconds(120));
        long stretch = long.Parse(m.Groups["stretch"].Value);
        long longestCall = long.Parse(m.Groups["call"].Value);
        _output.WriteLine($"longest interrupts-off stretch {stretch} instructions; longest syscall {longestCall} instructions");
        Assert.Equal("4", m.Groups["callNumber"].Value);            // map_memory(64 MiB) is the longest call
        Assert.True(longestCall > 10_000_000, $"map_memory of 64 MiB took only {longestCall} instructions?");
        Assert.True(stretch < SliceBoundInstructions, $"interrupts were masked for {stretch} instructions in a row");
    }
}
