using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // One legacy PIC interrupt line as a capability (boot manifest `irq:4`). The driver names a
    // notification (irq_set_notification); each interrupt then masks the line, signals the
    // notification with the cap's badge (1 << irq when unbadged), and the line stays masked until
    // the driver acknowledges (irq_ack) — a slow or dead driver cannot be flooded or flood the kernel.
    // OnInterrupt is called by Idt.Dispatch with interrupts off.
    internal sealed class IrqLine : KernelObject
    {
        public const int ChargeBytes = 64;
        public const int Lines = 16;
        private static readonly ObjectPool<IrqLine> s_pool = new ObjectPool<IrqLine>(Lines);
        private static readonly IrqLine[] s_byIrq = new IrqLine[Lines];

        public int Irq;
        public Notification Target;
        public ulong TargetGeneration;
        public ulong SignalBits;
        public ulong Count;

        public override CapType Type => CapType.IrqLine;

        // Null when the line is out of range, owned by a live IrqLine already, or the timer's.
        public static IrqLine Create(Process owner, int irq)
        {
            if (irq <= Pit.Irq || irq == 2 || irq >= Lines || (s_byIrq[irq] != null && s_byIrq[irq].IsLive) || !s_pool.CanTake)
                return null;
            IrqLine l = s_pool.TakeFree() ?? new IrqLine();
            l.Begin(owner, ChargeBytes);
            l.Irq = irq;
            l.Target = null;
            l.Count = 0;
            s_byIrq[irq] = l;
            return l;
        }

        public void SetTarget(Notification n, ulong badge)
        {
            Target = n;
            TargetGeneration = n.Generation;
            n.HasWeakReferences = true;         // a dying target is forgotten (ForgetTarget)
            SignalBits = badge != 0 ? badge : 1UL << Irq;
            Pic.Unmask(Irq);
        }

        public void Acknowledge() => Pic.Unmask(Irq);

        // A notification that some line routes to died (KernelObject.Destroy): its memory goes back,
        // so the route goes; the line's next interrupt is only counted (and leaves it masked).
        public static void ForgetTarget(KernelObject dead)
        {
            for (int i = 0; i < Lines; i++)
            {
                IrqLine l = s_byIrq[i];
                if (l != null && l.Target == dead)
                    l.Target = null;
            }
        }

        // True if a driver owns the line (the interrupt was delivered, or dropped for a dead target).
        public static bool OnInterrupt(int irq)
        {
            if (irq < 0 || irq >= Lines)
                return false;
            IrqLine l = s_byIrq[irq];
            if (l == null || !l.IsLive)
                return false;
            Pic.Mask(irq);
            l.Count++;
            if (l.Target != null && l.Target.Generation == l.TargetGeneration)
                l.Target.Signal(l.SignalBits);
            return true;
        }

        protected override bool OnDestroy()
        {
            Pic.Mask(Irq);
            if (s_byIrq[Irq] == this)
                s_byIrq[Irq] = null;
            Target = null;
            return true;
        }

        public void Release() => s_pool.Free(this);
    }
}
