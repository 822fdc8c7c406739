using MicroOS.Kernel.Arch.X64;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Diagnostics
{
    // The end of the line for a ring-0 failure: report, then exit QEMU (under test) or halt.
    internal static class Panic
    {
        public static void Halt(string reason, QemuExitCode code)
        {
            Cpu.DisableInterrupts();
            VgaText.TakeBack();
            VgaText.SetColor(15, 4);
            Log.WriteLine(string.Concat("KERNEL PANIC: ", reason));
            if (KernelMain.ExitOnFailure)
                QemuDebugExit.Exit(code);
            Cpu.HaltForever();
        }

        // The runtime's fatal hook: an unhandled exception or failed runtime check in the kernel.
        public static void RuntimeFatal(string kind, string message) =>
            Halt(message == null ? kind : string.Concat("unhandled exception ", kind, ": ", message), QemuExitCode.Panic);
    }
}
