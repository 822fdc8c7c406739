using System;
using System.Collections.Generic;

namespace MicroOS.Shared.Storage.Fat
{
    // Write-back cache of volume sectors (the BPB's sector size, a whole number of device sectors).
    // Metadata (boot sector, FSInfo, FATs, directories) and partial-sector file data live here; whole
    // sectors of file data bypass it (ReadDirect/WriteDirect) but stay coherent with it: a direct read
    // sees a cached dirty copy, a direct write replaces any cached copy. Dirty sectors reach the disk
    // when evicted or at Flush: files' bytes first, then in sector order. Nothing here knows about FAT: every FAT copy is
    // updated by FatTable writing each copy's sector.
    internal sealed class BlockCache
    {
        private const int TargetBytes = 128 * 1024;
        private const int MaxTransferBytes = 64 * 1024;   // one device request at most (BlockContract: 256 sectors)

        private readonly IBlockDevice _device;
        private readonly int _sectorSize;
        private readonly int _ratio;                      // device sectors per volume sector
        private readonly byte[] _data;
        private readonly long[] _sector;                  // -1: slot empty
        private readonly bool[] _dirty;
        private readonly bool[] _used;                    // the clock's reference bit
        private readonly bool[] _fileData;                // a file's bytes: written back before the rest
        private readonly Dictionary<long, int> _slotOf = new Dictionary<long, int>();
        private int _hand;
        private int _dirtyCount;
        // Read-ahead for direct reads (file data): when a direct read starts where the last one
        // ended, one device request fetches MaxTransferBytes from there, and the next reads of the
        // stream are copies. Any write to the device that touches the window empties it.
        private byte[] _ahead;
        private long _aheadStart = -1;
        private int _aheadCount;
        private long _nextSequential = -1;

        public long DeviceReads, DeviceWrites;

        public BlockCache(IBlockDevice device, int sectorSize)
        {
            _device = device;
            _sectorSize = sectorSize;
            _ratio = sectorSize / device.SectorSize;
            int slots = Math.Max(16, TargetBytes / sectorSize);
            _data = new byte[slots * sectorSize];
            _sector = new long[slots];
            _dirty = new bool[slots];
            _used = new bool[slots];
            _fileData = new bool[slots];
            for (int i = 0; i < slots; i++)
                _sector[i] = -1;
        }

        public int SectorSize => _sectorSize;

        // The cached sector, read from the disk unless fill is false (the caller overwrites all of it).
        public Span<byte> Get(long sector, bool fill = true)
        {
            int slot = SlotFor(sector, fill);
            return new Span<byte>(_data, slot * _sectorSize, _sectorSize);
        }

        // As Get, and the sector will be written back.
        public Span<byte> GetForWrite(long sector, bool fill = true) => Dirty(sector, fill, fileData: false);

        // As GetForWrite, for a file's bytes: they go to the disk before any directory or FAT sector
        // (Flush), so a cut never leaves an entry whose size covers bytes not yet written (a free
        // cluster's old content read as the file's). Writing them early is harmless: until the entry
        // and the FAT reach the disk, they sit in clusters no file names.
        public Span<byte> GetForFileData(long sector) => Dirty(sector, fill: true, fileData: true);

        private Span<byte> Dirty(long sector, bool fill, bool fileData)
        {
            int slot = SlotFor(sector, fill);
            if (!_dirty[slot])
            {
                _dirty[slot] = true;
                _dirtyCount++;
            }
            _fileData[slot] = fileData;
            return new Span<byte>(_data, slot * _sectorSize, _sectorSize);
        }

        private int SlotFor(long sector, bool fill)
        {
            // The slot found last, checked against what it holds now: a chain walk asks for one FAT
            // sector 128 times in a row (FAT32, 512-byte sectors), and the dictionary was most of a step.
            if (sector == _lastSector && _sector[_lastSlot] == sector)
            {
                _used[_lastSlot] = true;
                return _lastSlot;
            }
            if (!_slotOf.TryGetValue(sector, out int slot))
            {
                slot = Victim();
                if (fill)
                    DeviceRead(sector, 1, new Span<byte>(_data, slot * _sectorSize, _sectorSize));
                else
                    new Span<byte>(_data, slot * _sectorSize, _sectorSize).Clear();
                Install(slot, sector);
            }
            _used[slot] = true;
            _lastSector = sector;
            _lastSlot = slot;
            return slot;
        }

