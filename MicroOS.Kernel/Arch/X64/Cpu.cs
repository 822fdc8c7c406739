using System.Runtime;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Arch.X64
{
    // C# names for the routines in Cpu.asm: each is one privileged instruction sequence.
    internal static unsafe class Cpu
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_outb")] public static extern void OutB(ushort port, byte value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_inb")] public static extern byte InB(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_outw")] public static extern void OutW(ushort port, ushort value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_inw")] public static extern ushort InW(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_outd")] public static extern void OutD(ushort port, uint value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_ind")] public static extern uint InD(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_halt")] public static extern void Halt();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_halt_forever")] public static extern void HaltForever();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_disable_interrupts")] public static extern void DisableInterrupts();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_enable_interrupts")] public static extern void EnableInterrupts();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_cr0")] public static extern ulong ReadCr0();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_cr2")] public static extern ulong ReadCr2();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_cr3")] public static extern ulong ReadCr3();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_write_cr3")] public static extern void WriteCr3(ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_cr4")] public static extern ulong ReadCr4();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_write_cr4")] public static extern void WriteCr4(ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_write_cr0")] public static extern void WriteCr0(ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_cpuid")] public static extern void CpuId(uint leaf, uint subleaf, uint* eabcd);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_rflags")] public static extern ulong ReadRflags();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_rdtsc")] public static extern ulong ReadTsc();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_rdmsr")] public static extern ulong ReadMsr(uint msr);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_wrmsr")] public static extern void WriteMsr(uint msr, ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_invlpg")] public static extern void InvalidatePage(ulong address);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_rsp")] public static extern ulong ReadRsp();
        // Deliberately faulting helpers for the fault self-tests.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_divide")] public static extern ulong Divide(ulong dividend, ulong divisor);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_read_u64")] public static extern ulong ReadU64(ulong address);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_write_u64")] public static extern void WriteU64(ulong address, ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_call_address")] public static extern void CallAddress(ulong address);
    }
}
