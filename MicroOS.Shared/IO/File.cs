using System.Collections.Generic;
using System.Text;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace System.IO
{
    // .NET's File over the fat server: whole-file reads and writes through FileStream, the rest one
    // request each (Stat, Delete, Rename). Text is UTF-8 without a byte order mark, as .NET writes
    // it; a UTF-8 mark is skipped on reading.
    public static class File
    {
        public static byte[] ReadAllBytes(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long length = stream.Length;
                if (length > int.MaxValue)
                    throw new IOException(string.Concat("The file '", stream.Name, "' is too long. This operation is currently limited to supporting files less than 2 gigabytes in size."));
                byte[] bytes = new byte[length];
                int done = 0;
                while (done < bytes.Length)
                {
                    int n = stream.Read(bytes, done, bytes.Length - done);
                    if (n == 0)
                        break;
                    done += n;
                }
                if (done < bytes.Length)
                    Array.Resize(ref bytes, done);
                return bytes;
            }
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
                stream.Write(bytes, 0, bytes.Length);
        }

        public static string ReadAllText(string path)
        {
            byte[] bytes = ReadAllBytes(path);
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }

        public static void WriteAllText(string path, string contents) => WriteText(path, contents, FileMode.Create);

        public static void AppendAllText(string path, string contents) => WriteText(path, contents, FileMode.Append);

        private static void WriteText(string path, string contents, FileMode mode)
        {
            using (var stream = new FileStream(path, mode, FileAccess.Write))
            {
                if (!string.IsNullOrEmpty(contents))
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(contents);
                    stream.Write(bytes, 0, bytes.Length);
                }
            }
        }

        // Lines end at "\n", "\r\n" or "\r"; a final line ending ends the last line (no empty line after it).
        public static string[] ReadAllLines(string path)
        {
            string text = ReadAllText(path);
            var lines = new List<string>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != '\n' && text[i] != '\r')
                    continue;
                lines.Add(text.Substring(start, i - start));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                start = i + 1;
            }
            if (start < text.Length)
                lines.Add(text.Substring(start));
            return lines.ToArray();
        }

        public static void WriteAllLines(string path, IEnumerable<string> contents) => WriteLines(path, contents, FileMode.Create);

        public static void AppendAllLines(string path, IEnumerable<string> contents) => WriteLines(path, contents, FileMode.Append);

        private static void WriteLines(string path, IEnumerable<string> contents, FileMode mode)
        {
            if (contents == null)
                throw new ArgumentNullException("contents");
            var text = new System.Text.StringBuilder();
            foreach (string line in contents)
            {
                text.Append(line);
                text.Append('\n');
            }
            WriteText(path, text.ToString(), mode);
        }

        public static FileStream Open(string path, FileMode mode) => new FileStream(path, mode);
        public static FileStream Open(string path, FileMode mode, FileAccess access) => new FileStream(path, mode, access);
        public static FileStream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read);
        public static FileStream OpenWrite(string path) => new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);
        public static FileStream Create(string path) => new FileStream(path, FileMode.Create, FileAccess.ReadWrite);

        // False for a directory, a path that is not there, and a path that is not valid at all.
        public static bool Exists(string path)
        {
            if (string.IsNullOrEmpty(path))
                return false;
            try
            {
                string full = FileSystem.FullPath(path);
                return FileSystem.TryStat(full, out _, out byte attributes) && !FileSystem.IsDirectory(attributes);
            }
            catch (ArgumentException) { return false; }
            catch (IOException) { return false; }
        }

        // Deleting a file that is not there is not an error; a missing directory on the way is.
        public static void Delete(string path)
        {
            string full = FileSystem.FullPath(path);
            long r = FileSystem.Delete(full);
            if (r >= 0 || r == (long)FsError.NotFound)
                return;
            throw FileSystem.ErrorFor((FsError)r, full, FileSystem.LastDetail);
        }

        public static void Move(string sourceFileName, string destFileName) => Move(sourceFileName, destFileName, false);

        public static void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            string source = FileSystem.FullPath(sourceFileName, "sourceFileName");
            string destination = FileSystem.FullPath(destFileName, "destFileName");
            if (!FileSystem.TryStat(source, out _, out byte attributes) || FileSystem.IsDirectory(attributes))
                throw FileSystem.ErrorFor(FsError.NotFound, source, 0);
            if (FileSystem.TryStat(destination, out _, out byte existing))
            {
                if (FileSystem.IsDirectory(existing))
                    throw FileSystem.ErrorFor(FsError.AlreadyExists, destination, 0);
                if (string.Equals(source, destination, StringComparison.OrdinalIgnoreCase) && !string.Equals(source, destination, StringComparison.Ordinal))
                {
                    // Only the case differs: on FAT that is the same file, renamed (below).
                }
                else if (source == destination)
                    return;
                else if (!overwrite)
                    throw FileSystem.ErrorFor(FsError.AlreadyExists, destination, 0);
                else
                    Delete(destination);
            }
            Rename(source, destination);
        }

        internal static void Rename(string source, string destination)
        {
            long r = FileSystem.Rename(source, destination);
            if (r < 0)
            {
                // The source was there a moment ago: what went wrong is the target's, unless the
                // source is open or protected.
                bool sourcesFault = r == (long)FsError.InUse || r == (long)FsError.NotFound || r == (long)FsError.AccessDenied;
                throw FileSystem.ErrorFor((FsError)r, sourcesFault ? source : destination, FileSystem.LastDetail);
            }
        }

        public static void Copy(string sourceFileName, string destFileName) => Copy(sourceFileName, destFileName, false);

        public static void Copy(string sourceFileName, string destFileName, bool overwrite)
        {
            string source = FileSystem.FullPath(sourceFileName, "sourceFileName");
            string destination = FileSystem.FullPath(destFileName, "destFileName");
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read))
            {
                if (FileSystem.TryStat(destination, out _, out byte existing))
                {
                    if (FileSystem.IsDirectory(existing))
                        throw new IOException(string.Concat("The target file '", destination, "' is a directory, not a file."));
                    if (!overwrite)
                        throw FileSystem.ErrorFor(FsError.AlreadyExists, destination, 0);
                }
                using (var output = new FileStream(destination, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write))
                {
                    byte[] block = new byte[FileSystemContract.MaxData * 4];
                    int n;
                    while ((n = input.Read(block, 0, block.Length)) > 0)
                        output.Write(block, 0, n);
                }
            }
        }
    }
}
