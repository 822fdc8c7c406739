using System.Diagnostics;
using MicroOS.Labs;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Labs;

// The labs' starters (issue 18: "each starter builds and boots, and fails with the intended hints").
// main is the reference solution, so the suite's lab tests prove full marks on main; this test
// proves the other side once for all labs: a copy of the tree gets every lab's starter at once (`lab
// start 1` replaces lab 1's regions and every later lab's), is built, and each lab is graded on it:
// every check must run (the starter builds and boots) and no lab may get full marks (there is
// something to write). The copy lives in labs-out/starters (git-ignored) and keeps its own build
// outputs, so after the first run only what changed is built again (a copy elsewhere, or one that
// took the tree's obj/ folders, rebuilds everything: MSBuild's caches hold absolute paths).
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
        string copy = Path.Combine(root, "labs-out", "starters");
        {
            int copied = Sync(root, copy);
            int regions = 0;
            foreach (string file in Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories)
                         .Where(p => (p.EndsWith(".cs") || p.EndsWith(".asm") || p.EndsWith(".txt") || p.EndsWith(".spec") || p.EndsWith(".inc"))
                                     && !IsOutput(Path.GetRelativePath(copy, p)) && !p.Contains("/tools/Labs/")
                                     && !p.EndsWith("LabsTests.cs", StringComparison.Ordinal)))
            {
                string text = File.ReadAllText(file);
                List<LabRegion> found = LabRegions.Find(file, text);
                if (found.Count == 0)
                    continue;
                regions += found.Count;
                File.WriteAllText(file, LabRegions.Starter(file, text, 1));
            }
            _output.WriteLine($"starters: {copied} files brought up to date in {copy}, {regions} regions replaced");
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
    }

    // What the build and the tests make, never copied (the copy builds its own).
    private static bool IsOutput(string relative)
    {
        string[] parts = relative.Split('/');
        return parts[0] is ".git" or "labs-out" or "iso" || parts.Any(p => p is "bin" or "obj" or "TestResults");
    }

    // Makes `copy` hold the tree's sources as they are: files copied when their size or time differ
    // (times kept, so MSBuild sees what changed), files the tree no longer has deleted. Returns how
    // many were copied.
    private static int Sync(string root, string copy)
    {
        Directory.CreateDirectory(copy);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        int copied = 0;
        foreach (string source in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, source);
            if (IsOutput(relative))
                continue;
            wanted.Add(relative);
            string target = Path.Combine(copy, relative);
            var from = new FileInfo(source);
            var to = new FileInfo(target);
            if (to.Exists && to.Length == from.Length && to.LastWriteTimeUtc == from.LastWriteTimeUtc)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            File.SetLastWriteTimeUtc(target, from.LastWriteTimeUtc);
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
            copied++;
        }
        foreach (string existing in Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(copy, existing);
            if (!IsOutput(relative) && !wanted.Contains(relative))
                File.Delete(existing);
        }
        return copied;
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
