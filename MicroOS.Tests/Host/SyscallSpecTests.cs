using MicroOS.Build.SyscallGen;
using MicroOS.Shared.Abi;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// The syscall ABI is declared once (MicroOS.Shared/Abi/syscalls.spec); every other place it is written
// is generated from it (MicroOS.Build/SyscallGen). These checks regenerate each output and fail when
// the checked-in file differs, so none can drift. MICROOS_UPDATE_DOCS=1 writes them instead.
public sealed class SyscallSpecTests
{
    private static string Root => RepoPaths.Root;
    private static string SpecPath => Path.Combine(Root, "MicroOS.Shared", "Abi", "syscalls.spec");
    private static List<SyscallGenerator.Entry> Spec => SyscallGenerator.Parse(File.ReadAllText(SpecPath));

    private static void Check(string relativePath, string expected)
    {
        string path = Path.Combine(Root, relativePath);
        string current = File.Exists(path) ? File.ReadAllText(path) : "";
        if (current != expected && Environment.GetEnvironmentVariable("MICROOS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            current = expected;
        }
        Assert.True(current == expected, $"{relativePath} differs from what MicroOS.Shared/Abi/syscalls.spec gives; regenerate with\n" +
            "  MICROOS_UPDATE_DOCS=1 ./microos test --filter FullyQualifiedName~SyscallSpecTests");
    }

    [Fact]
    public void TheEnumIsGeneratedFromTheSpec() =>
        Check("MicroOS.Shared/Abi/Syscall.g.cs", SyscallGenerator.Enum(Spec));

    [Fact]
    public void TheKernelTableIsGeneratedFromTheSpec() =>
        Check("MicroOS.Kernel/Syscalls/SyscallTable.g.cs", SyscallGenerator.KernelTable(Spec));

    [Fact]
    public void TheUserStubsAreGeneratedFromTheSpec() =>
        Check("MicroOS.Shared/User/SysCalls.g.cs", SyscallGenerator.UserStubs(Spec));

    [Fact]
    public void TheBlockingMaskIsGeneratedFromTheSpec() =>
        Check("MicroOS.Shared/Native/Syscalls.g.inc", SyscallGenerator.AsmInclude(Spec));

    [Fact]
    public void TheDocsTableIsGeneratedFromTheSpec()
    {
        string path = Path.Combine(Root, "docs", "capabilities.md");
        string docs = File.ReadAllText(path);
        Check("docs/capabilities.md", SyscallGenerator.ReplaceDocsSection(docs, SyscallGenerator.DocsTable(Spec)));
    }

    // The compiled enum (linked here as the kernel and servers compile it) agrees with the spec.
    [Fact]
    public void TheCompiledEnumMatchesTheSpec()
    {
        List<SyscallGenerator.Entry> spec = Spec;
        Assert.Equal(SyscallAbi.Count, spec.Count);
        Assert.Equal(spec.Select(e => e.CsName), Enum.GetValues<Syscall>().Order().Select(s => s.ToString()));
        Assert.Equal(SyscallAbi.BlockingMask, SyscallGenerator.BlockingMask(spec));
    }

    // User.asm takes its mask from the generated include, not a hand-written copy.
    [Fact]
    public void UserAsmIncludesTheGeneratedMask()
    {
        string asm = File.ReadAllText(Path.Combine(Root, "MicroOS.Shared", "Native", "User.asm"));
        Assert.Contains("%include \"Syscalls.g.inc\"", asm);
        Assert.DoesNotContain("BLOCKING_SYSCALLS equ", asm);
    }

    [Fact]
    public void TheBlockingSetIsTheOneTheRuntimeParksFor() =>
        Assert.Equal(new[] { "yield", "sleep", "endpoint_send", "endpoint_recv", "endpoint_call", "endpoint_reply_recv", "notification_wait" },
            Spec.Where(e => e.Blocks).Select(e => e.Name));

    // A bad spec is refused with its line, not generated from.
    [Theory]
    [InlineData("0 | a | A | X.A | - | | 0 | x\n2 | b | B | X.B | - | | 0 | x", "has number 2, expected 1")]
    [InlineData("0 | a | A | X.A | - | | 0 | x\n1 | a | B | X.B | - | | 0 | x", "repeats a name")]
    [InlineData("0 | a | A | X.A | - | p:cap(Window) | 0 | x", "unknown capability type 'Window'")]
    [InlineData("0 | a | A | X.A | - | p:cap(Endpoint:Fly) | 0 | x", "unknown right 'Fly'")]
    [InlineData("0 | a | A | X.A | maybe | | 0 | x", "blocks field")]
    [InlineData("0 | a | A | X.A | - | t:in(n,10) | 0 | x", "no value argument 'n'")]
    [InlineData("0 | a | A | X.A | - | p:ptr | 0 | x", "unknown kind 'ptr'")]
    [InlineData("0 | a | A | X.A | - | | 0", "expected 8 fields")]
    public void ABadSpecIsRefused(string spec, string message)
    {
        var e = Assert.Throws<FormatException>(() => SyscallGenerator.Parse(spec));
        Assert.Contains(message, e.Message);
    }

    // Every capability argument of the spec is decoded by the generated stub: the kernel table holds
    // no handler that takes a raw capability slot from a register for a cap-kind argument.
    [Fact]
    public void EveryCapabilityArgumentIsDecodedByAStub()
    {
        string table = SyscallGenerator.KernelTable(Spec);
        foreach (var e in Spec)
            foreach (var (a, i) in e.Args.Select((a, i) => (a, i)))
                if (a.Kind != SyscallGenerator.ArgKind.Value)
                    Assert.Contains($"f->Arg{i}", table.Substring(table.IndexOf($"Decode{e.CsName}(SyscallFrame* f)", StringComparison.Ordinal)));
    }
}
