using System.Text.RegularExpressions;
using MicroOS.Shared.Manifest;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// GRUB reads the test-only server images only when the SMBIOS product name asks for them
// (MicroOS.Build.csproj's TestOnlyImage list; docs/boot-time.md). The list must leave out every image
// a `system` line of either manifest starts (or a plain boot would miss it), and hold every image only
// `test` lines name (or a plain boot would pay for it).
public sealed class TestImagesTests
{
    private static HashSet<string> TestOnlyImages()
    {
        string project = File.ReadAllText(Path.Combine(RepoPaths.Root, "MicroOS.Build", "MicroOS.Build.csproj"));
        Match list = Regex.Match(project, "<TestOnlyImage Include=\"([^\"]+)\"");
        Assert.True(list.Success, "MicroOS.Build.csproj has no TestOnlyImage list");
        return list.Groups[1].Value.Split(';').Select(name => name + ".elf").ToHashSet();
    }

    private static List<ManifestEntry> Entries(string file)
    {
        var errors = new List<string>();
        return BootManifest.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "MicroOS.Build", file)), errors);
    }

    [Fact]
    public void NoSystemServerImageIsLeftToTheTestsAndEveryTestOnlyImageIs()
    {
        HashSet<string> testOnly = TestOnlyImages();
        // A `system` line of the shipped manifest, in any section (manifest=SECTION picks one at boot);
        // the test manifest's `system` lines are the tests' (kernel option testmanifest).
        var system = Entries("boot-manifest.txt").Where(e => e.Kind == ServerKind.System).Select(e => e.Image).ToHashSet();
        var testsOnly = Entries("boot-manifest.txt").Concat(Entries("test-manifest.txt")).Select(e => e.Image).Where(i => !system.Contains(i)).ToHashSet();

        Assert.Empty(system.Intersect(testOnly));
        Assert.Empty(testsOnly.Except(testOnly));
        Assert.Contains("init.elf", system);
        Assert.Contains("probe.elf", testOnly);
    }
}
