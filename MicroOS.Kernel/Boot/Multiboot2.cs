using System;
using System.Collections.Generic;

namespace MicroOS.Kernel.Boot
{
    public enum MemoryRegionKind : uint
    {
        Usable = 1,
        Reserved = 2,
        AcpiReclaimable = 3,
        AcpiNvs = 4,
        Defective = 5,
    }

    public readonly struct MemoryRegion
    {
        public MemoryRegion(ulong start, ulong length, MemoryRegionKind kind)
        {
            Start = start;
            Length = length;
            Kind = kind;
        }

        public ulong Start { get; }
        public ulong Length { get; }
        public ulong End => Start + Length;
        public MemoryRegionKind Kind { get; }
    }

    public readonly struct BootModule
    {
        public BootModule(ulong start, ulong end, string name)
        {
            Start = start;
            End = end;
            Name = name;
        }

        public ulong Start { get; }
        public ulong End { get; }
        public string Name { get; }
    }

    // What GRUB tells the kernel, parsed from the multiboot2 information structure.
    public sealed class BootInfo
    {
        public string CommandLine = "";
        public string BootLoaderName = "";
        public readonly List<MemoryRegion> MemoryMap = new List<MemoryRegion>();
        public readonly List<BootModule> Modules = new List<BootModule>();

        public ulong UsableBytes
        {
            get
            {
                ulong total = 0;
                foreach (MemoryRegion r in MemoryMap)
                    if (r.Kind == MemoryRegionKind.Usable)
                        total += r.Length;
                return total;
            }
        }
    }

    // Parser for the multiboot2 boot information (spec section 3.6). Pure logic over bytes: the host
    // tests feed it structures they build. Layout: u32 total_size, u32 reserved, then 8-aligned tags
    // of (u32 type, u32 size, payload), ending with a type-0 tag.
    public static class Multiboot2
    {
        public const uint BootloaderMagic = 0x36D76289;

        private const uint TagEnd = 0;
        private const uint TagCommandLine = 1;
        private const uint TagBootLoaderName = 2;
        private const uint TagModule = 3;
        private const uint TagMemoryMap = 6;

        // Returns null and sets error when the structure is malformed; never reads outside `info`.
        public static BootInfo Parse(ReadOnlySpan<byte> info, out string error)
        {
            error = null;
            if (info.Length < 16)
            {
                error = "boot information shorter than its header";
                return null;
            }
            uint totalSize = LittleEndian.U32(info, 0);
            if (totalSize < 16 || totalSize > (uint)info.Length)
            {
                error = "boot information total_size out of range";
                return null;
            }
            var result = new BootInfo();
            int offset = 8;
            while (true)
            {
                if (offset + 8 > (int)totalSize)
                {
                    error = "boot information has no end tag";
                    return null;
                }
                uint type = LittleEndian.U32(info, offset);
                uint size = LittleEndian.U32(info, offset + 4);
                if (size < 8 || size > totalSize - (uint)offset)
                {
                    error = "boot information tag overruns the structure";
                    return null;
                }
                ReadOnlySpan<byte> payload = info.Slice(offset + 8, (int)size - 8);
                switch (type)
                {
                    case TagEnd:
                        return result;
                    case TagCommandLine:
                        result.CommandLine = ReadCString(payload);
                        break;
                    case TagBootLoaderName:
                        result.BootLoaderName = ReadCString(payload);
                        break;
                    case TagModule:
                        if (payload.Length < 8)
                        {
                            error = "module tag too short";
                            return null;
                        }
                        result.Modules.Add(new BootModule(LittleEndian.U32(payload, 0), LittleEndian.U32(payload, 4), ReadCString(payload.Slice(8))));
                        break;
                    case TagMemoryMap:
                        if (!ParseMemoryMap(payload, result.MemoryMap, out error))
                            return null;
                        break;
                }
                offset += (int)((size + 7) & ~7u);
            }
        }

        private static bool ParseMemoryMap(ReadOnlySpan<byte> payload, List<MemoryRegion> regions, out string error)
        {
            error = null;
            if (payload.Length < 8)
            {
                error = "memory map tag too short";
                return false;
            }
            uint entrySize = LittleEndian.U32(payload, 0);
            if (entrySize < 24 || entrySize % 8 != 0 || entrySize > (uint)payload.Length)
            {
                error = "memory map entry size invalid";
                return false;
            }
            for (int at = 8; at + (int)entrySize <= payload.Length; at += (int)entrySize)
            {
                ulong start = LittleEndian.U64(payload, at);
                ulong length = LittleEndian.U64(payload, at + 8);
                uint kind = LittleEndian.U32(payload, at + 16);
                regions.Add(new MemoryRegion(start, length, kind >= 1 && kind <= 5 ? (MemoryRegionKind)kind : MemoryRegionKind.Reserved));
            }
            return true;
        }

        private static string ReadCString(ReadOnlySpan<byte> b)
        {
            int length = 0;
            while (length < b.Length && b[length] != 0)
                length++;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)b[i];
            return new string(chars);
        }
    }
}
