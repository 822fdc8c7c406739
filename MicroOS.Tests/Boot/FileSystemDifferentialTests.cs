using System.Diagnostics;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MicroOS.Tests.Boot;

// System.IO on MicroOS against System.IO on host .NET (issue 13, item 5), as ConformanceTests does
// for the BCL: the same suite (MicroOS.Servers/Tests/FileChecks/Checks) runs on real .NET in a fresh host
// folder (tools/FileChecks.Host) and as the `files-suite` server against the fat server on a fresh
// FAT32 image (manifest section [files-suite]); every `name: value` line must be equal, except the
// lines PlatformDifferences names. Afterwards the image must pass `fsck.fat -n`.
public sealed class FileSystemDifferentialTests
{
    private const int MinimumChecks = 150;
    private static readonly Regex Summary = new(@"^files: (done|group) ");

    // Where a FAT volume and a Linux (ext4) folder must differ, and why: FAT compares names without
    // case (and keeps the case they were written in); FAT refuses < > : " | ? * \ in names, which
    // Linux allows. Line name -> (host .NET's value, MicroOS's value). The only place the
    // difference is written: every other line must be equal.
    private static readonly Dictionary<string, (string Host, string Fat)> PlatformDifferences = new()
    {
        ["platform.case"] = ("sensitive", "insensitive"),
        ["case.exists-other-case"] = ("False", "True"),
        ["case.read-other-case"] = ("FileNotFoundException: Could not find file '~/names/case/CASE.txt'.", "ok first"),
        // Writing "case.txt" writes Case.txt on FAT (one file, its name as first written).
        ["case.write-other-case"] = ("ok first", "ok second"),
        ["case.listing"] = ("3 [Case.txt,Probe.txt,case.txt]", "2 [Case.txt,Probe.txt]"),
        ["case.createnew-other-case"] = ("ok ", "IOException: The file '~/names/case/CASE.TXT' already exists."),
        ["case.dir-other-case"] = ("ok False", "ok True"),
        ["reserved#0"] = ("ok", "ArgumentException"),
        ["reserved#1"] = ("ok", "ArgumentException"),
        ["reserved#2"] = ("ok", "ArgumentException"),
        ["reserved#3"] = ("ok", "ArgumentException"),
        ["reserved#4"] = ("ok", "ArgumentException"),
        ["reserved#5"] = ("ok", "ArgumentException"),
        ["reserved#6"] = ("ok", "ArgumentException"),
        ["reserved#7"] = ("ok", "ArgumentException"),
    };

    private readonly ITestOutputHelper _output;

    public FileSystemDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SystemIoOnTheFatServerEqualsHostDotNetLineForLine()
    {
        List<string> expected = RunHost();

        List<string> actual;
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 64L << 20);
        {
            using (var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet testmanifest manifest=files-suite", MemoryMiB = 96, Disk = image.Path }))
            {
                machine.WaitForLineIndex(ServerLog.Ended("files-suite"), timeout: TimeSpan.FromSeconds(600));
                const string prefix = "[files-suite] ";
                actual = machine.Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToList();
                ServerLog.AssertKernelHealthy(machine.Lines);
            }
        }

        var problems = new List<string>();
        int differing = 0;
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string? want = i < expected.Count ? expected[i] : null;
            string? got = i < actual.Count ? actual[i] : null;
            string name = (want ?? got ?? "").Split(": ", 2)[0];
            if (want != null && PlatformDifferences.TryGetValue(name, out var rule))
            {
                // The table must still say what .NET does, or it hides a real difference.
                if (want != $"{name}: {rule.Host}")
                {
                    differing++;
                    problems.Add($"line {i + 1}: host .NET no longer prints what PlatformDifferences says:\n    table: {name}: {rule.Host}\n    .NET:  {want}");
                    continue;
                }
                want = $"{name}: {rule.Fat}";
            }
            if (want == got)
                continue;
            if (++differing <= 25)
                problems.Add($"line {i + 1}:\n    .NET:    {want ?? "(missing)"}\n    MicroOS: {got ?? "(missing)"}");
        }
        int checks = expected.Count(l => !Summary.IsMatch(l));
        _output.WriteLine($"files: {checks} checks on .NET, {actual.Count} lines from MicroOS, {differing} differing, {PlatformDifferences.Count} named differences");
        if (differing > 0)
            throw new XunitException($"{differing} of {expected.Count} System.IO lines differ from .NET (first 25):\n" + string.Join("\n", problems));
        Assert.True(checks >= MinimumChecks, $"only {checks} System.IO checks ran; at least {MinimumChecks} are required");
        Assert.Contains(expected, l => l.StartsWith("files: done, ", StringComparison.Ordinal));
        // The server synced when it was done: the volume is sound for the host's checker.
        image.AssertClean();
    }

    private List<string> RunHost()
    {
        string project = Path.Combine(RepoPaths.Root, "tools", "FileChecks.Host", "FileChecks.Host.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // `./microos build` builds the host program (it is in MicroOS.sln), from the same sources as the server.
        string built = Path.Combine(RepoPaths.Root, "tools", "FileChecks.Host", "bin", "Debug", "net10.0", "FileChecks.Host.dll");
        string[] command = File.Exists(built) ? new[] { built } : new[] { "run", "--project", project, "--nologo", "-v:q", "--" };
        foreach (string a in command)
            start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) != null)
            lines.Add(line);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new XunitException($"the host System.IO run failed ({process.ExitCode}):\n{stderr.Result}\n{string.Join("\n", lines)}");
        return lines.Where(l => !l.Contains(": warning ", StringComparison.Ordinal)).ToList();
    }
}
