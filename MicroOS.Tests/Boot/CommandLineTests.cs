using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Kernel command line options, delivered through fw_cfg (see QemuOptions.CommandLine).
public sealed class CommandLineTests
{
    private readonly ITestOutputHelper _output;

    public CommandLineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void UnknownOptionIsReportedAndBootContinues()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit frobnicate=7" });

        machine.WaitForLine("warning: unknown kernel option 'frobnicate=7' ignored");
        machine.WaitForLine(BootBanner.Ready);

        Assert.Equal(KernelExit.Success, machine.WaitForExit());
    }

    [Fact]
    public void QuietBootPrintsFewerLinesButStillTheBanner()
    {
        int normal = BootToIdleAndCountLines("exit");
        int quiet = BootToIdleAndCountLines("exit quiet");

        Assert.True(quiet < normal, $"`quiet` printed {quiet} lines, a normal boot {normal}");
    }

    private int BootToIdleAndCountLines(string commandLine)
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = commandLine });
        machine.WaitForLine(BootBanner.Booting);
        machine.WaitForLine(BootBanner.Ready);
        machine.WaitForLine(BootBanner.Idle);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        return machine.Lines.Count;
    }
}
