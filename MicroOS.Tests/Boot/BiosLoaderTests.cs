using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// MicroOS's BIOS loader (MicroOS.Build/Loader/BiosLoader.asm, docs/boot-loader.md), the El Torito BIOS
// entry of iso/MicroOS.iso: what it hands the kernel (compared with GRUB's, iso/MicroOS-grub.iso), and
// the one line it prints for each way a boot can fail before the kernel runs. The broken media are
// made in the test from the real ISO: a byte of a module flipped, the image cut short.
public sealed class BiosLoaderTests : IDisposable
{
    private static readonly Regex MemoryLine = new(@"^memory: 0x(?<start>[0-9A-F]+) - 0x(?<end>[0-9A-F]+) (?<kind>.+)$");
    private static readonly Regex LoaderLine = new(@"^loader: MicroOS boot loader: kernel\.elf and (?<modules>\d+) modules read, \d+ KiB from 1 MiB on; entering the kernel$");
    private const string Halted = "loader: halted; fix the boot medium or the machine and reset";
    private readonly ITestOutputHelper _output;
    private readonly string _temp = Directory.CreateTempSubdirectory("microos-loader-").FullName;

    public BiosLoaderTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    // The memory map is the BIOS's e820 map, entry for entry what GRUB passes; its usable memory is
    // QEMU's -m less what the firmware keeps. The modules are GRUB's too, with the same strings.
    [Fact]
    public void TheKernelGetsTheMemoryMapAndModulesGrubGaveAndTheMapMatchesTheMachine()
    {
        const int memoryMiB = 100;
        (string loader, List<string> memory, List<string> modules, List<string> lines) ours = BootAndRead(RepoPaths.Iso, memoryMiB);
        (string loader, List<string> memory, List<string> modules, List<string> lines) grub = BootAndRead(RepoPaths.GrubIso, memoryMiB);

        Assert.Equal("MicroOS boot loader", ours.loader);
        Assert.StartsWith("GRUB", grub.loader);
        Assert.Equal(grub.memory, ours.memory);
        // Same module strings in the same order; addresses differ (GRUB places them elsewhere).
        Assert.Equal(grub.modules.Select(ModuleName), ours.modules.Select(ModuleName));
        Match said = LoaderLine.Match(Assert.Single(ours.lines, l => LoaderLine.IsMatch(l)));
        Assert.Equal(ours.modules.Count, int.Parse(said.Groups["modules"].Value));

        ulong usable = 0, highest = 0;
        foreach (string line in ours.memory)
        {
            Match m = MemoryLine.Match(line);
            Assert.True(m.Success, line);
            ulong start = ulong.Parse(m.Groups["start"].Value, NumberStyles.HexNumber), end = ulong.Parse(m.Groups["end"].Value, NumberStyles.HexNumber);
            if (m.Groups["kind"].Value == "usable")
            {
                usable += end - start;
                highest = Math.Max(highest, end);
            }
        }
        const ulong MiB = 1 << 20;
        Assert.InRange(highest, (memoryMiB - 1) * MiB, memoryMiB * MiB);
        Assert.InRange(usable, (memoryMiB - 1) * MiB, memoryMiB * MiB);
    }

    [Fact]
    public void ACorruptedModuleStopsTheLoaderWithItsErrorLine()
    {
        string iso = CopyIso();
        (long lba, long bytes) = FileOnIso(iso, "/boot/servers/init.elf");
        using (FileStream file = File.Open(iso, FileMode.Open))
        {
            file.Position = lba * 2048 + bytes / 2;
            int b = file.ReadByte();
            file.Position--;
            file.WriteByte((byte)(b ^ 0x5A));
        }
        using var machine = QemuMachine.Boot(_output, new QemuOptions { Iso = iso });
        machine.WaitForLine(new Regex(@"^loader: error: init\.elf is corrupted: its words add up to 0x[0-9A-F]+, the build wrote 0x[0-9A-F]+$"));
        machine.WaitForLine(Halted);
        Assert.DoesNotContain(machine.Lines, l => BootBanner.Booting.IsMatch(l));
    }

