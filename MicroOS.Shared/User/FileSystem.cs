using System;
using System.IO;
using System.Text;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.User
{
    // The connection System.IO (File, Directory, FileStream in MicroOS.Shared/IO) uses to reach the
    // `fat` server (FileSystemContract). A server that uses files says once, at start-up, where its
    // IPC buffer is and which slots to use (Configure); the first file call looks "fat" up with Names
    // and Connects, and the session cap stays in `sessionSlot`. A session that dies (the server
    // restarted: ObjectGone) is dropped and made again once, so a restarted fat server is found again;
    // handles of the old session are gone with it (BadHandle -> ObjectDisposedException).
    // Single-threaded, like the IPC buffer it writes into.
    public static unsafe class FileSystem
    {
        public const string ServerName = "fat";

        private static byte* s_buffer;
        private static int s_receiveSlot, s_namesSlot, s_sessionSlot;
        private static bool s_configured, s_connected, s_waited;

        // The error behind the last exception this class threw, for callers that print a reason of
        // their own (the shell's "cat: /x: no such file"); Reason(e) reads it.
        private static Exception s_lastException;
        private static FsError s_lastError;
        private static ulong s_lastDetail;

        // `ipcBuffer`: the thread's IPC buffer (Ipc.SetBuffer) whose received caps land in
        // `receiveSlot`; `namesSlot`: an endpoint to Names (send); `sessionSlot`: a free slot this
        // class keeps the session in.
        public static void Configure(byte* ipcBuffer, int receiveSlot, int namesSlot, int sessionSlot)
        {
            s_buffer = ipcBuffer;
            s_receiveSlot = receiveSlot;
            s_namesSlot = namesSlot;
            s_sessionSlot = sessionSlot;
            s_configured = true;
            s_connected = false;
        }

        public static byte* Buffer => s_buffer;

        // Calls made on the session so far (the bench's calls per read or per file).
        public static long Calls { get; private set; }

        // Sends `m` on the session (connecting first if needed) and returns the reply's W0 as a long:
        // >= 0 or an FsError. A session that died is made again once; a server that is gone for good
        // is an IOException.
        public static long Call(ref Message m)
        {
            Message request = m;
            for (int attempt = 0; ; attempt++)
            {
                Connect();
                Calls++;
                long r = new Endpoint(s_sessionSlot).Call(ref m);
                if (r >= 0)
                    return (long)m.W0;
                s_connected = false;
                Caps.Delete(s_sessionSlot);
                if (attempt > 0)
                    throw Remember(new IOException(string.Concat("The file system server '", ServerName, "' is gone (", r.ToString(), ").")), FsError.DeviceError, 0);
                // Connecting again writes the name into the buffer: keep the request's payload.
                int length = request.Tag.Length;
                byte[] payload = new byte[length];
                for (int i = 0; i < length; i++)
                    payload[i] = s_buffer[i];
                Connect();
                for (int i = 0; i < length; i++)
                    s_buffer[i] = payload[i];
                m = request;
            }
        }

        private static void Connect()
        {
            if (s_connected)
                return;
            if (!s_configured)
                throw new InvalidOperationException("System.IO needs FileSystem.Configure(ipc buffer, receive slot, names slot, session slot) first.");
            // At boot the fat server may not have registered yet (it mounts first): a name that is
            // not there is asked for again for a while before the answer is "no server" (once: later
            // calls get the answer at once).
            long found = new NamesClient(new Endpoint(s_namesSlot), s_buffer).Lookup(ServerName);
            for (int wait = 0; found == (long)NamesError.NotFound && !s_waited && wait < LookupRetries; wait++)
            {
                Sys.Sleep(LookupRetryMs);
                found = new NamesClient(new Endpoint(s_namesSlot), s_buffer).Lookup(ServerName);
            }
            s_waited = true;
            if (found != 0)
                throw Remember(new IOException("No file system: no 'fat' server is registered with Names."), FsError.NotMounted, NoServer);
            // The server's endpoint leaves the receive slot, where the session cap of the reply lands.
            Caps.Delete(s_sessionSlot);
            Caps.Move(s_receiveSlot, s_sessionSlot);
            var m = new Message(FileSystemContract.Connect);
            long r = new Endpoint(s_sessionSlot).Call(ref m);
            Caps.Delete(s_sessionSlot);
            if (r < 0)
                throw Remember(new IOException(string.Concat("No file system: the 'fat' server did not answer (", r.ToString(), ").")), FsError.NotMounted, NoServer);
            if ((long)m.W0 < 0)
            {
                if (m.Tag.CapCount != 0)
                    Caps.Delete(s_receiveSlot);
                throw ErrorFor((FsError)(long)m.W0, "/", m.W1);
            }
            if (m.Tag.CapCount == 0)
                throw Remember(new IOException("No file system: the 'fat' server gave no session."), FsError.NotMounted, NoServer);
            Caps.Move(s_receiveSlot, s_sessionSlot);
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

        // Puts a full path (from FullPath) in the IPC buffer at `at`: its length in bytes.
        public static int PutPath(string full, int at = 0)
        {
            if (!Encoding.UTF8.TryGetBytes(full.AsSpan(), new Span<byte>(s_buffer + at, FileSystemContract.MaxPath), out int n))
                throw ErrorFor(FsError.NameTooLong, full, 0);
            return n;
        }

        // One request whose payload is the path: W0 of the reply (>= 0 or an FsError), the reply in `m`.
        public static long PathCall(uint label, string full, ref Message m)
        {
            EnsureBuffer();
            Connect();
            int n = PutPath(full);
            m.Tag = MessageTag.Of(label, n);
            return Call(ref m);
        }

        private static void EnsureBuffer()
        {
            if (!s_configured)
                throw new InvalidOperationException("System.IO needs FileSystem.Configure(ipc buffer, receive slot, names slot, session slot) first.");
        }

        // Stat: true and the file's length and attributes, false when it does not exist (NotFound or
        // PathNotFound/NotADirectory on the way); other errors throw.
        public static bool TryStat(string full, out long length, out byte attributes)
        {
            var m = new Message(FileSystemContract.Stat);
            long r = PathCall(FileSystemContract.Stat, full, ref m);
            length = 0;
            attributes = 0;
            if (r == (long)FsError.NotFound || r == (long)FsError.PathNotFound || r == (long)FsError.NotADirectory)
                return false;
            if (r < 0)
                throw ErrorFor((FsError)r, full, m.W1);
            length = (long)m.W1;
            attributes = (byte)m.W2;
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
            var entries = new System.Collections.Generic.List<Entry>();
            ulong index = 0;
            while (true)
            {
                var m = new Message(FileSystemContract.List, index);
                long r = PathCall(FileSystemContract.List, full, ref m);
                if (r < 0)
                    throw ErrorFor((FsError)r, full, m.W1);
                int length = m.Tag.Length;
                int at = 0;
                for (long i = 0; i < r && at + 15 <= length; i++)
                {
                    byte attributes = s_buffer[at];
                    long size = (long)ReadU64(s_buffer + at + 1);
                    uint written = (uint)(s_buffer[at + 9] | s_buffer[at + 10] << 8 | s_buffer[at + 11] << 16 | s_buffer[at + 12] << 24);
                    int nameLength = s_buffer[at + 13] | (s_buffer[at + 14] << 8);
                    if (at + 15 + nameLength > length)
                        break;
                    string name = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(s_buffer + at + 15, nameLength));
                    at += 15 + nameLength;
                    if (name == "." || name == ".." || (attributes & FsAttributes.VolumeLabel) != 0 && (attributes & FsAttributes.Directory) == 0)
                        continue;
                    entries.Add(new Entry { Name = name, Attributes = attributes, Length = size, LastWrite = written });
                }
                if (m.W1 == 0 || m.W1 <= index)
                    return entries;
                index = m.W1;
            }
        }

        private static ulong ReadU64(byte* p)
        {
            ulong v = 0;
            for (int i = 7; i >= 0; i--)
                v = (v << 8) | p[i];
            return v;
        }

        public struct VolumeInfo
        {
            public ulong TotalClusters, FreeClusters, BytesPerCluster, FatType;
            public string Label;
        }

        public static VolumeInfo Volume()
        {
            EnsureBuffer();
            var m = new Message(FileSystemContract.Volume);
            long r = Call(ref m);
            if (r < 0)
                throw ErrorFor((FsError)r, "/", m.W1);
            return new VolumeInfo
            {
                TotalClusters = m.W0, FreeClusters = m.W1, BytesPerCluster = m.W2, FatType = m.W3,
                Label = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(s_buffer, m.Tag.Length)).Trim(),
            };
        }

        public static void Sync()
        {
            EnsureBuffer();
            var m = new Message(FileSystemContract.Sync);
            long r = Call(ref m);
            if (r < 0)
                throw ErrorFor((FsError)r, "/", m.W1);
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
