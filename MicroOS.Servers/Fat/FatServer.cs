using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage;
using MicroOS.Shared.Storage.Fat;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Fat
{
    // The FAT filesystem server (FileSystemContract; docs/storage.md). It holds no device: the disk is
    // the `ata` driver, reached as an IBlockDevice (AtaBlockDevice, a frame lent to the driver). At
    // start it mounts the volume (FatVolume.Mount); when there is no disk or it is not FAT it stays
    // up and answers every request but Connect with NotMounted and the FsMountError, so a shell can
    // say why. Clients Connect for a session of their own (Sessions.cs) and name open files by handle.
    // Slots (boot manifest `caps=`): 1 = its endpoint `fat` (rwg), 2 = the ata endpoint (wg: Attach
    // lends a frame), 3 = Names (system badge). It uses 4 = receive slot, 5 = the block frame,
    // 6 = the write-only copy it registers with Names, 7 = the session cap being handed out.
    internal static unsafe class FatServer
    {
        private const int EndpointSlot = 1, AtaSlot = 2, NamesSlot = 3, ReceiveSlot = 4, FrameSlot = 5, PublicSlot = 6, SessionSlot = 7;

        private static byte* s_ipc;
        private static FatVolume s_volume;
        private static FsMountError s_mountError = FsMountError.NoDisk;
        private static readonly Sessions s_sessions = new Sessions();
        private static readonly List<FatEntryInfo> s_entries = new List<FatEntryInfo>();
        // Strict: a malformed sequence throws (DecoderFallbackException) instead of becoming U+FFFD,
        // so a path the client did not mean is refused (InvalidPath), never looked up.
        private static readonly Encoding s_utf8 = new UTF8Encoding(false, true);

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            s_ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_ipc, ReceiveSlot);
            // Clients get a write-only copy: Names hands out what is registered, and receiving on
            // this endpoint is the server's alone. Registered before the mount: a client that looks
            // `fat` up meanwhile finds it, and its first request waits on the endpoint until the
            // mount is done and the loop receives.
            long minted = Caps.Mint(EndpointSlot, PublicSlot, CapRights.Write);
            long registered = minted < 0 ? minted : new NamesClient(new Endpoint(NamesSlot), s_ipc).Register("fat", PublicSlot);
            Sys.Write(string.Concat("fat: registered -> ", registered.ToString()));
            Mount();
            long r = ServerLoop.Run(new Endpoint(EndpointSlot), Handle);
            Sys.Write(string.Concat("fat: receive failed: ", r.ToString()));
            return 1;
        }

        private static void Mount()
        {
            var disk = new AtaBlockDevice(new Endpoint(AtaSlot), FrameSlot, FrameCap.WindowBase, s_ipc);
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

        private static void Handle(ref Message m)
        {
            uint label = m.Label;
            ulong badge = m.Badge;
            int length = m.Tag.Length;
            if (label == FileSystemContract.Connect)
            {
                Connect(ref m);
                return;
            }
            if (s_volume == null)
            {
                Answer(ref m, label, FsError.NotMounted);
                return;
            }
            try
            {
                Dispatch(ref m, label, badge, length);
            }
            catch (Exception)
            {
                Answer(ref m, label, FsError.InvalidArgument);
            }
        }

        private static void Connect(ref Message m)
        {
            Caps.Delete(SessionSlot);       // the last session's cap: the client holds its own copy
            ulong id = s_sessions.Open(s_volume);
            long minted = Caps.Mint(EndpointSlot, SessionSlot, CapRights.Write, id);
            if (minted < 0)
            {
                Answer(ref m, FileSystemContract.Connect, FsError.TooManyOpen);
                return;
            }
            m = new Message(FileSystemContract.Connect, 0, id);
            m.Tag = MessageTag.WithCap(FileSystemContract.Connect, SessionSlot);
        }

        private static void Dispatch(ref Message m, uint label, ulong badge, int length)
        {
            FatVolume v = s_volume;
            switch (label)
            {
                case FileSystemContract.Open:
                {
                    if (!s_sessions.IsSession(badge))
                    {
                        Answer(ref m, label, FsError.BadHandle);
                        return;
                    }
                    string path = Path(length, out FsError bad);
                    FatFile file = null;
                    FsError e = bad != FatVolume.Ok ? bad : v.Open(path, (FsOpenMode)m.W0, (FsAccess)m.W1, out file);
                    if (e != FatVolume.Ok)
                    {
                        Answer(ref m, label, e);
                        return;
                    }
                    long handle = s_sessions.Add(badge, file);
                    if (handle < 0)
                    {
                        v.Close(file);
                        Answer(ref m, label, (FsError)handle);
                        return;
                    }
                    m = new Message(label, (ulong)handle, (ulong)file.Length);
                    return;
                }
                case FileSystemContract.Read:
                {
                    FatFile file = s_sessions.Get(badge, m.W0);
                    if (file == null || m.W2 > FileSystemContract.MaxData || m.W1 > long.MaxValue)
                    {
                        Answer(ref m, label, file == null ? FsError.BadHandle : FsError.InvalidArgument);
                        return;
                    }
                    long n = v.Read(file, (long)m.W1, new Span<byte>(s_ipc, (int)m.W2));
                    if (n < 0)
                    {
                        Answer(ref m, label, (FsError)n);
                        return;
                    }
                    m = new Message(label, (ulong)n);
                    m.Tag = MessageTag.Of(label, (int)n);
                    return;
                }
                case FileSystemContract.Write:
                {
                    FatFile file = s_sessions.Get(badge, m.W0);
                    if (file == null || m.W1 > long.MaxValue)
                    {
                        Answer(ref m, label, file == null ? FsError.BadHandle : FsError.InvalidArgument);
                        return;
                    }
                    long n = v.Write(file, (long)m.W1, new ReadOnlySpan<byte>(s_ipc, length));
                    if (n < 0)
                        Answer(ref m, label, (FsError)n);
                    else
                        m = new Message(label, (ulong)n);
                    return;
                }
                case FileSystemContract.SetLength:
                {
                    FatFile file = s_sessions.Get(badge, m.W0);
                    Answer(ref m, label, file == null ? FsError.BadHandle : m.W1 > long.MaxValue ? FsError.InvalidArgument : v.SetLength(file, (long)m.W1));
                    return;
                }
                case FileSystemContract.Flush:
                {
                    FatFile file = s_sessions.Get(badge, m.W0);
                    Answer(ref m, label, file == null ? FsError.BadHandle : v.Flush(file));
                    return;
                }
                case FileSystemContract.Close:
                {
                    ulong handle = m.W0;
                    FatFile file = s_sessions.Get(badge, handle);
                    if (file == null)
                    {
                        Answer(ref m, label, FsError.BadHandle);
                        return;
                    }
                    s_sessions.Remove(badge, handle);
                    Answer(ref m, label, v.Close(file));
                    return;
                }
                case FileSystemContract.Stat:
                {
                    string path = Path(length, out FsError bad);
                    FatEntryInfo info = default;
                    FsError e = bad != FatVolume.Ok ? bad : v.Stat(path, out info);
                    if (e != FatVolume.Ok)
                        Answer(ref m, label, e);
                    else
                        m = new Message(label, 0, (ulong)info.Length, info.Attributes, info.LastWrite);
                    return;
                }
                case FileSystemContract.List:
                    List(ref m, length);
                    return;
                case FileSystemContract.Delete:
                case FileSystemContract.CreateDirectory:
                case FileSystemContract.RemoveDirectory:
                {
                    string path = Path(length, out FsError bad);
                    FsError e = bad != FatVolume.Ok ? bad
                        : label == FileSystemContract.Delete ? v.Delete(path)
                        : label == FileSystemContract.CreateDirectory ? v.CreateDirectory(path)
                        : v.RemoveDirectory(path);
                    Answer(ref m, label, e);
                    return;
                }
                case FileSystemContract.Rename:
                {
                    int split = -1;
                    for (int i = 0; i < length && split < 0; i++)
                        if (s_ipc[i] == 0)
                            split = i;
                    if (split < 0)
                    {
                        Answer(ref m, label, FsError.InvalidPath);
                        return;
                    }
                    string from = PathAt(0, split, out FsError bad1);
                    string to = PathAt(split + 1, length - split - 1, out FsError bad2);
                    FsError e = bad1 != FatVolume.Ok ? bad1 : bad2 != FatVolume.Ok ? bad2 : v.Rename(from, to);
                    Answer(ref m, label, e);
                    return;
                }
                case FileSystemContract.Sync:
                    Answer(ref m, label, v.Sync());
                    return;
                case FileSystemContract.Volume:
                {
                    long free = v.FreeClusters();
                    if (free < 0)
                    {
                        Answer(ref m, label, (FsError)free);
                        return;
                    }
                    int n = s_utf8.GetBytes(v.Label, new Span<byte>(s_ipc, FileSystemContract.MaxData));
                    m = new Message(label, v.ClusterCount, (ulong)free, (ulong)v.BytesPerCluster, (ulong)(int)v.Type);
                    m.Tag = MessageTag.Of(label, n);
                    return;
                }
                default:
                    Answer(ref m, label, FsError.InvalidArgument);
                    return;
            }
        }

        // Entries from index W0 on, as many as fit in the payload.
        private static void List(ref Message m, int length)
        {
            ulong start = m.W0;
            string path = Path(length, out FsError bad);
            FsError e = bad != FatVolume.Ok ? bad : s_volume.List(path, s_entries);
            if (e != FatVolume.Ok)
            {
                Answer(ref m, FileSystemContract.List, e);
                return;
            }
            int at = 0, count = 0;
            ulong index = start;
            for (; index < (ulong)s_entries.Count; index++)
            {
                FatEntryInfo info = s_entries[(int)index];
                int nameLength = s_utf8.GetByteCount(info.Name);
                if (at + 15 + nameLength > FileSystemContract.MaxData)
                    break;
                s_ipc[at] = info.Attributes;
                WriteLe(at + 1, (ulong)info.Length, 8);
                WriteLe(at + 9, info.LastWrite, 4);
                WriteLe(at + 13, (ulong)nameLength, 2);
                s_utf8.GetBytes(info.Name, new Span<byte>(s_ipc + at + 15, nameLength));
                at += 15 + nameLength;
                count++;
            }
            ulong next = index < (ulong)s_entries.Count ? index : 0;
            m = new Message(FileSystemContract.List, (ulong)count, next);
            m.Tag = MessageTag.Of(FileSystemContract.List, at);
        }

        private static void WriteLe(int at, ulong value, int bytes)
        {
            for (int i = 0; i < bytes; i++)
                s_ipc[at + i] = (byte)(value >> (8 * i));
        }

        private static string Path(int length, out FsError error) => PathAt(0, length, out error);

        // The UTF-8 path in payload bytes [start, start + length).
        private static string PathAt(int start, int length, out FsError error)
        {
            error = FatVolume.Ok;
            if (length <= 0)
            {
                error = FsError.InvalidPath;
                return null;
            }
            if (length > FileSystemContract.MaxPath)
            {
                error = FsError.NameTooLong;
                return null;
            }
            try
            {
                return s_utf8.GetString(new ReadOnlySpan<byte>(s_ipc + start, length));
            }
            catch (ArgumentException)
            {
                error = FsError.InvalidPath;
                return null;
            }
        }

        // W0 = 0 or the error; W1 = what Corrupt or DeviceError found.
        private static void Answer(ref Message m, uint label, FsError e)
        {
            ulong detail = e == FsError.NotMounted ? (ulong)s_mountError
                : s_volume == null ? 0
                : e == FsError.Corrupt ? (ulong)s_volume.LastDetail
                : e == FsError.DeviceError ? (ulong)s_volume.LastDeviceError : 0;
            long code = (long)e;
            m = new Message(label, (ulong)code, detail);
        }
    }
}
