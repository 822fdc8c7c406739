using System.Diagnostics;
using System.Security.Cryptography;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage.Fat;
using Xunit;

namespace MicroOS.Tests.Host.Fat;

// The host's FAT tools (dosfstools, mtools) as the tests' oracle: images are made with mkfs.fat,
// filled with mcopy/mmd, read back with mcopy/mdir/mtype and checked with fsck.fat -n.
public static class FatTools
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["MTOOLS_SKIP_CHECK"] = "1";
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANG"] = "C.UTF-8";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"{program} {string.Join(' ', arguments)} did not finish");
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string Ok(string program, params string[] arguments)
    {
        Result r = Run(program, arguments);
        Assert.True(r.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({r.ExitCode}):\n{r.Output}");
        return r.Output;
    }

    public static string Tool(string name) =>
        File.Exists("/usr/sbin/" + name) ? "/usr/sbin/" + name : File.Exists("/sbin/" + name) ? "/sbin/" + name : name;

    // A new image: kib KiB, FAT type 12/16/32, sectorsPerCluster 512-byte sectors per cluster.
    public static void MakeImage(string path, int kib, int fatBits, int sectorsPerCluster, string label = "MICROOS")
    {
        if (File.Exists(path))
            File.Delete(path);
        Ok(Tool("mkfs.fat"), "-C", "-F", fatBits.ToString(), "-s", sectorsPerCluster.ToString(), "-n", label, path, kib.ToString());
    }

    // A used disk: the file filled with old bytes first, then mkfs.fat, which writes the boot sector,
    // FATs and root and leaves the data region as it was, so a free cluster holds no zeros.
    public static void MakeUsedImage(string path, int kib, int fatBits, int sectorsPerCluster, int seed)
    {
        File.WriteAllBytes(path, Random(kib * 1024, seed));
        Ok(Tool("mkfs.fat"), "-F", fatBits.ToString(), "-s", sectorsPerCluster.ToString(), "-n", "MICROOS", path);
    }

    // Copies a host folder's contents into the image's root (recursively).
    public static void CopyTreeIn(string image, string folder)
    {
        var items = Directory.EnumerateFileSystemEntries(folder).ToList();
        var args = new List<string> { "-i", image, "-s", "-Q", "-o" };
        args.AddRange(items);
        args.Add("::/");
        Ok("mcopy", args.ToArray());
    }

    // fsck.fat -n: exit 0 and nothing beyond its banner and summary line.
    public static void AssertClean(string image)
    {
        Result r = Run(Tool("fsck.fat"), "-n", image);
        var complaints = r.Output.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("fsck.fat ") && !l.Contains(" files, ") && !l.StartsWith("Checking we can access"))
            .ToList();
        Assert.True(r.ExitCode == 0 && complaints.Count == 0, $"fsck.fat -n {image} (exit {r.ExitCode}):\n{r.Output}");
    }

    public static byte[] HostRead(string image, string path)
    {
        string temp = Path.Combine(Path.GetTempPath(), "microos-fat-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            Ok("mcopy", "-i", image, "-n", "::" + path, temp);
            return File.ReadAllBytes(temp);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static string Sha256(ReadOnlySpan<byte> data) => Convert.ToHexString(SHA256.HashData(data));

    // A file read through the library the way the fat server reads for a client: 4 KiB at a time.
    public static byte[] LibraryRead(FatVolume volume, string path)
    {
        Assert.Equal(FatVolume.Ok, volume.Open(path, FsOpenMode.Open, FsAccess.Read, out FatFile file));
        var result = new MemoryStream();
        var buffer = new byte[FileSystemContract.MaxData];
        long offset = 0;
        while (true)
        {
            long n = volume.Read(file, offset, buffer);
            Assert.True(n >= 0, $"Read {path} at {offset}: {(FsError)n} {volume.LastDetail}");
            if (n == 0)
                break;
            result.Write(buffer, 0, (int)n);
            offset += n;
        }
        Assert.Equal(FatVolume.Ok, volume.Close(file));
        return result.ToArray();
    }

    public static void LibraryWrite(FatVolume volume, string path, byte[] data, int chunk = FileSystemContract.MaxData)
    {
        FsError e = volume.Open(path, FsOpenMode.Create, FsAccess.ReadWrite, out FatFile file);
        Assert.True(e == FatVolume.Ok, $"Open {path}: {e} {volume.LastDetail}");
        for (int at = 0; at < data.Length; at += chunk)
        {
            int n = Math.Min(chunk, data.Length - at);
            long w = volume.Write(file, at, data.AsSpan(at, n));
            Assert.True(w == n, $"Write {path} at {at}: {(FsError)w} {volume.LastDetail}");
        }
        Assert.Equal(FatVolume.Ok, volume.Close(file));
    }

    public static FatVolume Mount(FileBlockDevice device)
    {
        FsMountError e = FatVolume.Mount(device, out FatVolume volume);
        Assert.Equal(FsMountError.None, e);
        return volume;
    }

    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static string TempFolder(string tag)
    {
        string path = Path.Combine(Path.GetTempPath(), $"microos-fat-{tag}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
