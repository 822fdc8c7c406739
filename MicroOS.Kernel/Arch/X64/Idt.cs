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
                // Ring 3 faults end the faulting process, unless its runtime takes them as exceptions
                // (Tasks/FaultUpcall.cs); only a ring-0 fault is a kernel bug.
                if (frame->FromUserMode && Tasks.Scheduler.Current != null && Tasks.Scheduler.Current.Process != null)
                {
                    if (!Tasks.FaultUpcall.TryDeliver(frame))
                        Tasks.ProcessManager.KillCurrentForFault(frame);
                }
                else
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
                Pic.EndInterrupt((int)(vector - Pic.VectorBase));
            }
        }
    }
}
