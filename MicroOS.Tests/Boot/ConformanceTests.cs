using System.Diagnostics;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MicroOS.Tests.Boot;

// The runtime's conformance suite (MicroOS.Servers/Tests/Conformance/Checks): the same C# files run on real
// .NET (tools/Conformance.Host) and as the `conformance` server; every `name: value` line must be equal.
// Both runs take their arguments from the server's test-manifest line ("<seed> [exceptions]"): adding
// `exceptions` there switches on the groups that need caught exceptions, on both sides at once.
public sealed class ConformanceTests
{
    private const int MinimumChecks = 600;
    private static readonly Regex Summary = new(@"^conformance: (done|group) ");

    private readonly ITestOutputHelper _output;

    public ConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ServerOutputEqualsRealDotNetLineForLine()
    {
        string arguments = ManifestArguments("conformance");
        List<string> expected = RunHost(arguments);

        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("conformance", memoryMiB: 64));
        machine.WaitForLineIndex(ServerLog.Ended("conformance"), timeout: TimeSpan.FromSeconds(240));
        const string prefix = "[conformance] ";
        List<string> actual = machine.Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l[prefix.Length..]).ToList();

        var problems = new List<string>();
        int differing = 0;
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string? want = i < expected.Count ? expected[i] : null;
            string? got = i < actual.Count ? actual[i] : null;
            if (want == got)
                continue;
            if (++differing <= 20)
                problems.Add($"line {i + 1}:\n    .NET:    {want ?? "(missing)"}\n    MicroOS: {got ?? "(missing)"}");
        }
        int checks = expected.Count(l => !Summary.IsMatch(l) && !l.StartsWith("console.", StringComparison.Ordinal));
        _output.WriteLine($"conformance: {checks} checks on .NET, {actual.Count} lines from MicroOS, {differing} differing");
        if (differing > 0)
            throw new XunitException($"{differing} of {expected.Count} conformance lines differ from .NET (first 20):\n" + string.Join("\n", problems));
        Assert.True(checks >= MinimumChecks, $"only {checks} conformance checks ran; at least {MinimumChecks} are required");
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // The arguments column of the manifest line for `name`.
    private static string ManifestArguments(string name)
    {
        string manifest = Path.Combine(RepoPaths.Root, "MicroOS.Build", "test-manifest.txt");
        foreach (string raw in File.ReadAllLines(manifest))
        {
            string[] fields = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0] == name && !raw.TrimStart().StartsWith('#'))
                return string.Join(" ", fields.Skip(5));
        }
        throw new XunitException($"no '{name}' line in {manifest}");
    }

    private List<string> RunHost(string arguments)
    {
        string project = Path.Combine(RepoPaths.Root, "tools", "Conformance.Host", "Conformance.Host.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // MicroOS has no time zones (local time is UTC): the host run must agree.
        start.Environment["TZ"] = "UTC";
        // `./microos build` builds the host program with the ISO (it is in MicroOS.sln), so both come
        // from the same sources; without that build, `dotnet run` builds it here.
        string built = Path.Combine(RepoPaths.Root, "tools", "Conformance.Host", "bin", "Debug", "net10.0", "Conformance.Host.dll");
        string[] command = File.Exists(built)
            ? new[] { built }
            : new[] { "run", "--project", project, "--nologo", "-v:q", "--" };
        foreach (string a in command)
            start.ArgumentList.Add(a);
        foreach (string a in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) != null)
            lines.Add(line);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new XunitException($"the host conformance run failed ({process.ExitCode}):\n{stderr.Result}\n{string.Join("\n", lines)}");
        // `dotnet run` may print build warnings first; the suite's lines are `name: value`.
        int first = lines.FindIndex(l => !l.Contains(": warning ", StringComparison.Ordinal));
        return first < 0 ? lines : lines.Skip(first).Where(l => !l.Contains(": warning ", StringComparison.Ordinal)).ToList();
    }
}
