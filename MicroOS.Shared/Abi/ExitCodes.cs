namespace MicroOS.Shared.Abi
{
    // Status codes the kernel reports through QEMU's isa-debug-exit device when booted under test.
    // QEMU exits with (code << 1) | 1, so the host sees 2 * code + 1.
    public enum QemuExitCode : byte
    {
        Success = 0x10,     // host exit status 33
        Failure = 0x11,     // host exit status 35
        Fault = 0x12,       // host exit status 37: a CPU exception reached the kernel's fault report
        Panic = 0x13,       // host exit status 39: the kernel panicked (unhandled exception, failed check)
    }
}
