using System;
using System.Collections.Generic;
using System.Text;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage;
using MicroOS.Shared.Storage.Fat;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Fat
{
    // The FAT filesystem server (IFileSystem, served by its generated dispatcher; docs/storage.md).
    // It holds no device: the disk is the `ata` driver, reached as an IBlockDevice (AtaBlockDevice,
    // a frame lent to the driver). At start it mounts the volume (FatVolume.Mount); when there is
    // no disk or it is not FAT it stays up and answers every request but Connect with NotMounted
    // and the FsMountError as the error's detail, so a shell can say why. Clients Connect for a
    // session of their own (Sessions.cs) and name open files by handle. Capabilities (boot manifest
    // `caps=`): its endpoint `fat` (rwg), the ata endpoint (wg: Attach lends a frame), Names
    // (system badge); it registers a write-only copy of its endpoint.
    internal sealed class FatServer : IFileSystem
    {
        private static FatVolume s_volume;
        private static FsMountError s_mountError = FsMountError.NoDisk;
        private static readonly Sessions s_sessions = new Sessions();
        private static readonly List<FatEntryInfo> s_entries = new List<FatEntryInfo>();
        private static Endpoint s_own;
        private static int s_sessionSlot;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("fat");
            s_own = Caps.Endpoint("fat");
            s_sessionSlot = Caps.NewSlot();
            // Clients get a write-only copy: Names hands out what is registered, and receiving on
            // this endpoint is the server's alone. Registered before the mount: a client that looks
            // `fat` up meanwhile finds it, and its first request waits on the endpoint until the
            // mount is done and the loop receives.
            int published = Caps.NewSlot();
            long minted = Caps.Mint(s_own.Slot, published, CapRights.Write);
            long registered = minted < 0 ? minted : new INames.Client(Caps.Endpoint("names")).Register("fat", new Endpoint(published));
            Sys.Write(string.Concat("fat: registered -> ", registered.ToString()));
            Mount();
            return Server.Serve("fat", s_own, new IFileSystem.Dispatcher(new FatServer()), register: false);
        }

        private static void Mount()
        {
            var disk = new AtaBlockDevice(Caps.Endpoint("ata"), Caps.NewSlot(), FrameCap.WindowBase);
            long opened = disk.Open();
            if (opened < 0)
            {
                s_mountError = FsMountError.NoDisk;
                Sys.Write(string.Concat("fat: no disk (", opened.ToString(), ")"));
                return;
            }
            s_mountError = FatVolume.Mount(disk, out s_volume);
            if (s_mountError != FsMountError.None)
            {
                s_volume = null;
                Sys.Write(string.Concat("fat: not mounted: ", MountErrorName(s_mountError)));
                return;
            }
            Sys.Write(string.Concat("fat: mounted FAT", ((int)s_volume.Type).ToString(), " '", s_volume.Label, "', ",
                s_volume.ClusterCount.ToString(), " clusters of ", s_volume.BytesPerCluster.ToString(), " bytes",
                s_volume.WasDirty ? " (was not cleanly unmounted)" : ""));
        }

        private static string MountErrorName(FsMountError e) => e switch
        {
            FsMountError.NoDisk => "no disk",
            FsMountError.BadSignature => "not a FAT volume (bad signature)",
            FsMountError.BadBpb => "not a FAT volume (BPB out of range)",
            FsMountError.Truncated => "truncated (the volume is larger than the disk)",
            FsMountError.ChainLoop => "a cluster chain loops",
            FsMountError.ClusterOutOfRange => "a cluster past the end",
            FsMountError.DirectoryLoop => "a directory contains itself",
            FsMountError.DirectoryTooLarge => "a directory too large",
            _ => "unsound",
        };

        // A session of its own: the fat endpoint minted with the session's id as its badge. The
        // server keeps the last one minted only until the next Connect (the client holds its copy).
        public long Connect(out Endpoint session)
        {
            session = default;
            Caps.Delete(s_sessionSlot);
            ulong id = s_sessions.Open(s_volume);
            if (Caps.Mint(s_own.Slot, s_sessionSlot, CapRights.Write, id) < 0)
                return Fail(FsError.TooManyOpen);
            session = new Endpoint(s_sessionSlot);
            return 0;
        }

        public long Open(string path, FsOpenMode mode, FsAccess access, out long length)
        {
            length = 0;
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            ulong badge = Server.CallerBadge;
            if (!s_sessions.IsSession(badge))
                return Fail(FsError.BadHandle);
            FsError e = CheckPath(path);
            FatFile file = null;
            if (e == FatVolume.Ok)
                e = v.Open(path, mode, access, out file);
            if (e != FatVolume.Ok)
                return Fail(e);
            long handle = s_sessions.Add(badge, file);
            if (handle < 0)
            {
                v.Close(file);
                return Fail((FsError)handle);
            }
            length = file.Length;
            return handle;
        }

        // The bytes go into `data`, the dispatcher's buffer, which it copies into the reply.
        public long Read(ulong handle, ulong offset, ulong count, Span<byte> data)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FatFile file = s_sessions.Get(Server.CallerBadge, handle);
            if (file == null)
                return Fail(FsError.BadHandle);
            if (count > FileSystemContract.MaxData || count > (ulong)data.Length || offset > long.MaxValue)
                return Fail(FsError.InvalidArgument);
            long n = v.Read(file, (long)offset, data.Slice(0, (int)count));
            return n < 0 ? Fail((FsError)n) : n;
        }

        public long Write(ulong handle, ulong offset, ReadOnlySpan<byte> data)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FatFile file = s_sessions.Get(Server.CallerBadge, handle);
            if (file == null)
                return Fail(FsError.BadHandle);
            if (offset > long.MaxValue)
                return Fail(FsError.InvalidArgument);
            long n = v.Write(file, (long)offset, data);
            return n < 0 ? Fail((FsError)n) : n;
        }

        public long SetLength(ulong handle, ulong length)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FatFile file = s_sessions.Get(Server.CallerBadge, handle);
            return Result(file == null ? FsError.BadHandle : length > long.MaxValue ? FsError.InvalidArgument : v.SetLength(file, (long)length));
        }

        public long Flush(ulong handle)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FatFile file = s_sessions.Get(Server.CallerBadge, handle);
            return Result(file == null ? FsError.BadHandle : v.Flush(file));
        }

        public long Close(ulong handle)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            ulong badge = Server.CallerBadge;
            FatFile file = s_sessions.Get(badge, handle);
            if (file == null)
                return Fail(FsError.BadHandle);
            s_sessions.Remove(badge, handle);
            return Result(v.Close(file));
        }

        public long Stat(string path, out ulong length, out byte attributes, out uint lastWrite)
        {
            length = 0;
            attributes = 0;
            lastWrite = 0;
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FsError e = CheckPath(path);
            FatEntryInfo info = default;
            if (e == FatVolume.Ok)
                e = v.Stat(path, out info);
            if (e != FatVolume.Ok)
                return Fail(e);
            length = (ulong)info.Length;
            attributes = info.Attributes;
            lastWrite = info.LastWrite;
            return 0;
        }

        // Entries from index `start` on, as many as fit in the reply's page.
        public long List(string path, ulong start, out ulong next, out FsEntry[] entries)
        {
            next = 0;
            entries = null;
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FsError e = CheckPath(path);
            if (e == FatVolume.Ok)
                e = v.List(path, s_entries);
            if (e != FatVolume.Ok)
                return Fail(e);
            int bytes = 2, count = 0;       // the records' count
            ulong index = start;
            for (; index < (ulong)s_entries.Count; index++, count++)
            {
                int entry = FsEntry.FixedBytes + Encoding.UTF8.GetByteCount(s_entries[(int)index].Name);
                if (bytes + entry > MessageTag.MaxPayload)
                    break;
                bytes += entry;
            }
            entries = new FsEntry[count];
            for (int i = 0; i < count; i++)
            {
                FatEntryInfo info = s_entries[(int)start + i];
                entries[i] = new FsEntry { Attributes = info.Attributes, Length = (ulong)info.Length, LastWrite = info.LastWrite, Name = info.Name };
            }
            next = index < (ulong)s_entries.Count ? index : 0;
            return count;
        }

        public long Delete(string path) => PathOperation(path, 0);

        public long CreateDirectory(string path) => PathOperation(path, 1);

        public long RemoveDirectory(string path) => PathOperation(path, 2);

        private static long PathOperation(string path, int which)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FsError e = CheckPath(path);
            if (e == FatVolume.Ok)
                e = which == 0 ? v.Delete(path) : which == 1 ? v.CreateDirectory(path) : v.RemoveDirectory(path);
            return Result(e);
        }

        public long Rename(string from, string to)
        {
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            FsError e = CheckPath(from);
            if (e == FatVolume.Ok)
                e = CheckPath(to);
            return Result(e != FatVolume.Ok ? e : v.Rename(from, to));
        }

        public long Sync() => Mounted(out FatVolume v) ? Result(v.Sync()) : Fail(FsError.NotMounted);

        public long Volume(out ulong freeClusters, out ulong bytesPerCluster, out ulong fatType, out string label)
        {
            freeClusters = bytesPerCluster = fatType = 0;
            label = null;
            if (!Mounted(out FatVolume v))
                return Fail(FsError.NotMounted);
            long free = v.FreeClusters();
            if (free < 0)
                return Fail((FsError)free);
            freeClusters = (ulong)free;
            bytesPerCluster = (ulong)v.BytesPerCluster;
            fatType = (ulong)(int)v.Type;
            label = v.Label;
            return v.ClusterCount;
        }

        private static bool Mounted(out FatVolume v)
        {
            v = s_volume;
            return v != null;
        }

        // A path as the volume takes it: InvalidPath when empty, NameTooLong past MaxPath bytes.
        private static FsError CheckPath(string path)
        {
            if (path == null || path.Length == 0)
                return FsError.InvalidPath;
            if (path.Length > FileSystemContract.MaxPath || Encoding.UTF8.GetByteCount(path) > FileSystemContract.MaxPath)
                return FsError.NameTooLong;
            return FatVolume.Ok;
        }

        private static long Result(FsError e) => e == FatVolume.Ok ? 0 : Fail(e);

        // The error, with what NotMounted, Corrupt or DeviceError found as its detail.
        private static long Fail(FsError e)
        {
            ErrorDetail.Reply = e == FsError.NotMounted ? (ulong)s_mountError
                : s_volume == null ? 0
                : e == FsError.Corrupt ? (ulong)s_volume.LastDetail
                : e == FsError.DeviceError ? (ulong)s_volume.LastDeviceError : 0;
            return (long)e;
        }
    }
}
