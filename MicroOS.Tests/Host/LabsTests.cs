using System.Reflection;
using MicroOS.Labs;
using MicroOS.Tests.Harness;
using Xunit;

namespace MicroOS.Tests.Host;

// The labs' mechanism (tools/Labs, issue 18): solution regions, starters, handouts and their grader
// tables. Pure logic on text, plus the checks that keep main's regions, the handouts and the lab
// tests in step: every handout row names a test of that lab, every lab test has a row, and every
// lab's starter can be made from the current tree.
public sealed class LabsTests
{
    private const string Solution = """
        int Read()
        {
            // LAB 4 BEGIN: read the seconds register
            int s = Port.In(0x71);
            return Bcd(s);
            // LAB 4 STARTER
            // return 0; // TODO: select register 0 at 0x70, read 0x71, decode BCD
            // LAB 4 END
        }
        ; LAB 2 BEGIN
        mov rax, 1
        ; LAB 2 STARTER
        ; LAB 2 END
        """;

    [Fact]
    public void RegionsAreFoundWithTheirLabsAndSizes()
    {
        var regions = LabRegions.Find("x.cs", Solution);
        Assert.Equal(2, regions.Count);
        Assert.Equal(new LabRegion("x.cs", 3, 4, "read the seconds register", 2, 1), regions[0]);
        Assert.Equal(new LabRegion("x.cs", 10, 2, "", 1, 0), regions[1]);
    }

    [Fact]
    public void TheStarterReplacesThisLabAndLaterOnesAndKeepsEarlierSolutions()
    {
        string lab4 = LabRegions.Starter("x.cs", Solution, 4);
        Assert.Contains("    return 0; // TODO: select register 0", lab4);            // uncommented, indentation kept
        Assert.DoesNotContain("Port.In(0x71)", lab4);                                 // the solution is gone
        Assert.Contains("mov rax, 1", lab4);                                           // lab 2 < 4: kept
        Assert.Contains("// LAB 4 BEGIN: read the seconds register", lab4);           // markers stay
        Assert.Contains("// LAB 4 END", lab4);
        Assert.DoesNotContain("// LAB 4 STARTER", lab4);

        string lab2 = LabRegions.Starter("x.cs", Solution, 2);
        Assert.DoesNotContain("mov rax, 1", lab2);                                     // this lab: empty starter
        Assert.DoesNotContain("Port.In(0x71)", lab2);                                  // lab 4 > 2: replaced too
        Assert.Contains("; LAB 2 BEGIN", lab2);

        string lab5 = LabRegions.Starter("x.cs", Solution, 5);
        Assert.Equal(Solution, lab5);                                                  // nothing of lab 5: unchanged
    }

    [Theory]
    [InlineData("// LAB 1 BEGIN\nx\n", "x.cs:1: LAB 1 BEGIN has no LAB 1 END")]
    [InlineData("// LAB 1 END\n", "x.cs:1: LAB 1 END without a LAB 1 BEGIN")]
    [InlineData("// LAB 1 BEGIN\n// LAB 2 BEGIN\n", "x.cs:2: LAB 2 BEGIN inside LAB 1's region (line 1)")]
    [InlineData("// LAB 1 BEGIN\n// LAB 2 END\n", "x.cs:2: LAB 2 END inside LAB 1's region (line 1)")]
    [InlineData("// LAB 1 BEGIN\n// LAB 1 STARTER\nreturn 0;\n// LAB 1 END\n", "x.cs:3: a LAB 1 STARTER line must be a `//` comment")]
    [InlineData("// LAB 1 BEGIN\n// LAB 1 STARTER\n// LAB 1 STARTER\n// LAB 1 END\n", "x.cs:3: a second LAB 1 STARTER in one region")]
    public void MalformedRegionsAreRefusedWithFileAndLine(string text, string error)
    {
        var e = Assert.Throws<LabRegionException>(() => LabRegions.Starter("x.cs", text, 1));
        Assert.StartsWith(error, e.Message);
    }

