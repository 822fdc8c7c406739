using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Harness;

// A host program the tests run (dotnet new, the build tools): it must finish within the time given
// and succeed; its output goes to the test's output (when there is one) and into a failure message.
public static class HostCommand
{
    public static void Run(ITestOutputHelper? output, string workingDirectory, TimeSpan timeout, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        string command = $"{program} {string.Join(' ', arguments)}";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(timeout), $"{command} did not finish in {timeout.TotalSeconds:0} s");
        output?.WriteLine($"$ {command}\n{stdout.Result}{stderr.Result}");
        Assert.True(process.ExitCode == 0, $"{command} failed with status {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
    }
}
