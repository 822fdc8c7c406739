using System;
using System.Collections.Generic;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // What a listing or Stat says about one name.
    public struct FatEntryInfo
    {
        public string Name;
        public byte Attributes;     // FsAttributes
        public long Length;
        public uint LastWrite;      // FAT date << 16 | FAT time
        public uint FirstCluster;
        public bool IsDirectory => (Attributes & FsAttributes.Directory) != 0;
    }

    // One name of a directory as read from its entries: the long name when its entries are whole and
    // their checksum matches the short entry, else the short name (with the NT case bits).
    internal sealed class DirRecord
    {
        public string Name;
        public string ShortKey;         // the 11 raw bytes, for alias collisions
        public string ShortText;        // "README.TXT": lookups match it too
        public byte Attributes;
        public uint FirstCluster;
        public uint Size;
        public uint LastWrite;
        public int FirstIndex;          // the first of its long-name entries (== Index without any)
        public int Index;               // the short entry

        public FatEntryInfo Info => new FatEntryInfo
        {
            Name = Name, Attributes = Attributes, Length = Size, LastWrite = LastWrite, FirstCluster = FirstCluster,
        };
    }

    // A directory: the fixed root of FAT12/16 (FirstCluster 0) or a cluster chain. Entries are read
    // and written in place through the block cache, by index. A directory is at most 65,536 entries
    // (the specification's limit, and what keeps a hostile chain from being read forever):
    // longer is DirectoryTooLarge, a chain that loops is ChainLoop.
    internal sealed class FatDirectory
    {
        public const int MaxEntries = 65536;

        private readonly FatVolume _volume;
        public readonly uint FirstCluster;     // 0: the FAT12/16 fixed root
        private readonly List<uint> _clusters;  // null for the fixed root

        public FatDirectory(FatVolume volume, uint firstCluster)
        {
            _volume = volume;
            FirstCluster = firstCluster;
            if (firstCluster == 0)
                return;
            FatTable fat = volume.Fat;
            ClusterChain.CheckStart(fat, firstCluster);
            int maxClusters = MaxEntries * DirectoryEntry.Size / volume.Bpb.BytesPerCluster;
            _clusters = new List<uint>();
            for (uint c = firstCluster; c != 0; c = ClusterChain.Next(fat, c))
            {
                if (_clusters.Count == maxClusters)
                {
                    ClusterChain.Length(fat, firstCluster);     // throws ChainLoop when it is a loop
                    throw FatFault.Corrupt(FsMountError.DirectoryTooLarge);
                }
                _clusters.Add(c);
            }
        }

        public bool IsFixedRoot => _clusters == null;

        public int Capacity => _clusters == null ? _volume.Bpb.RootEntryCount : _clusters.Count * EntriesPerCluster;

        private int EntriesPerCluster => _volume.Bpb.BytesPerCluster / DirectoryEntry.Size;
        private int EntriesPerSector => _volume.Bpb.BytesPerSector / DirectoryEntry.Size;

        // The sector and byte offset of entry `index`.
        public void Locate(int index, out long sector, out int offset)
        {
            offset = index % EntriesPerSector * DirectoryEntry.Size;
            if (_clusters == null)
            {
                sector = _volume.Bpb.RootDirSector + index / EntriesPerSector;
                return;
            }
            uint cluster = _clusters[index / EntriesPerCluster];
            sector = _volume.Bpb.FirstSectorOf(cluster) + index % EntriesPerCluster / EntriesPerSector;
        }

        public ReadOnlySpan<byte> Entry(int index)
        {
            Locate(index, out long sector, out int offset);
            return _volume.Cache.Get(sector).Slice(offset, DirectoryEntry.Size);
        }

        public Span<byte> EntryForWrite(int index)
        {
            Locate(index, out long sector, out int offset);
            return _volume.Cache.GetForWrite(sector).Slice(offset, DirectoryEntry.Size);
        }

        // Every live name, "." and ".." and the volume label left out unless asked for. Lab 7
        // (docs/labs/07-filesystem.md): every listing and every lookup by name starts here.
        public List<DirRecord> Records(bool withDots = false)
        {
            var records = new List<DirRecord>();
            // LAB 7 BEGIN: read the entries: skip free ones, stop at the end marker, gather long names
            bool fat32 = _volume.Bpb.Type == FatType.Fat32;
            var units = new char[LongName.MaxUnits + LongName.UnitsPerEntry];
            int lfnStart = -1, lfnExpected = 0, lfnLength = 0;
            byte lfnChecksum = 0;
            int capacity = Capacity;
            for (int i = 0; i < capacity; i++)
            {
                ReadOnlySpan<byte> e = Entry(i);
                if (DirectoryEntry.IsEnd(e))
                    break;
                if (e[0] == DirectoryEntry.FreeMarker)
                {
                    lfnStart = -1;
                    continue;
                }
                if (DirectoryEntry.IsLongName(e))
                {
                    int ordinal = LongName.Ordinal(e);
                    if (LongName.IsLast(e))
                    {
                        lfnStart = i;
                        lfnExpected = ordinal;
                        lfnChecksum = LongName.EntryChecksum(e);
                        int n = LongName.ReadUnits(e, units);
                        lfnLength = n < 0 ? -1 : (ordinal - 1) * LongName.UnitsPerEntry + n;
                        if (n < 0 || lfnLength > LongName.MaxUnits)
                            lfnStart = -1;
                    }
                    else if (lfnStart >= 0 && ordinal == lfnExpected - 1 && LongName.EntryChecksum(e) == lfnChecksum
                             && LongName.ReadUnits(e, units) == LongName.UnitsPerEntry)
                        lfnExpected = ordinal;
                    else
                        lfnStart = -1;
                    continue;
                }
                byte attributes = DirectoryEntry.Attributes(e);
                bool hasLong = lfnStart >= 0 && lfnExpected == 1 && lfnLength > 0 && LongName.Checksum(e) == lfnChecksum;
                int first = hasLong ? lfnStart : i;
                lfnStart = -1;
                if ((attributes & FsAttributes.VolumeLabel) != 0)
                    continue;
                bool dot = e[0] == '.' && (e[1] == ' ' || (e[1] == '.' && e[2] == ' '));
                if (dot && !withDots)
                    continue;
                var r = new DirRecord();
                r.ShortKey = ShortNameGenerator.Key(e);
                r.ShortText = DirectoryEntry.ShortNameText(e, false);
                r.Name = hasLong ? new string(units, 0, lfnLength) : DirectoryEntry.ShortNameText(e, true);
                r.Attributes = attributes;
                r.FirstCluster = DirectoryEntry.FirstCluster(e, fat32);
                r.Size = (attributes & FsAttributes.Directory) != 0 ? 0 : DirectoryEntry.FileSize(e);
                r.LastWrite = (uint)DirectoryEntry.WriteDate(e) << 16 | DirectoryEntry.WriteTime(e);
                r.FirstIndex = first;
                r.Index = i;
                records.Add(r);
            }
            // LAB 7 STARTER
            // // an empty directory until the entries are read
            // LAB 7 END
            return records;
        }

        // The record named `name` (case-insensitive, long or short name), or null.
        public DirRecord Find(string name, List<DirRecord> records = null)
        {
            records = records ?? Records();
            for (int i = 0; i < records.Count; i++)
                if (NameEquals(records[i].Name, name) || NameEquals(records[i].ShortText, name))
                    return records[i];
            return null;
        }

        // FAT's case-insensitive comparison: both sides upper-cased (the runtime's invariant rules).
        public static bool NameEquals(string a, string b)
        {
            if (a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i] && char.ToUpperInvariant(a[i]) != char.ToUpperInvariant(b[i]))
                    return false;
            return true;
        }

        // The index of `count` consecutive free entries, the directory grown by a zeroed cluster when
        // it has none (the fixed root cannot grow: DiskFull). A run that fits in one sector is kept in
        // one (docs/storage.md, power-cut order): a sector is written whole or not at all, so a name
        // appears or goes at once, never as long-name fragments without their short entry.
        public int AllocateRun(int count)
        {
            int capacity = Capacity;
            int perSector = EntriesPerSector;
            bool oneSector = count <= perSector;
            int run = 0;
            int start = -1;
            for (int i = 0; i < capacity; i++)
            {
                if (oneSector && i % perSector == 0)
                    run = 0;
                ReadOnlySpan<byte> e = Entry(i);
                if (DirectoryEntry.IsEnd(e))
                {
                    // Everything from here on is free; entries skipped to reach a sector's start
                    // become free entries, so readers do not stop at an end marker before the run.
                    start = FitInSector(i - run, count, oneSector);
                    MarkFree(i, Math.Min(start, capacity));
                    if (start + count <= capacity)
                        return start;
                    break;
                }
                run = e[0] == DirectoryEntry.FreeMarker ? run + 1 : 0;
                if (run == count)
                    return i - count + 1;
            }
            if (start < 0)
                start = FitInSector(capacity - run, count, oneSector);
            if (_clusters == null)
                throw new FatFault(FsError.DiskFull, FsMountError.None);
            int needEntries = start + count - capacity;
            int perCluster = EntriesPerCluster;
            int newClusters = (needEntries + perCluster - 1) / perCluster;
            if (capacity + newClusters * perCluster > MaxEntries)
                throw new FatFault(FsError.DiskFull, FsMountError.None);
            uint last = _clusters[_clusters.Count - 1];
            uint added = _volume.Extend(last, newClusters);
            if (added == 0)
                throw new FatFault(FsError.DiskFull, FsMountError.None);
            for (uint c = added; c != 0; c = ClusterChain.Next(_volume.Fat, c))
            {
                _volume.ZeroCluster(c);
                _volume.WriteClusterNow(c);
                _clusters.Add(c);
            }
            return start;
        }

        // `start`, or the next sector's first entry when a run kept in one sector would cross one.
        private int FitInSector(int start, int count, bool oneSector)
        {
            int perSector = EntriesPerSector;
            return oneSector && start % perSector + count > perSector ? (start / perSector + 1) * perSector : start;
        }

        private void MarkFree(int from, int to)
        {
            for (int j = from; j < to; j++)
                if (DirectoryEntry.IsEnd(Entry(j)))
                    EntryForWrite(j)[0] = DirectoryEntry.FreeMarker;
        }
    }
}
