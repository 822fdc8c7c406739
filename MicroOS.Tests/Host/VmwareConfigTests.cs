using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// iso/MicroOS.vmx, written by the build beside the ISO (MicroOS.Build.csproj, target MicroOSVmx;
// docs/vmware.md). VMware is not installed on the project's machines, so these tests check the
// settings a boot depends on, not a boot.
public sealed class VmwareConfigTests
{
    private static readonly Regex VmxLine = new(@"^(?<key>[A-Za-z0-9_.:]+)\s*=\s*""(?<value>[^""]*)""$");

    private static Dictionary<string, string> ReadVmx()
    {
        string path = Path.Combine(RepoPaths.Root, "iso", "MicroOS.vmx");
        Assert.True(File.Exists(path), $"{path} does not exist: run ./microos build first");
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);  // VMware keys are case-insensitive
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            Match m = VmxLine.Match(line);
            Assert.True(m.Success, $"not a `key = \"value\"` line in MicroOS.vmx: {line}");
            Assert.True(settings.TryAdd(m.Groups["key"].Value, m.Groups["value"].Value), $"key set twice in MicroOS.vmx: {line}");
        }
        return settings;
    }

    [Fact]
    public void CdRomIsTheIsoBesideTheVmx()
    {
        var vmx = ReadVmx();
        // The one IDE device that is a CD-ROM image.
        var cdroms = vmx.Where(kv => Regex.IsMatch(kv.Key, @"^ide\d:\d\.deviceType$", RegexOptions.IgnoreCase) && kv.Value == "cdrom-image")
            .Select(kv => kv.Key[..^".deviceType".Length])
            .ToList();
        string device = Assert.Single(cdroms);

        Assert.Equal("TRUE", vmx[$"{device}.present"], ignoreCase: true);
        Assert.Equal("TRUE", vmx[$"{device}.startConnected"], ignoreCase: true);
        // Relative, so iso/ can be moved as a whole; and the file the build writes there.
        Assert.Equal(Path.GetFileName(RepoPaths.Iso), vmx[$"{device}.fileName"]);
    }

    // The ISO the .vmx names is bootable under VMware's BIOS through MicroOS's loader and under UEFI
    // through GRUB: its El Torito catalog (xorriso's report) has both entries, the BIOS one loading
    // /boot/loader.bin (BiosLoaderTests boots that path in QEMU).
    [Fact]
    public void TheIsoItNamesHasTheLoaderAsItsBiosBootImageAndGrubForUefi()
    {
        string iso = Path.Combine(RepoPaths.Root, "iso", ReadVmx()["ide1:0.fileName"]);
        string report = ElToritoReport(iso);
        // `El Torito boot img :   1  BIOS  y   none ...` and `El Torito img path :   1  /boot/loader.bin`
        string Platform(string n) => Regex.Match(report, $@"^El Torito boot img :\s+{n}\s+(\S+)\s+y\s", RegexOptions.Multiline).Groups[1].Value;
        string PathOf(string n) => Regex.Match(report, $@"^El Torito img path :\s+{n}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
        Assert.True(Platform("1") == "BIOS", $"no bootable BIOS entry first in {iso}:\n{report}");
        Assert.Equal("/boot/loader.bin", PathOf("1"));
        Assert.Equal("UEFI", Platform("2"));
        Assert.Equal("/efi.img", PathOf("2"));
    }

    // xorriso's report of the ISO's El Torito catalog (its errors appended).
    private static string ElToritoReport(string iso)
    {
        var start = new System.Diagnostics.ProcessStartInfo("xorriso") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-indev", iso, "-report_el_torito", "plain" })
            start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string report = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return report + stderr.Result;
    }

    // serial1 is COM2, the kernel log (docs/console.md): a file beside the .vmx. serial0 is COM1, the
    // serial driver's line (the shell's): present, so COM2 is serial1, and written to another file.
    [Fact]
    public void KernelLogPortCom2AndShellPortCom1WriteToFiles()
    {
        var vmx = ReadVmx();

        Assert.Equal("TRUE", vmx["serial1.present"], ignoreCase: true);
        Assert.Equal("file", vmx["serial1.fileType"]);
        Assert.EndsWith(".log", vmx["serial1.fileName"]);
        Assert.DoesNotContain('/', vmx["serial1.fileName"]);
        Assert.Equal("TRUE", vmx["serial1.startConnected"], ignoreCase: true);

        Assert.Equal("TRUE", vmx["serial0.present"], ignoreCase: true);
        Assert.Equal("file", vmx["serial0.fileType"]);
        Assert.EndsWith(".log", vmx["serial0.fileName"]);
        Assert.DoesNotContain('/', vmx["serial0.fileName"]);
        Assert.NotEqual(vmx["serial1.fileName"], vmx["serial0.fileName"], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void MemoryIsWhatRunGivesQemuAndTheMachineIsA64BitBiosGuestWithoutNetwork()
    {
        var vmx = ReadVmx();
        // `./microos run` boots QEMU with `local memory=128M` unless told otherwise.
        Match run = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "microos")), @"local memory=(?<mib>\d+)M\b");
        Assert.True(run.Success, "./microos no longer sets a default memory size as `local memory=<N>M`");

        Assert.Equal(run.Groups["mib"].Value, vmx["memsize"]);
        Assert.Equal("other-64", vmx["guestOS"]);
        Assert.Equal("bios", vmx["firmware"]);
        Assert.Equal("FALSE", vmx["ethernet0.present"], ignoreCase: true);
    }

    // The data disk (docs/storage.md): the primary channel's master, where the ata driver looks
    // (0x1F0, IRQ 14), a descriptor beside the .vmx naming the raw iso/disk.img, sized as the disk
    // ./microos makes (DEFAULT_DISK_SIZE); and the machine boots the CD, not the disk.
    [Fact]
    public void DataDiskIsThePrimaryMasterAndNamesTheDefaultImageAtItsSize()
    {
        var vmx = ReadVmx();
        Assert.Equal("TRUE", vmx["ide0:0.present"], ignoreCase: true);
        Assert.Equal("disk", vmx["ide0:0.deviceType"]);
        Assert.Equal("cdrom", vmx["bios.bootOrder"]);
        string descriptorName = vmx["ide0:0.fileName"];
        Assert.DoesNotContain('/', descriptorName);
        string descriptor = Path.Combine(RepoPaths.Root, "iso", descriptorName);
        Assert.True(File.Exists(descriptor), $"{descriptor} does not exist: the build writes it with the .vmx");
        string text = File.ReadAllText(descriptor);
        Assert.Contains("createType=\"monolithicFlat\"", text);
        Match extent = Regex.Match(text, @"^RW (?<sectors>\d+) FLAT ""(?<file>[^""]+)"" 0$", RegexOptions.Multiline);
        Assert.True(extent.Success, $"no flat extent line in {descriptorName}:\n{text}");
        Assert.Equal("disk.img", extent.Groups["file"].Value);

        Match size = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "microos")), @"^DEFAULT_DISK_SIZE=(?<mib>\d+)M$", RegexOptions.Multiline);
        Assert.True(size.Success, "./microos no longer sets the default disk's size as `DEFAULT_DISK_SIZE=<N>M`");
        Assert.Equal(long.Parse(size.Groups["mib"].Value) * 1024 * 1024 / 512, long.Parse(extent.Groups["sectors"].Value));
    }
}
