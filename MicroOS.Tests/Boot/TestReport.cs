using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Sdk;

namespace MicroOS.Tests.Boot;

// One result of a boot-test server's report: `[server] ok N name key=value ...` (or `not ok`).
internal sealed record TestResult(bool Ok, int Number, string Name, IReadOnlyDictionary<string, string> Values, string Observed, string Line);

// The one parser of the result lines boot-test servers print (KTAP-like; the server side is
// MicroOS.Shared/Testing/TestReport.cs): `1..N` first, then `ok K name key=value ...` or
// `not ok K name ...`, K from 1 to N in order. A report that is missing results, numbers them out of
// order, repeats one or has a `not ok` fails with the lines themselves in the message.
internal static class TestReport
{
    private static Regex Plan(string server) => new($@"^\[{Regex.Escape(server)}\] 1\.\.(?<count>\d+)$");

    private static Regex Result(string server) =>
        new($@"^\[{Regex.Escape(server)}\] (?<not>not )?ok (?<number>\d+) (?<name>\S+)(?: (?<observed>.*))?$");

    // Every result line `server` printed, in log order (plan or not).
    public static List<TestResult> Parse(IReadOnlyList<string> lines, string server)
    {
        Regex result = Result(server);
        var results = new List<TestResult>();
        foreach (string line in lines)
        {
            Match m = result.Match(line);
            if (!m.Success)
                continue;
            string observed = m.Groups["observed"].Value;
            var values = new Dictionary<string, string>();
            foreach (string word in observed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = word.IndexOf('=');
                if (eq > 0)
                    values[word[..eq]] = word[(eq + 1)..];
            }
            results.Add(new TestResult(!m.Groups["not"].Success, int.Parse(m.Groups["number"].Value), m.Groups["name"].Value, values, observed, line));
        }
        return results;
    }

    // Waits for `server`'s plan and all its results, then checks them: numbered 1..N in order, all
    // ok. Returns them by name.
    public static Dictionary<string, TestResult> WaitForAllOk(QemuMachine machine, string server)
    {
        int plan = machine.WaitForLineIndex(Plan(server));
        int count = int.Parse(Plan(server).Match(machine.Lines[plan]).Groups["count"].Value);
        Assert.True(count > 0, $"{server} planned no results");
        ServerLog.WaitForLinesAfter(machine, Result(server), plan, count);
        return AssertAllOk(machine.Lines.Skip(plan).ToList(), server, count);
    }

    // WaitForAllOk, then what each result observed, exactly: `expected` is name -> `key=value ...`,
    // every result named and none more.
    public static void WaitForObserved(QemuMachine machine, string server, IReadOnlyDictionary<string, string> expected)
    {
        Dictionary<string, TestResult> report = WaitForAllOk(machine, server);
        Assert.Equal(expected.Keys.Order(), report.Keys.Order());
        foreach ((string name, string observed) in expected)
            Assert.Equal($"{server} {name}: {observed}", $"{server} {name}: {report[name].Observed}");
    }

    // `lines` from the plan on: exactly `planned` results, numbered 1..planned, each ok.
    public static Dictionary<string, TestResult> AssertAllOk(IReadOnlyList<string> lines, string server, int planned)
    {
        List<TestResult> results = Parse(lines, server);
        var problems = new List<string>();
        if (results.Count != planned)
            problems.Add($"{planned} results planned, {results.Count} reported");
        for (int i = 0; i < results.Count; i++)
        {
            if (results[i].Number != i + 1)
                problems.Add($"result {i + 1} is numbered {results[i].Number}: {results[i].Line}");
            if (!results[i].Ok)
                problems.Add(results[i].Line);
        }
        var byName = new Dictionary<string, TestResult>();
        foreach (TestResult r in results)
            if (!byName.TryAdd(r.Name, r))
                problems.Add($"two results named {r.Name}");
        if (problems.Count > 0)
            throw new XunitException($"{server}'s report:\n  " + string.Join("\n  ", problems));
        return byName;
    }
}
