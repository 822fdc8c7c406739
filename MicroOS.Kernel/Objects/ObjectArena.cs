using System.Runtime.CompilerServices;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // Where a process's kernel objects live: pages of its own, taken from the frame allocator and
    // charged to its limit like its other pages, and given back to the frame allocator when it ends.
    // seL4's untyped memory retyped into objects is the model: a process's objects are made from
    // memory it was given, so no process can use up kernel memory for another, and nothing it made
    // stays behind in a kernel free list when it is gone. One arena per ProcessObjects (recycled
    // with it). Called by the objects' Create (Endpoint, Notification, Frame, IoPortRange,
    // BootImage, ThreadObject), ProcessObjects (adoption refused, the process's end) and Frame
    // (an orphan frame's last unmap).
    //
    // What must stay true:
    // - Nothing points into a page when it goes back: every capability to a dying object is moved to
    //   a dead stand-in first (KernelObject.Destroy -> CapTarget.Retarget), every other kernel
    //   reference to it is cancelled or forgotten (KernelObject.ForgetWeakReferences), its waiters
    //   leave its queues. Kernel code that blocked on an object never touches it after waking.
    // - A page is one process's: it is charged to that process (the first page is part of the start
    //   charge, ProcessManager.ProcessChargeBytes), and freed whole when the process ends. The one
    //   exception is a Frame that other processes still map when its owner ends (an orphan): its
    //   page stays, pinned, until the last unmap, and is then freed (ReleaseOrphan).
    // - Objects are built in place without constructors: an object's memory is zeroed, its
    //   MethodTable written, and the parts it owns (an endpoint's Rendezvous and WaitQueue, a
    //   notification's WaitQueue) placed right after it in the same cell. The layouts come from
    //   the dead stand-ins made at boot with `new` (the only heap allocation here, once).
    // - Objects that die before their process (an ended thread's ThreadObject, an adoption refused)
    //   keep their cell for the next object of the same kind in the same process (a free list per
    //   kind): a process cannot grow its pages by churning threads beyond its peak, which it paid for.
    internal sealed unsafe class ObjectArena
    {
        public const int PageSize = (int)PhysicalMemory.FrameSize;
        // [next page (virtual)][pins: orphan frames still mapped][orphaned: the process ended]
        private const int PageHeaderBytes = 16;
        private const int KindCount = 16;

        private byte* _page;            // the newest page; older ones through the header's link
        private byte* _next, _end;      // bump allocation in the newest page
        private readonly nint[] _free = new nint[KindCount];
        public int Pages;
        // Pages already paid for by the start charge (ProcessManager.ProcessChargeBytes).
        public int Prepaid;

        // Kernel-wide: object pages in use, and those kept past their process for an orphan frame.
        public static ulong PagesInUse, OrphanPages;

        private struct PageHeader
        {
            public byte* Next;
            public int Pins;
            public int Orphaned;
        }

        // --- Layouts (boot, once).
        private static bool s_ready;
        private static readonly nint[] s_methodTable = new nint[KindCount];
        private static readonly int[] s_cellBytes = new int[KindCount];
        private static readonly KernelObject[] s_dead = new KernelObject[KindCount];
        private static nint s_rendezvousMt, s_waitQueueMt;
        private static int s_rendezvousBytes, s_waitQueueBytes;

        private static void EnsureLayouts()
        {
            if (s_ready)
                return;
            var endpoint = new Endpoint { Untracked = true };
            var notification = new Notification { Untracked = true };
            s_rendezvousMt = MethodTableOf(endpoint.Queue);
            s_rendezvousBytes = BaseSizeOf(endpoint.Queue);
            s_waitQueueMt = MethodTableOf(notification.Waiters);
            s_waitQueueBytes = BaseSizeOf(notification.Waiters);
            Define(CapType.Endpoint, endpoint, s_rendezvousBytes + s_waitQueueBytes);
            Define(CapType.Notification, notification, s_waitQueueBytes);
            Define(CapType.Frame, new Frame { Untracked = true }, 0);
            Define(CapType.IoPortRange, new IoPortRange { Untracked = true }, 0);
            Define(CapType.BootImage, new BootImage { Untracked = true }, 0);
            Define(CapType.Thread, new ThreadObject { Untracked = true }, 0);
            Define(CapType.Trace, new IpcTraceCap { Untracked = true }, 0);
            Define(CapType.IrqLine, new IrqLine { Untracked = true }, 0);       // a stand-in only: lines are a pool of 16
            s_ready = true;
        }

        private static void Define(CapType type, KernelObject dead, int partsBytes)
        {
            int kind = (int)type;
            s_dead[kind] = dead;
            s_methodTable[kind] = MethodTableOf(dead);
            s_cellBytes[kind] = BaseSizeOf(dead) + partsBytes;
            if (s_cellBytes[kind] > PageSize - PageHeaderBytes)
                Panic.Halt("a kernel object does not fit an object page", QemuExitCode.Panic);
        }

        // The dead object of this type that capabilities to a dead object are moved to.
        public static KernelObject StandIn(CapType type)
        {
            EnsureLayouts();
            return s_dead[(int)type];
        }

        public static int CellBytes(CapType type)
        {
            EnsureLayouts();
            return s_cellBytes[(int)type];
        }

        private static nint MethodTableOf(object o) => *(nint*)Unsafe.As<object, nint>(ref o);

        private static int BaseSizeOf(object o) => (int)*(uint*)(MethodTableOf(o) + 4);

        // The reference to an object whose header word is at `cell` (the MethodTable follows it).
        private static object At(byte* cell, nint methodTable)
        {
            *(nint*)(cell + sizeof(nint)) = methodTable;
            nint reference = (nint)(cell + sizeof(nint));
            return Unsafe.As<nint, object>(ref reference);
        }

        private static byte* CellOf(KernelObject o) => (byte*)Unsafe.As<KernelObject, nint>(ref o) - sizeof(nint);

        private static PageHeader* PageOf(KernelObject o) => (PageHeader*)((ulong)CellOf(o) & ~(ulong)(PageSize - 1));

        // A new object of `type` for the process whose objects these are, zeroed and built in place,
        // or null when its limit cannot take another page (or the machine has no frame left).
        public KernelObject Take(ProcessObjects charged, CapType type)
        {
            EnsureLayouts();
            int kind = (int)type;
            int bytes = s_cellBytes[kind];
            byte* cell = (byte*)_free[kind];
            if (cell != null)
            {
                _free[kind] = *(nint*)cell;
                *(nint*)cell = 0;
            }
            else
            {
                if (_next == null || _next + bytes > _end)
                {
                    if (!AddPage(charged))
                        return null;
                }
                cell = _next;
                _next += bytes;
            }
            return Build(type, cell);
        }

        private static KernelObject Build(CapType type, byte* cell)
        {
            int kind = (int)type;
            KernelObject o = Unsafe.As<KernelObject>(At(cell, s_methodTable[kind]));
            byte* parts = cell + BaseSizeOf(s_dead[kind]);
            if (type == CapType.Endpoint)
            {
                var rendezvous = Unsafe.As<Rendezvous>(At(parts, s_rendezvousMt));
                rendezvous.UseQueue(Unsafe.As<WaitQueue>(At(parts + s_rendezvousBytes, s_waitQueueMt)));
                Unsafe.As<Endpoint>(o).Queue = rendezvous;
            }
            else if (type == CapType.Notification)
            {
                Unsafe.As<Notification>(o).Waiters = Unsafe.As<WaitQueue>(At(parts, s_waitQueueMt));
            }
            return o;
        }

        private bool AddPage(ProcessObjects charged)
        {
            bool prepaid = Prepaid > 0;
            if (!prepaid && !charged.TryCharge(PageSize))
                return false;
            if (!PhysicalMemory.TryAllocate(out ulong physical))
            {
                if (!prepaid)
                    charged.Uncharge(PageSize);
                return false;
            }
            if (prepaid)
                Prepaid--;
            var page = (PageHeader*)PhysMap.ToVirtual(physical);      // zeroed
            page->Next = _page;
            _page = (byte*)page;
            _next = (byte*)page + PageHeaderBytes;
            _end = (byte*)page + PageSize;
            Pages++;
            PagesInUse++;
            return true;
        }

        // An object that died before its process (Destroy has run): its cell waits for the next of its kind here.
        public void Free(KernelObject o)
        {
            int kind = (int)o.Type;
            byte* cell = CellOf(o);
            BlockMemory.ZeroQwords(cell, (ulong)s_cellBytes[kind] / 8);
            *(nint*)cell = _free[kind];
            _free[kind] = (nint)cell;
        }

        // The process ended and its objects are dead: every page goes back, but those that hold an
        // orphan frame (PinOrphan), which go when the last one is released.
        public void FreeAll()
        {
            byte* page = _page;
            while (page != null)
            {
                var header = (PageHeader*)page;
                byte* next = header->Next;
                if (header->Pins == 0)
                {
                    PhysicalMemory.Free(PhysMap.ToPhysical(page));
                    PagesInUse--;
                }
                else
                {
                    header->Orphaned = 1;
                    header->Next = null;
                    OrphanPages++;
                }
                page = next;
            }
            _page = _next = _end = null;
            for (int i = 0; i < KindCount; i++)
                _free[i] = 0;
            Pages = 0;
            Prepaid = 0;
        }

        // A dead Frame still mapped elsewhere (its owner is ending): its page must outlive the arena.
        public static void PinOrphan(KernelObject o) => PageOf(o)->Pins++;

        // The orphan frame's last mapping went: when its page holds no other, the page goes back.
        public static void ReleaseOrphan(KernelObject o)
        {
            PageHeader* page = PageOf(o);
            if (--page->Pins > 0 || page->Orphaned == 0)
                return;
            PhysicalMemory.Free(PhysMap.ToPhysical(page));
            PagesInUse--;
            OrphanPages--;
        }
    }
}
