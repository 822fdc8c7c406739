using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // A mounted FAT12/16/32 volume and every operation of IFileSystem on it, by path. Each
    // public operation answers Ok (0), a count, or an FsError; it never throws: an unsound structure
    // met on the way is Corrupt with LastDetail naming it, a disk error is DeviceError with
    // LastDeviceError the BlockError. Data reaches the disk when the cache evicts it, at Flush or
    // Close of a written file, and at Sync (docs/storage.md): Sync also writes FSInfo's hints and sets
    // the clean-shutdown bit that mounting cleared.
    public sealed class FatVolume
    {
        public const FsError Ok = 0;
        private const long MaxFileLength = uint.MaxValue;

        internal readonly IBlockDevice Device;
        internal readonly Bpb Bpb;
        internal readonly BlockCache Cache;
        internal readonly FatTable Fat;
        private readonly List<FileNode> _nodes = new List<FileNode>();
        private readonly List<string> _components = new List<string>();
        private static readonly byte[] Zeros = new byte[4096];
        private bool _markedClean;

        public FsMountError LastDetail;
        public long LastDeviceError;
        public readonly bool WasDirty;     // the clean-shutdown bit was already clear at mount

        public FatType Type => Bpb.Type;
        public uint ClusterCount => Bpb.ClusterCount;
        public int BytesPerCluster => Bpb.BytesPerCluster;
        public string Label => Bpb.Label;
        public long DeviceReads => Cache.DeviceReads;
        public long DeviceWrites => Cache.DeviceWrites;

        private FatVolume(IBlockDevice device, Bpb bpb)
        {
            Device = device;
            Bpb = bpb;
            Cache = new BlockCache(device, bpb.BytesPerSector);
            Fat = new FatTable(Cache, bpb);
            WasDirty = !Fat.IsMarkedClean;
        }

        // Checks the boot sector, FSInfo and the root directory; the volume is then in use (its
        // clean-shutdown bit cleared in the cache, on the disk at the next write-back).
        public static FsMountError Mount(IBlockDevice device, out FatVolume volume)
        {
            volume = null;
            try
            {
                if (device == null || device.SectorCount <= 0 || device.SectorSize < 512)
                    return FsMountError.NoDisk;
                var first = new byte[device.SectorSize];
                if (device.Read(0, 1, first) < 0)
                    return FsMountError.NoDisk;
                FsMountError e = Bpb.Parse(first, device.SectorCount * device.SectorSize, device.SectorSize, out Bpb bpb);
                if (e != FsMountError.None)
                    return e;
                var v = new FatVolume(device, bpb);
                v.ReadFsInfo();
                v.CheckRoot();
                v.Fat.MarkClean(false);
                volume = v;
                return FsMountError.None;
            }
            catch (FatFault f)
            {
                return f.Error == FsError.DeviceError ? FsMountError.NoDisk : f.Detail;
            }
            catch (Exception)
            {
                return FsMountError.BadBpb;
            }
        }

        private void ReadFsInfo()
        {
            if (Bpb.FsInfoSector == 0)
                return;
            ReadOnlySpan<byte> s = Cache.Get(Bpb.FsInfoSector);
            if (!FsInfoValid(s))
                return;
            Fat.TakeHints(BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(488)), BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(492)));
        }

        private static bool FsInfoValid(ReadOnlySpan<byte> s) =>
            BinaryPrimitives.ReadUInt32LittleEndian(s) == 0x41615252
            && BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(484)) == 0x61417272
            && BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(508)) == 0xAA550000;

        // The root's chain and every name in it point inside the volume; a directory there that is the
        // root itself is a loop.
        private void CheckRoot()
        {
            FatDirectory root = Root();
            List<DirRecord> records = root.Records();
            for (int i = 0; i < records.Count; i++)
                CheckTarget(records[i], null);
        }

        internal uint RootCluster => Bpb.Type == FatType.Fat32 ? Bpb.RootCluster : 0;
        internal FatDirectory Root() => new FatDirectory(this, RootCluster);

        // What a record points at is inside the volume; a directory is not one of its own ancestors.
        private void CheckTarget(DirRecord r, List<uint> ancestors)
        {
            bool dir = (r.Attributes & FsAttributes.Directory) != 0;
            if (dir || r.Size > 0 || r.FirstCluster != 0)
                ClusterChain.CheckStart(Fat, r.FirstCluster);
            if (!dir)
                return;
            if (r.FirstCluster == RootCluster)
                throw FatFault.Corrupt(FsMountError.DirectoryLoop);
            if (ancestors != null && ancestors.Contains(r.FirstCluster))
                throw FatFault.Corrupt(FsMountError.DirectoryLoop);
        }

        // ---- operations -----------------------------------------------------------------------

        public FsError Open(string path, FsOpenMode mode, FsAccess access, out FatFile file)
        {
            file = null;
            try
            {
                if (mode < FsOpenMode.CreateNew || mode > FsOpenMode.Append || access < FsAccess.Read || access > FsAccess.ReadWrite)
                    return FsError.InvalidArgument;
                bool writes = (access & FsAccess.Write) != 0;
                if (!writes && mode != FsOpenMode.Open && mode != FsOpenMode.OpenOrCreate)
                    return FsError.InvalidArgument;     // as .NET: Create/Truncate/Append need write access
                FsError e = Locate(path, out FatDirectory parent, out DirRecord record, out string name);
                if (e != Ok)
                    return e;
                if (parent == null)
                    return FsError.IsADirectory;
                FileNode node;
                if (record != null)
                {
                    if ((record.Attributes & FsAttributes.Directory) != 0)
                        return FsError.IsADirectory;
                    if (mode == FsOpenMode.CreateNew)
                        return FsError.AlreadyExists;
                    if (writes && (record.Attributes & FsAttributes.ReadOnly) != 0)
                        return FsError.AccessDenied;
                    node = NodeFor(parent, record);
                }
                else
                {
                    if (mode == FsOpenMode.Open || mode == FsOpenMode.Truncate)
                        return FsError.NotFound;
                    BeginChange();
                    CreateEntry(parent, name, FsAttributes.Archive, 0, 0, null, out long sector, out int offset);
                    node = new FileNode { EntrySector = sector, EntryOffset = offset, Attributes = FsAttributes.Archive };
                    _nodes.Add(node);
                }
                node.Opens++;
                file = new FatFile(node, access);
                if (record != null && (mode == FsOpenMode.Create || mode == FsOpenMode.Truncate) && node.Length != 0)
                {
                    BeginChange();
                    Resize(node, 0);
                }
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        public long Read(FatFile file, long offset, Span<byte> destination)
        {
            try
            {
                if (file == null || file.Closed)
                    return (long)FsError.BadHandle;
                if (!file.CanRead)
                    return (long)FsError.AccessDenied;
                if (offset < 0)
                    return (long)FsError.InvalidArgument;
                FileNode n = file.Node;
                if (offset >= n.Length || destination.Length == 0)
                    return 0;
                int count = (int)Math.Min(destination.Length, n.Length - offset);
                Transfer(n, offset, destination.Slice(0, count), default, false);
                return count;
            }
            catch (Exception x) { return (long)Caught(x); }
        }

        // All of source or nothing (DiskFull); a gap between the end and offset reads as zeros.
        public long Write(FatFile file, long offset, ReadOnlySpan<byte> source)
        {
            try
            {
                if (file == null || file.Closed)
                    return (long)FsError.BadHandle;
                if (!file.CanWrite)
                    return (long)FsError.AccessDenied;
                if (offset < 0 || offset + source.Length > MaxFileLength)
                    return (long)FsError.InvalidArgument;
                if (source.Length == 0)
                    return 0;
                FileNode n = file.Node;
                BeginChange();
                long end = offset + source.Length;
                EnsureClusters(n, Math.Max(end, n.Length));
                if (offset > n.Length)
                    WriteZeros(n, n.Length, offset);
                Transfer(n, offset, default, source, true);
                if (end > n.Length)
                    n.Length = end;
                UpdateEntry(n);
                return source.Length;
            }
            catch (Exception x) { return (long)Caught(x); }
        }

        public FsError SetLength(FatFile file, long length)
        {
            try
            {
                if (file == null || file.Closed)
                    return FsError.BadHandle;
                if (!file.CanWrite)
                    return FsError.AccessDenied;
                if (length < 0 || length > MaxFileLength)
                    return FsError.InvalidArgument;
                BeginChange();
                Resize(file.Node, length);
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        public FsError Flush(FatFile file)
        {
            try
            {
                if (file == null || file.Closed)
                    return FsError.BadHandle;
                WriteBack();
                Cache.FlushDevice();
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        // The file's data and entry are written back when it was opened for writing.
        public FsError Close(FatFile file)
        {
            try
            {
                if (file == null || file.Closed)
                    return FsError.BadHandle;
                file.Closed = true;
                FileNode n = file.Node;
                if (--n.Opens == 0)
                    _nodes.Remove(n);
                if (file.CanWrite)
                    WriteBack();
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        public FsError Stat(string path, out FatEntryInfo info)
        {
            info = default;
            try
            {
                FsError e = Locate(path, out FatDirectory parent, out DirRecord record, out _);
                if (e != Ok)
                    return e;
                if (parent == null)
                {
                    info = new FatEntryInfo { Name = "", Attributes = FsAttributes.Directory, FirstCluster = RootCluster };
                    return Ok;
                }
                if (record == null)
                    return FsError.NotFound;
                info = record.Info;
                FileNode open = OpenNode(parent, record);
                if (open != null)
                    info.Length = open.Length;
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        // Every name in the directory at path, in the order of its entries.
        public FsError List(string path, List<FatEntryInfo> entries)
        {
            entries.Clear();
            try
            {
                FsError e = OpenDirectory(path, out FatDirectory dir);
                if (e != Ok)
                    return e;
                List<DirRecord> records = dir.Records();
                for (int i = 0; i < records.Count; i++)
                {
                    FatEntryInfo info = records[i].Info;
                    FileNode open = OpenNode(dir, records[i]);
                    if (open != null)
                        info.Length = open.Length;
                    entries.Add(info);
                }
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        public FsError Delete(string path)
        {
            try
            {
                FsError e = LocateExisting(path, out FatDirectory parent, out DirRecord record);
                if (e != Ok)
                    return e;
                if ((record.Attributes & FsAttributes.Directory) != 0)
                    return FsError.IsADirectory;
                if ((record.Attributes & FsAttributes.ReadOnly) != 0)
                    return FsError.AccessDenied;
                if (OpenNode(parent, record) != null)
                    return FsError.InUse;
                if (record.FirstCluster != 0)
                    ClusterChain.Length(Fat, record.FirstCluster);      // a loop is refused before anything is freed
                BeginChange();
                RemoveEntries(parent, record);
                if (record.FirstCluster != 0)
                    FreeLater(record.FirstCluster);
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        public FsError CreateDirectory(string path)
        {
            try
            {
                FsError e = Locate(path, out FatDirectory parent, out DirRecord record, out string name);
                if (e != Ok)
                    return e;
                if (parent == null || record != null)
                    return FsError.AlreadyExists;
                BeginChange();
                uint cluster = Extend(0, 1);
                if (cluster == 0)
                    return FsError.DiskFull;
                ZeroCluster(cluster);
                FatTimestamp now = FatClock.Now();
                long sector = Bpb.FirstSectorOf(cluster);
                Span<byte> s = Cache.GetForWrite(sector);
                DirectoryEntry.Format(s.Slice(0, 32), DotName(1), FsAttributes.Directory, 0, cluster, 0, now);
                DirectoryEntry.Format(s.Slice(32, 32), DotName(2), FsAttributes.Directory, 0, parent.FirstCluster == RootCluster ? 0 : parent.FirstCluster, 0, now);
                WriteClusterNow(cluster);       // the directory's content before the entry that names it
                try
                {
                    CreateEntry(parent, name, FsAttributes.Directory, cluster, 0, null, out _, out _);
                }
                catch (FatFault)
                {
                    ClusterChain.Free(Fat, cluster);
                    throw;
                }
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        public FsError RemoveDirectory(string path)
        {
            try
            {
                FsError e = LocateExisting(path, out FatDirectory parent, out DirRecord record);
                if (e != Ok)
                    return e;
                if ((record.Attributes & FsAttributes.Directory) == 0)
                    return FsError.NotADirectory;
                var dir = new FatDirectory(this, record.FirstCluster);
                if (dir.Records().Count != 0)
                    return FsError.NotEmpty;
                BeginChange();
                RemoveEntries(parent, record);
                FreeLater(record.FirstCluster);
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        // A file or directory gets a new name and/or parent; the target must not exist (a change of
        // case only is the same name and allowed). A directory cannot move into itself.
        public FsError Rename(string from, string to)
        {
            try
            {
                FsError e = LocateExisting(from, out FatDirectory oldParent, out DirRecord record);
                if (e != Ok)
                    return e;
                e = FatPath.Split(from, _components);
                if (e != Ok)
                    return e;
                var fromParts = new List<string>(_components);
                e = Locate(to, out FatDirectory newParent, out DirRecord existing, out string newName);
                if (e != Ok)
                    return e;
                if (newParent == null)
                    return FsError.AlreadyExists;
                bool sameEntry = existing != null && newParent.FirstCluster == oldParent.FirstCluster && existing.Index == record.Index;
                if (existing != null && !sameEntry)
                    return FsError.AlreadyExists;
                bool isDir = (record.Attributes & FsAttributes.Directory) != 0;
                if (isDir && IsPrefix(fromParts, _components))
                    return FsError.InvalidPath;         // into itself or below
                if (!isDir && OpenNode(oldParent, record) != null)
                    return FsError.InUse;
                // Power-cut order: the cache starts clean, and the old entry's sectors reach the disk
                // before the new entry's, so a cut between them leaves lost clusters (the old name
                // gone, the new not yet written), never two entries sharing one chain.
                WriteBack();
                BeginChange();
                // The old entry's bytes (times, attributes, case) travel to the new one.
                var old = new byte[32];
                oldParent.Entry(record.Index).CopyTo(old);
                DirRecord exclude = newParent.FirstCluster == oldParent.FirstCluster ? record : null;
                CreateEntry(newParent, newName, record.Attributes, record.FirstCluster, record.Size, exclude, out long sector, out int offset);
                Span<byte> created = Cache.GetForWrite(sector).Slice(offset, 32);
                byte caseBits = created[12];
                new ReadOnlySpan<byte>(old, 11, 21).CopyTo(created.Slice(11));
                created[12] = caseBits;
                // The old run goes; re-read its position, as the new entries may share its sectors.
                RemoveEntries(oldParent, record);
                for (int i = record.FirstIndex; i <= record.Index; i++)
                {
                    oldParent.Locate(i, out long oldSector, out _);
                    Cache.WriteBackSector(oldSector);
                }
                if (isDir && newParent.FirstCluster != oldParent.FirstCluster)
                {
                    var moved = new FatDirectory(this, record.FirstCluster);
                    Span<byte> dotdot = moved.EntryForWrite(1);
                    if (dotdot[0] == '.' && dotdot[1] == '.')
                        DirectoryEntry.SetFirstCluster(dotdot, newParent.FirstCluster == RootCluster ? 0 : newParent.FirstCluster);
                }
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        // Everything written so far on the disk: cache, FATs, FSInfo's hints, the clean bit set.
        public FsError Sync()
        {
            try
            {
                WriteBack();                    // the deferred frees first: FSInfo counts them
                WriteFsInfo();
                Fat.MarkClean(true);
                _markedClean = true;
                Cache.Flush();
                Cache.FlushDevice();
                return Ok;
            }
            catch (Exception x) { return Caught(x); }
        }

        // Free clusters (counted once when FSInfo gave no usable hint), or a negative FsError.
        public long FreeClusters()
        {
            try
            {
                if (_pendingFrees.Count != 0)
                    WriteBack();                // deferred frees count as free once written
                return Fat.FreeCount;
            }
            catch (Exception x) { return (long)Caught(x); }
        }

        // ---- internals ------------------------------------------------------------------------

        // What every operation's catch answers: a FatFault is the error it names (and its detail),
        // anything else thrown on the way an unsound structure.
        private FsError Caught(Exception x) => x is FatFault f ? Fail(f) : Unsound();

        // The existing entry at `path`, for the operations that remove or move it: Ok, the path's
        // error, InUse for the root (it cannot go), or NotFound.
        private FsError LocateExisting(string path, out FatDirectory parent, out DirRecord record)
        {
            FsError e = Locate(path, out parent, out record, out _);
            if (e != Ok)
                return e;
            if (parent == null)
                return FsError.InUse;
            return record == null ? FsError.NotFound : Ok;
        }

        private FsError Fail(FatFault f)
        {
            LastDetail = f.Detail;
            LastDeviceError = f.DeviceError;
            return f.Error;
        }

        // A bug met on a hostile image (an index past an array) is still an answer, never a crash.
        private FsError Unsound()
        {
            LastDetail = FsMountError.None;
            return FsError.Corrupt;
        }

        // The first change after mount or Sync marks the volume in use again.
        private void BeginChange()
        {
            if (_markedClean)
            {
                Fat.MarkClean(false);
                _markedClean = false;
            }
        }

        private void WriteFsInfo()
        {
            if (Bpb.FsInfoSector == 0 || !FsInfoValid(Cache.Get(Bpb.FsInfoSector)))
                return;
            long free = Fat.FreeCount;
            Span<byte> s = Cache.GetForWrite(Bpb.FsInfoSector);
            BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(488), (uint)free);
            BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(492), Fat.NextFreeHint);
        }

        // Resolves path: parent = the directory holding the last name (null for the root itself),
        // record = that name's entry or null, name = the last name as given (for creating it).
        private FsError Locate(string path, out FatDirectory parent, out DirRecord record, out string name)
        {
            parent = null;
            record = null;
            name = null;
            FsError e = FatPath.Split(path, _components);
            if (e != Ok)
                return e;
            if (_components.Count == 0)
                return Ok;
            FatDirectory dir = Root();
            var ancestors = new List<uint>();
            for (int i = 0; i < _components.Count - 1; i++)
            {
                DirRecord r = dir.Find(_components[i]);
                if (r == null)
                    return FsError.PathNotFound;
                if ((r.Attributes & FsAttributes.Directory) == 0)
                    return FsError.NotADirectory;
                ancestors.Add(dir.FirstCluster);
                CheckTarget(r, ancestors);
                dir = new FatDirectory(this, r.FirstCluster);
            }
            parent = dir;
            name = _components[_components.Count - 1];
            record = dir.Find(name);
            if (record != null)
            {
                ancestors.Add(dir.FirstCluster);
                CheckTarget(record, ancestors);
            }
            return Ok;
        }

        private FsError OpenDirectory(string path, out FatDirectory dir)
        {
            dir = null;
            FsError e = Locate(path, out FatDirectory parent, out DirRecord record, out _);
            if (e != Ok)
                return e;
            if (parent == null)
            {
                dir = Root();
                return Ok;
            }
            if (record == null)
                return FsError.PathNotFound;
            if ((record.Attributes & FsAttributes.Directory) == 0)
                return FsError.NotADirectory;
            dir = new FatDirectory(this, record.FirstCluster);
            return Ok;
        }

        private static bool IsPrefix(List<string> prefix, List<string> path)
        {
            if (prefix.Count > path.Count)
                return false;
            for (int i = 0; i < prefix.Count; i++)
                if (!FatDirectory.NameEquals(prefix[i], path[i]))
                    return false;
            return true;
        }

        private FileNode OpenNode(FatDirectory dir, DirRecord record)
        {
            dir.Locate(record.Index, out long sector, out int offset);
            for (int i = 0; i < _nodes.Count; i++)
                if (_nodes[i].EntrySector == sector && _nodes[i].EntryOffset == offset)
                    return _nodes[i];
            return null;
        }

        // The open node of record, or a new one with its chain checked against its size.
        private FileNode NodeFor(FatDirectory dir, DirRecord record)
        {
            FileNode n = OpenNode(dir, record);
            if (n != null)
                return n;
            long clusters = record.FirstCluster == 0 ? 0 : ClusterChain.Length(Fat, record.FirstCluster);
            if (clusters * Bpb.BytesPerCluster < record.Size)
                throw FatFault.Corrupt(FsMountError.ClusterOutOfRange);     // the chain ends before the data
            dir.Locate(record.Index, out long sector, out int offset);
            n = new FileNode
            {
                EntrySector = sector, EntryOffset = offset, FirstCluster = record.FirstCluster,
                Length = record.Size, Clusters = clusters, Attributes = record.Attributes,
            };
            _nodes.Add(n);
            return n;
        }

        // Writes the entries of a new name (long-name entries when needed, then the short entry).
        private void CreateEntry(FatDirectory dir, string name, byte attributes, uint cluster, uint size, DirRecord exclude,
                                 out long sector, out int offset)
        {
            List<DirRecord> records = dir.Records(true);
            var taken = new HashSet<string>();
            for (int i = 0; i < records.Count; i++)
                if (records[i] != exclude && (exclude == null || records[i].Index != exclude.Index))
                    taken.Add(records[i].ShortKey);
            var shortName = new byte[11];
            bool needsLong = ShortNameGenerator.Generate(name, taken, shortName, out byte caseBits);
            int longEntries = needsLong ? LongName.EntriesFor(name) : 0;
            int index = dir.AllocateRun(longEntries + 1);
            byte checksum = LongName.Checksum(shortName);
            for (int k = 0; k < longEntries; k++)
                LongName.Format(dir.EntryForWrite(index + k), name, longEntries - k, k == 0, checksum);
            FatTimestamp now = FatClock.Now();
            DirectoryEntry.Format(dir.EntryForWrite(index + longEntries), shortName, attributes, caseBits, cluster, size, now);
            dir.Locate(index + longEntries, out sector, out offset);
        }

        private static void RemoveEntries(FatDirectory dir, DirRecord record)
        {
            for (int i = record.FirstIndex; i <= record.Index; i++)
                dir.EntryForWrite(i)[0] = DirectoryEntry.FreeMarker;
        }

        private static byte[] DotName(int dots)
        {
            var name = new byte[11];
            for (int i = 0; i < 11; i++)
                name[i] = (byte)(i < dots ? '.' : ' ');
            return name;
        }

        internal void ZeroCluster(uint cluster)
        {
            long first = Bpb.FirstSectorOf(cluster);
            for (int i = 0; i < Bpb.SectorsPerCluster; i++)
                Cache.GetForWrite(first + i, false).Clear();
        }

        // Power-cut order for directories: a directory has no size, its chain is its content, so a
        // cluster it gets (a new directory's, or one it grows by) must be on the disk, zeroed, before
        // the FAT link or the entry that makes it part of one (both in lower sectors, which the
        // lowest-first write-back would write first): else a cut leaves a free cluster's old bytes
        // read as directory entries (fsck: "bad entries"; the fat server: a cluster past the end).
        internal void WriteClusterNow(uint cluster)
        {
            long first = Bpb.FirstSectorOf(cluster);
            for (int i = 0; i < Bpb.SectorsPerCluster; i++)
                Cache.WriteBackSector(first + i);
        }

        // Power-cut order (docs/storage.md): a chain is freed only after every entry that pointed
        // into it is on the disk. BlockCache writes lower sectors first (FATs before directories), which
        // is right for allocations (the chain is linked before an entry points at it) and wrong for
        // frees: so the frees of deletes and truncations wait here, still allocated in the FAT, until
        // WriteBack has written the entries, and are written by a second pass. A cut between the two
        // leaves lost clusters, which fsck reclaims; never an entry pointing at a free cluster.
        private readonly List<uint> _pendingFrees = new List<uint>();

        private void FreeLater(uint first) => _pendingFrees.Add(first);

        // Every dirty sector to the disk, then the deferred frees, then those FAT sectors.
        private void WriteBack()
        {
            Cache.Flush();
            if (_pendingFrees.Count == 0)
                return;
            foreach (uint first in _pendingFrees)
                ClusterChain.Free(Fat, first);
            _pendingFrees.Clear();
            Cache.Flush();
        }

        // ClusterChain.Extend, and when the disk looks full while frees wait, again after writing them.
        internal uint Extend(uint last, int count)
        {
            uint added = ClusterChain.Extend(Fat, last, count);
            if (added == 0 && _pendingFrees.Count != 0)
            {
                WriteBack();
                added = ClusterChain.Extend(Fat, last, count);
            }
            return added;
        }

        private void UpdateEntry(FileNode n)
        {
            Span<byte> e = Cache.GetForWrite(n.EntrySector).Slice(n.EntryOffset, DirectoryEntry.Size);
            DirectoryEntry.SetFileSize(e, (uint)n.Length);
            DirectoryEntry.SetFirstCluster(e, n.FirstCluster);
            DirectoryEntry.SetWriteTime(e, FatClock.Now());
            e[11] |= FsAttributes.Archive;
        }

        private void Resize(FileNode n, long length)
        {
            if (length > n.Length)
            {
                EnsureClusters(n, length);
                WriteZeros(n, n.Length, length);
            }
            else
            {
                long keep = (length + Bpb.BytesPerCluster - 1) / Bpb.BytesPerCluster;
                if (keep == 0 && n.FirstCluster != 0)
                {
                    FreeLater(n.FirstCluster);
                    n.FirstCluster = 0;
                }
                else if (keep < n.Clusters)
                {
                    uint rest = ClusterChain.Cut(Fat, n.FirstCluster, keep);
                    if (rest != 0)
                        FreeLater(rest);
                }
                n.Clusters = keep;
                n.CursorIndex = -1;
            }
            n.Length = length;
            UpdateEntry(n);
        }

        // The chain long enough for length bytes, or DiskFull with nothing changed.
        private void EnsureClusters(FileNode n, long length)
        {
            long need = (length + Bpb.BytesPerCluster - 1) / Bpb.BytesPerCluster;
            if (need <= n.Clusters)
                return;
            if (need - n.Clusters > Bpb.ClusterCount)
                throw new FatFault(FsError.DiskFull, FsMountError.None);
            uint last = n.Clusters == 0 ? 0 : ClusterAt(n, n.Clusters - 1);
            uint added = Extend(last, (int)(need - n.Clusters));
            if (added == 0)
                throw new FatFault(FsError.DiskFull, FsMountError.None);
            if (n.FirstCluster == 0)
                n.FirstCluster = added;
            n.Clusters = need;
        }

        private void WriteZeros(FileNode n, long from, long to)
        {
            while (from < to)
            {
                int count = (int)Math.Min(Zeros.Length, to - from);
                Transfer(n, from, default, new ReadOnlySpan<byte>(Zeros, 0, count), true);
                from += count;
            }
        }

        // The index-th cluster of the file's chain, walking on from the last one visited.
        private uint ClusterAt(FileNode n, long index)
        {
            if (index < 0 || index >= n.Clusters)
                throw FatFault.Corrupt(FsMountError.ClusterOutOfRange);
            long i;
            uint c;
            if (n.CursorIndex >= 0 && n.CursorIndex <= index)
            {
                i = n.CursorIndex;
                c = n.CursorCluster;
            }
            else
            {
                i = 0;
                c = n.FirstCluster;
            }
            while (i < index)
            {
                c = ClusterChain.Next(Fat, c);
                if (c == 0)
                    throw FatFault.Corrupt(FsMountError.ClusterOutOfRange);
                i++;
            }
            n.CursorIndex = i;
            n.CursorCluster = c;
            return c;
        }

        // Moves bytes between the file (from offset on) and read (into) or written (from), one run of
        // contiguous clusters per device transfer.
        private void Transfer(FileNode n, long offset, Span<byte> read, ReadOnlySpan<byte> written, bool write)
        {
            int total = write ? written.Length : read.Length;
            int bpc = Bpb.BytesPerCluster;
            int bps = Bpb.BytesPerSector;
            int done = 0;
            while (done < total)
            {
                long position = offset + done;
                long index = position / bpc;
                int inCluster = (int)(position % bpc);
                uint cluster = ClusterAt(n, index);
                long run = bpc - inCluster;
                uint last = cluster;
                long lastIndex = index;
                while (run < total - done && lastIndex + 1 < n.Clusters)
                {
                    uint next = ClusterAt(n, lastIndex + 1);
                    if (next != last + 1)
                        break;
                    last = next;
                    lastIndex++;
                    run += bpc;
                }
                int count = (int)Math.Min(run, total - done);
                long sector = Bpb.FirstSectorOf(cluster) + inCluster / bps;
                int within = inCluster % bps;
                if (write)
                    WriteBytes(sector, within, written.Slice(done, count));
                else
                    ReadBytes(sector, within, read.Slice(done, count));
                done += count;
            }
        }

        private void ReadBytes(long sector, int within, Span<byte> destination)
        {
            int bps = Bpb.BytesPerSector;
            int at = 0;
            if (within != 0)
            {
                int n = Math.Min(bps - within, destination.Length);
                Cache.Get(sector).Slice(within, n).CopyTo(destination);
                at = n;
                sector++;
            }
            int whole = (destination.Length - at) / bps;
            if (whole > 0)
            {
                Cache.ReadDirect(sector, whole, destination.Slice(at, whole * bps));
                at += whole * bps;
                sector += whole;
            }
            if (at < destination.Length)
                Cache.Get(sector).Slice(0, destination.Length - at).CopyTo(destination.Slice(at));
        }

        private void WriteBytes(long sector, int within, ReadOnlySpan<byte> source)
        {
            int bps = Bpb.BytesPerSector;
            int at = 0;
            if (within != 0)
            {
                int n = Math.Min(bps - within, source.Length);
                source.Slice(0, n).CopyTo(Cache.GetForFileData(sector).Slice(within, n));
                at = n;
                sector++;
            }
            int whole = (source.Length - at) / bps;
            if (whole > 0)
            {
                Cache.WriteDirect(sector, whole, source.Slice(at, whole * bps));
                at += whole * bps;
                sector += whole;
            }
            if (at < source.Length)
                source.Slice(at).CopyTo(Cache.GetForFileData(sector).Slice(0, source.Length - at));
        }
    }
}
