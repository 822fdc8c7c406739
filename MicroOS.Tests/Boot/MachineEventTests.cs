using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Events that come from the machine, not from the code that happens to run (Arch/X64/Idt.cs):
// an NMI is never a reason to kill the process it interrupts.
public sealed class MachineEventTests
{
    private static readonly Regex Progress = new(@"^\[busy-a\] busy a: (?<n>\d+)$");

    private readonly ITestOutputHelper _output;

    public MachineEventTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AnNmiWhileAServerRunsIsLoggedAndTheServerGoesOn()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit quiet nosystem servers=busy-a", Monitor = true });
        machine.WaitForLine("[busy-a] busy a: 1");
        // busy-a never enters the kernel on its own: the NMI lands while ring 3 runs (or in the
        // timer's short ring-0 visit); either way the server must survive it.
        machine.Monitor("nmi");
        string nmi = machine.WaitForLine("nmi: non-maskable interrupt received");
        Assert.Matches(@"^nmi: non-maskable interrupt received \(in ring [03]\), ignored$", nmi);
        int after = machine.Lines.Count;
        // The first progress line after the NMI line (not the first of the run: under load the NMI
        // line can come several progress lines late, and `busy a: 3` may already be before `after`).
        int firstIndex = machine.WaitForLineIndex(Progress, after);
        int first = int.Parse(Progress.Match(machine.Lines[firstIndex]).Groups["n"].Value);
        machine.WaitForLineIndex(new Regex($@"^\[busy-a\] busy a: {first + 2}$"), after);
        Assert.DoesNotContain(machine.Lines, l => l.Contains("killed", StringComparison.Ordinal) || l.Contains("PANIC", StringComparison.Ordinal));
    }
}
