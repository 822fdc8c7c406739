using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// One boot of a manifest section to the shell's prompt, shared by the checks of a test class (an
// xunit class fixture): a subclass names its options and what else must have happened before the
// first check (a server's "registered with names" line, say). The machine's log is kept for the
// fixture's lifetime, as a fixture has no test output of its own.
public abstract class SectionBoot : IDisposable
{
    public QemuMachine Machine { get; }
    private readonly BufferedOutput _output = new();

    protected SectionBoot(QemuOptions options, params string[] waitForLines)
    {
        Machine = QemuMachine.Boot(_output, options with { SerialConsole = true });
        Machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
        foreach (string line in waitForLines)
            Machine.WaitForLine(line);
    }

    // `quiet testmanifest manifest=SECTION`: a section of MicroOS.Build/test-manifest.txt.
    protected SectionBoot(string testSection, params string[] waitForLines)
        : this(new QemuOptions { CommandLine = "quiet testmanifest manifest=" + testSection }, waitForLines)
    {
    }

    public string Log => Machine.Log;

    public void Dispose() => Machine.Dispose();
}

// The checks of a class that share a SectionBoot: Run types a command at the shell and logs it with
// its answer in the test's output.
public abstract class SectionShellTests<TBoot> : IClassFixture<TBoot> where TBoot : SectionBoot
{
    protected readonly TBoot Boot;
    private readonly ITestOutputHelper _output;

    protected SectionShellTests(TBoot boot, ITestOutputHelper output)
    {
        Boot = boot;
        _output = output;
    }

    protected List<string> Run(string command)
    {
        List<string> lines = ShellTests.Run(Boot.Machine, command);
        _output.WriteLine($"microos> {command}\n{string.Join("\n", lines)}");
        return lines;
    }
}

// Keeps a machine's log for a fixture's lifetime (a fixture has no test output of its own).
internal sealed class BufferedOutput : ITestOutputHelper
{
    private readonly System.Text.StringBuilder _text = new();
    public void WriteLine(string message) { lock (_text) _text.AppendLine(message); }
    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(format, args));
    public override string ToString() { lock (_text) return _text.ToString(); }
}
