namespace MicroOS.Tests.Harness;

// How a test machine is booted. The kernel command line travels through QEMU's fw_cfg file
// opt/microos/cmdline, so one ISO serves every test.
public sealed record QemuOptions
{
    // `exit` makes the kernel end QEMU through isa-debug-exit, so a test gets an exit status.
    public string CommandLine { get; init; } = "exit";

    public int MemoryMiB { get; init; } = 128;

    // Boot through OVMF (UEFI) instead of SeaBIOS.
    public bool Uefi { get; init; }
}
