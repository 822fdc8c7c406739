using System.Text.RegularExpressions;

namespace MicroOS.Labs;

// A lab is its handout, docs/labs/NN-name.md: the first heading names it (`# Lab 4: A user-mode
// driver`) and one table between `<!-- grader -->` and `<!-- /grader -->` lists what the grader
// checks — each row a boot test (`Class.Method` in MicroOS.Tests/Labs, tagged [Trait("Lab", "N")]),
// its points, and the hint a failing student reads. The table is the one place points and hints are
// written, so the handout cannot promise a check the grader does not make (LabsTests checks both ways).
public sealed record LabCheck(string Test, int Points, string Hint);

public sealed record LabHandout(int Number, string Slug, string Title, string Path, IReadOnlyList<LabCheck> Checks)
{
    public int Points => Checks.Sum(c => c.Points);

    private static readonly Regex FileName = new(@"^(?<n>\d\d)-(?<slug>[a-z0-9-]+)\.md$");
    private static readonly Regex Heading = new(@"^# Lab (?<n>\d+): (?<title>.+)$", RegexOptions.Multiline);
    private static readonly Regex Row = new(@"^\|\s*`(?<test>[A-Za-z0-9_.]+)`\s*\|\s*(?<points>\d+)\s*\|\s*(?<hint>.*?)\s*\|\s*$");
    public const string TableStart = "<!-- grader -->", TableEnd = "<!-- /grader -->";

    public static IReadOnlyList<LabHandout> All(string root)
    {
        string folder = System.IO.Path.Combine(root, "docs", "labs");
        if (!Directory.Exists(folder))
            return Array.Empty<LabHandout>();
        return Directory.GetFiles(folder, "*.md")
            .Where(p => FileName.IsMatch(System.IO.Path.GetFileName(p)))
            .Select(Read)
            .OrderBy(l => l.Number)
            .ToList();
    }

    public static LabHandout Read(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        Match file = FileName.Match(name);
        if (!file.Success)
            throw new LabRegionException($"{path}: a handout is named NN-name.md");
        string text = File.ReadAllText(path);
        Match heading = Heading.Match(text);
        if (!heading.Success)
            throw new LabRegionException($"{path}: the first heading must be `# Lab N: Title`");
        int number = int.Parse(heading.Groups["n"].Value);
        if (number != int.Parse(file.Groups["n"].Value))
            throw new LabRegionException($"{path}: the heading says lab {number}, the file name {file.Groups["n"].Value}");
        int start = text.IndexOf(TableStart, StringComparison.Ordinal);
        int end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
            throw new LabRegionException($"{path}: no grader table ({TableStart} ... {TableEnd})");
        var checks = new List<LabCheck>();
        foreach (string line in text[start..end].Split('\n'))
        {
            Match row = Row.Match(line.TrimEnd('\r'));
            if (row.Success)
                checks.Add(new LabCheck(row.Groups["test"].Value, int.Parse(row.Groups["points"].Value), row.Groups["hint"].Value));
        }
        if (checks.Count == 0)
            throw new LabRegionException($"{path}: the grader table lists no checks");
        if (checks.Select(c => c.Test).Distinct().Count() != checks.Count)
            throw new LabRegionException($"{path}: a check is listed twice");
        return new LabHandout(number, file.Groups["slug"].Value, heading.Groups["title"].Value.Trim(), path, checks);
    }
}
