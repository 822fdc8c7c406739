using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // What a process holds beyond its address space: its capability table, the kernel objects it
    // owns (and their charge against its memory limit), the frames it mapped from capabilities, and
    // its fault endpoint. Attached on first use (Of), recycled when the process ends. Called by the
    // capability syscalls, InitialCaps, and ProcessManager.End (OnProcessEnd).
    internal sealed class ProcessObjects
    {
        public const int MaxMappings = 32;
        private static readonly List<ProcessObjects> s_pool = new List<ProcessObjects>(16);

        public readonly CapTable Caps = new CapTable(CapTable.DefaultSlotCount);
        // The memory its kernel objects live in: pages charged to it, freed when it ends.
        public readonly ObjectArena Arena = new ObjectArena();
        public Process Process;
        public KernelObject Owned;
        public ulong ChargedBytes;

        public Endpoint FaultEndpoint;
        public ulong FaultGeneration, FaultBadge;

        // Signalled with DeathBits when the process ends (process_set_death_notification).
        public Notification DeathNotification;
        public ulong DeathGeneration, DeathBits;

        private readonly Frame[] _mappedFrames = new Frame[MaxMappings];
        private readonly ulong[] _mappedAt = new ulong[MaxMappings];
        // A mapping of a Frame whose owner ended: its memory is charged to this process from then on
        // (ChargeOrphan), and uncharged when the mapping goes.
        private readonly bool[] _mappingCharged = new bool[MaxMappings];
        public int MappingCount;

        // Every process's objects, for the one walk ChargeOrphan makes when a mapped Frame's owner ends.
        private static readonly List<ProcessObjects> s_live = new List<ProcessObjects>(16);

        public static ProcessObjects Of(Process p)
        {
            if (p == null)
                return null;
            ProcessObjects o = p.Objects;
            if (o != null)
                return o;
            if (s_pool.Count > 0)
            {
                o = s_pool[s_pool.Count - 1];
                s_pool.RemoveAt(s_pool.Count - 1);
            }
            else
            {
                o = new ProcessObjects();
            }
            o.Process = p;
            o.Caps.OwnerId = (ulong)p.Id;
            o.Arena.Prepaid = 1;        // its first object page is part of the start charge (ProcessChargeBytes)
            p.Objects = o;
            s_live.Add(o);
            return o;
        }

        // Object memory counts against the same limit as the process's pages (AddressSpace.ChargedFrames).
        public bool TryCharge(int bytes)
        {
            ulong total = ChargedBytes + (ulong)bytes;
            ulong frames = (total + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
            AddressSpace space = Process.Space;
            if (space.OwnedFrames + space.GivenFrames + frames > space.LimitFrames)
                return false;
            ChargedBytes = total;
            space.ChargedFrames = frames;
            return true;
        }

        public void Uncharge(int bytes)
        {
            ChargedBytes -= (ulong)bytes;
            Process.Space.ChargedFrames = (ChargedBytes + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
        }

        public void Own(KernelObject o)
        {
            o.NextOwned = Owned;
            Owned = o;
        }

        // Takes an object that dies before its owner (an ended thread's ThreadObject) off the list.
        public void Disown(KernelObject o)
        {
            if (Owned == o)
            {
                Owned = o.NextOwned;
            }
            else
            {
                KernelObject previous = Owned;
                while (previous != null && previous.NextOwned != o)
                    previous = previous.NextOwned;
                if (previous != null)
                    previous.NextOwned = o.NextOwned;
            }
            o.NextOwned = null;
        }

        // Charges a new object to this process and lists it; on failure the object goes straight
        // back to its pool (nothing is kept on the error path).
        public bool TryAdopt(KernelObject obj)
        {
            if (!TryCharge(obj.ChargedBytes))
            {
                obj.Destroy();
                Free(obj);
                return false;
            }
            Own(obj);
            return true;
        }

        public bool TryRecordMapping(Frame f, ulong address)
        {
            if (MappingCount == MaxMappings)
                return false;
            _mappedAt[MappingCount] = address;
            _mappingCharged[MappingCount] = false;
            _mappedFrames[MappingCount++] = f;
            f.MapCount++;
            return true;
        }

        // frame_unmap: the mapping that starts at `address` stops being recorded; its Frame, or null
        // when no frame_map starts there. The caller unmaps the pages, then calls Frame.Unmapped.
        public Frame TakeMapping(ulong address)
        {
            for (int i = 0; i < MappingCount; i++)
            {
                if (_mappedAt[i] != address)
                    continue;
                Frame f = _mappedFrames[i];
                if (_mappingCharged[i])
                    Uncharge(f.Pages * (int)PhysicalMemory.FrameSize);
                MappingCount--;
                _mappedFrames[i] = _mappedFrames[MappingCount];
                _mappedAt[i] = _mappedAt[MappingCount];
                _mappingCharged[i] = _mappingCharged[MappingCount];
                _mappedFrames[MappingCount] = null;
                _mappingCharged[MappingCount] = false;
                return f;
            }
            return null;
        }

        public bool HasFaultEndpoint => FaultEndpoint != null && FaultEndpoint.Generation == FaultGeneration;

        // Called by ProcessManager.End before the threads are retired and the address space destroyed:
        // every thread leaves its IPC queues, every owned object dies (its waiters get ObjectGone),
        // every capability goes (children elsewhere move up), every borrowed mapping is counted off.
        public static void OnProcessEnd(Process p)
        {
            foreach (Thread t in p.Threads)
                t.Ipc?.Cancel();
            IoPortGrant.DisableAll(p);      // its caps going would end them too; the bitmap must not outlive it
            NotificationTimer.CancelArmedBy(p);
            ProcessObjects o = p.Objects;
            if (o == null)
                return;
            Notification death = o.DeathNotification;
            ulong deathGeneration = o.DeathGeneration, deathBits = o.DeathBits;
            o.DeathNotification = null;
            o.Caps.ReturnLent();
            KernelObject obj = o.Owned;
            while (obj != null)
            {
                KernelObject next = obj.NextOwned;
                obj.NextOwned = null;
                if (obj.Destroy())
                {
                    if (obj.Type == CapType.IrqLine)
                        ((IrqLine)obj).Release();
                }
                else if (obj.Type == CapType.Frame)
                {
                    ChargeOrphan(o, (Frame)obj);
                    ObjectArena.PinOrphan(obj);         // its page outlives the arena until the last unmap
                }
                obj = next;
            }
            o.Owned = null;
            o.Caps.DeleteAll();
            for (int i = 0; i < o.MappingCount; i++)
            {
                o._mappedFrames[i].Unmapped();
                o._mappedFrames[i] = null;
                o._mappingCharged[i] = false;
            }
            s_live.Remove(o);
            o.MappingCount = 0;
            o.FaultEndpoint = null;
            o.ChargedBytes = 0;
            p.Space.ChargedFrames = 0;
            o.Process = null;
            o.Caps.OwnerId = 0;
            p.Objects = null;
            s_pool.Add(o);
            // Last, when the process is gone for good: a notification it owned itself died above.
            if (death != null && death.Generation == deathGeneration)
                death.Signal(deathBits);
            // Every object of its is dead and unreferenced: its pages go back (ObjectArena).
            o.Arena.FreeAll();
        }

        // object_destroy (CapSyscalls.Destroy has checked that this process owns `obj` and asked
        // through its original cap): the object ends now, as it would at the owner's end, and its
        // memory is the owner's again at once. A Frame is first unmapped from every process that
        // maps it (the owner too): its pages go back to the allocator here, so no mapping may
        // outlive this call; a process that touches the address afterwards faults like on any
        // unmapped page (it alone). Its cell goes to the arena's free list for the next object of
        // its kind, so a server that makes and destroys one per client keeps its object pages flat.
        public void DestroyOwned(KernelObject obj)
        {
            if (obj.Type == CapType.Frame)
                UnmapEverywhere((Frame)obj);
            int charged = obj.ChargedBytes;
            Disown(obj);
            obj.Destroy();          // every cap to it -> the dead stand-in; waiters woken with ObjectGone
            Uncharge(charged);
            Arena.Free(obj);
        }

        // Every frame_map mapping of `f`, in every process: unmapped and no longer recorded. The
        // page-table entries go first, then Unmapped counts each off (the frame is live: it frees nothing).
        private static void UnmapEverywhere(Frame f)
        {
            foreach (ProcessObjects o in s_live)
            {
                int i = 0;
                while (i < o.MappingCount)
                {
                    if (o._mappedFrames[i] != f)
                    {
                        i++;
                        continue;
                    }
                    ulong address = o._mappedAt[i];
                    o.TakeMapping(address);         // moves the last record into i: look at i again
                    AddressSpace space = o.Process.Space;
                    for (int p = 0; p < f.Pages; p++)
                        space.Unmap(address + (ulong)p * PhysicalMemory.FrameSize);
                    f.Unmapped();
                }
            }
        }

        // A dying object that some process keeps as its fault endpoint or death notification
        // (KernelObject.Destroy): forgotten, since its memory is about to go back.
        public static void ForgetWeakReferences(KernelObject obj)
        {
            foreach (ProcessObjects o in s_live)
            {
                if (o.FaultEndpoint == obj)
                    o.FaultEndpoint = null;
                if (o.DeathNotification == obj)
                    o.DeathNotification = null;
            }
        }

        // A Frame outlives its ended owner while other processes still map it (Frame.OnDestroy): its
        // memory is charged from now on to each process that maps it (the whole frame, to each),
        // even past its limit -- the memory is in use and someone must answer for it; such a process
        // can take nothing more until it unmaps. Device memory is nobody's RAM and is not charged.
        private static void ChargeOrphan(ProcessObjects dying, Frame f)
        {
            if (f.Device)
                return;
            int bytes = f.Pages * (int)PhysicalMemory.FrameSize;
            foreach (ProcessObjects other in s_live)
            {
                if (other == dying)
                    continue;
                for (int i = 0; i < other.MappingCount; i++)
                {
                    if (other._mappedFrames[i] != f || other._mappingCharged[i])
                        continue;
                    other._mappingCharged[i] = true;
                    other.ChargedBytes += (ulong)bytes;
                    other.Process.Space.ChargedFrames = (other.ChargedBytes + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
                }
            }
        }

        // An object refused before its process ended (TryAdopt): its memory is free again.
        private void Free(KernelObject obj)
        {
            if (obj.Type == CapType.IrqLine)
                ((IrqLine)obj).Release();
            else
                Arena.Free(obj);
        }

        // Is the object a capability names still the one it was made for? One test for every kind:
        // every object a slot can hold is a CapTarget (kernel objects and processes), so no
        // checked cast is needed (the decode fast path).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsLive(CapSlot cap) => Unsafe.As<CapTarget>(cap.Object).Generation == cap.Generation;
    }
}
