using System.Text.RegularExpressions;

namespace MicroOS.Tests.Boot;

// The two boot lines every boot test relies on, in one place.
internal static class BootBanner
{
    // First kernel line: `MicroOS 0.1.0 (x86_64 microkernel in C#) booting`.
    public static readonly Regex Booting = new(@"^MicroOS \d+\.\d+\.\d+ \(x86_64 microkernel in C#\) booting$");

    // `MicroOS 0.1.0 ready: usable memory <KiB> KiB (<MiB> MiB), free frames <N>`.
    public static readonly Regex Ready = new(@"^MicroOS \d+\.\d+\.\d+ ready: usable memory (?<kib>\d+) KiB \((?<mib>\d+) MiB\), free frames (?<frames>\d+)$");

    public const string Idle = "idle: nothing left to run";
}
