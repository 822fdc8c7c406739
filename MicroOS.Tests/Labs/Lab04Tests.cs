using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MicroOS.Tests.Boot;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Labs;

// Lab 4, "A user-mode driver" (docs/labs/04-driver.md): the CMOS clock driver `rtc`
// (MicroOS.Servers/Rtc) and the shell's `date`, on the [lab-4] system with QEMU's clock started at a
// known time (-rtc base=...,clock=vm: it runs with the guest). One boot shared by the checks.
public sealed class Lab04Boot : SectionBoot
{
    public static readonly DateTime RtcBase = new(2031, 5, 17, 8, 9, 10, DateTimeKind.Utc);

    // Host time since QEMU started: the guest's clock cannot have run longer (plus a margin).
    public Stopwatch SinceStart { get; } = Stopwatch.StartNew();

    public Lab04Boot() : base(new QemuOptions
    {
        CommandLine = "quiet testmanifest manifest=lab-4",
        RtcBase = RtcBase.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
    })
    {
    }
}

public sealed class Lab04DriverTests : SectionShellTests<Lab04Boot>
{
    private static readonly Regex RtcDate = new(@"^date: (?<when>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC \(rtc: the CMOS clock driver, (?<interrupts>\d+) update interrupts\)$");

    public Lab04DriverTests(Lab04Boot boot, ITestOutputHelper output) : base(boot, output) { }

    // `date` as the rtc driver answered it: the time and the interrupt count; fails with what it saw.
    private (DateTime When, long Interrupts) RtcNow()
    {
        // rtc starts `late`: Names may not know it for the first moments after the prompt.
        string line = "";
        for (int attempt = 0; attempt < 20; attempt++)
        {
            line = Assert.Single(Run("date"));
            if (!line.EndsWith(" Hz)", StringComparison.Ordinal))     // the kernel clock's line when Names has no rtc yet
                break;
            Thread.Sleep(250);
        }
        Match m = RtcDate.Match(line);
        Assert.True(m.Success, $"`date` did not come from the rtc driver: '{line}'");
        DateTime when = DateTime.ParseExact(m.Groups["when"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return (when, long.Parse(m.Groups["interrupts"].Value));
    }

    [Fact, Trait("Lab", "4")]
    public void RtcRegistersWithNames()
    {
        string answer = "";
        for (int attempt = 0; attempt < 20 && !answer.StartsWith("rtc answered", StringComparison.Ordinal); attempt++, Thread.Sleep(250))
            answer = Assert.Single(Run("ping rtc"));
        Assert.True(Regex.IsMatch(answer, @"^rtc answered in \d+ (us|TSC cycles)$"), $"`ping rtc` said: {answer}\n{Boot.Log}");
    }

    [Fact, Trait("Lab", "4")]
    public void DateIsQemusClock()
    {
        (DateTime when, _) = RtcNow();
        DateTime latest = Lab04Boot.RtcBase + Boot.SinceStart.Elapsed + TimeSpan.FromSeconds(5);
        Assert.True(when >= Lab04Boot.RtcBase && when <= latest,
            $"`date` says {when:yyyy-MM-dd HH:mm:ss}; QEMU's clock started at {Lab04Boot.RtcBase:yyyy-MM-dd HH:mm:ss} and can be at most {latest:yyyy-MM-dd HH:mm:ss} now");
    }

    [Fact, Trait("Lab", "4")]
    public void TheClockAdvancesWithItsInterrupts()
    {
        (DateTime first, long before) = RtcNow();
        Thread.Sleep(2500);
        (DateTime second, long after) = RtcNow();
        Assert.True(second > first, $"`date` said {first:HH:mm:ss}, then {second:HH:mm:ss} 2.5 s later: read the registers on every call");
        Assert.True(after > before, $"the update-ended interrupt count stayed at {before} over 2.5 s (IRQ 8 is not taken)");
    }

    [Fact, Trait("Lab", "4")]
    public void TheDriverHoldsOnlyItsPortsAndIrq()
    {
        List<string> caps = Run("caps rtc");
        Assert.True(caps.Count > 1 && caps[0] == "SLOT OBJECT RIGHTS BADGE OBJECT-ID", $"`caps rtc` printed: {string.Join(" / ", caps)}");
        var kinds = caps.Skip(1).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(new[] { "ioports:70+2", "irq:8" }, kinds.Where(k => k.Contains(':')).Order(StringComparer.Ordinal));
        Assert.All(kinds.Where(k => !k.Contains(':')), k => Assert.True(k is "endpoint" or "notification", $"rtc holds a {k}"));
        ServerLog.AssertKernelHealthy(Boot.Machine.Lines);
    }
}
