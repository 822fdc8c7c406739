using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// Docs that cannot rot (issue 16, item 8): every repository path README.md and docs/*.md cite must
// exist. A citation is a path that starts at a top-level folder of the repository
// (`MicroOS.Kernel/Tasks/Scheduler.cs`, `docs/storage.md`, `tools/bench.sh`), a relative markdown
// link, or a shorter path with a folder and a source extension (`Syscalls/IpcFastPath.cs`), which must
// name the end of some file of the repository. Build outputs (git-ignored, e.g. `iso/MicroOS.iso`) and
// the documented example a user makes with `./microos new` are not citations of the repository.
public sealed class DocPathsTests
{
    // What the docs show a user creating (`./microos new hello` → MicroOS.Servers/Hello/...).
    private static readonly string[] Examples = { "MicroOS.Servers/Hello" };

    private static readonly Regex Rooted = new(
        @"(?<![\w/.-])((?:MicroOS\.[A-Za-z]+|docs|tools|templates|iso|\.ci)/[A-Za-z0-9_./+-]*[A-Za-z0-9_])(?![\w*{}<>])",
        RegexOptions.Compiled);
    private static readonly Regex Partial = new(
        @"(?<![\w/.-])([A-Za-z0-9_.+-]+(?:/[A-Za-z0-9_.+-]+)+\.(?:cs|asm|csproj|md|sh|ld|props|targets|inc|txt))\b",
        RegexOptions.Compiled);
    private static readonly Regex Link = new(@"\]\(([^)#\s]+)", RegexOptions.Compiled);

    public static IEnumerable<object[]> Documents()
    {
        yield return new object[] { "README.md" };
        foreach (string doc in Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").OrderBy(p => p, StringComparer.Ordinal))
            yield return new object[] { Path.GetRelativePath(RepoPaths.Root, doc) };
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryCitedPathExists(string document)
    {
        string root = RepoPaths.Root;
        string[] tracked = TrackedFiles.Value;
        string text = File.ReadAllText(Path.Combine(root, document));
        var missing = new SortedSet<string>(StringComparer.Ordinal);

        foreach (Match m in Rooted.Matches(text))
        {
            string path = m.Groups[1].Value.TrimEnd('.');
            if (Exists(root, path) || IsBuildOutput(path) || Examples.Any(e => path.StartsWith(e, StringComparison.Ordinal)))
                continue;
            missing.Add(path);
        }
        foreach (Match m in Partial.Matches(text))
        {
            string path = m.Groups[1].Value;
            if (path.StartsWith("http", StringComparison.Ordinal) || Exists(root, path) || IsBuildOutput(path)
                || Examples.Any(e => path.StartsWith(e, StringComparison.Ordinal)))
                continue;
            if (!tracked.Any(t => t.EndsWith("/" + path, StringComparison.Ordinal)))
                missing.Add(path);
        }
        string folder = Path.GetDirectoryName(Path.Combine(root, document))!;
        foreach (Match m in Link.Matches(text))
        {
            string target = m.Groups[1].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                continue;
            string full = Path.GetFullPath(Path.Combine(folder, target));
            if (!File.Exists(full) && !Directory.Exists(full))
                missing.Add($"link ({target})");
        }

        Assert.True(missing.Count == 0, $"{document} cites what the repository does not have:\n  " + string.Join("\n  ", missing));
    }

    // The test must be able to fail: a made-up citation is found.
    [Fact]
    public void AMissingCitationIsFound()
    {
        Assert.Matches(Rooted, "see `MicroOS.Kernel/Tasks/NoSuchFile.cs`");
        Assert.False(Exists(RepoPaths.Root, "MicroOS.Kernel/Tasks/NoSuchFile.cs"));
        Assert.DoesNotContain(TrackedFiles.Value, t => t.EndsWith("/Syscalls/NoSuchFile.cs", StringComparison.Ordinal));
        Assert.Contains(TrackedFiles.Value, t => t.EndsWith("/Syscalls/IpcFastPath.cs", StringComparison.Ordinal));
    }

    private static bool Exists(string root, string path) =>
        File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path));

    // What the build and the tools make, which .gitignore names (the ISO folder's images and logs,
    // bin/, obj/, TestResults/): asked of git itself, so the rule is the repository's one list.
    private static bool IsBuildOutput(string path)
    {
        var git = new System.Diagnostics.ProcessStartInfo("git", new[] { "check-ignore", "-q", "--no-index", path })
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(git)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static readonly Lazy<string[]> TrackedFiles = new(() =>
    {
        string root = RepoPaths.Root;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith(".git/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal)
                        && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToArray();
    });
}
