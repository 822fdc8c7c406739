using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The ELF loader refuses malformed server images with a reason, starts no process for them, and
// the boot goes on with the next manifest entry.
public sealed class LoaderTests
{
    private readonly ITestOutputHelper _output;

    public LoaderTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void MalformedImagesAreRefusedAndTheNextServerStillRuns()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("bad-truncated,bad-machine,bad-kernel-half,exit"));

        int truncated = machine.WaitForLineIndex(new Regex(@"^loader: refused image 'bad-truncated': truncated: \S"));
        int machineType = machine.WaitForLineIndex(new Regex("^" + Regex.Escape("loader: refused image 'bad-machine': wrong machine: expected x86-64 (62), found 3") + "$"));
        int kernelHalf = machine.WaitForLineIndex(new Regex("^" + Regex.Escape("loader: refused image 'bad-kernel-half': segment 0 at 0xFFFFFFFF80000000 is outside the user half") + "$"));
        int started = machine.WaitForLineIndex(ServerLog.Started("exit"));
        Assert.True(truncated < machineType && machineType < kernelHalf && kernelHalf < started,
            $"expected the refusals in manifest order, then `exit` started; got lines {truncated}, {machineType}, {kernelHalf}, {started}");

        int pid = int.Parse(ServerLog.Started("exit").Match(machine.Lines[started]).Groups["pid"].Value);
        Match exited = machine.WaitForMatch(ServerLog.Exited("exit"));
        Assert.Equal(pid.ToString(), exited.Groups["pid"].Value);
        Assert.Equal("0", exited.Groups["code"].Value);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());

        IReadOnlyList<string> lines = machine.Lines;
        Assert.DoesNotContain(lines, line => line.StartsWith("servers: started bad-", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("process bad-", StringComparison.Ordinal));
        Assert.Single(ServerLog.IndicesOf(lines, ServerLog.Started("exit")));
        ServerLog.AssertKernelHealthy(lines);
    }
}
