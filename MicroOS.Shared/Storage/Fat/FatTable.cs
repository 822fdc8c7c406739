using System;
using System.Buffers.Binary;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // The file allocation table: one entry per cluster, 12, 16 or 28 (of 32) bits. Reads come from
    // the active copy (the first, unless FAT32 mirroring is off); every write goes to every copy, so
    // the copies never differ on the disk after a flush. The free count is kept exact once known: from
    // FSInfo (a hint, range-checked) or by one scan of the table.
    internal sealed class FatTable
    {
        public const uint Free = 0;
        public const uint EndOfChain = 0x0FFFFFFF;

        private readonly BlockCache _cache;
        private readonly Bpb _bpb;
        private readonly int _bits;
        private long _free = -1;        // -1: unknown until counted
        private uint _nextFree = 2;     // where the next search for a free cluster starts

        public FatTable(BlockCache cache, Bpb bpb)
        {
            _cache = cache;
            _bpb = bpb;
            _bits = (int)bpb.Type;
        }

        public uint ClusterCount => _bpb.ClusterCount;

        // A value at or above this ends a chain (after masking; FAT12 0xFF8, FAT16 0xFFF8, FAT32 0x0FFFFFF8).
        public uint EndMarkerMin => _bits == 12 ? 0xFF8u : _bits == 16 ? 0xFFF8u : 0x0FFFFFF8u;
        public uint BadCluster => _bits == 12 ? 0xFF7u : _bits == 16 ? 0xFFF7u : 0x0FFFFFF7u;
        private uint Mask => _bits == 12 ? 0xFFFu : _bits == 16 ? 0xFFFFu : 0x0FFFFFFFu;

        public bool IsEnd(uint value) => value >= EndMarkerMin;

        public uint Get(uint cluster)
        {
            long offset = ByteOffset(cluster);
            int fat = _bpb.ActiveFat < 0 ? 0 : _bpb.ActiveFat;
            long first = _bpb.ReservedSectors + fat * _bpb.FatSectors;
            if (_bits == 12)
            {
                uint pair = ByteAt(first, offset) | (uint)ByteAt(first, offset + 1) << 8;
                return (cluster & 1) != 0 ? pair >> 4 : pair & 0xFFF;
            }
            long sector = first + offset / _bpb.BytesPerSector;
            int within = (int)(offset % _bpb.BytesPerSector);
            if (_cache.TryReadLast(sector, within, _bits / 8, out uint value))
                return _bits == 16 ? value : value & 0x0FFFFFFF;
            Span<byte> s = _cache.GetAhead(sector, first + _bpb.FatSectors);
            return _bits == 16
                ? BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(within))
                : BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(within)) & 0x0FFFFFFF;
        }

        // value: Free, EndOfChain, or a next cluster. FAT32 keeps the top four bits of the entry.
        public void Set(uint cluster, uint value)
        {
            uint old = cluster >= 2 && _free >= 0 ? Get(cluster) : 1;
            SetRaw(cluster, value & Mask);
            if (_free >= 0 && cluster >= 2)
            {
                if (old == Free && value != Free)
                    _free--;
                else if (old != Free && value == Free)
                    _free++;
            }
            if (value == Free && cluster < _nextFree)
                _nextFree = cluster;
        }

        // Power-cut order for a chain that grows: the new clusters' entries (linked on to each other
        // and ended) go to the disk, every copy, before the entry that links them to the chain, when
        // that one is in another sector: written lowest first, a cut between the two left the chain
        // running into a cluster the disk still had free ("a cluster past the end" on the next mount).
        public void WriteBackBefore(uint[] added, uint link)
        {
            long linkSector = ByteOffset(link) / _bpb.BytesPerSector;
            for (int i = 0; i < added.Length; i++)
            {
                long offset = ByteOffset(added[i]);
                for (long at = offset; at <= offset + (_bits == 12 ? 1 : 0); at++)
                {
                    long sector = at / _bpb.BytesPerSector;
                    if (sector == linkSector)
                        continue;
                    for (int fat = 0; fat < _bpb.FatCount; fat++)
                        _cache.WriteBackSector(_bpb.ReservedSectors + fat * _bpb.FatSectors + sector);
                }
            }
        }

        private void SetRaw(uint cluster, uint value)
        {
            long offset = ByteOffset(cluster);
            for (int fat = 0; fat < _bpb.FatCount; fat++)
            {
                if (_bpb.ActiveFat >= 0 && fat != _bpb.ActiveFat)
                    continue;
                long first = _bpb.ReservedSectors + fat * _bpb.FatSectors;
                if (_bits == 12)
                {
                    uint pair = ByteAt(first, offset) | (uint)ByteAt(first, offset + 1) << 8;
                    pair = (cluster & 1) != 0 ? (pair & 0x000F) | value << 4 : (pair & 0xF000) | value;
                    SetByteAt(first, offset, (byte)pair);
                    SetByteAt(first, offset + 1, (byte)(pair >> 8));
                    continue;
                }
                Span<byte> s = _cache.GetForWrite(first + offset / _bpb.BytesPerSector);
                int within = (int)(offset % _bpb.BytesPerSector);
                if (_bits == 16)
                    BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(within), (ushort)value);
                else
                {
                    uint keep = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(within)) & 0xF0000000;
                    BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(within), keep | value);
                }
            }
        }

        private long ByteOffset(uint cluster)
        {
            if (cluster > _bpb.LastCluster)
                throw FatFault.Corrupt(FsMountError.ClusterOutOfRange);
            return _bits == 12 ? cluster + cluster / 2 : (long)cluster * (_bits / 8);
        }

        private byte ByteAt(long firstSector, long offset) =>
            _cache.Get(firstSector + offset / _bpb.BytesPerSector)[(int)(offset % _bpb.BytesPerSector)];

        private void SetByteAt(long firstSector, long offset, byte value) =>
            _cache.GetForWrite(firstSector + offset / _bpb.BytesPerSector)[(int)(offset % _bpb.BytesPerSector)] = value;

        // The clean-shutdown bit in FAT[1] (FAT16 bit 15, FAT32 bit 27): 1 = the volume was unmounted
        // cleanly, 0 = it is in use (or was not unmounted). FAT12 has none.
        private uint CleanBit => _bits == 16 ? 0x8000u : _bits == 32 ? 0x08000000u : 0;

        public bool IsMarkedClean
        {
            get
            {
                if (CleanBit == 0)
                    return true;
                return (RawEntry1() & CleanBit) != 0;
            }
        }

        public void MarkClean(bool clean)
        {
            if (CleanBit == 0 || IsMarkedClean == clean)
                return;
            uint raw = RawEntry1();
            raw = clean ? raw | CleanBit : raw & ~CleanBit;
            if (_bits == 16)
                SetRaw(1, raw & 0xFFFF);
            else
                SetRaw(1, raw & 0x0FFFFFFF);
        }

        private uint RawEntry1()
        {
            int fat = _bpb.ActiveFat < 0 ? 0 : _bpb.ActiveFat;
            long first = _bpb.ReservedSectors + fat * _bpb.FatSectors;
            int width = _bits / 8;
            Span<byte> s = _cache.Get(first + width / _bpb.BytesPerSector);
            return _bits == 16 ? BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(width)) : BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(width)) & 0x0FFFFFFF;
        }

        // FSInfo's hints, taken only when in range.
        public void TakeHints(long free, long nextFree)
        {
            if (free >= 0 && free <= _bpb.ClusterCount)
                _free = free;
            if (nextFree >= 2 && nextFree <= _bpb.LastCluster)
                _nextFree = (uint)nextFree;
        }

        public uint NextFreeHint => _nextFree;
        public bool FreeCountKnown => _free >= 0;

        public long FreeCount
        {
            get
            {
                if (_free < 0)
                {
                    long n = 0;
                    for (uint c = 2; c <= _bpb.LastCluster; c++)
                        if (Get(c) == Free)
                            n++;
                    _free = n;
                }
                return _free;
            }
        }

        // count free clusters, found from the hint on, or false (nothing changed) when there are fewer.
        public bool FindFree(int count, uint[] into)
        {
            if (count == 0)
                return true;
            if (FreeCount < count)
                return false;
            int found = 0;
            uint c = _nextFree < 2 || _nextFree > _bpb.LastCluster ? 2 : _nextFree;
            for (uint scanned = 0; scanned < _bpb.ClusterCount && found < count; scanned++)
            {
                if (Get(c) == Free)
                    into[found++] = c;
                c = c >= _bpb.LastCluster ? 2 : c + 1;
            }
            if (found < count)
            {
                _free = found;      // the hint was wrong: the scan is the truth now
                return false;
            }
            _nextFree = c;
            return true;
        }
    }
}
