using System.Runtime.InteropServices;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Arch.X64
{
    // The interrupt descriptor table: every vector enters through its stub in Interrupts.asm and
    // reaches Dispatch with one frame layout. Every gate is an interrupt gate (IF cleared on entry)
    // with DPL 0, so `int n` from ring 3 raises #GP for every n (int3 included; only icebp's #DB
    // and the CPU's own exceptions reach their vectors from ring 3). Stacks: an exception from ring 3
    // lands on the thread's kernel stack (TSS.RSP0); #DF, NMI and #MC switch to their own IST stacks,
    // because they can arrive where the current stack is not known to be good (a kernel stack
    // overflow; the SYSCALL entry stub before it has switched away from the user's rsp).
    // docs/entry-paths.md lists every vector and what happens.
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
        private const ulong Nmi = 2, DoubleFault = 8, PageFault = 14, MachineCheck = 18;
        public static ulong NmiCount;

        public static void Initialize()
        {
            s_gates = (Gate*)KernelHeapPages.AllocateZeroed(256 * 16);
            ulong* stubs = DescriptorTables.IsrTable();
            for (int vector = 0; vector < 256; vector++)
            {
                ulong handler = stubs[vector];
                Gate* g = &s_gates[vector];
                g->OffsetLow = (ushort)handler;
                g->Selector = KernelCodeSelector;
                g->Ist = (byte)((ulong)vector == DoubleFault ? Gdt.DoubleFaultIst : (ulong)vector == Nmi ? Gdt.NmiIst : (ulong)vector == MachineCheck ? Gdt.MachineCheckIst : 0);
                g->TypeAttributes = InterruptGatePresentRing0;
                g->OffsetMiddle = (ushort)(handler >> 16);
                g->OffsetHigh = (uint)(handler >> 32);
            }
            DescriptorTablePointer d;
            d.Limit = 256 * 16 - 1;
            d.Base = (ulong)s_gates;
            DescriptorTables.LoadIdt(&d);
        }

        [System.Runtime.RuntimeExport("InterruptDispatch")]     // no reverse-P/Invoke frame: see SyscallDispatcher
        private static void Dispatch(InterruptFrame* frame)
        {
            ulong vector = frame->Vector;
            // NMI and #MC come from the machine, not from the code that happened to run: never a
            // reason to kill a process. An NMI is counted and logged; a machine check is fatal.
            if (vector == Nmi)
            {
                NmiCount++;
                Log.Write("nmi: non-maskable interrupt received (");
                Log.Write(frame->FromUserMode ? "in ring 3" : "in ring 0");
                Log.Write("), ignored\n");
                return;
            }
            if (vector == MachineCheck)
                Panic.Halt("machine check (#MC): hardware error", MicroOS.Shared.Abi.QemuExitCode.Panic);
            if (vector < 32)
            {
                // Ring 3 faults end the faulting process, unless its runtime takes them as exceptions
                // (Tasks/FaultUpcall.cs); only a ring-0 fault is a kernel bug.
                if (frame->FromUserMode && Tasks.Scheduler.Current != null && Tasks.Scheduler.Current.Process != null)
                {
                    if (!Tasks.FaultUpcall.TryDeliver(frame))
                        Tasks.ProcessManager.KillCurrentForFault(frame);
                    return;
                }
                // A user-copy routine touching a bad user page: the syscall fails, the kernel goes on.
                ulong resume = vector == PageFault ? UserCopy.FixupFor(frame->Rip) : 0;
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
                Time.Clock.OnTimerTick();
                Tasks.Scheduler.OnTimerTick(frame->FromUserMode);
            }
            else if (vector >= Pic.VectorBase && vector < Pic.VectorBase + 16)
            {
                Objects.IrqLine.OnInterrupt((int)(vector - Pic.VectorBase));   // masks the line if a driver owns it
                Pic.EndInterrupt((int)(vector - Pic.VectorBase));
            }
        }
    }
}
