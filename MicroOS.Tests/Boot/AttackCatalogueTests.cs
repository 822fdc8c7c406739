using System.Text.RegularExpressions;
using MicroOS.Servers.Probe;
using MicroOS.Tests.Attacks;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The attack catalogue (docs/attack-catalogue.md): every segment load and far transfer with every
// selector, every IDT vector by `int n`, every privileged instruction, the 32-bit ways in, flag and
// FPU games around syscall. One boot per group, one process per case (the first fault ends a
// process), all beside a busy witness. Each case must end exactly as AttackExpectations says, the
// witness must keep running, and the kernel must never fault or panic.
public sealed class AttackCatalogueTests
{
    private readonly ITestOutputHelper _output;

    public AttackCatalogueTests(ITestOutputHelper output) => _output = output;

    private static readonly Regex WitnessProgress = ServerLog.Progress("witness", "witness");

    [Theory]
    [InlineData("segment")]
    [InlineData("far")]
    [InlineData("int")]
    [InlineData("misc")]
    [InlineData("intel")]
    public void EveryCaseEndsAsCatalogued(string group)
    {
        List<AttackExpectation> cases = AttackExpectations.ForGroup(group).ToList();
        string name = "attack-" + group;
        // The witness is pid 1, so the copies are pids 2.. and copy `pid` runs case `pid - 2`.
        QemuOptions options = ServerLog.TestServers($"witness,{name}*{cases.Count}", memoryMiB: 256) with
        {
            Cpu = group switch
            {
                "far" => AttackCatalogue.FarGroupCpu,
                "intel" => AttackCatalogue.IntelGroupCpu,
                _ => QemuOptions.DefaultCpu,
            },
        };
        using var machine = QemuMachine.Boot(_output, options);
        Assert.Equal(1, ServerLog.WaitForStart(machine, "witness"));

        // Every case ends (killed or exited); wait for all of them, each wait with its deadline.
        Regex ended = new($@"^process {Regex.Escape(name)} \(pid (?<pid>\d+)\) (killed: (?<fault>.+?) at rip 0x(?<rip>[0-9A-F]{{16}})( address .*)?|exited with code (?<code>-?\d+))$");
        int last = -1;
        for (int i = 0; i < cases.Count; i++)
            last = machine.WaitForLineIndex(ended, last + 1);
        // The witness runs on after the last case.
        ServerLog.WaitForLinesAfter(machine, WitnessProgress, last, 3);

        IReadOnlyList<string> lines = machine.Lines;
        string prefix = $"[{name}] ";
        var announced = new Regex($@"^{Regex.Escape(prefix)}attack: (?<case>.+) \(pid (?<pid>\d+)\)$");
        var announcedCase = new Dictionary<int, string>();
        var endings = new Dictionary<int, Match>();
        foreach (string line in lines)
        {
            Match a = announced.Match(line);
            if (a.Success)
                announcedCase[int.Parse(a.Groups["pid"].Value)] = a.Groups["case"].Value;
            Match e = ended.Match(line);
            if (e.Success)
                endings[int.Parse(e.Groups["pid"].Value)] = e;
        }

        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            AttackExpectation expected = cases[i];
            int pid = AttackCatalogue.FirstPid + i;
            string? problem = Check(expected, pid, lines, prefix, announcedCase, endings);
            if (problem != null)
                failures.Add($"{expected.Case,-22} (pid {pid}): expected {expected.Qemu}; {problem}");
        }
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases.Count} cases of group '{group}' did not end as catalogued:\n  " + string.Join("\n  ", failures));

        Assert.Equal(-1, ServerLog.IndexOf(lines, ServerLog.Ended("witness")));
        Assert.DoesNotContain(lines, line => line.Contains("SURVIVED", StringComparison.Ordinal) || line.Contains("returned (a routine", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(lines);
    }

    // Null when the case ended as expected; otherwise what happened instead.
    private static string? Check(AttackExpectation expected, int pid, IReadOnlyList<string> lines, string prefix,
        Dictionary<int, string> announced, Dictionary<int, Match> endings)
    {
        if (!announced.TryGetValue(pid, out string? announcedCase))
            return "the process never announced its case";
        if (announcedCase != expected.Case)
            return $"the process ran case '{announcedCase}'";
        if (!endings.TryGetValue(pid, out Match? end))
            return "the process never ended";

        string outcome = expected.Qemu;
        if (outcome.StartsWith(AttackExpectations.Completes, StringComparison.Ordinal))
        {
            string detail = outcome.Length > AttackExpectations.Completes.Length ? outcome[AttackExpectations.Completes.Length..] : "";
            string completion = $"{prefix}attack: {expected.Case} completed{detail}";
            if (end.Groups["code"].Success && end.Groups["code"].Value == "0" && lines.Contains(completion))
            {
                if (expected.AlsoSays != null && !lines.Contains(prefix + expected.AlsoSays))
                    return $"the line `{expected.AlsoSays}` is missing or garbled";
                return null;
            }
            string? said = lines.FirstOrDefault(l => l.StartsWith($"{prefix}attack: {expected.Case} completed", StringComparison.Ordinal));
            return $"got `{end.Value}`" + (said != null ? $" after `{said}`" : "");
        }

        string fault = AttackExpectations.FaultNames[outcome];
        if (!end.Groups["fault"].Success || end.Groups["fault"].Value != fault)
            return $"got `{end.Value}`";
        ulong rip = ServerLog.Hex(end.Groups["rip"].Value);
        if (expected.FaultsAtNonCanonicalTarget ? rip != 0x0000_8000_0000_0000 : rip >= ServerLog.UserHalfEnd)
            return $"the fault's rip is wrong: `{end.Value}`";
        return null;
    }
}
