using System.Text.RegularExpressions;
using MicroOS.Servers.Probe;
using MicroOS.Tests.Attacks;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// The attack catalogue has one list of cases (AttackCatalogue.cs), run by the probe and expected by
// AttackCatalogueTests; these checks keep the asm routines and docs/attack-catalogue.md in step with it.
public sealed class AttackCatalogueDocTests
{
    private static string DocPath => Path.Combine(RepoPaths.Root, "docs", "attack-catalogue.md");
    private static string AsmPath => Path.Combine(RepoPaths.Root, "MicroOS.Servers", "Tests", "Probe", "Attack.asm");

    [Fact]
    public void DocTableListsExactlyTheCataloguedCases()
    {
        string doc = File.ReadAllText(DocPath);
        int start = doc.IndexOf(AttackExpectations.TableStart, StringComparison.Ordinal);
        int end = doc.IndexOf(AttackExpectations.TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} lacks the generated table markers");
        string current = doc[start..(end + AttackExpectations.TableEnd.Length)];
        string expected = AttackExpectations.MarkdownTable();
        if (current != expected && Environment.GetEnvironmentVariable("MICROOS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..start] + expected + doc[(end + AttackExpectations.TableEnd.Length)..]);
            current = expected;
        }
        Assert.True(current == expected,
            "docs/attack-catalogue.md's table differs from the catalogue (AttackCatalogue.cs + AttackExpectations.cs); regenerate it with\n" +
            "  MICROOS_UPDATE_DOCS=1 ./microos test --filter FullyQualifiedName~AttackCatalogueDocTests");

        // Every case appears in a row of its own.
        foreach (AttackExpectation e in AttackExpectations.All())
            Assert.Contains($"| `{e.Case}` |", current);
    }

    [Fact]
    public void EveryCaseHasOneExpectationAndEveryGroupFitsOneBoot()
    {
        List<AttackExpectation> all = AttackExpectations.All().ToList();
        Assert.Equal(all.Count, all.Select(e => e.Case).Distinct().Count());
        Assert.All(AttackCatalogue.Groups, g => Assert.InRange(AttackCatalogue.Cases(g).Length, 1, 256));   // servers=name*N takes N <= 256
        Assert.All(all, e => Assert.True(e.Qemu.StartsWith(AttackExpectations.Completes, StringComparison.Ordinal)
                                         || AttackExpectations.FaultNames.ContainsKey(e.Qemu), $"{e.Case}: unknown outcome {e.Qemu}"));
        // Every misc op runs in exactly one group.
        var grouped = AttackCatalogue.Groups.SelectMany(AttackCatalogue.Cases).ToHashSet();
        Assert.All(AttackCatalogue.MiscOps, op => Assert.Contains(op, grouped));
        Assert.All(AttackCatalogue.FlagCases, op => Assert.Contains(op, grouped));
        Assert.Equal(AttackCatalogue.SegmentOps.Length * AttackCatalogue.Selectors.Length + 256 + AttackCatalogue.MiscOps.Length + AttackCatalogue.FlagCases.Length, all.Count);
    }

    // Attack.asm dispatches by position: segment_ops and misc_ops must name the routines in the
    // order of AttackCatalogue.SegmentOps and MiscOps (seg_mov_ds = "mov-ds", m_read_cr0 = "read-cr0").
    [Theory]
    [InlineData("segment_ops", "seg_")]
    [InlineData("misc_ops", "m_")]
    public void AsmJumpTablesFollowTheCatalogueOrder(string table, string prefix)
    {
        string asm = File.ReadAllText(AsmPath);
        Match body = new Regex($@"^{table}:\s*$(?<body>.*?)^{table}_end:", RegexOptions.Multiline | RegexOptions.Singleline).Match(asm);
        Assert.True(body.Success, $"no {table} table in Attack.asm");
        List<string> routines = Regex.Matches(Regex.Replace(body.Groups["body"].Value, ";.*", ""), @"\b" + prefix + @"(\w+)")
            .Select(m => m.Groups[1].Value.Replace('_', '-'))
            .ToList();
        string[] names = table == "segment_ops" ? AttackCatalogue.SegmentOps : AttackCatalogue.MiscOps;
        Assert.Equal(names, routines);
    }
}
