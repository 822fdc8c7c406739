using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Server contracts (issue 16): the dispatchers MicroOS.Build/Contracts generates from the C#
// interfaces in MicroOS.Shared/Contracts, and capabilities found by name. Both sections are in
// MicroOS.Build/test-manifest.txt.
public sealed class ContractTests
{
    private readonly ITestOutputHelper _output;

    public ContractTests(ITestOutputHelper output) => _output = output;

    private static QemuOptions Section(string section) => new() { CommandLine = $"exit quiet testmanifest manifest={section}", MemoryMiB = 64 };

    // Random and malformed messages (labels, lengths, words, payload bytes, capabilities) to every
    // system server's generated dispatcher (ata and fat too, without a disk): each is answered (most with BadMessage), no server dies
    // or is restarted, and each still answers a ping and a well-formed request afterwards.
    [Fact]
    public void FuzzedMessagesGetErrorRepliesAndEveryServerStillAnswers()
    {
        using var machine = QemuMachine.Boot(_output, Section("contract-fuzz"));
        var line = new Regex(@"^\[contract-fuzz\] contract-fuzz: (?<name>[a-z]+): 1500 messages, (?<refused>\d+) refused, (?<answered>\d+) answered, (?<failed>\d+) failed; ping (?<ping>-?\d+), request (?<request>\w+), describe (?<describe>\w+)$");
        var contracts = new Dictionary<string, string>
        {
            ["names"] = "INames", ["serial"] = "ISerialLine", ["keyboard"] = "IKeyboard", ["console"] = "IConsole", ["supervisor"] = "ISupervisor", ["init"] = "IInit",
            ["ata"] = "IBlock", ["fat"] = "IFileSystem",
        };
        foreach (string name in contracts.Keys)
        {
            Match m = line.Match(machine.WaitForLine(new Regex(line.ToString().Replace("(?<name>[a-z]+)", Regex.Escape(name))), TimeSpan.FromMinutes(4)));
            Assert.True(m.Success);
            // The decoders ran (malformed requests refused) and the handlers ran (well-formed ones answered).
            Assert.True(int.Parse(m.Groups["refused"].Value) > 100, $"{name}: too few refused: {m.Value}");
            Assert.True(int.Parse(m.Groups["answered"].Value) > 10, $"{name}: too few answered: {m.Value}");
            Assert.Equal("42", m.Groups["ping"].Value);
            Assert.Equal("ok", m.Groups["request"].Value);
            // The describe reply (ContractInfo.DescribeLabel) still decodes, and names the server's contract.
            Assert.Equal(contracts[name], m.Groups["describe"].Value);
        }
        machine.WaitForLine(ServerLog.Said("contract-fuzz", "contract-fuzz: done"));
        foreach (string name in contracts.Keys)
            Assert.DoesNotContain(machine.Lines, l => ServerLog.Ended(name).IsMatch(l));
        Assert.DoesNotContain(machine.Lines, l => l.Contains("supervisor: restarted", StringComparison.Ordinal) || l.Contains("unhandled exception", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // A capability a server asks for by name that its manifest line does not grant, or grants as
    // another type, stops that server at start with one line naming it; the rest of the system runs.
    [Fact]
    public void AMissingOrWrongTypedCapabilityStopsTheServerWithOneClearLine()
    {
        using var machine = QemuMachine.Boot(_output, Section("caps-test"));
        machine.WaitForLine(ServerLog.Said("keyboard", "keyboard: cannot start: no capability ntfn:coninput in its manifest line's caps="));
        machine.WaitForLine(ServerLog.Said("serial", "serial: cannot start: capability ep:serial (slot 3) holds a notification, not an endpoint"));
        machine.WaitForLine(ServerLog.Exited("keyboard"));
        machine.WaitForLine(ServerLog.Exited("serial"));
        machine.WaitForLine(ServerLog.Said("echo", "echo: registered -> 0"));
        Assert.Single(machine.Lines, l => l.StartsWith("[keyboard] ", StringComparison.Ordinal));
        Assert.Single(machine.Lines, l => l.StartsWith("[serial] ", StringComparison.Ordinal) && !l.Contains("first request", StringComparison.Ordinal));
        Assert.Contains(machine.Lines, l => Regex.IsMatch(l, @"^process keyboard \(pid \d+\) exited with code 2$"));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
