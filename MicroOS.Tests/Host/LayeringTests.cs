using System.Diagnostics;
using System.Text.Json;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// The microkernel's dependency rules, checked on the references MSBuild really resolves (a
// ProjectReference may come from the project file, a Directory.Build.props/targets or an imported
// .targets file: the servers get theirs from MicroOS.Servers/Directory.Build.targets):
//   Servers never reference Kernel (they talk to it only through the Shared ABI);
//   Shared and Runtime reference neither Kernel nor Servers;
//   Runtime references nothing (it is the core library everything else builds on);
//   no project compiles a file of another project (`<Compile Include="../Other/X.cs" Link=...>`):
//   code two projects share lives in MicroOS.Shared, which both reference.
public sealed class LayeringTests
{
    private static readonly string[] Layers = { "MicroOS.Kernel", "MicroOS.Servers", "MicroOS.Shared", "MicroOS.Runtime" };

    [Fact]
    public void NoProjectReferenceCrossesALayerBoundary()
    {
        List<string> projects = ProjectsUnder(RepoPaths.Root);
        // Guard against a vacuous pass (folders renamed, checkout incomplete).
        Assert.Contains(projects, p => p.EndsWith("MicroOS.Kernel.csproj", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.EndsWith("MicroOS.Runtime.csproj", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.EndsWith("Probe.csproj", StringComparison.Ordinal));

        Dictionary<string, List<string>> references = Evaluated(projects, "ProjectReference");
        // Guard against an evaluation that silently sees nothing: the servers' references are not in
        // their .csproj files at all, only in MicroOS.Servers/Directory.Build.targets.
        string probe = projects.Single(p => p.EndsWith("Probe.csproj", StringComparison.Ordinal));
        Assert.Contains(references[probe], r => r.EndsWith("MicroOS.Shared.csproj", StringComparison.Ordinal));

        List<string> violations = Violations(RepoPaths.Root, references);
        Assert.True(violations.Count == 0, "layering violations:\n  " + string.Join("\n  ", violations));
    }

    // A linked source file is a dependency MSBuild's ProjectReference list does not show: a server
    // compiling a kernel file or another server's file is coupled to it as surely as by a reference.
    [Fact]
    public void NoProjectCompilesAnotherProjectsFile()
    {
        List<string> projects = ProjectsUnder(RepoPaths.Root);
        Dictionary<string, List<string>> compiled = Evaluated(projects, "Compile");
        string console = projects.Single(p => p.EndsWith("Console.csproj", StringComparison.Ordinal));
        // Guard against a vacuous pass: the evaluation sees the console's own sources.
        Assert.Contains(compiled[console], f => f.EndsWith("ConsoleServer.cs", StringComparison.Ordinal));

        List<string> violations = LinkedFiles(RepoPaths.Root, compiled);
        Assert.True(violations.Count == 0, "projects compiling other projects' files:\n  " + string.Join("\n  ", violations));
    }

    // The Compile check must catch a link wherever it comes from (here the server folder's
    // Directory.Build.targets), and must not flag a project's own files.
    [Fact]
    public void ACompileLinkToAnotherProjectsFileIsCaught()
    {
        string root = Path.Combine(Path.GetTempPath(), "microos-layering-" + Guid.NewGuid().ToString("N"));
        try
        {
            WriteProject(root, "MicroOS.Kernel/MicroOS.Kernel.csproj", "");
            File.WriteAllText(Path.Combine(root, "MicroOS.Kernel", "Parser.cs"), "class Parser { }");
            WriteProject(root, "MicroOS.Servers/Good/Good.csproj", "");
            File.WriteAllText(Path.Combine(root, "MicroOS.Servers", "Good", "GoodServer.cs"), "class GoodServer { }");
            WriteProject(root, "MicroOS.Servers/Bad/Bad.csproj", "");
            File.WriteAllText(Path.Combine(root, "MicroOS.Servers", "Bad", "Directory.Build.targets"), """
                <Project>
                  <ItemGroup>
                    <Compile Include="../../MicroOS.Kernel/Parser.cs" Link="Linked/Parser.cs" />
                  </ItemGroup>
                </Project>
                """);

            List<string> violations = LinkedFiles(root, Evaluated(ProjectsUnder(root), "Compile"));

            string expected = Path.Combine("MicroOS.Servers", "Bad", "Bad.csproj") + " compiles "
                + Path.Combine("MicroOS.Kernel", "Parser.cs") + ", a file outside its folder: move shared code to MicroOS.Shared";
            Assert.Equal(new[] { expected }, violations);
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    // The check must see a reference wherever MSBuild takes it from: a server whose .csproj is clean
    // but whose folder's Directory.Build.targets references the kernel is a violation.
    [Fact]
    public void AReferenceAddedByDirectoryBuildTargetsIsCaught()
    {
        string root = Path.Combine(Path.GetTempPath(), "microos-layering-" + Guid.NewGuid().ToString("N"));
        try
        {
            WriteProject(root, "MicroOS.Kernel/MicroOS.Kernel.csproj", "");
            WriteProject(root, "MicroOS.Shared/MicroOS.Shared.csproj", "");
            WriteProject(root, "MicroOS.Servers/Bad/Bad.csproj", "");
            File.WriteAllText(Path.Combine(root, "MicroOS.Servers", "Directory.Build.targets"), """
                <Project>
                  <ItemGroup>
                    <ProjectReference Include="$(MSBuildThisFileDirectory)../MicroOS.Shared/MicroOS.Shared.csproj" />
                    <ProjectReference Include="$(MSBuildThisFileDirectory)../MicroOS.Kernel/MicroOS.Kernel.csproj" />
                  </ItemGroup>
                </Project>
                """);
            Assert.DoesNotContain("ProjectReference", File.ReadAllText(Path.Combine(root, "MicroOS.Servers", "Bad", "Bad.csproj")));

            List<string> projects = ProjectsUnder(root);
            Assert.Equal(3, projects.Count);
            List<string> violations = Violations(root, Evaluated(projects, "ProjectReference"));

            string expected = Path.Combine("MicroOS.Servers", "Bad", "Bad.csproj") + " references "
                + Path.Combine("MicroOS.Kernel", "MicroOS.Kernel.csproj") + ": Servers must never reference Kernel";
            Assert.Equal(new[] { expected }, violations);
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("MicroOS.Servers", "MicroOS.Kernel", false)]
    [InlineData("MicroOS.Servers", "MicroOS.Shared", true)]
    [InlineData("MicroOS.Servers", "MicroOS.Runtime", true)]
    [InlineData("MicroOS.Shared", "MicroOS.Kernel", false)]
    [InlineData("MicroOS.Shared", "MicroOS.Servers", false)]
    [InlineData("MicroOS.Shared", "MicroOS.Runtime", true)]
    [InlineData("MicroOS.Runtime", "MicroOS.Kernel", false)]
    [InlineData("MicroOS.Runtime", "MicroOS.Shared", false)]
    [InlineData("MicroOS.Runtime", "MicroOS.Build", false)]
    [InlineData("MicroOS.Kernel", "MicroOS.Shared", true)]
    [InlineData("MicroOS.Kernel", "MicroOS.Runtime", true)]
    public void RulesAllowExactlyTheIntendedDirections(string from, string to, bool allowed)
    {
        Assert.Equal(allowed, Violation(from, to) == null);
    }

    // Why `from` may not reference `to`, or null when it may. `to` is null for a project outside the layers.
    private static string? Violation(string from, string? to) => from switch
    {
        "MicroOS.Runtime" => "Runtime must not reference any project",
        "MicroOS.Servers" when to == "MicroOS.Kernel" => "Servers must never reference Kernel",
        "MicroOS.Shared" when to is "MicroOS.Kernel" or "MicroOS.Servers" => "Shared must not reference Kernel or Servers",
        _ => null,
    };

    private static List<string> ProjectsUnder(string root) => Layers
        .Where(layer => Directory.Exists(Path.Combine(root, layer)))
        .SelectMany(layer => Directory.EnumerateFiles(Path.Combine(root, layer), "*.csproj", SearchOption.AllDirectories))
        .Where(path => !IsBuildOutput(path))
        .ToList();

    private static List<string> Violations(string root, Dictionary<string, List<string>> references)
    {
        var violations = new List<string>();
        foreach ((string project, List<string> targets) in references.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string from = LayerOf(root, project)!;
            foreach (string reference in targets)
            {
                string? violation = Violation(from, LayerOf(root, reference));
                if (violation != null)
                    violations.Add($"{Path.GetRelativePath(root, project)} references {Path.GetRelativePath(root, reference)}: {violation}");
            }
        }
        return violations;
    }

    // Every source file a project compiles that lies outside the project's own folder.
    private static List<string> LinkedFiles(string root, Dictionary<string, List<string>> compiled)
    {
        var violations = new List<string>();
        foreach ((string project, List<string> files) in compiled.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string folder = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
            foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
                if (!file.StartsWith(folder, StringComparison.Ordinal))
                    violations.Add($"{Path.GetRelativePath(root, project)} compiles {Path.GetRelativePath(root, file)}, a file outside its folder: move shared code to MicroOS.Shared");
        }
        return violations;
    }

    // Each project's `item` items (ProjectReference, Compile) as MSBuild evaluates them (project
    // file, Directory.Build.*, imports, conditions), as full paths: `dotnet msbuild P -getItem:ITEM`
    // (evaluation only, no build), one process per project, run in parallel.
    private static Dictionary<string, List<string>> Evaluated(List<string> projects, string item)
    {
        var tasks = projects.ToDictionary(p => p, p => Task.Run(() => EvaluateItems(p, item)));
        return tasks.ToDictionary(t => t.Key, t => t.Value.GetAwaiter().GetResult());
    }

    private static List<string> EvaluateItems(string project, string item)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (string argument in new[] { "msbuild", project, "-getItem:" + item, "-nologo" })
            start.ArgumentList.Add(argument);
        // The test host's own MSBuild settings must not leak into the evaluation.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet msbuild {project} -getItem:{item} did not finish in 2 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet msbuild {project} -getItem:{item} failed ({process.ExitCode}):\n{stdout}\n{stderr.Result}");

        // {"Items": {"ProjectReference": [{"Identity": ..., "FullPath": ...}, ...]}}; no items: the
        // array is empty or absent.
        int json = stdout.IndexOf('{');
        Assert.True(json >= 0, $"no JSON from dotnet msbuild {project} -getItem:{item}:\n{stdout}");
        using JsonDocument document = JsonDocument.Parse(stdout[json..]);
        var result = new List<string>();
        if (document.RootElement.TryGetProperty("Items", out JsonElement items)
            && items.TryGetProperty(item, out JsonElement references))
        {
            foreach (JsonElement reference in references.EnumerateArray())
                result.Add(Path.GetFullPath(reference.GetProperty("FullPath").GetString()!));
        }
        return result;
    }

    private static void WriteProject(string root, string relativePath, string items)
    {
        string path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              {items}
            </Project>
            """);
    }

    // The top-level folder (below `root`) a path lives in, e.g. "MicroOS.Kernel".
    private static string? LayerOf(string root, string path)
    {
        string relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? null : relative.Split(Path.DirectorySeparatorChar)[0];
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
