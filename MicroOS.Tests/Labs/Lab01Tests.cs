using System.Text.RegularExpressions;
using MicroOS.Build.SyscallGen;
using MicroOS.Shared.Abi;
using MicroOS.Tests.Boot;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Labs;

// Lab 1, "Boot and the syscall path" (docs/labs/01-syscall.md): the syscall kernel_info (57),
// declared in MicroOS.Shared/Abi/syscalls.spec, handled by InfoSyscalls.KernelInfo, called by the
// shell's `uname`. The declaration is checked on the host (the spec and the enum compiled from the
// regenerated Syscall.g.cs, which this test project links); the rest on the [lab-1] system, one
// boot shared by the checks of this class. The item names are by string and reflection: on the
// starter KernelInfo does not exist yet and this file must still compile.
public sealed class Lab01DeclarationTests
{
    [Fact, Trait("Lab", "1")]
    public void KernelInfoIsDeclaredAs57()
    {
        List<SyscallGenerator.Entry> spec = SyscallGenerator.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "MicroOS.Shared", "Abi", "syscalls.spec")));
        SyscallGenerator.Entry? entry = spec.FirstOrDefault(e => e.Name == "kernel_info");
        Assert.True(entry != null, "syscalls.spec has no line for kernel_info");
        Assert.True(entry!.Number == 57, $"kernel_info has number {entry.Number}, not 57");
        Assert.True(entry.CsName == "KernelInfo" && !entry.Blocks, $"kernel_info: C# name {entry.CsName} (KernelInfo expected), blocks {entry.Blocks} (it must not)");
        Assert.True(entry.Args.Count == 1 && entry.Args[0].Kind == SyscallGenerator.ArgKind.Value,
            $"kernel_info takes one plain value (item:val), not ({string.Join(", ", entry.Args.Select(a => a.Name + ":" + a.Spec))})");
        Assert.True(Enum.TryParse("KernelInfo", out Syscall compiled) && (ulong)compiled == 57,
            "the Syscall enum (Syscall.g.cs) has no KernelInfo = 57: regenerate with ./microos gen");
        Assert.True(SyscallAbi.Count >= 58, $"SyscallAbi.Count is {SyscallAbi.Count}: regenerate with ./microos gen");
    }
}

public sealed class Lab01Boot : SectionBoot
{
    public Lab01Boot() : base("lab-1") { }
}

public sealed class Lab01ShellTests : SectionShellTests<Lab01Boot>
{
    public Lab01ShellTests(Lab01Boot boot, ITestOutputHelper output) : base(boot, output) { }

    // ps lists every process of [lab-1] (Init and the supervisor included): the live count.
    private int PsProcesses() => Run("ps").Count(l => Regex.IsMatch(l, @"^\d+ [a-z-]+ running "));

    [Fact, Trait("Lab", "1")]
    public void UnamePrintsTheSystemLine()
    {
        string line = Assert.Single(Run("uname"));
        Match m = Regex.Match(line, @"^MicroOS x86-64: (\d+) syscalls, (\d+) processes$");
        Assert.True(m.Success, $"`uname` printed '{line}', not 'MicroOS x86-64: N syscalls, M processes'");
        Assert.True(int.Parse(m.Groups[1].Value) == SyscallAbi.Count, $"`uname` says {m.Groups[1].Value} syscalls; the kernel's table has {SyscallAbi.Count} rows");
        int ps = PsProcesses();
        Assert.True(int.Parse(m.Groups[2].Value) == ps, $"`uname` says {m.Groups[2].Value} processes; ps lists {ps} running");
    }

    [Fact, Trait("Lab", "1")]
    public void KernelInfoAnswersEachItem()
    {
        Assert.Equal(new[] { $"kernel_info(0) = {SyscallAbi.Count}" }, Run("uname 0"));
        Assert.Equal(new[] { $"kernel_info(1) = {PsProcesses()}" }, Run("uname 1"));
    }

    [Fact, Trait("Lab", "1")]
    public void KernelInfoRefusesOtherItems()
    {
        Assert.Equal(new[] { "kernel_info(2): InvalidArgument" }, Run("uname 2"));
        Assert.Equal(new[] { "kernel_info(57): InvalidArgument" }, Run("uname 57"));
        // All 64 bits of rdi count: 2^32 + 1 is not item 1, 2^64 - 1 is not -1.
        Assert.Equal(new[] { "kernel_info(4294967297): InvalidArgument" }, Run("uname 4294967297"));
        Assert.Equal(new[] { "kernel_info(18446744073709551615): InvalidArgument" }, Run("uname 18446744073709551615"));
        Assert.Equal(new[] { "usage: uname [ITEM]" }, Run("uname one"));
        ServerLog.AssertKernelHealthy(Boot.Machine.Lines);
    }
}
