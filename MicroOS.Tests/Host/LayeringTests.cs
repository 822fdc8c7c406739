using System.Xml.Linq;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// The microkernel's dependency rules, checked on the project files:
//   Servers never reference Kernel (they talk to it only through the Shared ABI);
//   Shared and Runtime reference neither Kernel nor Servers;
//   Runtime references nothing (it is the core library everything else builds on).
public sealed class LayeringTests
{
    private static readonly string[] Layers = { "MicroOS.Kernel", "MicroOS.Servers", "MicroOS.Shared", "MicroOS.Runtime" };

    [Fact]
    public void NoProjectReferenceCrossesALayerBoundary()
    {
        var projects = Layers
            .Where(layer => Directory.Exists(Path.Combine(RepoPaths.Root, layer)))
            .SelectMany(layer => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, layer), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .ToList();
        // Guard against a vacuous pass (folders renamed, checkout incomplete).
        Assert.Contains(projects, p => p.EndsWith("MicroOS.Kernel.csproj", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.EndsWith("MicroOS.Runtime.csproj", StringComparison.Ordinal));

        var violations = new List<string>();
        foreach (string project in projects)
        {
            string from = LayerOf(project)!;
            foreach (string reference in ProjectReferences(project))
            {
                string? violation = Violation(from, LayerOf(reference));
                if (violation != null)
                    violations.Add($"{Path.GetRelativePath(RepoPaths.Root, project)} references {Path.GetRelativePath(RepoPaths.Root, reference)}: {violation}");
            }
        }

        Assert.True(violations.Count == 0, "layering violations:\n  " + string.Join("\n  ", violations));
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

    private static IEnumerable<string> ProjectReferences(string project)
    {
        string folder = Path.GetDirectoryName(project)!;
        return XDocument.Load(project)
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .Where(include => !string.IsNullOrWhiteSpace(include))
            .Select(include => Path.GetFullPath(Path.Combine(folder, include!.Replace('\\', '/'))));
    }

    // The top-level repository folder a path lives in, e.g. "MicroOS.Kernel".
    private static string? LayerOf(string path)
    {
        string relative = Path.GetRelativePath(RepoPaths.Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? null : relative.Split(Path.DirectorySeparatorChar)[0];
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
