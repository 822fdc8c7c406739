using System.Diagnostics;
using MicroOS.Labs;

// ./microos lab list | lab start N | grade N | grade --all [--json FILE] (the microos script builds first).
string root = FindRoot();
try
{
    return args switch
    {
        ["list"] => List(),
        ["start", var n] => Start(ParseLab(n)),
        ["grade", "--all", .. var rest] => Grade(LabHandout.All(root).ToList(), JsonPath(rest)),
        ["grade", var n, .. var rest] => Grade(new List<LabHandout> { Find(ParseLab(n)) }, JsonPath(rest)),
        _ => Usage(),
    };
}
catch (LabRegionException e)
{
    Console.Error.WriteLine($"[microos] error: {e.Message}");
    return 2;
}

int Usage()
{
    Console.Error.WriteLine("usage: ./microos lab list             the labs, their points and handouts");
    Console.Error.WriteLine("       ./microos lab start N          on a clean tree: branch lab/N with lab N's starter code");
    Console.Error.WriteLine("       ./microos grade N [--json F]   build, run lab N's checks in QEMU, print the score (exit 1 below full marks)");
    Console.Error.WriteLine("       ./microos grade --all [--json F]");
    return 2;
}

int List()
{
    var labs = LabHandout.All(root);
    var regions = AllRegions();
    Console.WriteLine("lab  points  regions  handout");
    foreach (LabHandout lab in labs)
        Console.WriteLine($"{lab.Number,3}  {lab.Points,6}  {regions.Count(r => r.Lab == lab.Number),7}  {Path.GetRelativePath(root, lab.Path)}  ({lab.Title})");
    if (labs.Count == 0)
        Console.WriteLine("(no labs: docs/labs/ has no NN-name.md handout)");
    return 0;
}

int Start(int number)
{
    LabHandout lab = Find(number);
    string status = Git("status", "--porcelain", "--untracked-files=no");
    if (status.Length != 0)
        throw new LabRegionException($"lab start {number}: the tree has changes; commit or stash them first:\n{status}");
    string branch = $"lab/{number}";
    if (Git("branch", "--list", branch).Length != 0)
        throw new LabRegionException($"lab start {number}: branch {branch} exists already (git checkout {branch} to go on with it)");
    var files = RegionFiles();
    // Check every file before touching any.
    var starters = files.Select(f => (File: f, Text: LabRegions.Starter(f, File.ReadAllText(Path.Combine(root, f)), number))).ToList();
    int ours = AllRegions().Count(r => r.Lab == number);
    if (ours == 0)
        throw new LabRegionException($"lab start {number}: no LAB {number} regions in the tree");
    Git("checkout", "-q", "-b", branch);
    foreach (var (file, text) in starters)
        File.WriteAllText(Path.Combine(root, file), text);
    Git("commit", "-q", "-a", "--allow-empty", "-m", $"lab {number}: starter ({lab.Title})");
    Console.WriteLine($"[microos] lab {number}: on branch {branch}, {ours} region(s) to write (grep -rn \"LAB {number} BEGIN\" .)");
    Console.WriteLine($"[microos] read {Path.GetRelativePath(root, lab.Path)}, then: ./microos grade {number}");
    return 0;
}

int Grade(List<LabHandout> labs, string? json)
{
    if (labs.Count == 0)
        throw new LabRegionException("grade: no labs (docs/labs/ has no NN-name.md handout)");
    var results = new List<LabResult>();
    foreach (LabHandout lab in labs)
    {
        LabResult result = Grader.Grade(root, lab, Console.Out);
        Grader.Print(result, Console.Out);
        results.Add(result);
    }
    json ??= Path.Combine(root, "labs-out", labs.Count == 1 ? $"grade-lab-{labs[0].Number}.json" : "grade-all.json");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
    File.WriteAllText(json, Grader.Json(results));
    int score = results.Sum(r => r.Score), points = results.Sum(r => r.Points);
    if (labs.Count > 1)
        Console.WriteLine($"Score: {score}/{points} over {labs.Count} labs");
    Console.WriteLine($"[microos] grade: summary in {Path.GetRelativePath(root, Path.GetFullPath(json))}");
    return score == points ? 0 : 1;
}

LabHandout Find(int number) =>
    LabHandout.All(root).FirstOrDefault(l => l.Number == number)
    ?? throw new LabRegionException($"no lab {number} (./microos lab list shows the labs)");

static int ParseLab(string text) =>
    int.TryParse(text, out int n) && n > 0 ? n : throw new LabRegionException($"'{text}' is not a lab number (./microos lab list)");

static string? JsonPath(string[] rest) => rest switch
{
    [] => null,
    ["--json", var path] => path,
    _ => throw new LabRegionException($"grade: unknown option(s) '{string.Join(' ', rest)}' (only --json FILE)"),
};

List<string> RegionFiles() =>
    Git("grep", "-l", "-E", "LAB [0-9]+ BEGIN", "--", ".", ":!docs", ":!tools/Labs", ":!MicroOS.Tests/Host/LabsTests.cs")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

List<LabRegion> AllRegions() =>
    RegionFiles().SelectMany(f => LabRegions.Find(f, File.ReadAllText(Path.Combine(root, f)))).ToList();

string Git(params string[] arguments)
{
    var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in arguments)
        start.ArgumentList.Add(a);
    using var git = Process.Start(start)!;
    string output = git.StandardOutput.ReadToEnd();
    string error = git.StandardError.ReadToEnd();
    git.WaitForExit();
    // git grep exits 1 when nothing matches: an empty answer, not an error.
    if (git.ExitCode != 0 && !(arguments[0] == "grep" && git.ExitCode == 1))
        throw new LabRegionException($"git {string.Join(' ', arguments)} failed: {error.Trim()}");
    return output.Trim();
}

static string FindRoot()
{
    foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MicroOS.sln")))
                return dir.FullName;
    throw new LabRegionException("not inside a MicroOS checkout (no MicroOS.sln above the current folder)");
}
