using System.Text;
using System.Text.RegularExpressions;

namespace MicroOS.Labs;

// Solution regions: main is always the reference solution, whole and built. A region is
//
//     // LAB 4 BEGIN: read the clock's registers
//     ...the solution...
//     // LAB 4 STARTER
//     // ...what the student starts from, commented out...
//     // LAB 4 END
//
// (`;` or `#` instead of `//` in assembly and scripts). `lab start N` turns every region of lab N, and
// of every later lab, into its starter (the STARTER lines with one comment prefix removed), and keeps
// the solutions of earlier labs: a student doing the labs in order builds on what came before and is
// not handed what comes after. A starter may be empty (the student writes the whole region).
public sealed record LabRegion(string File, int BeginLine, int Lab, string Title, int SolutionLines, int StarterLines);

public sealed class LabRegionException(string message) : Exception(message);

public static class LabRegions
{
    private static readonly Regex Marker = new(@"^(?<indent>\s*)(?<comment>//|;|#)\s*LAB (?<lab>\d+) (?<kind>BEGIN|STARTER|END)\b:?\s*(?<title>.*)$");

    // The regions of one file's text; a malformed region (unbalanced, nested, mismatched numbers, a
    // starter line that is not a comment) is an error naming the file and line.
    public static List<LabRegion> Find(string file, string text)
    {
        var regions = new List<LabRegion>();
        string[] lines = SplitLines(text);
        int begin = -1, starter = -1, lab = 0;
        string title = "", comment = "";
        for (int i = 0; i < lines.Length; i++)
        {
            Match m = Marker.Match(lines[i]);
            if (!m.Success)
            {
                if (starter >= 0 && !IsCommented(lines[i], comment))
                    throw new LabRegionException($"{file}:{i + 1}: a LAB {lab} STARTER line must be a `{comment}` comment (the starter is kept commented out in main)");
                continue;
            }
            int n = int.Parse(m.Groups["lab"].Value);
            string kind = m.Groups["kind"].Value;
            if (kind == "BEGIN")
            {
                if (begin >= 0)
                    throw new LabRegionException($"{file}:{i + 1}: LAB {n} BEGIN inside LAB {lab}'s region (line {begin + 1}); regions do not nest");
                begin = i; lab = n; title = m.Groups["title"].Value.Trim(); comment = m.Groups["comment"].Value; starter = -1;
                continue;
            }
            if (begin < 0)
                throw new LabRegionException($"{file}:{i + 1}: LAB {n} {kind} without a LAB {n} BEGIN");
            if (n != lab)
                throw new LabRegionException($"{file}:{i + 1}: LAB {n} {kind} inside LAB {lab}'s region (line {begin + 1})");
            if (kind == "STARTER")
            {
                if (starter >= 0)
                    throw new LabRegionException($"{file}:{i + 1}: a second LAB {n} STARTER in one region");
                starter = i;
                continue;
            }
            int solutionEnd = starter >= 0 ? starter : i;
            regions.Add(new LabRegion(file, begin + 1, lab, title, solutionEnd - begin - 1, starter >= 0 ? i - starter - 1 : 0));
            begin = -1; starter = -1;
        }
        if (begin >= 0)
            throw new LabRegionException($"{file}:{begin + 1}: LAB {lab} BEGIN has no LAB {lab} END");
        return regions;
    }

    // The text a student starts lab `lab` from: regions of that lab and later ones become their
    // starters; the markers stay (so `lab start` can be run again on a later lab's branch, and the
    // student sees where to write).
    public static string Starter(string file, string text, int lab)
    {
        Find(file, text);   // refuse malformed files before changing anything
        string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string[] lines = SplitLines(text);
        var output = new StringBuilder(text.Length);
        bool inSolution = false, inStarter = false, replace = false;
        string comment = "";
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match m = Marker.Match(line);
            if (m.Success)
            {
                string kind = m.Groups["kind"].Value;
                if (kind == "BEGIN")
                {
                    replace = int.Parse(m.Groups["lab"].Value) >= lab;
                    comment = m.Groups["comment"].Value;
                    inSolution = true;
                    Append(output, line, newline, i, lines.Length, text);
                    continue;
                }
                if (kind == "STARTER")
                {
                    inSolution = false; inStarter = true;
                    if (!replace)
                        Append(output, line, newline, i, lines.Length, text);
                    continue;
                }
                inSolution = false; inStarter = false;
                Append(output, line, newline, i, lines.Length, text);
                continue;
            }
            if (inSolution && replace)
                continue;
            if (inStarter)
            {
                if (replace)
                    Append(output, Uncomment(line, comment), newline, i, lines.Length, text);
                else
                    Append(output, line, newline, i, lines.Length, text);
                continue;
            }
            Append(output, line, newline, i, lines.Length, text);
        }
        return output.ToString();
    }

    private static void Append(StringBuilder output, string line, string newline, int index, int count, string text)
    {
        output.Append(line);
        bool last = index == count - 1;
        if (!last || text.EndsWith('\n'))
            output.Append(newline);
    }

    private static string[] SplitLines(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static bool IsCommented(string line, string comment) =>
        line.Trim().Length == 0 || line.TrimStart().StartsWith(comment, StringComparison.Ordinal);

    // "    // return 0;" -> "    return 0;" (the indentation before the comment is kept).
    private static string Uncomment(string line, string comment)
    {
        int at = line.IndexOf(comment, StringComparison.Ordinal);
        if (at < 0 || line[..at].Trim().Length != 0)
            return line;
        string rest = line[(at + comment.Length)..];
        if (rest.StartsWith(' '))
            rest = rest[1..];
        return line[..at] + rest;
    }
}
