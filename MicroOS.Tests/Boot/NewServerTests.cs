using System.Diagnostics;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// README's "write your own server", done for real: `./microos new-server` (in a copy of the files it
// edits: the solution, the boot manifest, the template), the generated project built against this
// checkout's build kit, an ISO of this build plus its image and the manifest new-server wrote, and a
// plain boot (the loader's command line: the whole system). The server must start at boot, register its
// name with Names, be listed by the supervisor (`ps`), answer `ping` in the shell and be callable with `call`.
public sealed class NewServerTests : IDisposable
{
    private const string Name = "TemplateCheck", Image = "templatecheck";
    private const string Banner = "MicroOS shell. Type help.";
    private readonly ITestOutputHelper _output;
    private readonly string _temp = Directory.CreateTempSubdirectory("microos-new-server-").FullName;

    public NewServerTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void ATemplateServerStartsAtBootRegistersItsNameAndAnswersPingInTheShell()
    {
        string root = RepoPaths.Root;
        // 1. new-server, in a copy of what it reads and writes.
        File.Copy(Path.Combine(root, "microos"), Path.Combine(_temp, "microos"));
        File.Copy(Path.Combine(root, "MicroOS.sln"), Path.Combine(_temp, "MicroOS.sln"));
        Directory.CreateDirectory(Path.Combine(_temp, "MicroOS.Build"));
        File.Copy(Path.Combine(root, "MicroOS.Build", "boot-manifest.txt"), Path.Combine(_temp, "MicroOS.Build", "boot-manifest.txt"));
        CopyTree(Path.Combine(root, "templates"), Path.Combine(_temp, "templates"));
        Run("bash", Path.Combine(_temp, "microos"), "new-server", Name);
        string manifest = File.ReadAllText(Path.Combine(_temp, "MicroOS.Build", "boot-manifest.txt"));
        Assert.Contains($"proc:{Image}:rm", manifest);

        // 2. Built with this checkout's MicroOS.Servers/Directory.Build.* (the folder it would sit in).
        string servers = Path.Combine(_temp, "MicroOS.Servers");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets" })
            File.WriteAllText(Path.Combine(servers, file),
                $"<Project>\n  <Import Project=\"{Path.Combine(root, "MicroOS.Servers", file)}\" />\n</Project>\n");
        Run("dotnet", "build", Path.Combine(servers, Name, Name + ".csproj"), "--nologo", "-v:q");
        string elf = Path.Combine(servers, Name, "obj", "native", Image + ".elf");
        Assert.True(File.Exists(elf), $"the build made no {elf}");

        // 3. This build's ISO tree, plus the image (a module the loader reads) and the new manifest.
        string isoRoot = Path.Combine(_temp, "isoroot");
        CopyTree(Path.Combine(root, "MicroOS.Build", "obj", "isoroot"), isoRoot);
        Run("strip", "--strip-all", "-o", Path.Combine(isoRoot, "boot", "servers", Image + ".elf"), elf);
        File.WriteAllText(Path.Combine(isoRoot, "boot", "boot-manifest.txt"), manifest);
        string grubCfg = Path.Combine(isoRoot, "boot", "grub", "grub.cfg");
        var grub = File.ReadAllLines(grubCfg).ToList();
        int kernel = grub.FindIndex(l => l.TrimStart().StartsWith("multiboot2 ", StringComparison.Ordinal));
        Assert.True(kernel >= 0, "grub.cfg has no multiboot2 line");
        grub.Insert(kernel + 1, $"    module2 /boot/servers/{Image}.elf {Image}.elf");
        File.WriteAllLines(grubCfg, grub);
        // As the build makes iso/MicroOS.iso: the BIOS loader's table names every image in boot/servers.
        string iso = Path.Combine(_temp, "new-server.iso");
        Run("bash", Path.Combine(root, "MicroOS.Build", "Loader", "make-iso.sh"), isoRoot,
            Path.Combine(root, "MicroOS.Build", "obj", "loader.bin"), Path.Combine(_temp, "new-server-grub.iso"), iso, "manifest=system");

        // 4. A plain boot: no fw_cfg command line, so the loader's (the whole system).
        using QemuMachine machine = QemuMachine.Boot(_output, new QemuOptions { Iso = iso, CommandLine = "", SerialConsole = true });
        machine.WaitForLine($"[{Image}] {Image}: registered with names");
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(Banner) + "$"));
        Assert.Matches($@"^{Image} answered in \d+ (us|TSC cycles)$", Assert.Single(Shell(machine, $"ping {Image}")));
        Assert.Contains(Shell(machine, "ps"), line => Regex.IsMatch(line, $@"\b{Image}\b.*\brunning\b"));
        Assert.Equal(new[] { "ping: no server named 'nosuch'" }, Shell(machine, "ping nosuch"));
        // Its contract, from the shell, with no code for it in the server or the shell (issue 20): the
        // generated dispatcher describes it, the shell's `call` marshals by the description.
        Assert.Equal(new[] { $"{Image}: I{Name}", "  Increment(ulong n)" }, Shell(machine, $"contracts {Image}"));
        Assert.Equal(new[] { "Increment -> 42" }, Shell(machine, $"call {Image} Increment 41"));
    }

    // Types a command on COM1 and returns the lines the shell printed before its next prompt (the
    // next prompt becomes a line when an empty line is typed after the command; as ShellTests.Run).
    private static List<string> Shell(QemuMachine machine, string input)
    {
        int from = machine.ConsoleLines.Count;
        machine.SendConsole(input + "\r");
        int echo = machine.WaitForConsoleLine(new Regex("^microos> " + Regex.Escape(input) + "$"), from).Index;
        machine.SendConsole("\r");
        int prompt = machine.WaitForConsoleLine(new Regex("^microos> $"), echo + 1).Index;
        return machine.ConsoleLines.Skip(echo + 1).Take(prompt - echo - 1).ToList();
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private void Run(string program, params string[] arguments) =>
        HostCommand.Run(_output, _temp, TimeSpan.FromMinutes(5), program, arguments);
}
