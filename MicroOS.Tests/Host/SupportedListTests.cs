using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// docs/writing-a-server.md's "Supported, equal to .NET" list may claim only what the conformance
// suite (MicroOS.Servers/Tests/Conformance/Checks) checks against real .NET. Each bullet names the suite
// groups that prove it ("(groups `Strings`, `Spans`)"); every identifier in the bullet's code spans
// must occur in those groups' check sources, every named group must exist in Suite.Run, and every
// group of Suite.Run must be named by some bullet. A member added to the list without a check, or a
// check group left out of the list, fails here.
public sealed class SupportedListTests
{
    private static readonly Regex GroupCall = new(@"Group\(""(?<name>\w+)"", &(?<class>\w+)\.Run\)");
    private static readonly Regex Bullet = new(@"^- \*\*(?<title>[^*]+)\*\* \(groups? (?<groups>[^)]*)\): (?<text>.*)$");
    private static readonly Regex CodeSpan = new(@"`(?<code>[^`]+)`");
    private static readonly Regex Identifier = new(@"[A-Za-z_][A-Za-z0-9_]*");

    [Fact]
    public void EveryMemberTheSupportedListNamesIsCheckedByTheGroupsItCites()
    {
        string checks = Path.Combine(RepoPaths.Root, "MicroOS.Servers", "Tests", "Conformance", "Checks");
        Dictionary<string, string> groups = GroupSources(checks);
        List<(string Title, string[] Groups, string Text)> bullets = SupportedBullets();
        Assert.True(bullets.Count >= 10, $"found only {bullets.Count} bullets in the supported list");

        var problems = new List<string>();
        var cited = new HashSet<string>();
        foreach ((string title, string[] names, string text) in bullets)
        {
            var source = new System.Text.StringBuilder();
            foreach (string name in names)
            {
                cited.Add(name);
                if (groups.TryGetValue(name, out string? code)) source.Append(code);
                else problems.Add($"'{title}' cites group '{name}', which Suite.Run does not run");
            }
            string all = source.ToString();
            foreach (Match span in CodeSpan.Matches(text))
                foreach (Match id in Identifier.Matches(span.Groups["code"].Value))
                    if (!Regex.IsMatch(all, $@"(?<![A-Za-z0-9_]){Regex.Escape(id.Value)}(?![A-Za-z0-9_])"))
                        problems.Add($"'{title}' lists `{span.Groups["code"].Value}`, but '{id.Value}' occurs in no check of {string.Join(", ", names)}");
        }
        foreach (string group in groups.Keys)
            if (!cited.Contains(group))
                problems.Add($"group '{group}' is missing from the supported list");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheCheckRejectsAMemberNoCheckUses()
    {
        // The same test on a bullet that claims a member nobody checks: it must be reported.
        string checks = Path.Combine(RepoPaths.Root, "MicroOS.Servers", "Tests", "Conformance", "Checks");
        Dictionary<string, string> groups = GroupSources(checks);
        string strings = groups["Strings"];
        Assert.DoesNotMatch(@"(?<![A-Za-z0-9_])NormalizeFormKD(?![A-Za-z0-9_])", strings);
        Assert.Matches(@"(?<![A-Za-z0-9_])Split(?![A-Za-z0-9_])", strings);
    }

    // Group name -> the source of its check class (and of the classes it uses in the same folder
    // only when they are the class itself: one class per group file, helpers excluded).
    private static Dictionary<string, string> GroupSources(string checks)
    {
        string suite = File.ReadAllText(Path.Combine(checks, "Suite.cs"));
        var files = Directory.GetFiles(checks, "*.cs").ToDictionary(f => f, File.ReadAllText);
        var result = new Dictionary<string, string>();
        foreach (Match m in GroupCall.Matches(suite))
        {
            string cls = m.Groups["class"].Value;
            string? file = files.Keys.FirstOrDefault(f => Regex.IsMatch(files[f], $@"\bclass {cls}\b"));
            Assert.True(file != null, $"no check file defines class {cls}");
            result[m.Groups["name"].Value] = files[file!];
        }
        return result;
    }

    private static List<(string, string[], string)> SupportedBullets()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "writing-a-server.md"));
        int start = doc.IndexOf("Supported, equal to .NET", StringComparison.Ordinal);
        int end = doc.IndexOf("Not supported", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/writing-a-server.md has no supported list");
        // Bullets continue on indented lines.
        var bullets = new List<string>();
        foreach (string line in doc[start..end].Split('\n'))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal)) bullets.Add(line.TrimEnd());
            else if (line.StartsWith("  ", StringComparison.Ordinal) && bullets.Count > 0) bullets[^1] += " " + line.Trim();
        }
        var result = new List<(string, string[], string)>();
        foreach (string b in bullets)
        {
            Match m = Bullet.Match(b);
            Assert.True(m.Success, $"a supported-list bullet does not cite its groups: {b[..Math.Min(80, b.Length)]}");
            string[] names = CodeSpan.Matches(m.Groups["groups"].Value).Select(x => x.Groups["code"].Value).ToArray();
            result.Add((m.Groups["title"].Value, names, m.Groups["text"].Value));
        }
        return result;
    }
}
