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
    private static string SpecText => File.ReadAllText(SpecPath);
    private static List<SyscallGenerator.Entry> Spec => SyscallGenerator.Parse(SpecText);

    // An output with the spec's lab regions carried over (issue 18: a lab's syscall line is the student's).
    private static string Generated(Func<List<SyscallGenerator.Entry>, string> generate, string comment = "//") =>
        SyscallGenerator.WithLabRegions(SpecText, generate, comment);

    // Compared without lab markers and commented-out starters: `./microos lab start N` turns the
    // regions into their starters (markers kept, starter lines uncommented), which is what the
    // starter spec gives, so a lab's starter tree passes too; the code lines are compared exactly.
    private static void Check(string relativePath, string expected, Func<string, string>? normalize = null)
    {
        string path = Path.Combine(Root, relativePath);
        string current = File.Exists(path) ? File.ReadAllText(path) : "";
        normalize ??= WithoutLabMarkers;
        if (normalize(current) != normalize(expected) && Environment.GetEnvironmentVariable("MICROOS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            current = expected;
        }
        Assert.True(normalize(current) == normalize(expected), $"{relativePath} differs from what MicroOS.Shared/Abi/syscalls.spec gives; regenerate with\n" +
            "  MICROOS_UPDATE_DOCS=1 ./microos test --filter FullyQualifiedName~SyscallSpecTests");
    }

    private static string WithoutLabMarkers(string text)
    {
        var kept = new List<string>();
        bool starter = false;
        foreach (string line in text.Split('\n'))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^\s*(//|;)\s*LAB \d+ (BEGIN|STARTER|END)\b");
            if (m.Success)
            {
                starter = m.Groups[2].Value == "STARTER";
                continue;
            }
            if (!starter)
                kept.Add(line);
        }
        return string.Join("\n", kept);
    }

    [Fact]
    public void TheEnumIsGeneratedFromTheSpec() =>
        Check("MicroOS.Shared/Abi/Syscall.g.cs", Generated(SyscallGenerator.Enum));

    [Fact]
    public void TheKernelTableIsGeneratedFromTheSpec() =>
        Check("MicroOS.Kernel/Syscalls/SyscallTable.g.cs", Generated(SyscallGenerator.KernelTable));

    [Fact]
    public void TheUserStubsAreGeneratedFromTheSpec() =>
        Check("MicroOS.Shared/User/SysCalls.g.cs", Generated(SyscallGenerator.UserStubs));

    [Fact]
    public void TheBlockingMaskIsGeneratedFromTheSpec() =>
        Check("MicroOS.Shared/Native/Syscalls.g.inc", Generated(SyscallGenerator.AsmInclude, ";"));

    [Fact]
    public void TheDocsTableIsGeneratedFromTheSpec()
    {
        string path = Path.Combine(Root, "docs", "capabilities.md");
        string docs = File.ReadAllText(path);
        // Markdown has no lab regions and `lab start` leaves docs alone: a lab's starter tree keeps
        // main's row for the syscall its spec leaves out. The rows of reserved numbers (which another
        // branch or a lab's solution may hold) are therefore not compared; every other row is.
        var reserved = Spec.Where(e => e.Reserved).Select(e => $"| {e.Number} | ").ToArray();
        string Rows(string text) => string.Join("\n", text.Split('\n').Where(l => !reserved.Any(r => l.StartsWith(r, StringComparison.Ordinal))));
        Check("docs/capabilities.md", SyscallGenerator.ReplaceDocsSection(docs, SyscallGenerator.DocsTable(Spec)), Rows);
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
    [InlineData("0 | a | A | X.A | - | | 0 | x\n2 | b | B | X.B | - | | 0 | x\n1 | c | C | X.C | - | | 0 | x", "has number 1, expected 3 or more")]
    [InlineData("0 | a | A | X.A | - | | 0 | x\n0 | b | B | X.B | - | | 0 | x", "has number 0, expected 1 or more")]
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

    // A number the spec skips is reserved: a row that answers UnknownSyscall, no user stub.
    [Fact]
    public void ASkippedNumberIsReserved()
    {
        var entries = SyscallGenerator.Parse("0 | a | A | X.A | - | | 0 | x\n3 | b | B | X.B | - | v:val | 0 | x");
        Assert.Equal(new[] { "a", "reserved_1", "reserved_2", "b" }, entries.Select(e => e.Name));
        Assert.Contains("R(Syscall.Reserved1, \"reserved_1\", CapType.None, CapRights.None, &SyscallTable.Reserved),", SyscallGenerator.KernelTable(entries));
        Assert.DoesNotContain("Reserved1(", SyscallGenerator.UserStubs(entries));
    }

    // A spec line in a lab region (issue 18): the outputs carry the region, main's lines as the
    // solution and what the spec without the line gives as the starter.
    [Fact]
    public void ALabRegionInTheSpecBecomesRegionsInTheOutputs()
    {
        string spec = "0 | a | A | X.A | - | | 0 | x\n# LAB 1 BEGIN: declare b\n1 | b | B | X.B | - | v:val | 0 | x\n# LAB 1 STARTER\n# LAB 1 END\n2 | c | C | X.C | - | | 0 | x\n";
        Assert.Equal(new[] { "a", "reserved_1", "c" }, SyscallGenerator.Parse(SyscallGenerator.StarterSpec(spec, 1)).Select(e => e.Name));
        Assert.Equal(new[] { "a", "b", "c" }, SyscallGenerator.Parse(SyscallGenerator.StarterSpec(spec, 2)).Select(e => e.Name));
        string table = SyscallGenerator.WithLabRegions(spec, SyscallGenerator.KernelTable, "//");
        Assert.Contains("            // LAB 1 BEGIN: declare b\n            R(Syscall.B, \"b\", CapType.None, CapRights.None, &X.B),\n" +
                        "            // LAB 1 STARTER\n            // R(Syscall.Reserved1, \"reserved_1\", CapType.None, CapRights.None, &SyscallTable.Reserved),\n            // LAB 1 END\n", table);
        string stubs = SyscallGenerator.WithLabRegions(spec, SyscallGenerator.UserStubs, "//");
        Assert.Equal(stubs.Split("LAB 1 BEGIN").Length, stubs.Split("LAB 1 END").Length);
        Assert.Contains("public static long B(ulong v)", stubs);
        Assert.Equal(SyscallGenerator.AsmInclude(SyscallGenerator.Parse(spec)), SyscallGenerator.WithLabRegions(spec, SyscallGenerator.AsmInclude, ";"));
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
