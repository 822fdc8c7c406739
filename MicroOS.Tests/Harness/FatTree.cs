using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace MicroOS.Tests.Harness;

// A tree of host files put on a FAT image in one `mcopy -s` (1,000 files cost one process, not
// 1,000), and read back with mtools under a UTF-8 locale, so long names in any script reach the
// image as the UTF-16 long names Windows would write. The files are also the oracle: Listing()
// is what a walk of the image in MicroOS must print (FileChecksServer's `walk: PATH SIZE SHA256`).
public sealed class FatTree : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microos-tree-").FullName;

    // Image path ('/'-separated from the root) -> contents.
    public SortedDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Directories { get; } = new(StringComparer.Ordinal);

    public void Add(string imagePath, byte[] contents)
    {
        Files[imagePath] = contents;
        string parent = imagePath[..imagePath.LastIndexOf('/')];
        while (parent.Length > 0)
        {
            Directories.Add(parent);
            parent = parent[..parent.LastIndexOf('/')];
        }
    }

    public void AddText(string imagePath, string text) => Add(imagePath, Encoding.UTF8.GetBytes(text));

    public void AddDirectory(string imagePath) => Directories.Add(imagePath);

    // Writes the tree under a host folder and copies its top-level entries to the image's root.
    public void PutOn(string image)
    {
        foreach (string directory in Directories)
            Directory.CreateDirectory(Local(directory));
        foreach ((string path, byte[] contents) in Files)
            File.WriteAllBytes(Local(path), contents);
        var top = Directory.GetFileSystemEntries(_root).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (top.Count == 0)
            return;
        var args = new List<string> { "-s", "-i", image };
        args.AddRange(top);
        args.Add("::/");
        Mtools("mcopy", args.ToArray());
    }

    // The walk lines the tree must give: `walk: PATH/ dir` for each directory, `walk: PATH SIZE SHA256`
    // for each file, paths escaped as FileChecksServer escapes them, sorted ordinally.
    public List<string> Listing()
    {
        var lines = Directories.Select(d => $"walk: {Escape(d)}/ dir")
            .Concat(Files.Select(f => $"walk: {Escape(f.Key)} {f.Value.Length} {Sha256(f.Value)}"))
            .ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // Non-ASCII (UTF-16 units) and '\' as \uXXXX, as FileChecksServer.Escape.
    public static string Escape(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (char c in text)
            shown.Append(c >= ' ' && c < 0x7F && c != '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        return shown.ToString();
    }

    public static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\\u([0-9A-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    // The file's bytes, by mcopy (binary-exact), any name.
    public static byte[] Read(string image, string imagePath)
    {
        string local = Path.Combine(Path.GetTempPath(), "microos-get-" + Guid.NewGuid().ToString("N"));
        try
        {
            Mtools("mcopy", "-n", "-i", image, "::" + imagePath, local);
            return File.ReadAllBytes(local);
        }
        finally
        {
            File.Delete(local);
        }
    }

    // mtype: the text as a person on the host would see it.
    public static string Type(string image, string imagePath) => Mtools("mtype", "-i", image, "::" + imagePath);

    // The names in a directory (mdir -b), long names as written.
    public static List<string> Names(string image, string imagePath) =>
        Mtools("mdir", "-b", "-i", image, "::" + imagePath)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimEnd('/').Split('/').Last())
            .ToList();

    public static bool Exists(string image, string imagePath) => Run("mdir", "-i", image, "::" + imagePath).Status == 0;

    private string Local(string imagePath) => Path.Combine(_root, imagePath.TrimStart('/'));

    private static string Mtools(string program, params string[] arguments)
    {
        (int status, string stdout, string stderr) = Run(program, arguments);
        if (status != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments.Take(8))} failed with status {status}:\n{stdout}{stderr}");
        return stdout;
    }

    private static (int Status, string Stdout, string Stderr) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["MTOOLSRC"] = "/dev/null";
        // mtools converts names between the locale's charset and FAT's UTF-16 long names.
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.StandardOutputEncoding = Encoding.UTF8;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(300)))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
