using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The wall clock and the TSC rate (MicroOS.Kernel/Time/Clock.cs): the CMOS clock is read once at
// boot, the TSC measured against the PIT, and a server's DateTime.UtcNow and Stopwatch come from
// both (the shell's `date`). QEMU's CMOS clock starts at a fixed date and runs with the guest
// (-rtc base=...,clock=vm), and under -icount shift=0 the TSC runs at exactly 1 GHz of guest time
// (one tick per instruction, one instruction per nanosecond), so the measured rate is known.
public sealed class ClockTests
{
    private const string RtcBase = "2031-05-06T07:08:09";
    private readonly ITestOutputHelper _output;

    public ClockTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheCmosTimeAndTheMeasuredTscRateReachTheShellsDate()
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions
        {
            CommandLine = "quiet manifest=system",
            SerialConsole = true,
            CountInstructions = true,
            RtcBase = RtcBase,
        });
        // Firmware and GRUB run for well under a minute of guest time before the kernel reads it.
        Match cmos = Regex.Match(machine.WaitForLine("clock: CMOS time "), @"clock: CMOS time 2031-05-06 07:08:(\d\d) UTC at TSC \d+$");
        Assert.True(cmos.Success, "the kernel's CMOS line does not show the time QEMU's clock was started at");
        Match rate = Regex.Match(machine.WaitForLine("clock: TSC "), @"clock: TSC (\d+) Hz, measured over 25 PIT ticks; UTC now 2031-05-06 07:(\d\d):(\d\d)\.\d{3}$");
        Assert.True(rate.Success, "no measured TSC rate in the kernel log");
        long hertz = long.Parse(rate.Groups[1].Value);
        Assert.InRange(hertz, 990_000_000L, 1_010_000_000L);

        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
        string date = Assert.Single(ShellTests.Run(machine, "date -k"));
        Match shown = Regex.Match(date, @"^date: 2031-05-06 07:(\d\d):(\d\d) UTC \(the CMOS clock at boot \+ the TSC at (\d+) Hz\)$");
        Assert.True(shown.Success, $"`date` printed '{date}'");
        Assert.Equal(hertz, long.Parse(shown.Groups[3].Value));
        int seconds = int.Parse(shown.Groups[1].Value) * 60 + int.Parse(shown.Groups[2].Value);
        int booted = 8 * 60 + int.Parse(cmos.Groups[1].Value);
        Assert.InRange(seconds, booted, booted + 600);      // after the boot read, and not absurdly later
        Assert.Equal(new[] { "usage: date [-k]" }, ShellTests.Run(machine, "date now"));
        // Plain `date` asks the CMOS driver `rtc` (lab 4), which reads the same clock from ring 3.
        string rtc = Assert.Single(ShellTests.Run(machine, "date"));
        Match fromRtc = Regex.Match(rtc, @"^date: 2031-05-06 07:(\d\d):(\d\d) UTC \(rtc: the CMOS clock driver, \d+ update interrupts\)$");
        Assert.True(fromRtc.Success, $"`date` printed '{rtc}'");
        Assert.InRange(int.Parse(fromRtc.Groups[1].Value) * 60 + int.Parse(fromRtc.Groups[2].Value), booted, booted + 600);
    }
}
