namespace MicroOS.Kernel.Memory
{
    // x86-64 4-level paging, as pure values: the encoding of one page-table entry and the split of a
    // virtual address into table indices. Used by the page-table code and the ELF loader's checks;
    // the host tests run it unchanged.
    [System.Flags]
    public enum PageFlags : ulong
    {
        None = 0,
        Present = 1,
        Writable = 2,
        User = 4,
        WriteThrough = 8,
        CacheDisable = 16,
        Accessed = 32,
        Dirty = 64,
        Huge = 128,
        Global = 256,
        Borrowed = 512,     // software bit: the frame belongs to a Frame object, not the address space
        Pinned = 1024,      // software bit: a thread's registered IPC buffer (ThreadIpc): unmap_memory refuses it
        NoExecute = 1UL << 63,
    }

    public readonly struct PageTableEntry
    {
        // Bits 12..51: the physical address of the frame or next-level table.
        public const ulong AddressMask = 0x000F_FFFF_FFFF_F000;

        // Raw value, e.g. as read from a table.
        public PageTableEntry(ulong value)
        {
            Value = value;
        }

        public ulong Value { get; }

        // False when physical is not 4 KiB aligned or above 2^52, or flags has bits in the address field.
        public static bool TryCreate(ulong physical, PageFlags flags, out PageTableEntry entry)
        {
            if ((physical & ~AddressMask) != 0 || ((ulong)flags & AddressMask) != 0)
            {
                entry = default;
                return false;
            }
            entry = new PageTableEntry(physical | (ulong)flags);
            return true;
        }

        public ulong Physical => Value & AddressMask;
        public PageFlags Flags => (PageFlags)(Value & ~AddressMask);
        public bool IsPresent => (Value & (ulong)PageFlags.Present) != 0;
        public bool IsWritable => (Value & (ulong)PageFlags.Writable) != 0;
        public bool IsUser => (Value & (ulong)PageFlags.User) != 0;
        public bool IsExecutable => (Value & (ulong)PageFlags.NoExecute) == 0;
        public bool IsHuge => (Value & (ulong)PageFlags.Huge) != 0;

        // Flag bits that fall in the address field are ignored, so these never change Physical.
        public PageTableEntry WithFlags(PageFlags flags) => new PageTableEntry(Value | ((ulong)flags & ~AddressMask));
        public PageTableEntry WithoutFlags(PageFlags flags) => new PageTableEntry(Value & ~((ulong)flags & ~AddressMask));
    }

    public static class VirtualAddress
    {
        public const ulong PageSize = 4096;
        // First address past the lower (user) canonical half.
        public const ulong UserTop = 0x0000_8000_0000_0000;
        // First address of the upper (kernel) canonical half.
        public const ulong KernelBase = 0xFFFF_8000_0000_0000;

        // Bits 63..47 all equal (48-bit virtual addresses).
        public static bool IsCanonical(ulong va) => va < UserTop || va >= KernelBase;

        // The whole of [start, start + length) lies below UserTop; an empty range needs start below UserTop.
        public static bool IsUserRange(ulong start, ulong length)
        {
            if (start >= UserTop)
                return false;
            ulong end = start + length;
            if (end < start)
                return false;
            return end <= UserTop;
        }

        public static int Pml4Index(ulong va) => (int)((va >> 39) & 511);
        public static int PdptIndex(ulong va) => (int)((va >> 30) & 511);
        public static int PdIndex(ulong va) => (int)((va >> 21) & 511);
        public static int PtIndex(ulong va) => (int)((va >> 12) & 511);

        public static ulong PageBase(ulong va) => va & ~(PageSize - 1);

        // Pages that [start, start + length) touches; a range running past the top of the address space is cut there.
        public static ulong PageCount(ulong start, ulong length)
        {
            if (length == 0)
                return 0;
            ulong last = start + (length - 1);
            if (last < start)
                last = 0xFFFF_FFFF_FFFF_FFFF;
            return (last / PageSize) - (start / PageSize) + 1;
        }
    }
}
