using MicroOS.Shared.Manifest;
using MicroOS.Shared.Abi;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The console stack's device capabilities as the boot manifest grants them (docs/console.md): each
// driver gets its own hardware and nothing else, the shell no hardware at all. (The live view,
// the shell's `caps NAME` in the booted system, is SystemShellTests'.)
public sealed class ConsoleManifestTests
{
    private static List<CapSpec> Devices(string server)
    {
        var errors = new List<string>();
        List<ManifestEntry> entries = BootManifest.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "MicroOS.Build", "boot-manifest.txt")), errors);
        Assert.Empty(errors);
        ManifestEntry entry = Assert.Single(entries, e => e.Name == server);
        var specs = new List<CapSpec>();
        Assert.Null(ManifestCaps.Parse(ManifestCaps.Find(entry.Arguments)!, specs));
        return specs.Where(s => s.Kind is CapSpecKind.IoPorts or CapSpecKind.Irq or CapSpecKind.Mmio).ToList();
    }

    private static (CapSpecKind, ulong, ulong) Key(CapSpec s) => (s.Kind, s.Base, s.Kind == CapSpecKind.Irq ? 0 : s.Count);

    [Fact]
    public void TheSerialDriverHoldsCom1AndIrq4Only() =>
        Assert.Equal(new[] { (CapSpecKind.IoPorts, 0x3F8UL, 8UL), (CapSpecKind.Irq, 4UL, 0UL) }, Devices("serial").Select(Key));

    [Fact]
    public void TheKeyboardDriverHoldsThePs2PortsAndIrq1Only() =>
        Assert.Equal(new[] { (CapSpecKind.IoPorts, 0x60UL, 1UL), (CapSpecKind.IoPorts, 0x64UL, 1UL), (CapSpecKind.Irq, 1UL, 0UL) }, Devices("keyboard").Select(Key));

    [Fact]
    public void TheConsoleHoldsTheTextBufferAndTheCursorPortsOnly() =>
        Assert.Equal(new[] { (CapSpecKind.Mmio, 0xB8000UL, 1UL), (CapSpecKind.IoPorts, 0x3D4UL, 2UL) }, Devices("console").Select(Key));

    [Fact]
    public void TheShellHoldsNoDevice() => Assert.Empty(Devices("shell"));
}
