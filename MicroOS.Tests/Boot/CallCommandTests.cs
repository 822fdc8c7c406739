using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using MicroOS.Tests.Labs;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The shell's `call NAME METHOD [ARGS...]` and `contracts [NAME]` (MicroOS.Servers/Shell/CallCommand.cs)
// on the [call-test] system (test-manifest.txt): `calltest` serves ICallTest, a contract defined in the
// probe (Probe/CallTestServer.cs) that the shell is not compiled with, so everything the shell knows of
// it comes from the generated dispatcher's describe reply (ContractInfo.DescribeLabel); `kv`, Names,
// the supervisor and the console are the system's own. One boot for the class.
public sealed class CallTestBoot : SectionBoot
{
    public CallTestBoot() : base("call-test", "[calltest] calltest: registered with names", "[kv] kv: registered with names") { }
}

public sealed class CallCommandTests : SectionShellTests<CallTestBoot>
{
    private static readonly string[] CallTestContract =
    {
        "calltest: ICallTest",
        "  Add(long a, long b)",
        "  Negate(bool value, out bool negated)",
        "  Greet(string name, out string greeting)",
        "  Repeat(byte times, string text, bool upper, out string result, out uint length)",
        "  Fail(long code)",
        "  Keep(Endpoint endpoint)  [not callable from the shell: endpoint is a capability (Endpoint)]",
        "  Sum(ReadOnlySpan<byte> bytes)  [not callable from the shell: bytes is ReadOnlySpan<byte>]",
    };

    public CallCommandTests(CallTestBoot boot, ITestOutputHelper output) : base(boot, output) { }

    private static string[] UsageError(string first) => new[] { "call: " + first }.Concat(CallTestContract).ToArray();

    [Fact]
    public void IntegersStringsAndBooleansGoInAndComeOutTyped()
    {
        Assert.Equal(new[] { "Add -> 42" }, Run("call calltest Add 2 40"));
        Assert.Equal(new[] { "Add -> 11" }, Run("call calltest Add -5 0x10"));
        Assert.Equal(new[] { "Add -> 9223372036854775807" }, Run("call calltest Add 9223372036854775806 1"));
        // (A negative answer is an error by the contract rule: Fail below.)
        Assert.Equal(new[] { "Add -> error -16 (the server's own error)" }, Run("call calltest Add -9223372036854775808 0x7ffffffffffffff0"));
        Assert.Equal(new[] { "Negate -> 0", "  negated = false" }, Run("call calltest Negate true"));
        Assert.Equal(new[] { "Negate -> 0", "  negated = true" }, Run("call calltest Negate false"));
        Assert.Equal(new[] { "Greet -> 16", "  greeting = \"hello, big world\"" }, Run("call calltest Greet \"big world\""));
        Assert.Equal(new[] { "Greet -> 7", "  greeting = \"hello, \"" }, Run("call calltest Greet \"\""));
        // Words and payload mixed: byte, string, bool in; string and uint out.
        Assert.Equal(new[] { "Repeat -> 3", "  result = \"ABABAB\"", "  length = 6" }, Run("call calltest Repeat 3 ab true"));
        Assert.Equal(new[] { "Repeat -> 2", "  result = \"say \"hi\"say \"hi\"\"", "  length = 16" },
            Run("call calltest Repeat 2 \"say \\\"hi\\\"\" false"));
        // A negative answer is the server's error, printed as such.
        Assert.Equal(new[] { "Fail -> error -1001 (the server's own error)" }, Run("call calltest Fail -1001"));
        Assert.Equal(new[] { "Fail -> 5" }, Run("call calltest Fail 5"));
    }

