using System;
using System.Collections.Generic;

namespace MicroOS.Kernel.Boot
{
    // One PT_LOAD segment, validated: [VirtualAddress, VirtualAddress + MemorySize) lies in the user
    // range, the first FileSize bytes come from the image at FileOffset, the rest is zero-filled.
    public readonly struct ElfSegment
    {
        public ElfSegment(ulong virtualAddress, ulong fileOffset, ulong fileSize, ulong memorySize, bool writable, bool executable)
        {
            VirtualAddress = virtualAddress;
            FileOffset = fileOffset;
            FileSize = fileSize;
            MemorySize = memorySize;
            Writable = writable;
            Executable = executable;
        }

        public ulong VirtualAddress { get; }
        public ulong FileOffset { get; }
        public ulong FileSize { get; }
        public ulong MemorySize { get; }
        public bool Writable { get; }
        public bool Executable { get; }
    }

    // The checks of the ELF64 loader: the kernel maps exactly what Parse returns for a user program
    // (boot module). A bad image gives null and a human-readable error, never an exception and never a
    // read outside the image; the kernel refuses that program and the boot goes on.
    // Accepted: little-endian x86-64 static executables (ET_EXEC, no PT_INTERP/PT_DYNAMIC) whose
    // PT_LOAD segments are W^X, page-disjoint and inside [userBase, userTop), entry in an executable one.
    public sealed class ElfImage
    {
        public const int HeaderSize = 64;
        public const int ProgramHeaderSize = 56;
        // Real static executables have a handful; the cap keeps the pairwise overlap check cheap.
        public const int MaxLoadSegments = 256;

        private const ulong PageSize = 4096;
        private const ushort ET_EXEC = 2;
        private const ushort ET_DYN = 3;
        private const ushort EM_X86_64 = 62;
        private const uint PT_LOAD = 1;
        private const uint PT_DYNAMIC = 2;
        private const uint PT_INTERP = 3;
        private const uint PF_X = 1;
        private const uint PF_W = 2;

        public ulong Entry;
        public readonly List<ElfSegment> Segments = new List<ElfSegment>();

