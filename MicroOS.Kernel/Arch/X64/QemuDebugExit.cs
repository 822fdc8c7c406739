using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Arch.X64
{
    // QEMU's isa-debug-exit device (iobase 0xf4): a write ends QEMU with status (value << 1) | 1.
    // On real hardware or without the device the write does nothing, so the caller halts after it.
    internal static class QemuDebugExit
    {
        private const ushort Port = 0xF4;

        public static void Exit(QemuExitCode code)
        {
            Cpu.OutD(Port, (uint)code);
            Cpu.HaltForever();
        }
    }
}
