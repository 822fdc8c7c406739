using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Kernel.Arch.X64;

namespace MicroOS.Kernel.Memory
{
    // Kernel W^X. The boot stub maps the kernel's gigabyte and the physmap with 2 MiB pages that are
    // writable and executable. This replaces them, once, before the first process exists:
    //   kernel text        4 KiB pages, read + execute
    //   rodata (+ EH info) 4 KiB pages, read-only, no-execute
    //   data, bss          4 KiB pages, read-write, no-execute (the boot heap, GDT, IDT, TSS live here)
    //   rest of the 1 GiB  unmapped (the boot stub mapped all of it)
    //   physmap            2 MiB pages, read-write, no-execute
    // The linker script (MicroOS.Build/kernel.ld) starts every permission on its own page. Kernel
    // stacks (KernelStacks.cs) and later kernel mappings are created RW+NX by their owners.
    internal static unsafe class KernelImageMap
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_kernel_sections")] private static extern void Sections(ulong* bounds);

        private const int KernelPml4Index = 511, KernelPdptIndex = 510, PhysMapPml4Index = 256;
        private const ulong PhysMapGiB = 4;

        public static ulong TextStart, TextEnd, RodataStart, RodataEnd, DataStart, KernelEnd;

        // Returns false (nothing changed) if a frame for the new tables cannot be had.
        public static bool Apply()
        {
            ulong* b = stackalloc ulong[6];
            Sections(b);
            TextStart = b[0]; TextEnd = b[1]; RodataStart = b[2]; RodataEnd = b[3]; DataStart = b[4]; KernelEnd = b[5];

            ulong* pml4 = Table(Cpu.ReadCr3() & PageTableEntry.AddressMask);
            ulong* kernelPdpt = Table(pml4[KernelPml4Index] & PageTableEntry.AddressMask);

            // The new page directory for the kernel's gigabyte, and one page table per 2 MiB it needs.
            if (!PhysicalMemory.TryAllocate(out ulong pdPhysical))
                return false;
            ulong* pd = Table(pdPhysical);
            for (ulong va = VirtualAddress.PageBase(TextStart); va < KernelEnd; va += VirtualAddress.PageSize)
            {
                int pdIndex = VirtualAddress.PdIndex(va);
                if ((pd[pdIndex] & (ulong)PageFlags.Present) == 0)
                {
                    if (!PhysicalMemory.TryAllocate(out ulong ptPhysical))
                        return false;
                    pd[pdIndex] = ptPhysical | (ulong)(PageFlags.Present | PageFlags.Writable);
                }
                ulong* pt = Table(pd[pdIndex] & PageTableEntry.AddressMask);
                pt[VirtualAddress.PtIndex(va)] = PhysMap.KernelToPhysical(va) | (ulong)(PageFlags.Present | FlagsFor(va));
            }
            kernelPdpt[KernelPdptIndex] = pdPhysical | (ulong)(PageFlags.Present | PageFlags.Writable);

            // The physmap: the same 2 MiB entries, now no-execute. (The boot stub's kernel gigabyte
            // shared the physmap's first directory; it has its own now.)
            ulong* physPdpt = Table(pml4[PhysMapPml4Index] & PageTableEntry.AddressMask);
            for (ulong gib = 0; gib < PhysMapGiB; gib++)
            {
                ulong* physPd = Table(physPdpt[gib] & PageTableEntry.AddressMask);
                for (int i = 0; i < 512; i++)
                    if ((physPd[i] & (ulong)PageFlags.Present) != 0)
                        physPd[i] |= (ulong)PageFlags.NoExecute;
            }
            Cpu.WriteCr3(Cpu.ReadCr3());    // flush every translation of the old mappings
            return true;
        }

        private static PageFlags FlagsFor(ulong va)
        {
            if (va < TextEnd)
                return 0;                                       // read + execute
            if (va >= RodataStart && va < RodataEnd)
                return PageFlags.NoExecute;                     // read-only
            if (va >= RodataStart && va < DataStart)
                return PageFlags.NoExecute;                     // the alignment gap after rodata
            return PageFlags.Writable | PageFlags.NoExecute;    // data, bss
        }

        private static ulong* Table(ulong physical) => (ulong*)PhysMap.ToVirtual(physical);
    }
}