    // The ISO cut at the first sector of the file that lies last on it: the BIOS's read fails there.
    [Fact]
    public void AnIsoCutShortStopsTheLoaderWithItsErrorLine()
    {
        string iso = CopyIso();
        var files = new Dictionary<string, string> { ["/boot/kernel.elf"] = "kernel.elf", ["/boot/boot-manifest.txt"] = "manifest", ["/boot/test-manifest.txt"] = "manifest-test" };
        foreach (string path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "MicroOS.Build", "obj", "isoroot", "boot", "servers"), "*.elf"))
            files["/boot/servers/" + Path.GetFileName(path)] = Path.GetFileName(path);
        (string path, long lba) last = files.Keys.Select(p => (p, FileOnIso(iso, p).Lba)).MaxBy(f => f.Item2);
        using (FileStream file = File.Open(iso, FileMode.Open))
            file.SetLength(last.lba * 2048);

        using var machine = QemuMachine.Boot(_output, new QemuOptions { Iso = iso });
        string line = machine.WaitForLine(new Regex(@"^loader: error: \S+ is short or missing on the medium: the BIOS could not read sector 0x[0-9A-F]+ \(status 0x[0-9A-F]+\)$"));
        Assert.StartsWith($"loader: error: {files[last.path]} is short", line);
        machine.WaitForLine(Halted);
        Assert.DoesNotContain(machine.Lines, l => BootBanner.Booting.IsMatch(l));
    }

    [Fact]
    public void ACpuWithoutLongModeGetsTheLoadersErrorLine()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { Cpu = "qemu32" });
        machine.WaitForLine("loader: error: this CPU has no long mode (x86-64): MicroOS needs a 64-bit CPU");
        machine.WaitForLine(Halted);
    }

    // 3 MiB cannot hold the kernel and every image (the tests' SMBIOS name asks for the test ones too).
    [Fact]
    public void TooLittleMemoryGetsTheLoadersErrorLine()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { MemoryMiB = 3 });
        Match m = machine.WaitForMatch(new Regex(@"^loader: error: not enough memory: the kernel and its modules need memory up to 0x(?<need>[0-9A-F]+), but the usable memory at 1 MiB ends at 0x(?<have>[0-9A-F]+)$"));
        long need = long.Parse(m.Groups["need"].Value, NumberStyles.HexNumber), have = long.Parse(m.Groups["have"].Value, NumberStyles.HexNumber);
        Assert.True(need > have, m.Value);
        Assert.InRange(have, 2 << 20, 3 << 20);
        machine.WaitForLine(Halted);
    }

    private (string, List<string>, List<string>, List<string>) BootAndRead(string iso, int memoryMiB)
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { Iso = iso, MemoryMiB = memoryMiB });
        machine.WaitForLine(BootBanner.Ready);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        var lines = machine.Lines.ToList();
        string loader = Regex.Match(Assert.Single(lines, l => l.StartsWith("boot: loader '", StringComparison.Ordinal)), "^boot: loader '([^']*)'").Groups[1].Value;
        return (loader, lines.Where(l => l.StartsWith("memory: ", StringComparison.Ordinal)).ToList(),
            lines.Where(l => l.StartsWith("module: ", StringComparison.Ordinal)).ToList(), lines);
    }

    private static string ModuleName(string moduleLine) => moduleLine.Split(' ')[1];

    private string CopyIso()
    {
        string iso = Path.Combine(_temp, "MicroOS.iso");
        File.Copy(RepoPaths.Iso, iso);
        return iso;
    }

    // Where xorriso placed a file: `File data lba:  0 , <lba> , <blocks> , <bytes> , '<path>'`.
    private (long Lba, long Bytes) FileOnIso(string iso, string path)
    {
        var start = new ProcessStartInfo("xorriso") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-indev", iso, "-find", path, "-exec", "report_lba", "--" })
            start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string report = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Match m = Regex.Match(report, @"^File data lba:\s*\d+\s*,\s*(\d+)\s*,\s*\d+\s*,\s*(\d+)\s*,", RegexOptions.Multiline);
        Assert.True(m.Success, $"xorriso reports no LBA for {path}:\n{report}\n{stderr.Result}");
        return (long.Parse(m.Groups[1].Value), long.Parse(m.Groups[2].Value));
    }
}
