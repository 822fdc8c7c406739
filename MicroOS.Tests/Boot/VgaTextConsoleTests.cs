using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The kernel's screen under BIOS is VGA text mode, which GRUB must leave as it found it: grub.cfg
// loads no video driver (MicroOS.Build.csproj), and the kernel asks for no framebuffer.
public sealed class VgaTextConsoleTests
{
    private const int Columns = 80, Rows = 25;
    // One line of `xp /Nhx`: `00000000000b8000: 0x074d 0x0769 ...` (the monitor also echoes the command).
    private static readonly Regex MemoryLine = new(@"^[0-9a-f]+:(?<words>(\s+0x[0-9a-f]{4})+)\s*$", RegexOptions.Multiline);

    private readonly ITestOutputHelper _output;

    public VgaTextConsoleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void BiosBootShowsTheBannerOnTheVgaTextScreen()
    {
        // No `exit`: the machine stays up after init, so the screen can be read.
        using var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet", Monitor = true });
        machine.WaitForLine(BootBanner.Ready);

        // 720x400 is what QEMU's VGA shows in 80x25 text mode (9x16 character cells); a graphics mode
        // set by the loader would have another size.
        string dump = Path.Combine(Path.GetTempPath(), $"microos-vga-{Guid.NewGuid():N}.ppm");
        try
        {
            machine.Monitor($"screendump {dump}");
            Assert.True(File.Exists(dump), "QEMU wrote no screendump");
            string[] header = Encoding.ASCII.GetString(File.ReadAllBytes(dump), 0, 16).Split('\n');
            Assert.Equal("P6", header[0]);
            Assert.Equal("720 400", header[1]);
        }
        finally
        {
            File.Delete(dump);
        }

        // The text buffer at 0xB8000: one 16-bit word per cell, character in the low byte.
        string memory = machine.Monitor($"xp /{Columns * Rows}hx 0xb8000");
        var cells = MemoryLine.Matches(memory.Replace("\r", ""))
            .SelectMany(m => m.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(word => (char)(ushort.Parse(word.AsSpan(2), NumberStyles.HexNumber) & 0xFF))
            .ToArray();
        Assert.Equal(Columns * Rows, cells.Length);
        var rows = Enumerable.Range(0, Rows).Select(r => new string(cells, r * Columns, Columns).TrimEnd()).ToList();
        Assert.True(rows.Any(BootBanner.Booting.IsMatch), "the VGA text screen does not show the boot banner:\n" + string.Join("\n", rows));
    }
}