        // userBase and userTop must be page-aligned (e.g. 0x400000 and VirtualAddress.UserTop).
        // "segment N" in errors is the index in the program header table.
        // `reuse`, when given, is cleared and filled instead of allocating a new image (the kernel keeps
        // one: its heap is never collected).
        // `describe` false: a refusal's error is the constant Undescribed, so a refused image allocates
        // nothing (process_create_frame: a process may offer any number of bad images; the kernel
        // describes only the first few, ProcessImageSyscalls).
        public static ElfImage Parse(ReadOnlySpan<byte> image, ulong userBase, ulong userTop, out string error, ElfImage reuse = null, bool describe = true)
        {
            error = null;
            if (userBase >= userTop || userBase % PageSize != 0 || userTop % PageSize != 0)
                return Fail(out error, !describe ? Undescribed : string.Concat("invalid user range ", Hex(userBase), "..", Hex(userTop)));
            if (image.Length < HeaderSize)
                return Fail(out error, !describe ? Undescribed : string.Concat("truncated: image is ", image.Length.ToString(), " bytes, shorter than the 64-byte ELF header"));
            if (image[0] != 0x7F || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                return Fail(out error, !describe ? Undescribed : "bad magic: not an ELF file");
            if (image[4] != 2)
                return Fail(out error, !describe ? Undescribed : string.Concat("not a 64-bit ELF (class ", image[4].ToString(), ")"));
            if (image[5] != 1)
                return Fail(out error, !describe ? Undescribed : string.Concat("not little-endian (data encoding ", image[5].ToString(), ")"));
            if (image[6] != 1)
                return Fail(out error, !describe ? Undescribed : string.Concat("bad ELF identification version ", image[6].ToString()));

            ushort type = LittleEndian.U16(image, 16);
            ushort machine = LittleEndian.U16(image, 18);
            uint version = LittleEndian.U32(image, 20);
            ulong entry = LittleEndian.U64(image, 24);
            ulong phoff = LittleEndian.U64(image, 32);
            ushort phentsize = LittleEndian.U16(image, 54);
            ushort phnum = LittleEndian.U16(image, 56);

            if (version != 1)
                return Fail(out error, !describe ? Undescribed : string.Concat("bad ELF version ", version.ToString()));
            if (type == ET_DYN)
                return Fail(out error, !describe ? Undescribed : "not a static executable: ET_DYN (shared object or position-independent executable)");
            if (type != ET_EXEC)
                return Fail(out error, !describe ? Undescribed : string.Concat("not a static executable: ELF type ", type.ToString(), ", expected ET_EXEC (2)"));
            if (machine != EM_X86_64)
                return Fail(out error, !describe ? Undescribed : string.Concat("wrong machine: expected x86-64 (62), found ", machine.ToString()));
            if (phentsize != ProgramHeaderSize)
                return Fail(out error, !describe ? Undescribed : string.Concat("bad program header size ", phentsize.ToString(), ", expected 56"));
            if (phnum == 0xFFFF)
                return Fail(out error, !describe ? Undescribed : "program header count in section 0 (PN_XNUM) is not supported");

            ulong tableSize = (ulong)phnum * ProgramHeaderSize;
            ulong tableEnd = phoff + tableSize;
            if (tableEnd < phoff || tableEnd > (ulong)image.Length)
                return Fail(out error, !describe ? Undescribed : string.Concat("program header table at ", Hex(phoff), " (", phnum.ToString(), " entries) lies outside the image of size ", Hex((ulong)image.Length)));

            ElfImage result = reuse ?? new ElfImage();
            result.Segments.Clear();
            result.Entry = entry;
            for (int i = 0; i < phnum; i++)
            {
                int at = (int)phoff + i * ProgramHeaderSize;
                uint ptype = LittleEndian.U32(image, at);
                if (ptype == PT_INTERP)
                    return Fail(out error, !describe ? Undescribed : string.Concat("not a static executable: segment ", i.ToString(), " is PT_INTERP"));
                if (ptype == PT_DYNAMIC)
                    return Fail(out error, !describe ? Undescribed : string.Concat("not a static executable: segment ", i.ToString(), " is PT_DYNAMIC"));
                if (ptype != PT_LOAD)
                    continue;

                uint flags = LittleEndian.U32(image, at + 4);
                ulong offset = LittleEndian.U64(image, at + 8);
                ulong vaddr = LittleEndian.U64(image, at + 16);
                ulong filesz = LittleEndian.U64(image, at + 32);
                ulong memsz = LittleEndian.U64(image, at + 40);

                if (filesz > memsz)
                    return Fail(out error, !describe ? Undescribed : string.Concat(SegmentName(i), ": file size ", Hex(filesz), " exceeds memory size ", Hex(memsz)));
                ulong fileEnd = offset + filesz;
                if (fileEnd < offset)
                    return Fail(out error, !describe ? Undescribed : string.Concat(SegmentName(i), ": file range overflows (offset ", Hex(offset), ", size ", Hex(filesz), ")"));
                if (fileEnd > (ulong)image.Length)
                    return Fail(out error, !describe ? Undescribed : string.Concat("truncated: ", SegmentName(i), " data ends at ", Hex(fileEnd), string.Concat(" past the image size ", Hex((ulong)image.Length))));
                if (memsz == 0)
                    continue;
                if (vaddr < userBase || vaddr >= userTop)
                    return Fail(out error, !describe ? Undescribed : OutsideUser(i, vaddr));
                ulong end = vaddr + memsz;
                if (end < vaddr)
                    return Fail(out error, !describe ? Undescribed : string.Concat(SegmentName(i), ": address range overflows (", Hex(vaddr), " + ", Hex(memsz), ")"));
                // userBase and userTop are page-aligned, so the whole pages the kernel maps fit too.
                if (end > userTop)
                    return Fail(out error, !describe ? Undescribed : OutsideUser(i, vaddr));
                ulong pageStart = vaddr & ~(PageSize - 1);
                ulong lastPage = (end - 1) & ~(PageSize - 1);
                if (vaddr % PageSize != offset % PageSize)
                    return Fail(out error, !describe ? Undescribed : string.Concat(SegmentName(i), ": virtual address ", Hex(vaddr), " and file offset ", string.Concat(Hex(offset), " differ modulo the page size")));
                bool writable = (flags & PF_W) != 0;
                bool executable = (flags & PF_X) != 0;
                if (writable && executable)
                    return Fail(out error, !describe ? Undescribed : string.Concat(SegmentName(i), " at ", Hex(vaddr), " is both writable and executable (W^X)"));
                for (int s = 0; s < result.Segments.Count; s++)
                {
                    ElfSegment other = result.Segments[s];
                    ulong otherStart = other.VirtualAddress & ~(PageSize - 1);
                    ulong otherLast = (other.VirtualAddress + other.MemorySize - 1) & ~(PageSize - 1);
                    if (pageStart <= otherLast && otherStart <= lastPage)
                        return Fail(out error, !describe ? Undescribed : string.Concat(SegmentName(i), " at ", Hex(vaddr), string.Concat(" overlaps an earlier PT_LOAD segment at ", Hex(other.VirtualAddress), " (same page)")));
                }
                if (result.Segments.Count == MaxLoadSegments)
                    return Fail(out error, !describe ? Undescribed : string.Concat("more than ", MaxLoadSegments.ToString(), " PT_LOAD segments"));
                result.Segments.Add(new ElfSegment(vaddr, offset, filesz, memsz, writable, executable));
            }

            if (result.Segments.Count == 0)
                return Fail(out error, !describe ? Undescribed : "no PT_LOAD segment");
            bool entryInCode = false;
            for (int s = 0; s < result.Segments.Count; s++)
            {
                ElfSegment seg = result.Segments[s];
                if (seg.Executable && entry >= seg.VirtualAddress && entry - seg.VirtualAddress < seg.MemorySize)
                    entryInCode = true;
            }
            if (!entryInCode)
                return Fail(out error, !describe ? Undescribed : string.Concat("entry point ", Hex(entry), " is not inside an executable segment"));
            return result;
        }

        public const string Undescribed = "malformed ELF image (not described: the kernel describes the first refused images only)";

        private static ElfImage Fail(out string error, string message)
        {
            error = message;
            return null;
        }

        private static string OutsideUser(int index, ulong vaddr) =>
            string.Concat(SegmentName(index), " at ", Hex(vaddr), " is outside the user half");

        // Error text is built only on failure: the kernel parses an image per process and never frees.
        private static string SegmentName(int index) => string.Concat("segment ", index.ToString());

        private static string Hex(ulong value) => string.Concat("0x", value.ToString("X"));
    }
}
