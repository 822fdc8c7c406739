using System;
using System.IO;
using System.Text;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.User
{
    // The connection System.IO (File, Directory, FileStream in MicroOS.Shared/IO) uses to reach the
    // `fat` server: IFileSystem's generated client, over the thread's IPC buffer (IpcBuffer). A
    // program that uses files says once, at start-up, how to reach Names (Configure); the first file
    // call looks "fat" up and Connects, and the session cap stays in a slot of its own. A session
    // that dies (the server restarted: a SyscallError such as ObjectGone) is dropped and made again
    // once, so a restarted fat server is found again; handles of the old session are gone with it
    // (BadHandle -> ObjectDisposedException). Each call below answers >= 0 or an FsError (the
    // error's detail in ErrorDetail.Last). Single-threaded, like the IPC buffer it writes into.
    public static class FileSystem
    {
        public const string ServerName = "fat";

        private static Endpoint s_names;
        private static IFileSystem.Client s_session;
        private static bool s_configured, s_connected, s_waited;

        // The error behind the last exception this class threw, for callers that print a reason of
        // their own (the shell's "cat: /x: no such file"); Reason(e) reads it.
        private static Exception s_lastException;
        private static FsError s_lastError;
        private static ulong s_lastDetail;

        // `names`: an endpoint to Names (send). The IPC buffer must be set up (Server.Begin, IpcBuffer.Setup).
        public static void Configure(Endpoint names)
        {
            IpcBuffer.Setup();
            s_names = names;
            s_configured = true;
            s_connected = false;
        }

        // Calls made on the session so far (the bench's calls per read or per file).
        public static long Calls { get; private set; }

        // The detail of the last error answer (FsMountError for NotMounted/Corrupt).
        public static ulong LastDetail => ErrorDetail.Last;

        // The session to call on (connecting first if needed); counts the call.
        private static IFileSystem.Client Session()
        {
            Connect();
            Calls++;
            return s_session;
        }

        // After a call's answer `r`: true when the session died (a SyscallError: the server is gone
        // or restarted) and the call is to be made once more on a new session; the second death is
        // an IOException. An answer of the server (>= 0, an FsError, a ContractError) is kept.
        private static bool Again(long r, ref int attempt)
        {
            if (r >= 0 || r <= (long)BlockError.NoDevice)
                return false;
            s_connected = false;
            Caps.FreeSlot(s_session.Endpoint.Slot);
            if (attempt++ > 0)
                throw Remember(new IOException(string.Concat("The file system server '", ServerName, "' is gone (", r.ToString(), ").")), FsError.DeviceError, 0);
            return true;
        }

        public static long Open(string full, FsOpenMode mode, FsAccess access, out long length)
        {
            CheckPath(full);
            long r;
            int attempt = 0;
            do r = Session().Open(full, mode, access, out length); while (Again(r, ref attempt) || StaleSession(r, ref attempt));
            return r;
        }

        // Open names no handle, so its BadHandle says the session's badge is unknown: a fat server
        // restarted or updated (docs/boot-manifest.md "Live update") whose endpoint outlived it, so
        // the old session cap still reaches the new server, which never gave that badge. Connect
        // again, once, as for a session that died.
        private static bool StaleSession(long r, ref int attempt)
        {
            if (r != (long)FsError.BadHandle || attempt++ > 0)
                return false;
            s_connected = false;
            Caps.FreeSlot(s_session.Endpoint.Slot);
            return true;
        }

        // Up to into.Length (<= MaxData) bytes, straight into `into`: the bytes read (0 at the end).
        public static long Read(long handle, long offset, Span<byte> into)
        {
            long r;
            int attempt = 0;
            do r = Session().Read((ulong)handle, (ulong)offset, (ulong)into.Length, into); while (Again(r, ref attempt));
            return r;
        }

        public static long Write(long handle, long offset, ReadOnlySpan<byte> data)
        {
            long r;
            int attempt = 0;
            do r = Session().Write((ulong)handle, (ulong)offset, data); while (Again(r, ref attempt));
            return r;
        }

        public static long SetLength(long handle, long length)
        {
            long r;
            int attempt = 0;
            do r = Session().SetLength((ulong)handle, (ulong)length); while (Again(r, ref attempt));
            return r;
        }

        public static long Flush(long handle)
        {
            long r;
            int attempt = 0;
            do r = Session().Flush((ulong)handle); while (Again(r, ref attempt));
            return r;
        }

        public static long Close(long handle)
        {
            long r;
            int attempt = 0;
            do r = Session().Close((ulong)handle); while (Again(r, ref attempt));
            return r;
        }

        // Delete (0), CreateDirectory (1) or RemoveDirectory (2) of a full path.
        public static long Delete(string full) => PathCall(full, 0);
        public static long CreateDirectory(string full) => PathCall(full, 1);
        public static long RemoveDirectory(string full) => PathCall(full, 2);

        private static long PathCall(string full, int which)
        {
            CheckPath(full);
            long r;
            int attempt = 0;
            do
            {
                IFileSystem.Client c = Session();
                r = which == 0 ? c.Delete(full) : which == 1 ? c.CreateDirectory(full) : c.RemoveDirectory(full);
            } while (Again(r, ref attempt));
            return r;
        }

        public static long Rename(string from, string to)
        {
            CheckPath(from);
            CheckPath(to);
            long r;
            int attempt = 0;
            do r = Session().Rename(from, to); while (Again(r, ref attempt));
            return r;
        }

        private static void Connect()
        {
            if (s_connected)
                return;
            if (!s_configured)
                throw new InvalidOperationException("System.IO needs FileSystem.Configure(names) first.");
            // At boot the fat server may not have registered yet (it mounts first): a name that is
            // not there is asked for again for a while before the answer is "no server" (once: later
            // calls get the answer at once).
            var names = new INames.Client(s_names);
            long found = names.Lookup(ServerName, out Endpoint fat);
            for (int wait = 0; found == (long)NamesError.NotFound && !s_waited && wait < LookupRetries; wait++)
            {
                Sys.Sleep(LookupRetryMs);
                found = names.Lookup(ServerName, out fat);
            }
            s_waited = true;
            if (found != 0)
                throw Remember(new IOException("No file system: no 'fat' server is registered with Names."), FsError.NotMounted, NoServer);
            long r = new IFileSystem.Client(fat).Connect(out Endpoint session);
            Caps.FreeSlot(fat.Slot);
            if (r < 0 && r > (long)BlockError.NoDevice)
                throw Remember(new IOException(string.Concat("No file system: the 'fat' server did not answer (", r.ToString(), ").")), FsError.NotMounted, NoServer);
            if (r < 0)
                throw ErrorFor((FsError)r, "/", ErrorDetail.Last);
            if (session.Slot == 0)
                throw Remember(new IOException("No file system: the 'fat' server gave no session."), FsError.NotMounted, NoServer);
            s_session = new IFileSystem.Client(session);
            s_connected = true;
        }

        private const int LookupRetries = 100;
        private const ulong LookupRetryMs = 50;

        // A reason code of our own in the detail word: Names has no `fat` at all.
        private const ulong NoServer = 0x100;

        // The full path (relative paths from Path.CurrentDirectory), as the server wants it:
        // absolute, no trailing separator but the root's. ArgumentNullException/ArgumentException as .NET.
        public static string FullPath(string path, string parameter = "path")
        {
            if (path == null)
                throw new ArgumentNullException(parameter);
            if (path.Length == 0)
                throw new ArgumentException("The value cannot be an empty string.", parameter);
            string full = Path.GetFullPath(path);
            return full.Length > 1 && full[full.Length - 1] == '/' ? full.Substring(0, full.Length - 1) : full;
        }

        // A path longer than the contract takes is refused here, as the server would (NameTooLong).
        private static void CheckPath(string full)
        {
            if (full.Length > FileSystemContract.MaxPath || Encoding.UTF8.GetByteCount(full) > FileSystemContract.MaxPath)
                throw ErrorFor(FsError.NameTooLong, full, 0);
        }

        // Stat: true and the file's length and attributes, false when it does not exist (NotFound or
        // PathNotFound/NotADirectory on the way); other errors throw.
        public static bool TryStat(string full, out long length, out byte attributes)
        {
            CheckPath(full);
            long r;
            ulong size;
            int attempt = 0;
            do r = Session().Stat(full, out size, out attributes, out _); while (Again(r, ref attempt));
            length = (long)size;
            if (r == (long)FsError.NotFound || r == (long)FsError.PathNotFound || r == (long)FsError.NotADirectory)
                return false;
            if (r < 0)
                throw ErrorFor((FsError)r, full, ErrorDetail.Last);
            return true;
        }

        public static bool IsDirectory(byte attributes) => (attributes & FsAttributes.Directory) != 0;

        public struct Entry
        {
            public string Name;
            public byte Attributes;
            public long Length;
            public uint LastWrite;
            public bool IsDirectory => (Attributes & FsAttributes.Directory) != 0;
        }

        // The entries of a directory, "." and ".." and the volume label left out.
        public static System.Collections.Generic.List<Entry> List(string full)
        {
            CheckPath(full);
            var entries = new System.Collections.Generic.List<Entry>();
            ulong index = 0;
            while (true)
            {
                long r;
                ulong next;
                FsEntry[] page;
                int attempt = 0;
                do r = Session().List(full, index, out next, out page); while (Again(r, ref attempt));
                if (r < 0)
                    throw ErrorFor((FsError)r, full, ErrorDetail.Last);
                foreach (FsEntry e in page)
                {
                    if (e.Name == "." || e.Name == ".." || (e.Attributes & FsAttributes.VolumeLabel) != 0 && (e.Attributes & FsAttributes.Directory) == 0)
                        continue;
                    entries.Add(new Entry { Name = e.Name, Attributes = e.Attributes, Length = (long)e.Length, LastWrite = e.LastWrite });
                }
                if (next == 0 || next <= index)
                    return entries;
                index = next;
            }
        }

        public struct VolumeInfo
        {
            public ulong TotalClusters, FreeClusters, BytesPerCluster, FatType;
            public string Label;
        }

        public static VolumeInfo Volume()
        {
            long r;
            ulong free, perCluster, type;
            string label;
            int attempt = 0;
            do r = Session().Volume(out free, out perCluster, out type, out label); while (Again(r, ref attempt));
            if (r < 0)
                throw ErrorFor((FsError)r, "/", ErrorDetail.Last);
            return new VolumeInfo
            {
                TotalClusters = (ulong)r, FreeClusters = free, BytesPerCluster = perCluster, FatType = type,
                Label = label == null ? "" : label.Trim(),
            };
        }

        public static void Sync()
        {
            long r;
            int attempt = 0;
            do r = Session().Sync(); while (Again(r, ref attempt));
            if (r < 0)
                throw ErrorFor((FsError)r, "/", ErrorDetail.Last);
        }

        // The .NET exception for an FsError on `path` (its meaning as the contract's comments give it).
        public static Exception ErrorFor(FsError error, string path, ulong detail)
        {
            Exception e;
            switch (error)
            {
                case FsError.NotFound: e = new FileNotFoundException(string.Concat("Could not find file '", path, "'."), path); break;
                case FsError.PathNotFound:
                case FsError.NotADirectory: e = new DirectoryNotFoundException(string.Concat("Could not find a part of the path '", path, "'.")); break;
                case FsError.AlreadyExists: e = new IOException(string.Concat("The file '", path, "' already exists.")); break;
                case FsError.IsADirectory:
                case FsError.AccessDenied: e = new UnauthorizedAccessException(string.Concat("Access to the path '", path, "' is denied.")); break;
                case FsError.NotEmpty: e = new IOException(string.Concat("Directory not empty : '", path, "'")); break;
                case FsError.InvalidPath: e = new ArgumentException(string.Concat("The path '", path, "' is not valid on this volume."), "path"); break;
                case FsError.NameTooLong: e = new PathTooLongException(string.Concat("The path '", path, "' is too long, or a component of the specified path is too long.")); break;
                case FsError.DiskFull: e = new IOException(string.Concat("No space left on device : '", path, "'")); break;
                case FsError.BadHandle: e = new ObjectDisposedException(null, "Cannot access a closed file."); break;
                case FsError.TooManyOpen: e = new IOException(string.Concat("Too many open files : '", path, "'")); break;
                case FsError.InUse: e = new IOException(string.Concat("The process cannot access the file '", path, "' because it is being used by another process.")); break;
                case FsError.InvalidArgument: e = new ArgumentException(string.Concat("The request on '", path, "' is out of range.")); break;
                case FsError.NotMounted: e = new IOException(string.Concat("No file system: ", MountReason(detail), ".")); break;
                case FsError.Corrupt: e = new IOException(string.Concat("The volume is corrupt (", MountReason(detail), ") : '", path, "'")); break;
                case FsError.DeviceError: e = new IOException(string.Concat("I/O error : '", path, "'")); break;
                default: e = new IOException(string.Concat("File system error ", ((long)error).ToString(), " : '", path, "'")); break;
            }
            return Remember(e, error, detail);
        }

        private static Exception Remember(Exception e, FsError error, ulong detail)
        {
            s_lastException = e;
            s_lastError = error;
            s_lastDetail = detail;
            return e;
        }

        // A short reason for a message of the form "cat: /x.txt: no such file": the FsError behind
        // `e` when this class threw it, else what the exception's type means.
        public static string Reason(Exception e)
        {
            if (e == s_lastException && e != null)
                return ReasonOf(s_lastError, s_lastDetail);
            if (e is FileNotFoundException) return "no such file";
            if (e is DirectoryNotFoundException) return "no such directory";
            if (e is PathTooLongException) return "name too long";
            if (e is UnauthorizedAccessException) return "access denied";
            if (e is ArgumentException) return "invalid path";
            return e.Message;
        }

        public static string ReasonOf(FsError error, ulong detail)
        {
            switch (error)
            {
                case FsError.NotFound: return "no such file";
                case FsError.PathNotFound: return "no such directory";
                case FsError.AlreadyExists: return "already exists";
                case FsError.NotADirectory: return "not a directory";
                case FsError.IsADirectory: return "is a directory";
                case FsError.NotEmpty: return "directory not empty";
                case FsError.InvalidPath: return "invalid path";
                case FsError.NameTooLong: return "name too long";
                case FsError.DiskFull: return "disk full";
                case FsError.AccessDenied: return "access denied";
                case FsError.BadHandle: return "bad handle";
                case FsError.TooManyOpen: return "too many open files";
                case FsError.NotMounted: return MountReason(detail);
                case FsError.Corrupt: return string.Concat("volume corrupt (", MountReason(detail), ")");
                case FsError.DeviceError: return "disk error";
                case FsError.InvalidArgument: return "invalid argument";
                case FsError.InUse: return "in use";
            }
            return string.Concat("error ", ((long)error).ToString());
        }

        public static string MountReason(ulong detail)
        {
            switch (detail)
            {
                case NoServer: return "no file system server (fat is not running)";
                case (ulong)FsMountError.NoDisk: return "no disk";
                case (ulong)FsMountError.BadSignature: return "not a FAT volume (no boot signature)";
                case (ulong)FsMountError.BadBpb: return "not a FAT volume (BPB out of range)";
                case (ulong)FsMountError.Truncated: return "not a FAT volume (larger than the disk)";
                case (ulong)FsMountError.ChainLoop: return "a cluster chain loops";
                case (ulong)FsMountError.ClusterOutOfRange: return "a cluster past the end";
                case (ulong)FsMountError.DirectoryLoop: return "a directory contains itself";
                case (ulong)FsMountError.DirectoryTooLarge: return "a directory too large";
            }
            return "not mounted";
        }
    }
}