        private void Install(int slot, long sector)
        {
            _sector[slot] = sector;
            _slotOf[sector] = slot;
            _used[slot] = true;
            _fileData[slot] = false;
        }

        // A little-endian FAT16/FAT32 entry (`bytes` 2 or 4, at `within`) of `sector` when it is the
        // sector looked up last, as a chain walk's next step mostly is: no Span, no lookup. False when
        // it is not (the caller uses Get, which reads it and makes it the last).
        public bool TryReadLast(long sector, int within, int bytes, out uint value)
        {
            if (sector != _lastSector || _sector[_lastSlot] != sector)
            {
                value = 0;
                return false;
            }
            _used[_lastSlot] = true;
            int at = _lastSlot * _sectorSize + within;
            value = bytes == 2 ? (uint)(_data[at] | _data[at + 1] << 8)
                : (uint)(_data[at] | _data[at + 1] << 8 | _data[at + 2] << 16 | _data[at + 3] << 24);
            return true;
        }

        private long _lastSector = -1;
        private int _lastSlot;
        private byte[] _metaAhead;
        private const int MetaAheadSectors = 16;

        // As Get, but a miss reads up to MetaAheadSectors sectors from `sector` on (below `limit`, none
        // already cached) in one device request: a chain walk reads the FAT in order, and a request per
        // sector cost a round trip to the driver and a wait for the disk each (fs restart: opening a
        // 10 MiB file walked 160 FAT sectors). The sectors read are only cached, never written.
        public Span<byte> GetAhead(long sector, long limit)
        {
            if (sector == _lastSector && _sector[_lastSlot] == sector || _slotOf.ContainsKey(sector))
                return Get(sector);
            int count = 1;
            while (count < MetaAheadSectors && sector + count < limit && !_slotOf.ContainsKey(sector + count))
                count++;
            if (count == 1)
                return Get(sector);
            _metaAhead ??= new byte[MetaAheadSectors * _sectorSize];
            DeviceRead(sector, count, new Span<byte>(_metaAhead, 0, count * _sectorSize));
            int first = -1;
            for (int i = 0; i < count; i++)
            {
                int slot = Victim();
                new ReadOnlySpan<byte>(_metaAhead, i * _sectorSize, _sectorSize).CopyTo(new Span<byte>(_data, slot * _sectorSize, _sectorSize));
                Install(slot, sector + i);
                if (i == 0)
                    first = slot;
            }
            _lastSector = sector;
            _lastSlot = first;
            return new Span<byte>(_data, first * _sectorSize, _sectorSize);
        }

        private int Victim()
        {
            while (true)
            {
                int slot = _hand;
                _hand = (_hand + 1) % _sector.Length;
                if (_sector[slot] < 0)
                    return slot;
                if (_used[slot])
                {
                    _used[slot] = false;
                    continue;
                }
                // Evicting writes the dirty sectors below this one first: the disk never holds a
                // sector newer than a lower one still dirty here (directories never ahead of the FAT
                // chains they point into), the order Flush keeps.
                if (_dirty[slot])
                    FlushUpTo(_sector[slot]);
                _slotOf.Remove(_sector[slot]);
                _sector[slot] = -1;
                return slot;
            }
        }

        private void WriteBack(int slot)
        {
            if (!_dirty[slot])
                return;
            DeviceWrite(_sector[slot], 1, new ReadOnlySpan<byte>(_data, slot * _sectorSize, _sectorSize));
            _dirty[slot] = false;
            _dirtyCount--;
        }

        // One sector to the disk now, if it is cached and dirty (out of the lowest-first order: the
        // caller knows the sector depends on nothing still dirty).
        public void WriteBackSector(long sector)
        {
            if (_slotOf.TryGetValue(sector, out int slot))
                WriteBack(slot);
        }

