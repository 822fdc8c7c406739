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
// the supervisor, the console and the storage stack (ata, fat over a FAT16 disk with /README) are the
// system's own. One boot for the class.
public sealed class CallTestBoot : SectionBoot, IDisposable
{
    public const string Readme = "read me, call me\n";

    // The disk is made before the boot (the base constructor boots): handed over through this.
    [ThreadStatic] private static FatImage? s_made;
    private readonly FatImage _disk;

    public CallTestBoot() : base(Options(), "[calltest] calltest: registered with names", "[kv] kv: registered with names")
    {
        _disk = s_made!;
        s_made = null;
        Machine.WaitForLine(new Regex(@"^\[fat\] fat: mounted FAT16 'CALLTEST'"));
    }

    private static QemuOptions Options()
    {
        s_made = FatImage.Create(fatBits: 16, sizeBytes: 16L << 20, sectorsPerCluster: 4, label: "CALLTEST");
        s_made.PutText("/README", Readme);
        return new QemuOptions { CommandLine = "quiet testmanifest manifest=call-test", Disk = s_made.Path, DiskSnapshot = true };
    }

    void IDisposable.Dispose()
    {
        Dispose();
        _disk.Dispose();
    }
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
            "kv: IKeyValue (4 methods)", "calltest: ICallTest (7 methods)", "supervisor: ISupervisor (6 methods)",
            "ata: IBlock (5 methods)", "fat: IFileSystem (15 methods)",
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

    // The storage servers serve generated contracts too (issue 20's gap): their methods are listed,
    // integer and string methods called, capabilities and spans listed and refused.
    [Fact]
    public void TheStorageServersContractsAreListedAndCalled()
    {
        Assert.Equal(new[]
        {
            "ata: IBlock",
            "  Attach(ulong bytes, FrameCap frame)  [not callable from the shell: frame is a capability (FrameCap)]",
            "  Identify(out ulong sectorSize, out ulong flags, out string model)",
            "  Read(ulong lba, ulong sectors, ulong offset)",
            "  Write(ulong lba, ulong sectors, ulong offset)",
            "  Flush()",
        }, Run("contracts ata"));
        List<string> fat = Run("contracts fat");
        Assert.Equal("fat: IFileSystem", fat[0]);
        Assert.Equal(16, fat.Count);
        Assert.Contains("  Connect(out Endpoint session)", fat);
        Assert.Contains("  Stat(string path, out ulong length, out byte attributes, out uint lastWrite)", fat);
        Assert.Contains("  Volume(out ulong freeClusters, out ulong bytesPerCluster, out ulong fatType, out string label)", fat);
        Assert.Contains("  Write(ulong handle, ulong offset, ReadOnlySpan<byte> data)  [not callable from the shell: data is ReadOnlySpan<byte>]", fat);

        List<string> volume = Run("call fat Volume");
        Assert.Equal(5, volume.Count);
        Match total = Regex.Match(volume[0], @"^Volume -> (\d+)$");
        Assert.True(total.Success, volume[0]);
        Match free = Regex.Match(volume[1], @"^  freeClusters = (\d+)$");
        Assert.True(free.Success, volume[1]);
        Assert.True(ulong.Parse(free.Groups[1].Value) < ulong.Parse(total.Groups[1].Value));
        Assert.Equal("  bytesPerCluster = 2048", volume[2]);
        Assert.Equal("  fatType = 16", volume[3]);
        Assert.Matches("^  label = \"CALLTEST *\"$", volume[4]);

        List<string> stat = Run("call fat Stat /README");
        Assert.Equal(new[] { "Stat -> 0", $"  length = {CallTestBoot.Readme.Length}", "  attributes = 32" }, stat.Take(3));
        Assert.Matches(@"^  lastWrite = [1-9]\d*$", stat[3]);
        Assert.Equal(new[] { "Stat -> error -64 (the server's own error)" }, Run("call fat Stat /nosuch"));
        // The shell's copy of `fat` is Names' (no session): handles name nothing.
        Assert.Equal(new[] { "Close -> error -74 (the server's own error)" }, Run("call fat Close 5"));
        // Read fills a span of the caller's: listed, refused.
        Assert.Contains("  Read(ulong handle, ulong offset, ulong count, Span<byte> data)  [not callable from the shell: data is Span<byte>]", fat);
        Assert.Equal(new[] { "call: Read cannot be called from the shell: data is Span<byte>" }, Run("call fat Read 0 0 16"));
        Assert.Equal(new[] { "Connect -> 0", "  session = a capability (released: the shell keeps none)" }, Run("call fat Connect"));

        List<string> identify = Run("call ata Identify");
        Assert.Equal(new[] { $"Identify -> {(16L << 20) / 512}", "  sectorSize = 512" }, identify.Take(2));
        Assert.Matches("^  flags = [01]$", identify[2]);
        Assert.Equal("  model = \"QEMU HARDDISK\"", identify[3]);
        Assert.Equal(new[] { "call: Attach cannot be called from the shell: frame is a capability (FrameCap)" }, Run("call ata Attach 4096 0"));
        // A Read before this caller lent a frame: the driver's own error, the disk untouched.
        Assert.Equal(new[] { "Read -> error -33 (the server's own error)" }, Run("call ata Read 0 1 0"));
    }

    // `call --count N` (tools/bench.sh's `call round trip`): the call made N times, the last result
    // printed and the timestamp counter's ticks per call. 200 calls also prove nothing leaks per call:
    // each Lookup's endpoint is released (the shell's table has 128 slots).
    [Fact]
    public void CallCountRepeatsTheCallAndReportsTicksPerCall()
    {
        List<string> lines = Run("call --count 200 names Lookup serial");
        Assert.Equal(new[] { "Lookup -> 0", "  endpoint = a capability (released: the shell keeps none)" }, lines.Take(2));
        Assert.Matches(@"^call: 200 calls, [1-9]\d* instructions per call \(TSC; -icount shift=0\)$", lines[2]);
        Assert.Equal(3, lines.Count);
        Assert.Equal(new[] { "call: --count takes 1..1000000" }, Run("call --count 0 names Lookup serial"));
        Assert.Equal(new[] { "Lookup -> 0", "  endpoint = a capability (released: the shell keeps none)" }, Run("call names Lookup serial"));
    }

    // ipctrace names each call's method from the contract the receiving endpoint itself described
    // (learned when tracing starts), not from a guess by the server's name: kv's Count (label 4, which
    // IBlock, ISupervisor and IKeyValue all have) is IKeyValue.Count, ata's Read IBlock.Read.
    [Fact]
    public void IpcTraceNamesEachMethodFromTheReceiversOwnContract()
    {
        Assert.Equal(new[] { "ipctrace: on for kv ata" }, Run("ipctrace kv ata"));
        Assert.Matches(@"^Count -> \d+$", Assert.Single(Run("call kv Count")));
        Assert.Equal(new[] { "Read -> error -33 (the server's own error)" }, Run("call ata Read 0 1 0"));
        List<string> lines = Run("ipctrace");
        Run("ipctrace off");
        Assert.Contains(lines, l => Regex.IsMatch(l, @"  shell -> (kv|ep#\d+)  call  label 4 IKeyValue\.Count  0 B  ok"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"  shell -> (ata|ep#\d+)  call  label 3 IBlock\.Read  0 B  ok"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"  shell -> (kv|ep#\d+)  call  label 0xdc01 describe  0 B  ok"));
    }
}
