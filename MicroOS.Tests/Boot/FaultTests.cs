using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The kernel's own CPU-exception and panic paths, triggered on purpose with test=<kind>.
public sealed class FaultTests
{
    // `  error code 0x...  rip 0x...  rsp 0x...`: the first line of the register dump.
    private static readonly Regex FaultFrame = new(@"error code 0x[0-9A-F]{16}\s+rip 0x[0-9A-F]{16}\s+rsp 0x[0-9A-F]{16}");

    private readonly ITestOutputHelper _output;

    public FaultTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("divide", "#DE Divide Error", 0)]
    [InlineData("pagefault", "#PF Page Fault", 14)]
    [InlineData("gpf", "#GP General Protection Fault", 13)]
    public void CpuExceptionIsReportedWithItsVectorAndEndsTheMachine(string test, string exception, int vector)
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = $"exit test={test}" });

        machine.WaitForLine($"FAULT: {exception} (vector {vector})");
        machine.WaitForLine(FaultFrame);
        machine.WaitForLine($"KERNEL PANIC: CPU exception {exception}");

        Assert.Equal(KernelExit.CpuFault, machine.WaitForExit());
    }

    [Fact]
    public void PageFaultReportShowsTheFaultingAddressInCr2()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit test=pagefault" });

        machine.WaitForLine("FAULT: #PF Page Fault (vector 14)");
        // test=pagefault reads 0x00000050DEADB000, an address nothing maps.
        machine.WaitForLine("cr2 0x00000050DEADB000");

        Assert.Equal(KernelExit.CpuFault, machine.WaitForExit());
    }

    [Fact]
    public void UnhandledManagedExceptionPanicsTheKernel()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit test=panic" });

        machine.WaitForLine("KERNEL PANIC: unhandled exception System.InvalidOperationException: panic requested by test=panic");

        Assert.Equal(KernelExit.Panic, machine.WaitForExit());
    }
}