        // Every dirty sector to the disk: files' bytes first, then the rest lowest sector first (FATs
        // before directories).
        public void Flush() => FlushUpTo(long.MaxValue);

        private void FlushUpTo(long last)
        {
            for (int i = 0; i < _sector.Length; i++)
                if (_dirty[i] && _fileData[i])
                    WriteBack(i);
            while (_dirtyCount > 0)
            {
                int best = -1;
                for (int i = 0; i < _sector.Length; i++)
                    if (_dirty[i] && (best < 0 || _sector[i] < _sector[best]))
                        best = i;
                if (_sector[best] > last)
                    return;
                WriteBack(best);
            }
        }

        public void ReadDirect(long sector, int count, Span<byte> destination)
        {
            if (!ReadAhead(sector, count, destination))
                DeviceRead(sector, count, destination);
            _nextSequential = sector + count;
            for (int i = 0; i < count; i++)
                if (_slotOf.TryGetValue(sector + i, out int slot) && _dirty[slot])
                    new ReadOnlySpan<byte>(_data, slot * _sectorSize, _sectorSize).CopyTo(destination.Slice(i * _sectorSize, _sectorSize));
        }

        public void WriteDirect(long sector, int count, ReadOnlySpan<byte> source)
        {
            for (int i = 0; i < count; i++)
                if (_slotOf.TryGetValue(sector + i, out int slot))
                {
                    if (_dirty[slot])
                    {
                        _dirty[slot] = false;
                        _dirtyCount--;
                    }
                    _slotOf.Remove(sector + i);
                    _sector[slot] = -1;
                }
            DeviceWrite(sector, count, source);
        }

        // From the read-ahead window, filled first when this read continues the last one: true when
        // `destination` was filled so. A window that cannot be read (past the disk's end, a device
        // error) is given up and the caller reads just what it asked for.
        private bool ReadAhead(long sector, int count, Span<byte> destination)
        {
            int window = MaxTransferBytes / _sectorSize;
            if (_aheadStart < 0 || sector < _aheadStart || sector + count > _aheadStart + _aheadCount)
            {
                long end = _device.SectorCount / _ratio;
                if (sector != _nextSequential || count >= window || sector + window > end)
                    return false;
                _ahead ??= new byte[MaxTransferBytes];
                _aheadStart = -1;
                long r = _device.Read(sector * _ratio, window * _ratio, new Span<byte>(_ahead, 0, window * _sectorSize));
                DeviceReads++;
                if (r < 0)
                    return false;
                _aheadStart = sector;
                _aheadCount = window;
            }
            new ReadOnlySpan<byte>(_ahead, (int)(sector - _aheadStart) * _sectorSize, count * _sectorSize).CopyTo(destination);
            return true;
        }

        public void FlushDevice()
        {
            long r = _device.Flush();
            if (r < 0)
                throw FatFault.Device(r);
        }

        private void DeviceRead(long sector, int count, Span<byte> destination)
        {
            int perRequest = MaxTransferBytes / _sectorSize;
            for (int done = 0; done < count; done += perRequest)
            {
                int n = Math.Min(perRequest, count - done);
                long r = _device.Read((sector + done) * _ratio, n * _ratio, destination.Slice(done * _sectorSize, n * _sectorSize));
                DeviceReads++;
                if (r < 0)
                    throw FatFault.Device(r);
            }
        }

        private void DeviceWrite(long sector, int count, ReadOnlySpan<byte> source)
        {
            if (_aheadStart >= 0 && sector < _aheadStart + _aheadCount && sector + count > _aheadStart)
                _aheadStart = -1;
            int perRequest = MaxTransferBytes / _sectorSize;
            for (int done = 0; done < count; done += perRequest)
            {
                int n = Math.Min(perRequest, count - done);
                long r = _device.Write((sector + done) * _ratio, n * _ratio, source.Slice(done * _sectorSize, n * _sectorSize));
                DeviceWrites++;
                if (r < 0)
                    throw FatFault.Device(r);
            }
        }
    }
}
