using System.Text.RegularExpressions;
using MicroOS.Tests.Boot;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Labs;

// Lab 5, "Crash and restart" (docs/labs/05-restart.md): `notes` (MicroOS.Servers/LabServers) must
// hand its state to `keeper` so that a new instance finds it. One boot of [lab-5]: the grader's client
// (Probe/NotesProbe.cs) adds 30 notes and keeps adding while the test crashes notes from the shell
// (`crash notes`, the supervisor restarts it), then reads every note back; the test crashes it a
// second time and the client reads them again. The client's "notes-check: WHAT -> RESULT" lines are
// what the checks compare; a step that never comes is reported by the check that needs it.
public sealed class Lab05Boot
{
    public Dictionary<string, string> Results { get; } = new();
    public string Log { get; }
    public List<string> Crashes { get; } = new();

    public Lab05Boot()
    {
        var output = new BufferedOutput();
        using var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "quiet testmanifest manifest=lab-5", SerialConsole = true });
        try
        {
            machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
            machine.WaitForLine(new Regex(@"^\[notes-check\] notes-check: (put|lookup notes) -> "), TimeSpan.FromSeconds(120));
            Crash(machine, 0);
            machine.WaitForLine(new Regex(@"^\[notes-check\] notes-check: (acknowledged after restart|restarted) -> (?!yes)"), TimeSpan.FromSeconds(120));
            if (!machine.Lines.Any(l => l.EndsWith("notes-check: restarted -> no", StringComparison.Ordinal)))
                Crash(machine, machine.Lines.Count);
            machine.WaitForLine(ServerLog.Said("notes-check", "notes-check: done"), TimeSpan.FromSeconds(120));
        }
        catch (Exception e) when (e is QemuTestException or Xunit.Sdk.XunitException)
        {
            // Reported by the checks below (a result missing), with the log.
            Crashes.Add(e.Message.Split('\n')[0]);
        }
        Log = machine.Log;
        foreach (string line in machine.Lines)
        {
            Match m = Regex.Match(line, @"^\[notes-check\] notes-check: (?<what>.+?) -> (?<result>.+)$");
            if (m.Success)
                Results[m.Groups["what"].Value] = m.Groups["result"].Value;
        }
    }

    // `crash notes` in the shell, then the supervisor's restart of it.
    private void Crash(QemuMachine machine, int from)
    {
        Crashes.Add(string.Join(" / ", ShellTests.Run(machine, "crash notes")));
        machine.WaitForLineIndex(new Regex(@"^\[supervisor\] supervisor: restarted notes \(pid \d+\)$"), from, TimeSpan.FromSeconds(60));
    }
}

public sealed class Lab05Tests : IClassFixture<Lab05Boot>
{
    private readonly Lab05Boot _boot;

    public Lab05Tests(Lab05Boot boot) => _boot = boot;

    private void Expect(string what, string pattern)
    {
        Assert.True(_boot.Results.TryGetValue(what, out string? got),
            $"the grader's client did not get as far as '{what}' (notes or keeper hung or died? the shell's `crash notes` said: {string.Join("; ", _boot.Crashes)})\n{_boot.Log}");
        Assert.True(Regex.IsMatch(got!, pattern), $"{what}: expected /{pattern}/, got `{got}`");
    }

    [Fact, Trait("Lab", "5")]
    public void NotesAnswersBeforeTheCrash() => Expect("put", "^30 acknowledged, 0 wrong$");

    [Fact, Trait("Lab", "5")]
    public void ACallInFlightIsAnsweredOrRefused()
    {
        Expect("in flight", @"^\d+ answered, \d+ errors( -\d+)*$");
        Expect("restarted", "^yes$");
    }

    [Fact, Trait("Lab", "5")]
    public void TheNotesSurviveTheCrash() => Expect("first notes after restart", "^30 of 30$");

    [Fact, Trait("Lab", "5")]
    public void EveryAcknowledgedNoteSurvives() => Expect("acknowledged after restart", @"^all \d+ there$");

    [Fact, Trait("Lab", "5")]
    public void TheNotesSurviveASecondCrash()
    {
        Expect("restarted again", "^yes$");
        Expect("first notes after second restart", "^30 of 30$");
        Expect("acknowledged after second restart", @"^all \d+ there$");
    }
}
