using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // C# names for ContextSwitch.asm. Called by Tasks/Scheduler.cs (and the idle loop's wait).
    internal static unsafe class ContextSwitch
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_switch_context")] public static extern void Switch(ulong* saveRsp, ulong nextRsp);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_kernel_thread_start_address")] public static extern ulong KernelThreadStartAddress();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_user_thread_start_address")] public static extern ulong UserThreadStartAddress();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_wait_for_interrupt")] public static extern void WaitForInterrupt();
        // Lets pending interrupts in for one instruction, inside a long syscall (Tasks/Preemption.cs).
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_interrupt_window")] public static extern void InterruptWindow();
    }
}
