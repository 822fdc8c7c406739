using System.Diagnostics;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// templates/microos-server, the `dotnet new` template `./microos new-server` uses: instantiated here
// into a temporary folder, with a template hive of its own (nothing is installed for the user; no
// network: a template installed from a folder is read from that folder).
public sealed class ServerTemplateTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("microos-template-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void DotnetNewCreatesTheServerNewServerDescribes()
    {
        string hive = Path.Combine(_temp, "hive");
        string output = Path.Combine(_temp, "MyDriver");
        DotnetNew("install", Path.Combine(RepoPaths.Root, "templates", "microos-server"), "--debug:custom-hive", hive);
        DotnetNew("microos-server", "-n", "MyDriver", "-o", output, "--debug:custom-hive", hive);

        // Exactly the two files, named after the server (the template's .template.config stays behind).
        Assert.Equal(new[] { "MyDriver.csproj", "MyDriverServer.cs" },
            Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());

        string project = File.ReadAllText(Path.Combine(output, "MyDriver.csproj"));
        Assert.Contains("<Project Sdk=\"Microsoft.NET.Sdk\">", project);
        Assert.Contains("(mydriver.elf)", project);

        string server = File.ReadAllText(Path.Combine(output, "MyDriverServer.cs"));
        Assert.Contains("namespace MicroOS.Servers.MyDriver", server);
        Assert.Contains("internal sealed class MyDriverServer : IMyDriver", server);
        Assert.Contains("[Contract] public partial interface IMyDriver", server);
        // The image name, as in the boot manifest line new-server writes: the name in lower case. Serve
        // finds its endpoint by it (`ep:mydriver`) and registers it with Names under it (the supervisor
        // and the shell's `ping` find it by it).
        Assert.Contains("Server.Serve(\"mydriver\", new IMyDriver.Dispatcher(new MyDriverServer()))", server);
        // What issue 16 asks of a server's own code: no interop, no pointers, no slot numbers; short.
        Assert.DoesNotContain("UnmanagedCallersOnly", server);
        Assert.DoesNotContain("unsafe", server);
        Assert.DoesNotMatch(@"\bnew Endpoint\(\d", server);
        Assert.True(server.Split('\n').Length <= 16, $"the template server has {server.Split('\n').Length - 1} lines (goal: 15)");

        // Nothing of the template's own name is left.
        foreach (string text in new[] { project, server })
            Assert.DoesNotContain("servertemplate", text, StringComparison.OrdinalIgnoreCase);
    }

    private void DotnetNew(params string[] arguments) =>
        HostCommand.Run(null, _temp, TimeSpan.FromSeconds(60), Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            new[] { "new" }.Concat(arguments).ToArray());
}
