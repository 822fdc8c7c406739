using System.Diagnostics;
using MicroOS.Labs;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Labs;

// The labs' starters (issue 18: "each starter builds and boots, and fails with the intended hints").
// main is the reference solution, so the suite's lab tests prove full marks on main; this test
// proves the other side once for all labs: a copy of the tree (with its build outputs, so the build
// is incremental) gets every lab's starter at once (`lab start 1` replaces lab 1's regions and every
// later lab's), is built, and each lab is graded on it: every check must run (the starter builds
// and boots) and no lab may get full marks (there is something to write).
public sealed class LabStarterTests
{
    private readonly ITestOutputHelper _output;

    public LabStarterTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryStarterBuildsBootsAndFailsItsLab()
    {
        string root = RepoPaths.Root;
        IReadOnlyList<LabHandout> labs = LabHandout.All(root);
        Assert.NotEmpty(labs);
        string copy = Directory.CreateTempSubdirectory("microos-starters-").FullName;
        try
        {
            // The tree with its build outputs, without git's objects and earlier grading results.
            Run("bash", "-c", $"tar -C '{root}' --exclude=./.git --exclude=./labs-out --exclude=TestResults -cf - . | tar -C '{copy}' -xf -");
            int regions = 0;
            foreach (string file in Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories)
                         .Where(p => (p.EndsWith(".cs") || p.EndsWith(".asm") || p.EndsWith(".txt"))
                                     && !p.Contains("/bin/") && !p.Contains("/obj/") && !p.Contains("/tools/Labs/")
                                     && !p.EndsWith("LabsTests.cs", StringComparison.Ordinal)))
            {
                string text = File.ReadAllText(file);
                List<LabRegion> found = LabRegions.Find(file, text);
                if (found.Count == 0)
                    continue;
                regions += found.Count;
                File.WriteAllText(file, LabRegions.Starter(file, text, 1));
            }
            _output.WriteLine($"starters: {regions} regions replaced in {copy}");
            Assert.True(regions >= labs.Count, $"only {regions} regions for {labs.Count} labs");

            (int status, string log) = Run("dotnet", "build", Path.Combine(copy, "MicroOS.sln"), "--nologo", "-v:q", "-clp:NoSummary");
            Assert.True(status == 0, $"the starters do not build:\n{string.Join("\n", log.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20))}");

            foreach (LabHandout lab in LabHandout.All(copy))
            {
                LabResult result = Grader.Grade(copy, lab, TextWriter.Null);
                var text = new StringWriter();
                Grader.Print(result, text);
                _output.WriteLine(text.ToString());
                Assert.All(result.Checks, c => Assert.True(c.Outcome is "Passed" or "Failed",
                    $"lab {lab.Number}: {c.Test} did not run on the starter ({c.Outcome}: {c.Message})"));
                Assert.True(result.Score < result.Points, $"lab {lab.Number}'s starter gets full marks: nothing is left to write");
            }
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private (int Status, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