    [Fact]
    public void AHandoutTableGivesChecksPointsAndHints()
    {
        string dir = Directory.CreateTempSubdirectory("labs").FullName;
        try
        {
            string path = Path.Combine(dir, "04-driver.md");
            File.WriteAllText(path, "# Lab 4: A user-mode driver\n\ntext\n\n" + LabHandout.TableStart + "\n| check | points | hint |\n|---|---|---|\n" +
                                    "| `Lab04Tests.DateIsTheRtc` | 20 | read Rtc.cs again |\n| `Lab04Tests.BadPort` | 5 | refuse it |\n" + LabHandout.TableEnd + "\n");
            LabHandout lab = LabHandout.Read(path);
            Assert.Equal(4, lab.Number);
            Assert.Equal("driver", lab.Slug);
            Assert.Equal("A user-mode driver", lab.Title);
            Assert.Equal(25, lab.Points);
            Assert.Equal(new LabCheck("Lab04Tests.DateIsTheRtc", 20, "read Rtc.cs again"), lab.Checks[0]);

            File.WriteAllText(path, "# Lab 5: wrong number\n" + LabHandout.TableStart + "\n| `A.B` | 1 | h |\n" + LabHandout.TableEnd);
            Assert.Contains("the heading says lab 5, the file name 04", Assert.Throws<LabRegionException>(() => LabHandout.Read(path)).Message);
            File.WriteAllText(path, "# Lab 4: no table\n");
            Assert.Contains("no grader table", Assert.Throws<LabRegionException>(() => LabHandout.Read(path)).Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("MicroOS.Tests.Labs.Lab04Tests.DateIsTheRtc", "Lab04Tests.DateIsTheRtc", true)]
    [InlineData("MicroOS.Tests.Labs.Lab04Tests.DateIsTheRtc(base: \"2030-01-01\")", "Lab04Tests.DateIsTheRtc", true)]
    [InlineData("MicroOS.Tests.Labs.Lab04Tests.DateIsTheRtcToo", "Lab04Tests.DateIsTheRtc", false)]
    [InlineData("MicroOS.Tests.Labs.XLab04Tests.DateIsTheRtc", "Lab04Tests.DateIsTheRtc", false)]
    public void TestResultsMatchTheirCheck(string testName, string check, bool matches) =>
        Assert.Equal(matches, Grader.Matches(testName, check));

    // Main's regions, the handouts and the lab tests agree: every handout row is a test of that lab
    // (a [Trait("Lab", "N")] method of this assembly), every lab test has its row, every lab has
    // regions to write, and every lab's starter can be made from the tree as it is.
    [Fact]
    public void HandoutsRegionsAndLabTestsAgree()
    {
        var labs = LabHandout.All(RepoPaths.Root);
        var labTests = typeof(LabsTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true))
                .Select(m => (Type: t, Method: m, Lab: LabOf(t, m))))
            .Where(x => x.Lab != null)
            .ToList();
        foreach (LabHandout lab in labs)
            foreach (LabCheck check in lab.Checks)
                Assert.True(labTests.Any(x => x.Lab == lab.Number && $"{x.Type.Name}.{x.Method.Name}" == check.Test),
                    $"{lab.Path}: the check {check.Test} is not a test with [Trait(\"Lab\", \"{lab.Number}\")]");
        foreach (var x in labTests)
            Assert.True(labs.Any(l => l.Number == x.Lab && l.Checks.Any(c => c.Test == $"{x.Type.Name}.{x.Method.Name}")),
                $"{x.Type.Name}.{x.Method.Name} is a lab {x.Lab} test but lab {x.Lab}'s handout does not list it");

        var regionFiles = Directory.EnumerateFiles(RepoPaths.Root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/") && !p.Contains("/.git/") && !p.Contains("/docs/")
                        && !p.Contains("/tools/Labs/") && !p.EndsWith("LabsTests.cs", StringComparison.Ordinal)
                        && (p.EndsWith(".cs") || p.EndsWith(".asm") || p.EndsWith(".txt") || p.EndsWith(".csproj")))
            .ToList();
        var regions = regionFiles.SelectMany(f => LabRegions.Find(Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f))).ToList();
        foreach (LabHandout lab in labs)
        {
            Assert.True(regions.Any(r => r.Lab == lab.Number), $"lab {lab.Number} has a handout but no LAB {lab.Number} regions in the tree");
            foreach (string f in regionFiles)
                LabRegions.Starter(f, File.ReadAllText(f), lab.Number);   // throws on a malformed region
        }
        foreach (LabRegion r in regions)
            Assert.True(labs.Any(l => l.Number == r.Lab), $"{r.File}:{r.BeginLine}: a LAB {r.Lab} region, but docs/labs/ has no handout for lab {r.Lab}");
    }

    private static int? LabOf(Type type, MethodInfo method)
    {
        foreach (var data in method.GetCustomAttributesData().Concat(type.GetCustomAttributesData()))
            if (data.AttributeType == typeof(TraitAttribute) && data.ConstructorArguments.Count == 2
                && (string?)data.ConstructorArguments[0].Value == "Lab" && int.TryParse((string?)data.ConstructorArguments[1].Value, out int n))
                return n;
        return null;
    }
}
