using System.Diagnostics;
using System.Text;

namespace MicroOS.Tests.Harness;

// Disk images for the storage tests, made and checked with the host's own FAT tools, which are the
// oracle (issue 13): mkfs.fat makes the volume, mcopy/mmd put files on it, mcopy/mtype/mdir read
// it back, fsck.fat -n judges it. An image is a raw file (no partition table: the FAT volume starts
// at sector 0) in a directory of its own under the temp folder, deleted on Dispose. Boot it with
//   using var image = FatImage.Create(fatBits: 16, sizeBytes: 32 << 20);
//   image.Put("/DOCS/A long name.txt", bytes);          // parent directories are made
//   using var machine = QemuMachine.Boot(output, new QemuOptions { Disk = image.Path, ... });
//   ... machine.Dispose() (QEMU has let go of the file) ...
//   Assert.Equal(expected, image.Read("/OUT.TXT")); image.AssertClean();
// Paths on the image are '/'-separated from the root. Every tool failure throws with its output.
// FatImage.Raw makes a sparse image with no filesystem (the driver's tests: LBA48 past 128 GiB).
public sealed class FatImage : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory;

    private FatImage(string directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    // The image file, for QemuOptions.Disk.
    public string Path { get; }

    public long Length => new FileInfo(Path).Length;

    // mkfs.fat -F fatBits (12, 16 or 32) on a sizeBytes image; sectorsPerCluster 0 lets mkfs.fat choose
    // (else 1, 2, 4, ... 128: 8 = 4 KiB clusters). The label is MICROOS unless given.
    public static FatImage Create(int fatBits, long sizeBytes, int sectorsPerCluster = 0, string label = "MICROOS")
    {
        if (fatBits is not (12 or 16 or 32))
            throw new ArgumentOutOfRangeException(nameof(fatBits), fatBits, "FAT12, FAT16 or FAT32");
        FatImage image = Raw(sizeBytes, "fat.img");
        var args = new List<string> { "-F", fatBits.ToString(), "-n", label };
        if (sectorsPerCluster > 0)
            args.AddRange(new[] { "-s", sectorsPerCluster.ToString() });
        args.Add(image.Path);
        try
        {
            Tool("mkfs.fat", args.ToArray());
        }
        catch
        {
            image.Dispose();
            throw;
        }
        return image;
    }

    // A sparse image of sizeBytes zeros, no filesystem (truncate: a 200 GiB image costs no space).
    public static FatImage Raw(long sizeBytes, string name = "raw.img")
    {
        if (sizeBytes <= 0 || sizeBytes % 512 != 0)
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes, "a positive whole number of 512-byte sectors");
        string directory = Directory.CreateTempSubdirectory("microos-disk-").FullName;
        string path = System.IO.Path.Combine(directory, name);
        using (var file = new FileStream(path, FileMode.CreateNew))
            file.SetLength(sizeBytes);
        return new FatImage(directory, path);
    }

    // The file at `imagePath` with these bytes (replacing one that exists); its parent directories are made.
    public void Put(string imagePath, byte[] contents)
    {
        string parent = ParentOf(imagePath);
        if (parent != "/")
            MakeDirectories(parent);
        string local = System.IO.Path.Combine(_directory, "put.tmp");
        File.WriteAllBytes(local, contents);
        try
        {
            Tool("mcopy", "-o", "-i", Path, local, "::" + imagePath);
        }
        finally
        {
            File.Delete(local);
        }
    }

    public void PutText(string imagePath, string text) => Put(imagePath, Encoding.UTF8.GetBytes(text));

    // mmd for each missing directory on the way to `imagePath`.
    public void MakeDirectories(string imagePath)
    {
        string path = "";
        foreach (string part in imagePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += "/" + part;
            if (!Exists(path))
                Tool("mmd", "-i", Path, "::" + path);
        }
    }

    public bool Exists(string imagePath) => Run("mdir", "-i", Path, "::" + imagePath).Status == 0;

    // The file's bytes, by mcopy to a host file (binary-exact).
    public byte[] Read(string imagePath)
    {
        string local = System.IO.Path.Combine(_directory, "get.tmp");
        File.Delete(local);
        try
        {
            Tool("mcopy", "-n", "-i", Path, "::" + imagePath, local);
            return File.ReadAllBytes(local);
        }
        finally
        {
            File.Delete(local);
        }
    }

    // The file as text (mtype: what a person on the host would see).
    public string ReadText(string imagePath) => Tool("mtype", "-i", Path, "::" + imagePath);

    // The names in a directory (mdir -b: bare, one full path per line; long names as written).
    public IReadOnlyList<string> List(string imagePath = "/")
    {
        string listing = Tool("mdir", "-b", "-i", Path, "::" + imagePath);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.StartsWith("::", StringComparison.Ordinal) ? l[2..] : l)
            .Select(l => l.TrimEnd('/').Split('/').Last())
            .ToList();
    }

    // fsck.fat -n (check, change nothing): its report, and whether it found nothing wrong.
    public (bool Clean, string Report) Check()
    {
        (int status, string stdout, string stderr) = Run("fsck.fat", "-n", Path);
        return (status == 0, stdout + stderr);
    }

    // Throws with fsck.fat's report unless the volume is sound.
    public void AssertClean()
    {
        (bool clean, string report) = Check();
        if (!clean)
            throw new Xunit.Sdk.XunitException($"fsck.fat -n {Path} found problems:\n{report}");
    }

    // Raw sectors of the image (the driver's tests compare what the guest read or wrote).
    public byte[] ReadSectors(long lba, int count)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(lba * 512, SeekOrigin.Begin);
        var bytes = new byte[count * 512];
        file.ReadExactly(bytes);
        return bytes;
    }

    public void WriteSectors(long lba, byte[] bytes)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Seek(lba * 512, SeekOrigin.Begin);
        file.Write(bytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or QEMU still closing it: the temp folder is the system's to clean.
        }
    }

    private static string ParentOf(string imagePath)
    {
        int slash = imagePath.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : imagePath[..slash];
    }

    // Runs a tool; its stdout, or an exception naming the command and everything it printed.
    private static string Tool(string program, params string[] arguments)
    {
        (int status, string stdout, string stderr) = Run(program, arguments);
        if (status != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with status {status}:\n{stdout}{stderr}");
        return stdout;
    }

    private static (int Status, string Stdout, string Stderr) Run(string program, params string[] arguments)
    {
        // mkfs.fat and fsck.fat live in /usr/sbin, which a test runner's PATH may lack.
        string path = program.Contains('/') ? program : Resolve(program);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        // mtools: no geometry checks (a raw image has no CHS to agree with), no ~/.mtoolsrc surprises.
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["MTOOLSRC"] = "/dev/null";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {ToolTimeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Resolve(string program)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(new[] { "/usr/sbin", "/sbin", "/usr/bin" }))
        {
            string candidate = System.IO.Path.Combine(dir, program);
            if (dir.Length > 0 && File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException($"{program} is not installed (./microos setup installs dosfstools and mtools)");
    }
}
