using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace System.IO
{
    // .NET's FileStream over a handle of the fat server (IFileSystem.Open/Read/Write/...).
    // Unbuffered: every Read and Write is one request per 4 KiB (MaxData), at the stream's own
    // position (the contract's offsets are explicit, so the server keeps no position). Length is the
    // server's at Open, then kept up to date by this stream's own writes and SetLength.
    public class FileStream : Stream
    {
        private long _handle = -1;
        private readonly string _path;
        private readonly FileAccess _access;
        private readonly long _appendStart = -1;   // Append mode: what existed before may not be overwritten
        private long _position;
        private long _length;

        public FileStream(string path, FileMode mode) : this(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite) { }

        public unsafe FileStream(string path, FileMode mode, FileAccess access)
        {
            if (path == null)
                throw new ArgumentNullException("path");
            if (path.Length == 0)
                throw new ArgumentException("The value cannot be an empty string.", "path");
            if (mode < FileMode.CreateNew || mode > FileMode.Append)
                throw new ArgumentOutOfRangeException("mode", "Enum value was out of legal range.");
            if (access < FileAccess.Read || access > FileAccess.ReadWrite)
                throw new ArgumentOutOfRangeException("access", "Enum value was out of legal range.");
            if ((access & FileAccess.Write) == 0 && (mode == FileMode.Truncate || mode == FileMode.CreateNew || mode == FileMode.Create || mode == FileMode.Append))
                throw new ArgumentException(string.Concat("Combining FileMode: ", ModeName(mode), " with FileAccess: ", AccessName(access), " is invalid."), "access");
            if (mode == FileMode.Append && access != FileAccess.Write)
                throw new ArgumentException("Append access can be requested only in write-only mode.", "access");
            _path = FileSystem.FullPath(path);
            _access = access;
            long r = FileSystem.Open(_path, (FsOpenMode)mode, (FsAccess)access, out long length);
            if (r < 0)
                throw FileSystem.ErrorFor((FsError)r, _path, FileSystem.LastDetail);
            _handle = r;
            _length = length;
            if (mode == FileMode.Append)
            {
                _appendStart = _length;
                _position = _length;
            }
        }

        public string Name => _path;
        public override bool CanRead => _handle >= 0 && (_access & FileAccess.Read) != 0;
        public override bool CanWrite => _handle >= 0 && (_access & FileAccess.Write) != 0;
        public override bool CanSeek => _handle >= 0;

        public override long Length
        {
            get { CheckOpen(); return _length; }
        }

        public override long Position
        {
            get { CheckOpen(); return _position; }
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException("value", "Non-negative number required.");
                Seek(value, SeekOrigin.Begin);
            }
        }

        public override unsafe int Read(byte[] buffer, int offset, int count)
        {
            ValidateBufferArguments(buffer, offset, count);
            CheckStreamOpen();
            if ((_access & FileAccess.Read) == 0)
                throw new NotSupportedException("Stream does not support reading.");
            int done = 0;
            while (done < count)
            {
                int want = count - done < FileSystemContract.MaxData ? count - done : FileSystemContract.MaxData;
                long r = FileSystem.Read(_handle, _position, new Span<byte>(buffer, offset + done, want));
                if (r < 0)
                    throw FileSystem.ErrorFor((FsError)r, _path, FileSystem.LastDetail);
                int got = (int)(r < want ? r : want);
                done += got;
                _position += got;
                if (got < want)
                    break;
            }
            return done;
        }

        public override unsafe void Write(byte[] buffer, int offset, int count)
        {
            ValidateBufferArguments(buffer, offset, count);
            CheckStreamOpen();
            if ((_access & FileAccess.Write) == 0)
                throw new NotSupportedException("Stream does not support writing.");
            if (count == 0)
                return;
            // A write past the end leaves zeros between the old end and the position (.NET, POSIX).
            if (_position > _length)
                Resize(_position);
            int done = 0;
            while (done < count)
            {
                int n = count - done < FileSystemContract.MaxData ? count - done : FileSystemContract.MaxData;
                long r = FileSystem.Write(_handle, _position, new ReadOnlySpan<byte>(buffer, offset + done, n));
                if (r < 0)
                    throw FileSystem.ErrorFor((FsError)r, _path, FileSystem.LastDetail);
                if (r != n)
                    throw new IOException(string.Concat("The file system wrote ", r.ToString(), " of ", n.ToString(), " bytes : '", _path, "'"));
                done += n;
                _position += n;
                if (_position > _length)
                    _length = _position;
            }
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            CheckOpen();
            long target;
            switch (origin)
            {
                case SeekOrigin.Begin: target = offset; break;
                case SeekOrigin.Current: target = _position + offset; break;
                case SeekOrigin.End: target = _length + offset; break;
                default: throw new ArgumentException("Invalid seek origin.", "origin");
            }
            if (target < 0)
                throw new IOException(string.Concat("Invalid argument : '", _path, "'"));
            if (_appendStart >= 0 && target < _appendStart)
                throw new IOException("Unable seek backward to overwrite data that previously existed in a file opened in Append mode.");
            _position = target;
            return _position;
        }

        public override void SetLength(long value)
        {
            if (value < 0)
                throw new ArgumentOutOfRangeException("value", "Non-negative number required.");
            CheckOpen();
            if ((_access & FileAccess.Write) == 0)
                throw new NotSupportedException("Stream does not support writing.");
            if (_appendStart >= 0 && value < _appendStart)
                throw new IOException("Unable to truncate data that previously existed in a file opened in Append mode.");
            Resize(value);
            if (_position > value)
                _position = value;
        }

        private void Resize(long value)
        {
            long r = FileSystem.SetLength(_handle, value);
            if (r < 0)
                throw FileSystem.ErrorFor((FsError)r, _path, FileSystem.LastDetail);
            _length = value;
        }

        public override void Flush()
        {
            CheckOpen();
            if ((_access & FileAccess.Write) == 0)
                return;
            long r = FileSystem.Flush(_handle);
            if (r < 0)
                throw FileSystem.ErrorFor((FsError)r, _path, FileSystem.LastDetail);
        }

        protected override void Dispose(bool disposing)
        {
            if (_handle < 0)
                return;
            long handle = _handle;
            _handle = -1;
            bool written = (_access & FileAccess.Write) != 0;
            long r;
            try { r = FileSystem.Close(handle); }
            catch (IOException) when (!written) { return; }
            // The close of a file opened for writing is where its data and entry reach the disk
            // (docs/storage.md). One that did not happen must not look like one that did: a session
            // that died with its server (BadHandle: the server restarted, whatever it had not written
            // back is gone) or a device error throws, as .NET's Dispose does when its last flush fails.
            // StorageCrashTests found the silent case: a file "closed" and synced, its entry never written.
            if (r < 0 && written)
                throw new IOException(string.Concat("The file '", _path, "' may not be on the disk: its close failed (",
                    r == (long)FsError.BadHandle ? "the file system server restarted" : ((FsError)r).ToString(), ")."));
        }

        private void CheckOpen()
        {
            if (_handle < 0)
                throw new ObjectDisposedException(null, "Cannot access a closed file.");
        }

        // .NET says "Stream" when reading or writing a closed FileStream, "file" for the rest.
        private void CheckStreamOpen()
        {
            if (_handle < 0)
                throw new ObjectDisposedException(null, "Cannot access a closed Stream.");
        }

        private static string ModeName(FileMode mode)
        {
            switch (mode)
            {
                case FileMode.CreateNew: return "CreateNew";
                case FileMode.Create: return "Create";
                case FileMode.Open: return "Open";
                case FileMode.OpenOrCreate: return "OpenOrCreate";
                case FileMode.Truncate: return "Truncate";
                default: return "Append";
            }
        }

        private static string AccessName(FileAccess access) =>
            access == FileAccess.Read ? "Read" : access == FileAccess.Write ? "Write" : "ReadWrite";
    }
}
