using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

public sealed class BootTests
{
    private readonly ITestOutputHelper _output;

    public BootTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void BiosBootPrintsBootingLineThenBannerAndExitsCleanly()
    {
        using var machine = QemuMachine.Boot(_output);

        string booting = machine.WaitForLine(BootBanner.Booting);
        string ready = machine.WaitForLine(BootBanner.Ready);
        machine.WaitForLine(BootBanner.Idle);

        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        var lines = machine.Lines.ToList();
        Assert.True(lines.IndexOf(booting) < lines.IndexOf(ready), "the `booting` line must come before the banner");
    }

    [Fact]
    public void UsableMemoryTracksTheMachinesMemorySize()
    {
        long small = BootAndReadUsableKiB(64);
        long large = BootAndReadUsableKiB(256);

        // Firmware and holes take a roughly fixed amount, so the difference is the 192 MiB we added.
        const long expectedKiB = 192 * 1024;
        const long toleranceKiB = 8 * 1024;
        long difference = large - small;
        Assert.True(Math.Abs(difference - expectedKiB) <= toleranceKiB,
            $"usable memory: {small} KiB with -m 64M, {large} KiB with -m 256M; difference {difference} KiB, expected {expectedKiB} +/- {toleranceKiB} KiB");
    }

    [Fact]
    public void UefiBootThroughOvmfReachesTheBanner()
    {
        Assert.True(File.Exists(RepoPaths.OvmfFirmware), $"{RepoPaths.OvmfFirmware} is missing: install the ovmf package");
        using var machine = QemuMachine.Boot(_output, new QemuOptions { Uefi = true });

        machine.WaitForLine(BootBanner.Booting);
        Match ready = machine.WaitForMatch(BootBanner.Ready);

        Assert.True(long.Parse(ready.Groups["kib"].Value) > 0, "UEFI boot reported no usable memory");
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
    }

    private long BootAndReadUsableKiB(int memoryMiB)
    {
        using var machine = QemuMachine.Boot(_output, new QemuOptions { MemoryMiB = memoryMiB });
        Match ready = machine.WaitForMatch(BootBanner.Ready);
        long kib = long.Parse(ready.Groups["kib"].Value);
        long mib = long.Parse(ready.Groups["mib"].Value);

        Assert.Equal(kib / 1024, mib);
        Assert.InRange(kib, 1, memoryMiB * 1024L);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        return kib;
    }
}
