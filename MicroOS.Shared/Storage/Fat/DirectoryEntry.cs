using System;
using System.Buffers.Binary;

namespace MicroOS.Shared.Storage.Fat
{
    // One 32-byte short directory entry, as the specification lays it out:
    //   0 name[11] (8 + 3, space padded; name[0] 0x00 = end, 0xE5 = free, 0x05 = a real 0xE5)
    //  11 attributes  12 NT case bits (0x08 base lower case, 0x10 extension lower case)
    //  13 creation time, tenths  14 creation time  16 creation date  18 last access date
    //  20 first cluster, high 16 bits  22 write time  24 write date  26 first cluster, low 16  28 size
    // A long-name entry (attributes 0x0F) shares the slot size; LongName reads and writes those.
    internal static class DirectoryEntry
    {
        public const int Size = 32;
        public const byte EndMarker = 0x00;
        public const byte FreeMarker = 0xE5;
        public const byte LongNameAttributes = 0x0F;
        public const byte BaseLowerCase = 0x08;
        public const byte ExtensionLowerCase = 0x10;

        public static bool IsEnd(ReadOnlySpan<byte> e) => e[0] == EndMarker;
        public static bool IsFree(ReadOnlySpan<byte> e) => e[0] == FreeMarker || e[0] == EndMarker;
        public static bool IsLongName(ReadOnlySpan<byte> e) => (e[11] & 0x3F) == LongNameAttributes;
        public static byte Attributes(ReadOnlySpan<byte> e) => e[11];
        public static byte CaseBits(ReadOnlySpan<byte> e) => e[12];
        public static uint FirstCluster(ReadOnlySpan<byte> e, bool fat32) =>
            (fat32 ? (uint)BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(20)) << 16 : 0) | BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(26));
        public static uint FileSize(ReadOnlySpan<byte> e) => BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(28));
        public static ushort WriteTime(ReadOnlySpan<byte> e) => BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(22));
        public static ushort WriteDate(ReadOnlySpan<byte> e) => BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(24));

        public static void SetFirstCluster(Span<byte> e, uint cluster)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(20), (ushort)(cluster >> 16));
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(26), (ushort)cluster);
        }

        public static void SetFileSize(Span<byte> e, uint size) => BinaryPrimitives.WriteUInt32LittleEndian(e.Slice(28), size);

        public static void SetWriteTime(Span<byte> e, FatTimestamp t)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(22), t.Time);
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(24), t.Date);
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(18), t.Date);
        }

        // A fresh entry: name, attributes, case bits, created = written = now.
        public static void Format(Span<byte> e, ReadOnlySpan<byte> shortName, byte attributes, byte caseBits, uint firstCluster, uint size, FatTimestamp t)
        {
            e.Slice(0, Size).Clear();
            shortName.Slice(0, 11).CopyTo(e);
            e[11] = attributes;
            e[12] = caseBits;
            e[13] = t.Tenths;
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(14), t.Time);
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(16), t.Date);
            SetWriteTime(e, t);
            SetFirstCluster(e, firstCluster);
            SetFileSize(e, size);
        }

        // The 8.3 name as a string ("README.TXT"), with the NT case bits applied when asked.
        public static string ShortNameText(ReadOnlySpan<byte> e, bool applyCase)
        {
            var chars = new char[12];
            int n = 0;
            bool lowerBase = applyCase && (e[12] & BaseLowerCase) != 0;
            bool lowerExt = applyCase && (e[12] & ExtensionLowerCase) != 0;
            int baseEnd = 8;
            while (baseEnd > 0 && e[baseEnd - 1] == ' ')
                baseEnd--;
            for (int i = 0; i < baseEnd; i++)
                chars[n++] = ShortChar(i == 0 && e[0] == 0x05 ? (byte)0xE5 : e[i], lowerBase);
            int extEnd = 11;
            while (extEnd > 8 && e[extEnd - 1] == ' ')
                extEnd--;
            if (extEnd > 8)
            {
                chars[n++] = '.';
                for (int i = 8; i < extEnd; i++)
                    chars[n++] = ShortChar(e[i], lowerExt);
            }
            return new string(chars, 0, n);
        }

        // Bytes past ASCII belong to an OEM code page we do not carry: shown as '_'.
        private static char ShortChar(byte b, bool lower)
        {
            if (b >= 0x80 || b < 0x20)
                return '_';
            char c = (char)b;
            return lower && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
}
