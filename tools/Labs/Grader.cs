using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace MicroOS.Labs;

// Grades one lab: runs its boot tests (`dotnet test MicroOS.Tests --filter Lab=N`, the same tests CI
// runs), reads the TRX report, and scores each check of the handout's table: full points when every
// case of the test passed, none otherwise. A failed check prints its hint and keeps its serial log
// (the test's output: the QEMU command and the whole serial log) under labs-out/lab-N/.
public sealed record CheckResult(string Test, int Points, int Earned, string Outcome, string Hint, string? Message, string? Log);

public sealed record LabResult(int Lab, string Title, int Score, int Points, double Seconds, IReadOnlyList<CheckResult> Checks);

public static class Grader
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static LabResult Grade(string root, LabHandout lab, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        string outDir = Path.Combine(root, "labs-out", $"lab-{lab.Number}");
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);
        string trx = Path.Combine(outDir, "results.trx");

        progress.WriteLine($"[grade] lab {lab.Number}: {lab.Title} — running {lab.Checks.Count} checks in QEMU (dotnet test --filter Lab={lab.Number})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "test", Path.Combine(root, "MicroOS.Tests", "MicroOS.Tests.csproj"), "--nologo", "--no-restore",
                                       "-v:q", "--filter", $"Lab={lab.Number}", "--logger", $"trx;LogFileName={trx}" })
            start.ArgumentList.Add(arg);
        using (var dotnet = Process.Start(start)!)
        {
            var output = new System.Text.StringBuilder();
            dotnet.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            dotnet.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            dotnet.BeginOutputReadLine();
            dotnet.BeginErrorReadLine();
            dotnet.WaitForExit();
            File.WriteAllText(Path.Combine(outDir, "dotnet-test.log"), output.ToString());
            if (!File.Exists(trx))
            {
                // The tests did not run at all: most often the build failed (the student's code does not compile).
                progress.WriteLine(output.ToString());
                return new LabResult(lab.Number, lab.Title, 0, lab.Points, clock.Elapsed.TotalSeconds,
                    lab.Checks.Select(c => new CheckResult(c.Test, c.Points, 0, "NotRun", c.Hint,
                        "the tests did not run: does the lab build? (see labs-out/lab-" + lab.Number + "/dotnet-test.log)", null)).ToList());
            }
        }

        var results = Read(trx);
        var checks = new List<CheckResult>();
        foreach (LabCheck check in lab.Checks)
        {
            var cases = results.Where(r => Matches(r.Name, check.Test)).ToList();
            string outcome = cases.Count == 0 ? "Missing" : cases.All(r => r.Outcome == "Passed") ? "Passed" : "Failed";
            string? message = cases.Count == 0 ? $"no test {check.Test} with [Trait(\"Lab\", \"{lab.Number}\")] ran"
                : cases.FirstOrDefault(r => r.Outcome != "Passed")?.Message;
            string? log = null;
            if (outcome == "Failed")
            {
                log = Path.Combine(outDir, check.Test + ".log");
                File.WriteAllText(log, string.Join("\n\n", cases.Where(r => r.Outcome != "Passed").Select(r => $"== {r.Name}: {r.Outcome}\n{r.Message}\n{r.Output}")));
                log = Path.GetRelativePath(root, log);
            }
            checks.Add(new CheckResult(check.Test, check.Points, outcome == "Passed" ? check.Points : 0, outcome, check.Hint, message, log));
        }
        return new LabResult(lab.Number, lab.Title, checks.Sum(c => c.Earned), lab.Points, clock.Elapsed.TotalSeconds, checks);
    }

    public static void Print(LabResult result, TextWriter output)
    {
        output.WriteLine($"Lab {result.Lab}: {result.Title}");
        foreach (CheckResult c in result.Checks)
        {
            string mark = c.Outcome == "Passed" ? "PASS" : "FAIL";
            output.WriteLine($"  {mark} {c.Earned,3}/{c.Points,-3} {c.Test}");
            if (c.Outcome != "Passed")
            {
                output.WriteLine($"       hint: {c.Hint}");
                if (c.Message != null)
                    output.WriteLine($"       why:  {FirstLine(c.Message)}");
                if (c.Log != null)
                    output.WriteLine($"       log:  {c.Log}");
            }
        }
        output.WriteLine($"Score: {result.Score}/{result.Points}  ({result.Seconds:F0} s)");
    }

    public static string Json(IReadOnlyList<LabResult> results) =>
        JsonSerializer.Serialize(new
        {
            score = results.Sum(r => r.Score),
            points = results.Sum(r => r.Points),
            labs = results,
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    // "MicroOS.Tests.Labs.Lab04Tests.DateIsTheRtc(base: 1)" matches the check "Lab04Tests.DateIsTheRtc".
    public static bool Matches(string testName, string check)
    {
        int paren = testName.IndexOf('(');
        string method = paren >= 0 ? testName[..paren] : testName;
        return method == check || method.EndsWith("." + check, StringComparison.Ordinal);
    }

    private sealed record TrxResult(string Name, string Outcome, string? Message, string? Output);

    private static List<TrxResult> Read(string trx)
    {
        XDocument doc = XDocument.Load(trx);
        return doc.Descendants(Trx + "UnitTestResult").Select(r => new TrxResult(
            (string?)r.Attribute("testName") ?? "",
            (string?)r.Attribute("outcome") ?? "",
            r.Element(Trx + "Output")?.Element(Trx + "ErrorInfo")?.Element(Trx + "Message")?.Value,
            r.Element(Trx + "Output")?.Element(Trx + "StdOut")?.Value)).ToList();
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return (newline >= 0 ? text[..newline] : text).Trim();
    }
}
