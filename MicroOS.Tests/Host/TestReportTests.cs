using MicroOS.Tests.Boot;
using Xunit;
using Xunit.Sdk;

namespace MicroOS.Tests.Host;

// The one parser of boot-test result lines (Boot/TestReport.cs), on lines written here: it must
// refuse every way a report can be wrong, or a boot test that uses it proves nothing.
public sealed class TestReportTests
{
    private static readonly string[] Good =
    {
        "[timer] 1..2",
        "[other] ok 1 unrelated",
        "[timer] ok 1 wait arm=0 bits=5",
        "[timer] ok 2 after-delete bits=64",
    };

    [Fact]
    public void AReportWithEveryPlannedResultOkIsReadByNameWithItsValues()
    {
        Dictionary<string, TestResult> report = TestReport.AssertAllOk(Good, "timer", 2);
        Assert.Equal(new[] { "after-delete", "wait" }, report.Keys.Order());
        Assert.Equal("5", report["wait"].Values["bits"]);
        Assert.Equal("arm=0 bits=5", report["wait"].Observed);
        Assert.Equal("", TestReport.AssertAllOk(new[] { "[x] ok 1 bare" }, "x", 1)["bare"].Observed);
    }

    [Theory]
    [InlineData("[timer] not ok 2 after-delete bits=63", "not ok 2 after-delete")]       // a failed check
    [InlineData("[timer] ok 3 after-delete bits=64", "numbered 3")]                       // out of order
    [InlineData("[timer] ok 2 wait bits=64", "two results named wait")]                   // the same name twice
    [InlineData("[timer] # the second result never came", "2 results planned, 1 reported")]
    public void AFailedMissingMisnumberedOrRepeatedResultFailsTheReport(string second, string problem)
    {
        string[] lines = { Good[0], Good[2], second };
        XunitException e = Assert.ThrowsAny<XunitException>(() => TestReport.AssertAllOk(lines, "timer", 2));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void MoreResultsThanPlannedFailTheReport()
    {
        string[] lines = Good.Append("[timer] ok 3 extra").ToArray();
        Assert.Contains("2 results planned, 3 reported", Assert.ThrowsAny<XunitException>(() => TestReport.AssertAllOk(lines, "timer", 2)).Message);
    }
}
