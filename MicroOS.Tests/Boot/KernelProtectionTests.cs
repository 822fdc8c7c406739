using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Kernel W^X, SMEP and SMAP, proven by the kernel breaking its own rules on purpose (test=<mode>
// in Diagnostics/TestModes.cs): each attempt must end in a ring-0 #PF naming the kind of access,
// never in the line the kernel prints when the access went through.
public sealed class KernelProtectionTests
{
    private static readonly Regex Cr2 = new(@"^\s+cr2 0x(?<address>[0-9A-F]{16})\s+\((?<cause>[^)]*)\)$");

    private readonly ITestOutputHelper _output;

    public KernelProtectionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheBootLogNamesEveryProtectionThatIsOn()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit quiet" });
        machine.WaitForLine("protections: kernel W^X (text RX, rodata R, data/stacks/physmap RW+NX), NX, CR0.WP, CR0.NE, SMEP on, SMAP on, UMIP on");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
    }

    [Fact]
    public void OnACpuWithoutThemSmepSmapAndUmipAreReportedOffAndTheSystemStillRuns()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit quiet", Cpu = "qemu64" });
        machine.WaitForLine("SMEP off (CPU lacks it), SMAP off (CPU lacks it), UMIP off (CPU lacks it)");
        machine.WaitForLine("[init] init: running in ring 3");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
    }

    [Theory]
    // A write to the first page of kernel text.
    [InlineData("write-text", "protection violation, write, supervisor", "FFFFFFFF80101000")]
    // A call into a heap object in the kernel's .bss.
    [InlineData("exec-data", "protection violation, read, supervisor, instruction fetch", "FFFFFFFF8")]
    // A call into the physmap's alias of kernel text.
    [InlineData("exec-physmap", "protection violation, read, supervisor, instruction fetch", "FFFF800000101000")]
    // SMAP: a plain kernel read of a user page (outside UserCopy.asm).
    [InlineData("smap-read", "protection violation, read, supervisor", "0000000000400000")]
    // SMEP: the kernel calling into a user page.
    [InlineData("smep-exec", "protection violation, read, supervisor, instruction fetch", "0000000000400000")]
    public void TheKernelBreakingItsOwnRuleFaults(string mode, string cause, string addressPrefix)
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = $"exit quiet test={mode}" });
        machine.WaitForLine("FAULT: #PF Page Fault (vector 14) in ring 0");
        Match m = Cr2.Match(machine.WaitForLine(Cr2));
        Assert.Equal(cause, m.Groups["cause"].Value);
        Assert.StartsWith(addressPrefix, m.Groups["address"].Value);
        Assert.Equal(KernelExit.CpuFault, machine.WaitForExit());
        Assert.DoesNotContain(machine.Lines, l => l.StartsWith(mode + ":", StringComparison.Ordinal));
    }
}
