using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// What the storage tests share: their test clients (the probe's `ata client`, `fat client`, `fat
// liar` … in AtaProbe.cs and FatProbe.cs) print `CLIENT: what -> result` lines. Run boots a test
// manifest section with `disk` as the IDE primary master (none: null), waits until the client says
// done and has exited, checks the kernel stayed healthy and returns the lines, what -> result.
internal static class StorageClient
{
    public static Dictionary<string, string> Run(ITestOutputHelper output, string section, string client, string? disk,
        TimeSpan timeout, out List<string> log, string? diskOptions = null)
    {
        var options = new QemuOptions { CommandLine = $"quiet testmanifest manifest={section}", MemoryMiB = 64, Disk = disk, DiskOptions = diskOptions };
        using var machine = QemuMachine.Boot(output, options);
        machine.WaitForLine(ServerLog.Said(client, $"{client}: done"), timeout);
        machine.WaitForLine(ServerLog.Exited(client));
        log = machine.Lines.ToList();
        ServerLog.AssertKernelHealthy(log);
        var line = new Regex($@"^\[{Regex.Escape(client)}\] {Regex.Escape(client)}: (?<what>.+?) -> (?<result>.+)$");
        var results = new Dictionary<string, string>();
        foreach (string l in log)
        {
            Match m = line.Match(l);
            if (m.Success)
                results[m.Groups["what"].Value] = m.Groups["result"].Value;
        }
        return results;
    }

    public static void Expect(Dictionary<string, string> r, string what, string result)
    {
        Assert.True(r.TryGetValue(what, out string? got), $"the client did not report '{what}'");
        Assert.True(got == result, $"{what}: expected {result}, got {got}");
    }

    // FNV-1a 64, as AtaProbe.Fnv and FatProbe's sums.
    public static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }
}