    [Fact]
    public void EachWrongCallIsAUsageErrorNamingTheMethods()
    {
        Assert.Equal(new[] { "call: no server named 'nosuch'" }, Run("call nosuch Add 1 2"));
        Assert.Equal(new[] { "call: 'No_Such' is not a server name (1..32 of a-z 0-9 -)" }, Run("call No_Such Add 1 2"));
        Assert.Equal(UsageError("no method 'Mul' in ICallTest"), Run("call calltest Mul 1 2"));
        Assert.Equal(UsageError("no method 'add' in ICallTest"), Run("call calltest add 1 2"));
        Assert.Equal(UsageError("Add takes 2 arguments, not 1"), Run("call calltest Add 1"));
        Assert.Equal(UsageError("Add takes 2 arguments, not 3"), Run("call calltest Add 1 2 3"));
        Assert.Equal(UsageError("Greet takes 1 argument, not 2"), Run("call calltest Greet big world"));
        Assert.Equal(UsageError("a is long: 'one' is not an integer of 64 bits"), Run("call calltest Add one 2"));
        Assert.Equal(UsageError("b is long: '9223372036854775808' is not an integer of 64 bits"), Run("call calltest Add 1 9223372036854775808"));
        Assert.Equal(UsageError("value is bool: 'maybe' is not true or false"), Run("call calltest Negate maybe"));
        Assert.Equal(UsageError("value is bool: '1' is not true or false"), Run("call calltest Negate 1"));
        Assert.Equal(UsageError("times is byte: '256' is not an unsigned integer of 8 bits"), Run("call calltest Repeat 256 x true"));
        Assert.Equal(UsageError("times is byte: '-1' is not an unsigned integer of 8 bits"), Run("call calltest Repeat -1 x true"));
        Assert.Equal(new[] { "call: Keep cannot be called from the shell: endpoint is a capability (Endpoint)" }, Run("call calltest Keep 1"));
        Assert.Equal(new[] { "call: Sum cannot be called from the shell: bytes is ReadOnlySpan<byte>" }, Run("call calltest Sum abc"));
        Assert.Equal(new[] { "call: a quote is not closed" }, Run("call calltest Greet \"big world"));
        Assert.Equal(new[] { "usage: call NAME METHOD [ARGS...] (contracts NAME lists the methods)" }, Run("call calltest"));
        // After all of that the server still answers.
        Assert.Equal(new[] { "Add -> 3" }, Run("call calltest Add 1 2"));
    }

    [Fact]
    public void ContractsListsEveryServersContract()
    {
        Assert.Equal(CallTestContract, Run("contracts calltest"));
        Assert.Equal(new[] { "kv: IKeyValue", "  Put(string key, string value)", "  Get(string key, out string value)", "  Delete(string key)", "  Count()" },
            Run("contracts kv"));
        Assert.Equal(new[] { "contracts: no server named 'nosuch'" }, Run("contracts nosuch"));
        List<string> all = Run("contracts");
        foreach (string line in new[]
        {
            "names: INames (2 methods)", "serial: ISerialLine (2 methods)", "keyboard: IKeyboard (1 method)", "console: IConsole (3 methods)",
            "kv: IKeyValue (4 methods)", "calltest: ICallTest (7 methods)", "supervisor: ISupervisor (5 methods)",
        })
            Assert.Contains(line, all);
        // Init serves no endpoint the shell can find by name; the shell is a client only.
        Assert.Contains("init: not reachable by name", all);
        Assert.Contains("shell: not reachable by name", all);
    }

    [Fact]
    public void SystemServersAreCalledTheSameWay()
    {
        Assert.Equal(new[] { "Put -> 0" }, Run("call kv Put color \"dark blue\""));
        Assert.Equal(new[] { "Get -> 9", "  value = \"dark blue\"" }, Run("call kv Get color"));
        Assert.Equal(new[] { "Get -> error -1001 (the server's own error)" }, Run("call kv Get nosuchkey"));
        // A capability in the reply is reported and let go.
        Assert.Equal(new[] { "Lookup -> 0", "  endpoint = a capability (released: the shell keeps none)" }, Run("call names Lookup kv"));
        Assert.Equal(new[] { "Lookup -> 1", "  endpoint = no capability" }, Run("call names Lookup nosuch"));
        // Records: the supervisor's List, one line per record with each field.
        List<string> list = Run("call supervisor List");
        Assert.Equal("List -> 0", list[0]);
        Match count = Regex.Match(list[1], @"^  servers = (\d+) records$");
        Assert.True(count.Success, list[1]);
        Assert.Equal(int.Parse(count.Groups[1].Value), list.Count - 2);
        Assert.Contains(list, l => Regex.IsMatch(l, "^    \\[\\d+\\] Pid=\\d+ Name=\"calltest\" State=0 Restarts=0 UseKiB=\\d+ Sent=\\d+ Received=\\d+ LimitKiB=1024$"));
        Assert.Equal(new[] { "CapsOf -> 1" }, Run("call supervisor CapsOf nosuch").Take(1));
    }
}
