using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MicroOS.Tests.Boot;

// test=selftest runs one in-kernel check per runtime feature the ILC-compiled kernel relies on:
//   SELFTEST <feature>: PASS | SELFTEST <feature>: FAIL <detail>, then SELFTEST DONE: <n> passed, <m> failed
public sealed class RuntimeSelfTests
{
    public static readonly string[] Features =
    {
        "classes", "structs", "enums", "strings", "number-formatting", "string-compare", "arrays", "span",
        "generics", "interfaces", "virtual-calls", "static-constructors", "gc-statics", "thread-statics",
        "delegates", "foreach", "list", "dictionary", "queue", "exceptions-panic-free",
    };

    private static readonly Regex Result = new(@"^SELFTEST (?<feature>[a-z0-9-]+): (?<verdict>PASS|FAIL)(?<detail>.*)$");
    private static readonly Regex Done = new(@"^SELFTEST DONE: (?<passed>\d+) passed, (?<failed>\d+) failed$");

    private readonly ITestOutputHelper _output;

    public RuntimeSelfTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryRuntimeFeaturePassesInTheKernel()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "exit test=selftest" });
        int exitStatus = machine.WaitForExit();

        // Collect every problem first, so one run shows all failing or missing features at once.
        List<string> problems = Check(machine.Lines, exitStatus);
        if (problems.Count > 0)
            throw new XunitException("kernel self-test:\n  " + string.Join("\n  ", problems) + "\n" + "serial log:\n" + machine.Log);
    }

    private static List<string> Check(IReadOnlyList<string> lines, int exitStatus)
    {
        var problems = new List<string>();
        var verdicts = new Dictionary<string, Match>();
        int passCount = 0;
        int failCount = 0;
        foreach (string line in lines)
        {
            Match m = Result.Match(line);
            if (!m.Success)
                continue;
            if (m.Groups["verdict"].Value == "PASS")
                passCount++;
            else
                failCount++;
            if (!verdicts.TryAdd(m.Groups["feature"].Value, m))
                problems.Add($"{m.Groups["feature"].Value}: reported more than once");
        }

        foreach (string feature in Features)
        {
            if (!verdicts.TryGetValue(feature, out Match? m))
                problems.Add($"{feature}: no SELFTEST line");
            else if (m.Groups["verdict"].Value != "PASS")
                problems.Add($"{feature}: FAIL{m.Groups["detail"].Value}");
        }
        foreach (var (feature, m) in verdicts)
        {
            if (!Features.Contains(feature) && m.Groups["verdict"].Value != "PASS")
                problems.Add($"{feature} (not in the feature list): FAIL{m.Groups["detail"].Value}");
        }

        Match done = lines.Select(l => Done.Match(l)).FirstOrDefault(m => m.Success) ?? Match.Empty;
        if (!done.Success)
        {
            problems.Add("no `SELFTEST DONE: <n> passed, <m> failed` line");
        }
        else
        {
            int passed = int.Parse(done.Groups["passed"].Value);
            int failed = int.Parse(done.Groups["failed"].Value);
            if (failed != 0)
                problems.Add($"DONE line reports {failed} failed");
            if (passed != passCount || failed != failCount)
                problems.Add($"DONE line says {passed} passed, {failed} failed, but the log has {passCount} PASS and {failCount} FAIL lines");
        }

        if (exitStatus != KernelExit.Success)
            problems.Add($"QEMU exit status {exitStatus}, expected {KernelExit.Success} (success)");
        return problems;
    }
}
