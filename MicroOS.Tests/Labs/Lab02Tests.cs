using System.Text.RegularExpressions;
using MicroOS.Tests.Boot;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Labs;

// Lab 2, "Write a server" (docs/labs/02-server.md): the key-value server `kv` (MicroOS.Servers/
// KeyValue) and the shell's `kv` command. The checks (points and hints are in the handout's table):
// the shell's side on the [lab-2] system, one boot shared by the checks of this class; the hostile
// client's on [lab-2-check] (Lab02ClientTests).
public sealed class Lab02ShellBoot : SectionBoot
{
    public Lab02ShellBoot() : base("lab-2") { }
}

public sealed class Lab02ShellTests : SectionShellTests<Lab02ShellBoot>
{
    public Lab02ShellTests(Lab02ShellBoot boot, ITestOutputHelper output) : base(boot, output) { }

    [Fact, Trait("Lab", "2")]
    public void KvIsRegisteredWithNames()
    {
        string answer = Assert.Single(Run("ping kv"));
        Assert.True(Regex.IsMatch(answer, @"^kv answered in \d+ (us|TSC cycles)$"), $"`ping kv` said: {answer}\n{Boot.Log}");
    }

    [Fact, Trait("Lab", "2")]
    public void PutThenGetFromTheShell()
    {
        Assert.Equal(Array.Empty<string>(), Run("kv put color blue"));
        Assert.Equal(new[] { "blue" }, Run("kv get color"));
        Assert.Equal(Array.Empty<string>(), Run("kv put color dark   red"));     // the value is the rest of the line, as typed
        Assert.Equal(new[] { "dark   red" }, Run("kv get color"));
        Assert.Equal(Array.Empty<string>(), Run("kv put size 42"));
        Assert.Equal(new[] { "42" }, Run("kv get size"));
    }

    [Fact, Trait("Lab", "2")]
    public void DeleteAndMissingKeysFromTheShell()
    {
        Assert.Equal(Array.Empty<string>(), Run("kv put gone soon"));
        Assert.Equal(Array.Empty<string>(), Run("kv del gone"));
        Assert.Equal(new[] { "kv: gone: no such key" }, Run("kv get gone"));
        Assert.Equal(new[] { "kv: gone: no such key" }, Run("kv del gone"));
        Assert.Equal(new[] { "kv: Bad: a key is 1..32 of a-z 0-9 - _ ." }, Run("kv put Bad key"));
        Match count = Regex.Match(Assert.Single(Run("kv count")), @"^(\d+) keys$");
        Assert.True(count.Success, "`kv count` should print `N keys`");
    }
}

// The hostile client (Probe/KeyValueProbe.cs, [lab-2-check]): its report, one boot for the class.
public sealed class Lab02ClientBoot
{
    public Dictionary<string, string> Results { get; } = new();
    public string Log { get; }

    public Lab02ClientBoot()
    {
        var output = new BufferedOutput();
        using var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "quiet testmanifest manifest=lab-2-check" });
        try
        {
            machine.WaitForLine(ServerLog.Said("kv-check", "kv-check: done"), TimeSpan.FromSeconds(120));
        }
        catch (QemuTestException)
        {
            // Reported by the checks below (a result missing), with the log.
        }
        Log = machine.Log;
        foreach (string line in machine.Lines)
        {
            Match m = Regex.Match(line, @"^\[kv-check\] kv-check: (?<what>.+?) -> (?<result>.+)$");
            if (m.Success)
                Results[m.Groups["what"].Value] = m.Groups["result"].Value;
        }
    }
}

public sealed class Lab02ClientTests : IClassFixture<Lab02ClientBoot>
{
    private readonly Lab02ClientBoot _boot;

    public Lab02ClientTests(Lab02ClientBoot boot) => _boot = boot;

    private void Expect(string what, string result)
    {
        Assert.True(_boot.Results.TryGetValue(what, out string? got), $"the hostile client did not get as far as '{what}' (kv died or hung?)\n{_boot.Log}");
        Assert.True(got == result, $"{what}: expected {result}, got {got}");
    }

    [Fact, Trait("Lab", "2")]
    public void KvRefusesWhatTheContractRefuses()
    {
        Expect("put empty key", "-1002");              // KvError.BadKey
        Expect("put upper-case key", "-1002");
        Expect("put key with a space", "-1002");
        Expect("put 33-byte key", "-1002");
        Expect("put 32-byte key", "0");
        Expect("put 161-byte value", "-1003");         // KvError.BadValue
        Expect("put 160-byte value", "0");
        Expect("get 160-byte value", "160 equal");
        Expect("get missing key", "-1001");            // KvError.NotFound
        Expect("delete missing key", "-1001");
        Expect("get bad key", "-1002");
    }

    [Fact, Trait("Lab", "2")]
    public void KvHoldsAtMost64KeysAndReplacesWhenFull()
    {
        Expect("fill", "64 keys");
        Expect("put when full", "-1004");              // KvError.Full
        Expect("replace when full", "1");
        Expect("count", "64");
        Expect("count after deletes", "2");            // the 32-byte key and `long` stay
    }

    [Fact, Trait("Lab", "2")]
    public void KvSurvivesRandomMessages()
    {
        Expect("lookup kv", "0");
        Expect("random messages", "500 answered");
        Expect("ping", "42");
    }
}
