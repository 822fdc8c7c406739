using System;
using System.Buffers.Binary;

namespace MicroOS.Shared.Storage.Fat
{
    // VFAT long names: a name of up to 255 UTF-16 units stored 13 units per 32-byte entry, the
    // entries placed before their short entry in reverse order (the last, flagged 0x40, first), each
    // carrying the checksum of the short name so a stale long name left by an old driver is detected.
    //   0 ordinal (1..20, | 0x40 on the last)  1 units 0-4  11 attributes 0x0F  12 type 0
    //  13 checksum  14 units 5-10  26 first cluster 0  28 units 11-12
    internal static class LongName
    {
        public const int UnitsPerEntry = 13;
        public const int MaxUnits = 255;
        public const byte LastFlag = 0x40;
        private static readonly int[] UnitOffsets = { 1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30 };

        public static byte Checksum(ReadOnlySpan<byte> shortName)
        {
            byte sum = 0;
            for (int i = 0; i < 11; i++)
                sum = (byte)(((sum & 1) != 0 ? 0x80 : 0) + (sum >> 1) + shortName[i]);
            return sum;
        }

        public static int EntriesFor(string name) => (name.Length + UnitsPerEntry - 1) / UnitsPerEntry;

        public static int Ordinal(ReadOnlySpan<byte> e) => e[0] & 0x3F;
        public static bool IsLast(ReadOnlySpan<byte> e) => (e[0] & LastFlag) != 0;
        public static byte EntryChecksum(ReadOnlySpan<byte> e) => e[13];

        // Copies this entry's units into name[(ordinal - 1) * 13 ...]; returns the units up to a 0
        // terminator (13 when the entry is full), or -1 when the entry is malformed.
        public static int ReadUnits(ReadOnlySpan<byte> e, char[] name)
        {
            int ordinal = Ordinal(e);
            if (ordinal < 1 || ordinal > 20 || e[12] != 0 || BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(26)) != 0)
                return -1;
            int at = (ordinal - 1) * UnitsPerEntry;
            for (int i = 0; i < UnitsPerEntry; i++)
            {
                char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(UnitOffsets[i]));
                if (c == 0)
                    return i;
                if (at + i >= name.Length)
                    return -1;
                name[at + i] = c;
            }
            return UnitsPerEntry;
        }

        // Entry `ordinal` (1-based) of `name`: its 13 units, 0-terminated and 0xFFFF-padded.
        public static void Format(Span<byte> e, string name, int ordinal, bool last, byte checksum)
        {
            e.Slice(0, DirectoryEntry.Size).Clear();
            e[0] = (byte)(ordinal | (last ? LastFlag : 0));
            e[11] = DirectoryEntry.LongNameAttributes;
            e[13] = checksum;
            int at = (ordinal - 1) * UnitsPerEntry;
            for (int i = 0; i < UnitsPerEntry; i++)
            {
                int k = at + i;
                ushort unit = k < name.Length ? name[k] : k == name.Length ? (ushort)0 : (ushort)0xFFFF;
                BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(UnitOffsets[i]), unit);
            }
        }
    }
}
