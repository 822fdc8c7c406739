using System.Runtime.InteropServices;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Arch.X64
{
    // The interrupt descriptor table: every vector enters through its stub in Interrupts.asm and
    // reaches Dispatch with one frame layout.
    internal static unsafe class Idt
    {
        private const ushort KernelCodeSelector = 0x08;
        private const byte InterruptGatePresentRing0 = 0x8E;

        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        private struct Gate
        {
            public ushort OffsetLow;
            public ushort Selector;
            public byte Ist;
            public byte TypeAttributes;
            public ushort OffsetMiddle;
            public uint OffsetHigh;
            public uint Reserved;
        }

        private static Gate* s_gates;

        public static void Initialize()
        {
            s_gates = (Gate*)KernelHeapPages.AllocateZeroed(256 * 16);
            ulong* stubs = Cpu.IsrTable();
            for (int vector = 0; vector < 256; vector++)
            {
                ulong handler = stubs[vector];
                Gate* g = &s_gates[vector];
                g->OffsetLow = (ushort)handler;
                g->Selector = KernelCodeSelector;
                g->Ist = (byte)(vector == 8 ? Gdt.DoubleFaultIst : vector == 2 ? Gdt.NmiIst : 0);
                g->TypeAttributes = InterruptGatePresentRing0;
                g->OffsetMiddle = (ushort)(handler >> 16);
                g->OffsetHigh = (uint)(handler >> 32);
            }
            DescriptorTablePointer d;
            d.Limit = 256 * 16 - 1;
            d.Base = (ulong)s_gates;
            Cpu.LoadIdt(&d);
        }

        [UnmanagedCallersOnly(EntryPoint = "InterruptDispatch")]
        private static void Dispatch(InterruptFrame* frame)
        {
            ulong vector = frame->Vector;
            if (vector < 32)
            {
                // Ring 3 faults end the faulting process; only a ring-0 fault is a kernel bug.
                if (frame->FromUserMode && Tasks.Scheduler.Current != null && Tasks.Scheduler.Current.Process != null)
                {
                    Tasks.ProcessManager.KillCurrentForFault(frame);
                    return;
                }
                // A user-copy routine touching a bad user page: the syscall fails, the kernel goes on.
                ulong resume = vector == 14 ? UserCopy.FixupFor(frame->Rip) : 0;
                if (resume != 0)
                {
                    frame->Rip = resume;
                    return;
                }
                FaultReport.Report(frame);
                return;
            }
            if (vector == Pic.VectorBase + Pit.Irq)
            {
                Pic.EndInterrupt(Pit.Irq);
                Tasks.Scheduler.OnTimerTick();
            }
            else if (vector >= Pic.VectorBase && vector < Pic.VectorBase + 16)
            {
                Objects.IrqLine.OnInterrupt((int)(vector - Pic.VectorBase));   // masks the line if a driver owns it
                Pic.EndInterrupt((int)(vector - Pic.VectorBase));
            }
        }
    }
}
