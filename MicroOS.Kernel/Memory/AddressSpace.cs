using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Memory
{
    // One PML4 and everything below it. Every address space shares the kernel half (PML4 entries
    // 256-511, copied from the kernel's tables at creation; the tables below them are shared, so later
    // kernel mappings show up everywhere). The user half belongs to the space alone and every frame
    // in it, page tables included, is counted against the space's limit and freed with it.
    internal sealed unsafe class AddressSpace
    {
        private const int KernelHalfFirstEntry = 256;
        private const ulong TableFlagsUser = (ulong)(PageFlags.Present | PageFlags.Writable | PageFlags.User);
        private const ulong TableFlagsKernel = (ulong)(PageFlags.Present | PageFlags.Writable);

        public static AddressSpace Kernel { get; private set; }

        public ulong Pml4Physical { get; private set; }
        public ulong OwnedFrames { get; private set; }
        public ulong LimitFrames { get; private set; }
        // Kernel objects the process owns, in frames (Objects/ProcessObjects.TryCharge): same limit.
        public ulong ChargedFrames;
        // The limits of the children carved out of this one (ProcessManager.Carve): same limit, so a
        // process can give a child at most what it has left, and the limits of all processes
        // together never exceed what the root budget started with.
        public ulong GivenFrames;

        // What is left of the limit: what map_memory, a kernel object or a child may still take.
        public ulong FreeFrames => OwnedFrames + ChargedFrames + GivenFrames >= LimitFrames ? 0 : LimitFrames - OwnedFrames - ChargedFrames - GivenFrames;

        // Destroyed user spaces wait here to be reused: the kernel heap is never collected.
        private static readonly System.Collections.Generic.List<AddressSpace> s_pool = new System.Collections.Generic.List<AddressSpace>(16);

        private AddressSpace(ulong pml4, ulong limitFrames)
        {
            Pml4Physical = pml4;
            LimitFrames = limitFrames;
        }

        // The tables the boot stub built become the kernel's address space.
        public static void InitializeKernel()
        {
            Kernel = new AddressSpace(Cpu.ReadCr3() & PageTableEntry.AddressMask, ulong.MaxValue);
            // The boot stub's identity map of the low 4 GiB was only needed to reach the higher half;
            // from here the kernel reaches physical memory through the physmap, and the lower half of
            // every address space, the kernel's own included, is free for user mappings.
            Table(Kernel.Pml4Physical)[0] = 0;
            Cpu.WriteCr3(Kernel.Pml4Physical);
            // The kernel-stack region's top table must exist before the first user space copies the
            // kernel half, so every space sees every kernel stack.
            Kernel.WalkToPageTable(KernelStacks.RegionBase, create: true);
        }

        public static AddressSpace CreateUser(ulong limitFrames)
        {
            if (limitFrames < 1 || !PhysicalMemory.TryAllocate(out ulong pml4))
                return null;
            AddressSpace space;
            if (s_pool.Count > 0)
            {
                space = s_pool[s_pool.Count - 1];
                s_pool.RemoveAt(s_pool.Count - 1);
                space.Pml4Physical = pml4;
                space.LimitFrames = limitFrames;
            }
            else
            {
                space = new AddressSpace(pml4, limitFrames);
            }
            space.OwnedFrames = 1;
            space.ChargedFrames = 0;
            space.GivenFrames = 0;
            ulong* mine = Table(pml4);
            ulong* kernel = Table(Kernel.Pml4Physical);
            for (int i = KernelHalfFirstEntry; i < 512; i++)
                mine[i] = kernel[i];
            return space;
        }

        // Table index of `va` at PML4 (0), PDPT (1) and PD (2) level. No allocation: this is a hot path.
        private static int IndexAt(ulong va, int level) =>
            level == 0 ? VirtualAddress.Pml4Index(va) : level == 1 ? VirtualAddress.PdptIndex(va) : VirtualAddress.PdIndex(va);

        private static ulong* Table(ulong physical) => (ulong*)PhysMap.ToVirtual(physical);

        public bool IsKernel => this == Kernel;

        public bool CanAllocate(ulong frames) => OwnedFrames + ChargedFrames + GivenFrames + frames <= LimitFrames;

        // Allocates a zeroed frame and maps it at `va`. Fails (false) at the limit or when memory runs out.
        public bool MapNew(ulong va, PageFlags flags, out ulong physical)
        {
            physical = 0;
            if (!CanAllocate(1 + (ulong)TablesMissing(va)) || !PhysicalMemory.TryAllocate(out physical))
                return false;
            OwnedFrames++;
            if (!Map(va, physical, flags))
            {
                PhysicalMemory.Free(physical);
                OwnedFrames--;
                return false;
            }
            return true;
        }

        // How many page tables mapping `va` would create.
        private int TablesMissing(ulong va)
        {
            ulong* table = Table(Pml4Physical);
            for (int level = 0; level < 3; level++)
            {
                ulong entry = table[IndexAt(va, level)];
                if ((entry & (ulong)PageFlags.Present) == 0)
                    return 3 - level;
                table = Table(entry & PageTableEntry.AddressMask);
            }
            return 0;
        }

        // Maps one 4 KiB page; creates the tables on the way. False if `va` is already mapped.
        public bool Map(ulong va, ulong physical, PageFlags flags)
        {
            ulong* pt = WalkToPageTable(va, create: true);
            if (pt == null)
                return false;
            ulong* slot = &pt[VirtualAddress.PtIndex(va)];
            if ((*slot & (ulong)PageFlags.Present) != 0)
                return false;
            if (!PageTableEntry.TryCreate(physical, flags | PageFlags.Present, out PageTableEntry entry))
                return false;
            *slot = entry.Value;
            return true;
        }

        // Unmaps one page; returns its frame (0 if it was not mapped). The caller frees the frame.
        public ulong Unmap(ulong va)
        {
            ulong* pt = WalkToPageTable(va, create: false);
            if (pt == null)
                return 0;
            ulong* slot = &pt[VirtualAddress.PtIndex(va)];
            ulong entry = *slot;
            if ((entry & (ulong)PageFlags.Present) == 0)
                return 0;
            *slot = 0;
            Cpu.InvalidatePage(va);
            return entry & PageTableEntry.AddressMask;
        }

        // Unmaps a page this space owns and returns its frame to the allocator.
        public void UnmapAndFree(ulong va)
        {
            ulong frame = Unmap(va);
            if (frame == 0)
                return;
            PhysicalMemory.Free(frame);
            OwnedFrames--;
        }

        // ipc_set_buffer: pins the page at `va` (present, user, writable, the space's own frame -- not a
        // borrowed Frame mapping, which may be device memory -- and not pinned already) and returns its
        // frame. False: not such a page, nothing changed. A pinned page stays mapped to the same frame
        // until Unpin (unmap_memory refuses it; no other call unmaps heap pages) or the space's end.
        public bool TryPin(ulong va, out ulong frame)
        {
            frame = 0;
            ulong* pt = WalkToPageTable(va, create: false);
            if (pt == null)
                return false;
            ulong* slot = &pt[VirtualAddress.PtIndex(va)];
            const ulong needed = (ulong)(PageFlags.Present | PageFlags.User | PageFlags.Writable);
            if ((*slot & needed) != needed || (*slot & (ulong)(PageFlags.Borrowed | PageFlags.Pinned)) != 0)
                return false;
            *slot |= (ulong)PageFlags.Pinned;     // a software bit: no TLB flush needed
            frame = *slot & PageTableEntry.AddressMask;
            return true;
        }

        public void Unpin(ulong va)
        {
            ulong* pt = WalkToPageTable(va, create: false);
            if (pt != null)
                pt[VirtualAddress.PtIndex(va)] &= ~(ulong)PageFlags.Pinned;
        }

        // The leaf entry mapping `va` (4 KiB pages only; the kernel's 2 MiB boot pages report not mapped).
        public bool TryTranslate(ulong va, out PageTableEntry leaf)
        {
            leaf = default;
            ulong* pt = WalkToPageTable(va, create: false);
            if (pt == null)
                return false;
            ulong entry = pt[VirtualAddress.PtIndex(va)];
            if ((entry & (ulong)PageFlags.Present) == 0)
                return false;
            leaf = new PageTableEntry(entry);
            return true;
        }

        private ulong* WalkToPageTable(ulong va, bool create)
        {
            bool user = VirtualAddress.IsUserRange(va, 1);
            ulong* table = Table(Pml4Physical);
            for (int level = 0; level < 3; level++)
            {
                ulong* slot = &table[IndexAt(va, level)];
                if ((*slot & (ulong)PageFlags.Present) == 0)
                {
                    if (!create || !PhysicalMemory.TryAllocate(out ulong fresh))
                        return null;
                    if (!IsKernel)
                        OwnedFrames++;
                    *slot = fresh | (user ? TableFlagsUser : TableFlagsKernel);
                }
                else if ((*slot & (ulong)PageFlags.Huge) != 0)
                {
                    return null;
                }
                table = Table(*slot & PageTableEntry.AddressMask);
            }
            return table;
        }

        // Frees every frame of the user half: mapped pages and the tables themselves, then the PML4.
        public void Destroy()
        {
            if (IsKernel)
                return;
            ulong* pml4 = Table(Pml4Physical);
            for (int i = 0; i < KernelHalfFirstEntry; i++)
            {
                if ((pml4[i] & (ulong)PageFlags.Present) == 0)
                    continue;
                ulong pdptPhys = pml4[i] & PageTableEntry.AddressMask;
                ulong* pdpt = Table(pdptPhys);
                for (int j = 0; j < 512; j++)
                {
                    if ((pdpt[j] & (ulong)PageFlags.Present) == 0)
                        continue;
                    ulong pdPhys = pdpt[j] & PageTableEntry.AddressMask;
                    ulong* pd = Table(pdPhys);
                    for (int k = 0; k < 512; k++)
                    {
                        if ((pd[k] & (ulong)PageFlags.Present) == 0)
                            continue;
                        ulong ptPhys = pd[k] & PageTableEntry.AddressMask;
                        ulong* pt = Table(ptPhys);
                        for (int l = 0; l < 512; l++)
                            if ((pt[l] & (ulong)PageFlags.Present) != 0 && (pt[l] & (ulong)PageFlags.Borrowed) == 0)
                                PhysicalMemory.Free(pt[l] & PageTableEntry.AddressMask);
                        PhysicalMemory.Free(ptPhys);
                        // A 64 MiB space is 16,384 frames (~1.1 M instructions to free): after each
                        // table, let interrupts in (seen by `irqoff` once exit was measured). The space
                        // is no longer loaded and nothing an interrupt does touches it. At boot (no
                        // thread yet) there is no window.
                        if (Tasks.Scheduler.Current != null)
                            Tasks.Preemption.Window();
                    }
                    PhysicalMemory.Free(pdPhys);
                }
                PhysicalMemory.Free(pdptPhys);
            }
            PhysicalMemory.Free(Pml4Physical);
            OwnedFrames = 0;
            Pml4Physical = 0;
            s_pool.Add(this);
        }
    }
}
