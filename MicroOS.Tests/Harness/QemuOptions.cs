namespace MicroOS.Tests.Harness;

// How a test machine is booted. The kernel command line travels through QEMU's fw_cfg file
// opt/microos/cmdline, so one ISO serves every test.
public sealed record QemuOptions
{
    // `exit` makes the kernel end QEMU through isa-debug-exit, so a test gets an exit status.
    public string CommandLine { get; init; } = "exit";

    public int MemoryMiB { get; init; } = 128;

    // The CPU model: QEMU's default plus the protections the kernel turns on when CPUID reports
    // them (SMEP, SMAP, UMIP; TCG implements all three). The same string is in ./microos and
    // tools/bench.sh, so tests, `run` and `bench` boot the same CPU.
    public const string DefaultCpu = "qemu64,+smep,+smap,+umip";

    public string Cpu { get; init; } = DefaultCpu;

    // QEMU -icount shift=0: the guest timestamp counter advances one tick per guest instruction, so
    // what the kernel measures in ticks is an exact, repeatable instruction count.
    public bool CountInstructions { get; init; }

    // Opens QEMU's human monitor on a Unix socket, for QemuMachine.Monitor ("nmi", "sendkey a", ...).
    public bool Monitor { get; init; }

    // Connects COM1, the serial driver's line (the shell's; docs/console.md), to a Unix socket the
    // harness reads and writes: QemuMachine.SendConsole, WaitForConsoleLine. Without it COM1 is
    // QEMU's `null` device. COM2 is always the kernel log (stdio).
    public bool SerialConsole { get; init; }

    // Boot through OVMF (UEFI) instead of SeaBIOS.
    public bool Uefi { get; init; }

    // The CMOS clock's start (QEMU -rtc base=..., e.g. "2031-05-06T07:08:09"), advancing with the
    // guest's own clock (clock=vm); null: QEMU's default, the host's UTC time.
    public string? RtcBase { get; init; }

    // A raw disk image attached as the IDE primary master (0x1F0, IRQ 14: the ata driver's; the CD
    // stays the secondary master and the boot device). Null: no disk, as every test before issue 13.
    // Harness/FatImage.cs makes FAT images for it.
    public string? Disk { get; init; }

    // The disk is read-only for the test: QEMU writes to a temporary overlay (`snapshot=on`) and the
    // image file is left as it was, so one image can serve several tests.
    public bool DiskSnapshot { get; init; }

    // More `-drive` options for the disk, e.g. "throttling.bps-total=1024": QEMU's I/O throttling
    // makes a device that takes seconds per transfer (the ata driver's deadlines, AtaTests).
    public string? DiskOptions { get; init; }

    // Sets the SMBIOS product name that makes the loader (and GRUB) read the test-only server images
    // (QemuMachine.TestImagesSmbios). Off: a plain boot's modules, as on VMware or real hardware.
    public bool TestImages { get; init; } = true;

    // Another ISO than the build's iso/MicroOS.iso (NewServerTests boots one with a generated server).
    public string? Iso { get; init; }
}
