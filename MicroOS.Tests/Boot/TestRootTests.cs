using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The test root (kernel option `testroot`, MicroOS.Servers/Init/TestRoot.cs; issue 16 item 7): the
// kernel starts Init and only Init, and Init starts the servers= test entries with their caps=, in
// ring 3 (IpcTests' badge, rights, grant and share tests boot it too). The same servers as the
// kernel-started ones must behave the same: pids after Init's, a server's
// death reaching its clients as ObjectGone (Init destroys the endpoint its first namer owned), every
// frame back once Init has exited after its last child.
public sealed class TestRootTests
{
    private readonly ITestOutputHelper _output;

    public TestRootTests(ITestOutputHelper output) => _output = output;

    // The kernel's only start is Init's; each test server's start line is Init's.
    private static void AssertOnlyInitStartedByTheKernel(QemuMachine machine, params string[] servers)
    {
        Assert.Equal("1", machine.WaitForMatch(ServerLog.Started("init")).Groups["pid"].Value);
        int pid = 2;
        foreach (string name in servers)
        {
            Match started = machine.WaitForMatch(ServerLog.Started(name));
            Assert.Equal("test", started.Groups["kind"].Value);
            Assert.Equal(pid++.ToString(), started.Groups["pid"].Value);
            Assert.Contains($"[init] servers: started {name} (pid {started.Groups["pid"].Value}, test, limit 768 KiB)", machine.Lines);
            Assert.DoesNotContain(machine.Lines, l => l.StartsWith($"servers: started {name} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void InitStartsTheTestServersAndEveryFrameComesBackWhenTheyEnd()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,ping-last"));
        AssertOnlyInitStartedByTheKernel(machine, "pong", "ping-last");
        machine.WaitForLine("[ping-last] ping: 100 calls answered, badge 0, last reply 694");
        machine.WaitForLine("[ping-last] ping: asked pong to exit -> -9");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("ping-last")).Groups["code"].Value);
        machine.WaitForLine("[init] init: test root: 2 servers ended");
        Assert.Equal("0", machine.WaitForMatch(ServerLog.Exited("init")).Groups["code"].Value);
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
        ServerLog.AssertCleanShutdown(machine);
    }

    [Fact]
    public void AServerThatDiesMidCallGivesItsCallerObjectGoneThoughInitMadeTheEndpoint()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("pong,die-client"));
        AssertOnlyInitStartedByTheKernel(machine, "pong", "die-client");
        machine.WaitForLine("[pong] pong: exiting mid-call");
        machine.WaitForLine("[die-client] die-client: call -> -9");
        machine.WaitForLine("[die-client] die-client: call after death -> -9");
        machine.WaitForLine("[die-client] die-client: inspect -> -9");
        Match final = machine.WaitForMatch(ServerLog.AllExited);
        Assert.Equal(final.Groups["before"].Value, ServerLog.FramesBack(final));
        ServerLog.AssertCleanShutdown(machine);
    }

    [Fact]
    public void AnUnknownNameOrBadCountIsReportedAndTheOthersStart()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestRoot("no-such-server,exit*0,exit*2"));
        machine.WaitForLine("[init] init: test root: no server 'no-such-server' in the test manifest");
        machine.WaitForLine("[init] init: test root: bad server count in 'exit*0' (use name*N, N from 1 to 256)");
        machine.WaitForLine("[init] init: test root: 2 servers ended");
        Assert.Equal(2, ServerLog.IndicesOf(machine.Lines, ServerLog.Exited("exit")).Count(i => machine.Lines[i].EndsWith("code 0", StringComparison.Ordinal)));
        ServerLog.AssertCleanShutdown(machine);
    }
}
