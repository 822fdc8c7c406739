using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Nothing of a process's register state changes behind its back or leaks in from a neighbour: the
// xmm-check probe loads patterns into xmm0-15, the x87 stack, FCW, MXCSR and every general register,
// make syscalls and spin across tens of timer ticks, while sse-churn rewrites its own SSE/x87 state
// and modes without pause on the same CPU (RegisterCheck.cs, RegisterCheck.asm).
public sealed class RegisterPreservationTests
{
    private readonly ITestOutputHelper _output;

    public RegisterPreservationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SseX87AndGeneralRegistersSurviveSyscallsAndPreemptionNextToAnSseNeighbour()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("sse-churn,xmm-check"));
        Assert.Equal(1, ServerLog.WaitForStart(machine, "sse-churn"));
        var churn = new Regex(@"^\[sse-churn\] sse-churn: \d+$");

        int spinning = machine.WaitForLineIndex(ServerLog.Said("xmm-check", "xmm-check: spinning with every register live"));
        int verdict = machine.WaitForLineIndex(new Regex(@"^\[xmm-check\] xmm-check: "), spinning + 1);
        Assert.Equal("[xmm-check] xmm-check: ok", machine.Lines[verdict]);
        int gpr = machine.WaitForLineIndex(new Regex(@"^\[xmm-check\] gpr-check: "), verdict + 1);
        Assert.Equal("[xmm-check] gpr-check: ok", machine.Lines[gpr]);
        Match exited = machine.WaitForMatch(ServerLog.Exited("xmm-check"));
        Assert.Equal("0", exited.Groups["code"].Value);
        // The check spins without a syscall: the neighbour can only have run in between (and
        // printed) if the timer preempted it with its registers live.
        int between = ServerLog.IndexOf(machine.Lines, churn, spinning + 1);
        Assert.True(between > spinning && between < verdict, "sse-churn printed nothing while xmm-check spun: it was never preempted");
        // The neighbour runs on.
        ServerLog.WaitForLinesAfter(machine, churn, gpr, 2);

        IReadOnlyList<string> lines = machine.Lines;
        // Nothing else from the check: a difference would be a line naming the register and both values.
        Assert.Equal(3, lines.Count(l => l.StartsWith("[xmm-check] ", StringComparison.Ordinal)));
        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("sse-churn")));
        ServerLog.AssertKernelHealthy(lines);
    }
}
