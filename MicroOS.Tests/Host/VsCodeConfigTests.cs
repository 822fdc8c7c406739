using System.Text.Json;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// .vscode/tasks.json and launch.json (issue 20, item 4): the editor builds, starts `./microos debug`
// and attaches gdb to the kernel. VS Code is not on the project's machines, so these tests check what
// the configuration depends on: the tasks it names exist, the kernel ELF is the one the script
// builds and prints for gdb, and the debug task's "ready" pattern matches the line the script prints
// when QEMU waits for gdb (otherwise the editor would wait forever before attaching).
public sealed class VsCodeConfigTests
{
    private static JsonDocument Read(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".vscode", name)));

    private static string Script => File.ReadAllText(Path.Combine(RepoPaths.Root, "microos"));

    [Fact]
    public void LaunchConfigurationsUseTasksThatExistAndTheKernelTheScriptBuilds()
    {
        using JsonDocument tasks = Read("tasks.json");
        using JsonDocument launch = Read("launch.json");
        var labels = tasks.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("label").GetString()).ToHashSet();

        Match elf = Regex.Match(Script, "^KERNEL_ELF=\"\\$ROOT/(?<path>[^\"]+)\"", RegexOptions.Multiline);
        Assert.True(elf.Success, "the microos script no longer sets KERNEL_ELF");

        var configurations = launch.RootElement.GetProperty("configurations").EnumerateArray().ToList();
        Assert.NotEmpty(configurations);
        foreach (JsonElement c in configurations)
        {
            string name = c.GetProperty("name").GetString()!;
            Assert.Contains(c.GetProperty("preLaunchTask").GetString(), labels);
            Assert.Equal("${workspaceFolder}/" + elf.Groups["path"].Value, c.GetProperty("program").GetString());
            Assert.Equal("localhost:1234", c.GetProperty("miDebuggerServerAddress").GetString());
            Assert.True(Script.Contains("args+=(-s -S)", StringComparison.Ordinal), $"{name}: ./microos debug no longer opens the GDB stub on :1234 (-s)");
        }
    }

    [Fact]
    public void TheDebugTaskKnowsWhenQemuWaitsForGdb()
    {
        using JsonDocument tasks = Read("tasks.json");
        JsonElement debug = tasks.RootElement.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("label").GetString() == "microos: debug");
        Assert.Equal("./microos debug", debug.GetProperty("command").GetString());
        Assert.True(debug.GetProperty("isBackground").GetBoolean());
        JsonElement background = debug.GetProperty("problemMatcher").GetProperty("background");

        // The lines the script prints, as `say` prints them.
        Match say = Regex.Match(Script, "say \"(?<text>debug: QEMU waits for gdb[^\"]*)\"");
        Assert.True(say.Success, "the microos script no longer announces that QEMU waits for gdb");
        Assert.Matches(new Regex(background.GetProperty("activesEnd").GetString()!), "[microos] " + say.Groups["text"].Value);
        Assert.Matches(new Regex(background.GetProperty("activesBegin").GetString()!), "[microos] build: dotnet build MicroOS.sln");
        Assert.Contains("say \"build: dotnet build", Script);
    }

    [Fact]
    public void TheServerConfigurationPointsAtWhereTheBuildPutsServerImages()
    {
        using JsonDocument launch = Read("launch.json");
        JsonElement server = launch.RootElement.GetProperty("configurations").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString()!.Contains("server", StringComparison.Ordinal));
        string command = server.GetProperty("setupCommands")[0].GetProperty("text").GetString()!;
        var inputs = launch.RootElement.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("default").GetString()!);
        string path = command.Replace("add-symbol-file ", "", StringComparison.Ordinal)
            .Replace("${workspaceFolder}", RepoPaths.Root, StringComparison.Ordinal)
            .Replace("${input:server}", inputs["server"], StringComparison.Ordinal)
            .Replace("${input:serverElf}", inputs["serverElf"], StringComparison.Ordinal);
        Assert.True(File.Exists(path), $"the default server symbols {path} do not exist after a build (run ./microos build first)");
    }
}
