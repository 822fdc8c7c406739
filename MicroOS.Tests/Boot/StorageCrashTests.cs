using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Storage through crashes (issue 17, 1a and 1b), in one boot of the [storage-crash] section: the whole
// system on a FAT32 disk, and a System.IO program (FileChecks `churn`) that writes and syncs new files
// without end. From the shell:
//   1b. `kill ata` at random instants, N times: the supervisor restarts the driver, the fat server
//       re-attaches and sends the request in flight again (AtaBlockDevice, MINIX 3's libbdev model),
//       and the writer sees no error at all.
//   1a. `kill fat` at random instants, N times: the fat server comes back by itself and remounts; the
//       writer's call in flight fails (its session died with the server: System.IO throws), it says so
//       and writes that file again. (`kill`, not `crash`: the Debug contract's crash order is a message
//       the server must be waiting for, and a server kept busy by this writer never is; a kill lands at
//       any instant, mid-request included.)
// Then the power is cut, and on the host fsck.fat -n finds nothing worse than lost clusters and the
// dirty bit (PowerCutTests.Damage), and every file the writer reported synced has the bytes it wrote.
// Rounds per phase: MICROOS_STORAGECRASH_ROUNDS (default 20; the issue's loop is 100).
public sealed class StorageCrashTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);
    private static readonly Regex Synced = new(@"^\[churn\] synced: (?<path>\S+) (?<size>\d+) (?<sha>[0-9a-f]{64})$");
    private static readonly Regex Retry = new(@"^\[churn\] churn: retry ");
    private readonly ITestOutputHelper _output;

    public StorageCrashTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void KilledDriversAndFileSystemLoseNoSyncedFileAndTheDriverKillIsInvisible()
    {
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("MICROOS_STORAGECRASH_ROUNDS"), out int r) && r > 0 ? r : 20;
        var random = new Random(4242);
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 64L << 20);
        using var machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "quiet testmanifest manifest=storage-crash", SerialConsole = true, Disk = image.Path, MemoryMiB = 128,
        });
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"), timeout: Long);
        machine.WaitForLineIndex(Synced, 0, Long);

        // 1b: the driver dies under the writer's requests; the writer must not notice.
        int ataStart = machine.Lines.Count;
        for (int round = 0; round < rounds; round++)
            KillAndWait(machine, random, "kill ata", "ata", mounted: null);
        int ataEnd = machine.Lines.Count;
        List<string> seen = machine.Lines.Skip(ataStart).Take(ataEnd - ataStart).ToList();
        int ataKills = seen.Count(l => Regex.IsMatch(l, @"^process ata \(pid \d+\) killed"));
        Assert.Equal(rounds, ataKills);
        string? ataRetry = seen.FirstOrDefault(l => Retry.IsMatch(l));
        Assert.True(ataRetry == null, $"the writer saw an error while ata was killed: {ataRetry}");
        int ataSynced = seen.Count(l => Synced.IsMatch(l));

        // 1a: the file system server dies under the writer; it comes back by itself and the writer goes on.
        // The shell opens its session with this fat first (`ls`), so its next `ls` meets a dead one.
        Assert.Contains(ShellTests.Run(machine, "ls /"), l => l.Contains("churn", StringComparison.OrdinalIgnoreCase));
        int fatStart = machine.Lines.Count;
        for (int round = 0; round < rounds; round++)
            KillAndWait(machine, random, "kill fat", "fat", mounted: new Regex(@"^\[fat\] fat: mounted "));
        seen = machine.Lines.Skip(fatStart).ToList();
        Assert.Equal(rounds, seen.Count(l => Regex.IsMatch(l, @"^process fat \(pid \d+\) killed")));
        int fatRetries = seen.Count(l => Retry.IsMatch(l));
        int fatSynced = seen.Count(l => Synced.IsMatch(l));

        // The shell's session died with the first fat killed: its next file command connects again.
        List<string> listing = ShellTests.Run(machine, "ls /");
        Assert.True(listing.Any(l => l.Contains("churn", StringComparison.OrdinalIgnoreCase)), "ls / after the fat kills: " + string.Join(" | ", listing));

        machine.PowerCut();
        ServerLog.AssertKernelHealthy(machine.Lines);
        Assert.DoesNotContain(machine.Lines, l => l.StartsWith("[churn] filechecks:", StringComparison.Ordinal));

        (bool clean, string report) = image.Check();
        IReadOnlyList<string> damage = PowerCutTests.Damage(report);
        Assert.True(damage.Count == 0, $"fsck.fat -n found damage after {rounds} ata kills, {rounds} fat kills and a power cut:\n{report}");
        var files = machine.Lines.Select(l => Synced.Match(l)).Where(m => m.Success).ToList();
        var listed = new HashSet<string>(image.List("/churn"), StringComparer.OrdinalIgnoreCase);
        var lost = new List<string>();
        foreach (Match m in files)
        {
            string path = m.Groups["path"].Value;
            if (!listed.Contains(Path.GetFileName(path)))
            {
                lost.Add($"{path} (gone)");
                continue;
            }
            byte[] bytes = image.Read(path);
            if (bytes.Length != long.Parse(m.Groups["size"].Value) || Convert.ToHexStringLower(SHA256.HashData(bytes)) != m.Groups["sha"].Value)
                lost.Add($"{path} (synced with {m.Groups["size"].Value} bytes, sha256 {m.Groups["sha"].Value[..12]}; reads back {bytes.Length} bytes)");
        }
        Assert.True(lost.Count == 0, $"{lost.Count} of {files.Count} synced files lost:\n{string.Join("\n", lost)}\n/churn holds: {string.Join(" ", listed.Order())}\nfsck:\n{report}");
        _output.WriteLine($"storage crashes: {rounds} ata kills ({ataSynced} files synced meanwhile, 0 errors seen by the writer), " +
                          $"{rounds} fat kills ({fatSynced} files synced, {fatRetries} calls retried by the writer), " +
                          $"{files.Count} synced files intact, fsck: {(clean ? "clean" : "lost clusters / dirty bit only")}");
    }

    // One round: a random instant into the writer's work, the command, the supervisor's restart, the
    // server ready again (`mounted`, for fat), and one more file synced after it.
    private static void KillAndWait(QemuMachine machine, Random random, string command, string server, Regex? mounted)
    {
        Thread.Sleep(random.Next(0, 400));
        int from = machine.Lines.Count;
        Assert.Equal(new[] { "ok" }, ShellTests.Run(machine, command));
        int restarted = machine.WaitForLineIndex(new Regex($@"^\[supervisor\] supervisor: restarted {server} \(pid \d+\)$"), from, Long);
        int ready = mounted == null ? restarted : machine.WaitForLineIndex(mounted, restarted, Long);
        machine.WaitForLineIndex(Synced, ready, Long);
    }
}
