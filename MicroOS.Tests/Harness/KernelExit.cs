namespace MicroOS.Tests.Harness;

// QEMU's exit status after the kernel writes `code` to isa-debug-exit: (code << 1) | 1.
public static class KernelExit
{
    public const int Success = 33;
    public const int Failure = 35;
    public const int CpuFault = 37;
    public const int Panic = 39;
}
