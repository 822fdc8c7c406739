using System.Text.RegularExpressions;
using MicroOS.Shared.Abi;
using MicroOS.Tests.Boot;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Labs;

// Lab 3, "Capabilities" (docs/labs/03-capabilities.md): the owner (MicroOS.Servers/Tests/Probe/
// CapabilityLab.cs) mints a read-only frame and a badged send-only endpoint, grants them over IPC and
// revokes them; the peer attacks with its copies and reports each attempt. One boot of [lab-3].
public sealed class Lab03Boot
{
    public Dictionary<string, string> Results { get; } = new();
    public string Log { get; }

    public Lab03Boot()
    {
        var output = new BufferedOutput();
        using var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "quiet testmanifest manifest=lab-3" });
        try
        {
            machine.WaitForLine(ServerLog.Said("cap-peer", "cap-peer: done"), TimeSpan.FromSeconds(60));
        }
        catch (QemuTestException)
        {
            // Reported by the checks below (a result missing), with the log.
        }
        Log = machine.Log;
        foreach (string line in machine.Lines)
        {
            Match m = Regex.Match(line, @"^\[cap-peer\] cap-peer: (?<what>.+?) -> (?<result>.+)$");
            if (m.Success)
                Results[m.Groups["what"].Value] = m.Groups["result"].Value;
        }
    }
}

public sealed class Lab03CapabilityTests : IClassFixture<Lab03Boot>
{
    private readonly Lab03Boot _boot;

    public Lab03CapabilityTests(Lab03Boot boot) => _boot = boot;

    private void Expect(string what, string result, string meaning)
    {
        Assert.True(_boot.Results.TryGetValue(what, out string? got), $"the peer did not get as far as '{what}'\n{_boot.Log}");
        Assert.True(got == result, $"{what}: expected {result} ({meaning}), got {got}");
    }

    [Fact, Trait("Lab", "3")]
    public void TheCopiesArrive()
    {
        Expect("frame arrived", "yes", "a message on lab3 carrying the frame");
        Expect("endpoint arrived", "yes", "a message on lab3 carrying the endpoint");
    }

    [Fact, Trait("Lab", "3")]
    public void TheFrameCopyIsReadOnly()
    {
        Expect("map writable", ((long)SyscallError.MissingRight).ToString(), "MissingRight: the copy has no Write");
        Expect("map read-only", "0", "Read is enough to map it read-only");
        Expect("secret", "read", "the owner's page through the copy");
    }

    [Fact, Trait("Lab", "3")]
    public void TheEndpointCopyIsBadgedAndSendOnly()
    {
        Expect("receive on the copy", ((long)SyscallError.MissingRight).ToString(), "MissingRight: the copy has no Read");
        Expect("call", "0", "Write is enough to call");
        Expect("badge seen by the owner", "42", "the badge minted into the copy");
    }

    [Fact, Trait("Lab", "3")]
    public void RevokedCopiesAreGone()
    {
        Expect("map after revoke", ((long)SyscallError.InvalidCapability).ToString(), "InvalidCapability: the revoke emptied the peer's slot");
        Expect("send after revoke", ((long)SyscallError.InvalidCapability).ToString(), "InvalidCapability: the revoke emptied the peer's slot");
    }
}
