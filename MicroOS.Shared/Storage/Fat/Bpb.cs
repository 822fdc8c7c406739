using System;
using System.Buffers.Binary;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    public enum FatType { Fat12 = 12, Fat16 = 16, Fat32 = 32 }

    // The BIOS parameter block of a FAT boot sector, checked and turned into the volume's layout
    // (Microsoft's "FAT: General Overview of On-Disk Format", section 3). The FAT type comes from the
    // count of data clusters alone, never from the BPB's type string: below 4085 clusters FAT12,
    // below 65525 FAT16, else FAT32. Everything later code multiplies or indexes with is range-checked
    // here, so a hostile boot sector is refused with BadBpb instead of leading to a wild read.
    public sealed class Bpb
    {
        public const int MinClustersFat16 = 4085;
        public const int MinClustersFat32 = 65525;

        public int BytesPerSector;
        public int SectorsPerCluster;
        public int ReservedSectors;
        public int FatCount;
        public int RootEntryCount;          // FAT12/16: entries of the fixed root directory; FAT32: 0
        public long TotalSectors;
        public long FatSectors;             // sectors of one FAT copy
        public uint RootCluster;            // FAT32 only
        public int FsInfoSector;            // FAT32 only; 0 when absent
        public int ActiveFat = -1;          // FAT32 with mirroring off: the one FAT in use; -1: all mirrored
        public long RootDirSector;          // FAT12/16: the fixed root's first sector
        public int RootDirSectors;
        public long FirstDataSector;
        public uint ClusterCount;           // data clusters: numbered 2 .. ClusterCount + 1
        public FatType Type;
        public string Label;

        public int BytesPerCluster => BytesPerSector * SectorsPerCluster;
        public uint LastCluster => ClusterCount + 1;
        public long FirstSectorOf(uint cluster) => FirstDataSector + (long)(cluster - 2) * SectorsPerCluster;

        // sector: the first 512 bytes (or more) of the volume; deviceBytes: the disk's size.
        public static FsMountError Parse(ReadOnlySpan<byte> sector, long deviceBytes, int deviceSectorSize, out Bpb bpb)
        {
            bpb = null;
            if (sector.Length < 512 || sector[510] != 0x55 || sector[511] != 0xAA)
                return FsMountError.BadSignature;
            var b = new Bpb();
            b.BytesPerSector = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(11));
            b.SectorsPerCluster = sector[13];
            b.ReservedSectors = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(14));
            b.FatCount = sector[16];
            b.RootEntryCount = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(17));
            uint total16 = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(19));
            uint fat16 = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(22));
            uint total32 = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(32));
            uint fat32 = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(36));

            if (!IsPowerOfTwo(b.BytesPerSector) || b.BytesPerSector < 512 || b.BytesPerSector > 4096
                || b.BytesPerSector % deviceSectorSize != 0)
                return FsMountError.BadBpb;
            if (!IsPowerOfTwo(b.SectorsPerCluster) || b.BytesPerCluster > 65536)
                return FsMountError.BadBpb;
            if (b.ReservedSectors < 1 || b.FatCount < 1 || b.FatCount > 4)
                return FsMountError.BadBpb;
            b.TotalSectors = total16 != 0 ? total16 : total32;
            b.FatSectors = fat16 != 0 ? fat16 : fat32;
            if (b.TotalSectors == 0 || b.FatSectors == 0)
                return FsMountError.BadBpb;
            b.RootDirSectors = (b.RootEntryCount * 32 + b.BytesPerSector - 1) / b.BytesPerSector;
            b.RootDirSector = b.ReservedSectors + b.FatCount * b.FatSectors;
            b.FirstDataSector = b.RootDirSector + b.RootDirSectors;
            if (b.FirstDataSector >= b.TotalSectors)
                return FsMountError.BadBpb;
            long clusters = (b.TotalSectors - b.FirstDataSector) / b.SectorsPerCluster;
            if (clusters < 1 || clusters > 0x0FFFFFF5)
                return FsMountError.BadBpb;
            b.ClusterCount = (uint)clusters;
            b.Type = clusters < MinClustersFat16 ? FatType.Fat12 : clusters < MinClustersFat32 ? FatType.Fat16 : FatType.Fat32;

            if (b.Type == FatType.Fat32)
            {
                // A FAT32 BPB: no fixed root, a 32-bit FAT size, version 0, a root cluster in range.
                if (b.RootEntryCount != 0 || fat16 != 0 || BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(42)) != 0)
                    return FsMountError.BadBpb;
                ushort extFlags = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(40));
                if ((extFlags & 0x80) != 0)
                {
                    b.ActiveFat = extFlags & 0x0F;
                    if (b.ActiveFat >= b.FatCount)
                        return FsMountError.BadBpb;
                }
                b.RootCluster = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(44));
                if (b.RootCluster < 2 || b.RootCluster > b.LastCluster)
                    return FsMountError.BadBpb;
                int fsInfo = BinaryPrimitives.ReadUInt16LittleEndian(sector.Slice(48));
                b.FsInfoSector = fsInfo >= 1 && fsInfo < b.ReservedSectors ? fsInfo : 0;
                b.Label = sector[66] == 0x29 ? LabelAt(sector.Slice(71, 11)) : "";
            }
            else
            {
                if (b.RootEntryCount == 0)
                    return FsMountError.BadBpb;
                b.Label = sector[38] == 0x29 ? LabelAt(sector.Slice(43, 11)) : "";
            }
            // One FAT copy must have an entry for every cluster.
            long entryBits = b.Type == FatType.Fat12 ? 12 : b.Type == FatType.Fat16 ? 16 : 32;
            if (b.FatSectors * b.BytesPerSector * 8 / entryBits < (long)b.ClusterCount + 2)
                return FsMountError.BadBpb;
            if (b.TotalSectors * b.BytesPerSector > deviceBytes)
                return FsMountError.Truncated;
            bpb = b;
            return FsMountError.None;
        }

        private static bool IsPowerOfTwo(int v) => v > 0 && (v & (v - 1)) == 0;

        private static string LabelAt(ReadOnlySpan<byte> raw)
        {
            int n = raw.Length;
            while (n > 0 && raw[n - 1] == ' ')
                n--;
            var chars = new char[n];
            for (int i = 0; i < n; i++)
                chars[i] = raw[i] >= 0x20 && raw[i] < 0x7F ? (char)raw[i] : '_';
            string label = new string(chars);
            return label == "NO NAME" ? "" : label;
        }
    }
}
