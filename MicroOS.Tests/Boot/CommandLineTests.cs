using System.Text.RegularExpressions;
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

    // The loader's command line (its file table, as GRUB's menu entry) says `manifest=system`; a fw_cfg
    // line replaces it, so a test's `exit` boot starts init alone, which finds no section to start and
    // exits: the boot ends.
    [Fact]
    public void AFwCfgCommandLineReplacesTheLoadersAndTheBootEnds()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit quiet" });
        machine.WaitForLine(new Regex(@"^boot: loader 'MicroOS boot loader', command line 'exit quiet'$"));
        machine.WaitForLine(ServerLog.Said("init", "init: system up, 0 servers started; init holds 0 device capabilities"));
        machine.WaitForLine(ServerLog.AllExited);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        Assert.DoesNotContain(machine.Lines, l => l.StartsWith("[init] init: started ", StringComparison.Ordinal));
    }

    // No fw_cfg file at all (VMware Player, real hardware, `./microos run`): the loader's line boots
    // the whole system to the shell's prompt on the serial line; GRUB's (iso/MicroOS-grub.iso) too.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithoutAFwCfgCommandLineTheLoadersBootsTheSystemToTheShell(bool grub)
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "", SerialConsole = true, Iso = grub ? RepoPaths.GrubIso : RepoPaths.Iso });
        machine.WaitForLine(new Regex(grub ? @"^boot: loader 'GRUB [^']*', command line 'manifest=system'$" : @"^boot: loader 'MicroOS boot loader', command line 'manifest=system'$"));
        machine.WaitForLine(ServerLog.Said("init", "init: system up, 9 servers started; init holds 0 device capabilities"));
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
        Assert.Equal(new[] { "up" }, ShellTests.Run(machine, "echo up"));
        ServerLog.AssertKernelHealthy(machine.Lines);
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
