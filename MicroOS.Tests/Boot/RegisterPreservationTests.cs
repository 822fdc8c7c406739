using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Nothing of a process's register state changes behind its back or leaks in from a neighbour: two
// xmm-check probes load patterns into xmm0-15, the x87 stack, FCW, MXCSR and every general register,
// make syscalls and spin across tens of timer ticks, while sse-churn rewrites its own SSE/x87 state
// and modes without pause on the same CPU (RegisterCheck.cs, RegisterCheck.asm).
public sealed class RegisterPreservationTests
{
    private readonly ITestOutputHelper _output;

    public RegisterPreservationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SseX87AndGeneralRegistersSurviveSyscallsAndPreemptionNextToAnSseNeighbour()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("sse-churn,xmm-check*2"));
        Assert.Equal(1, ServerLog.WaitForStart(machine, "sse-churn"));

        int last = -1;
        for (int i = 0; i < 2; i++)
        {
            last = machine.WaitForLineIndex(ServerLog.Ended("xmm-check"), last + 1);
            Match exited = ServerLog.Exited("xmm-check").Match(machine.Lines[last]);
            Assert.True(exited.Success && exited.Groups["code"].Value == "0", $"xmm-check ended with `{machine.Lines[last]}`");
        }
        // The neighbour was running throughout and still is.
        ServerLog.WaitForLinesAfter(machine, new Regex(@"^\[sse-churn\] sse-churn: \d+$"), last, 2);

        IReadOnlyList<string> lines = machine.Lines;
        // Exactly these lines: a difference would name the register and both values instead.
        Assert.Equal(2, lines.Count(l => l == "[xmm-check] xmm-check: ok"));
        Assert.Equal(2, lines.Count(l => l == "[xmm-check] gpr-check: ok"));
        string? difference = lines.FirstOrDefault(l => l.StartsWith("[xmm-check] ", StringComparison.Ordinal) && !l.EndsWith("-check: ok", StringComparison.Ordinal));
        Assert.True(difference == null, $"a register changed: {difference}");
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("sse-churn")));
        ServerLog.AssertKernelHealthy(lines);
    }
}
