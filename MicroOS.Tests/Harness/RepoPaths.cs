namespace MicroOS.Tests.Harness;

// Locations the tests need, found from the test assembly's own folder so `dotnet test` works from
// any working directory.
public static class RepoPaths
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    // The UEFI firmware the UEFI boot test runs (Debian/Ubuntu package `ovmf`).
    public const string OvmfFirmware = "/usr/share/ovmf/OVMF.fd";

    // The folder holding MicroOS.sln.
    public static string Root => RootDirectory.Value;

    // The ISO built by the solution; every boot test boots this one image.
    public static string Iso
    {
        get
        {
            string iso = Path.Combine(Root, "iso", "MicroOS.iso");
            if (!File.Exists(iso))
                throw new FileNotFoundException($"{iso} does not exist: run ./microos build first", iso);
            return iso;
        }
    }

    // The same system with GRUB as the BIOS loader (`./microos run --grub`): for comparisons.
    public static string GrubIso
    {
        get
        {
            string iso = Path.Combine(Root, "iso", "MicroOS-grub.iso");
            if (!File.Exists(iso))
                throw new FileNotFoundException($"{iso} does not exist: run ./microos build first", iso);
            return iso;
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroOS.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} contains MicroOS.sln");
    }
}
