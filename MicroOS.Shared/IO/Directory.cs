using System.Collections.Generic;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace System.IO
{
    // .NET's Directory over the fat server. Listings return the path as given joined with each
    // name (as .NET does), in the directory's order; patterns are .NET's `*` and `?`, matched as the
    // names are stored. The current directory is the process's own (Path.CurrentDirectory).
    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path)
        {
            string full = FileSystem.FullPath(path);
            // Each missing directory on the way, from the root down; a file on the way is an error.
            int at = 1;
            while (at <= full.Length)
            {
                int slash = full.IndexOf('/', at);
                int end = slash < 0 ? full.Length : slash;
                string prefix = full.Substring(0, end);
                if (prefix.Length > 1)
                {
                    if (FileSystem.TryStat(prefix, out _, out byte attributes))
                    {
                        // A file as the last component "already exists"; on the way, the path is not there.
                        if (!FileSystem.IsDirectory(attributes))
                            throw FileSystem.ErrorFor(end == full.Length ? FsError.AlreadyExists : FsError.PathNotFound, full, 0);
                    }
                    else
                    {
                        long r = FileSystem.CreateDirectory(prefix);
                        if (r < 0 && r != (long)FsError.AlreadyExists)
                            throw FileSystem.ErrorFor((FsError)r, prefix, FileSystem.LastDetail);
                    }
                }
                at = end + 1;
            }
            return new DirectoryInfo(full);
        }

        public static bool Exists(string path)
        {
            if (string.IsNullOrEmpty(path))
                return false;
            try
            {
                string full = FileSystem.FullPath(path);
                if (full == "/")
                    return true;
                return FileSystem.TryStat(full, out _, out byte attributes) && FileSystem.IsDirectory(attributes);
            }
            catch (ArgumentException) { return false; }
            catch (IOException) { return false; }
        }

        public static void Delete(string path) => Delete(path, false);

        public static void Delete(string path, bool recursive)
        {
            string full = FileSystem.FullPath(path);
            if (!FileSystem.TryStat(full, out _, out byte attributes))
                throw FileSystem.ErrorFor(FsError.PathNotFound, full, 0);
            if (!FileSystem.IsDirectory(attributes))
                throw FileSystem.ErrorFor(FsError.PathNotFound, full, 0);
            if (recursive)
            {
                foreach (FileSystem.Entry entry in FileSystem.List(full))
                {
                    string child = string.Concat(full, "/", entry.Name);
                    if (entry.IsDirectory)
                        Delete(child, true);
                    else
                        File.Delete(child);
                }
            }
            long r = FileSystem.RemoveDirectory(full);
            if (r < 0)
                throw FileSystem.ErrorFor((FsError)r, full, FileSystem.LastDetail);
        }

        public static void Move(string sourceDirName, string destDirName)
        {
            string source = FileSystem.FullPath(sourceDirName, "sourceDirName");
            string destination = FileSystem.FullPath(destDirName, "destDirName");
            if (!FileSystem.TryStat(source, out _, out _))
                throw FileSystem.ErrorFor(FsError.PathNotFound, source, 0);
            if (FileSystem.TryStat(destination, out _, out _))
                throw new IOException(string.Concat("Cannot create '", destination, "' because a file or directory with the same name already exists."));
            File.Rename(source, destination);
        }

        public static string[] GetFiles(string path) => List(path, "*", true, false);
        public static string[] GetFiles(string path, string searchPattern) => List(path, searchPattern, true, false);
        public static string[] GetDirectories(string path) => List(path, "*", false, true);
        public static string[] GetDirectories(string path, string searchPattern) => List(path, searchPattern, false, true);
        public static string[] GetFileSystemEntries(string path) => List(path, "*", true, true);
        public static IEnumerable<string> EnumerateFiles(string path) => GetFiles(path);
        public static IEnumerable<string> EnumerateDirectories(string path) => GetDirectories(path);

        private static string[] List(string path, string pattern, bool files, bool directories)
        {
            if (pattern == null)
                throw new ArgumentNullException("searchPattern");
            string full = FileSystem.FullPath(path);
            if (full != "/" && (!FileSystem.TryStat(full, out _, out byte attributes) || !FileSystem.IsDirectory(attributes)))
                throw FileSystem.ErrorFor(FsError.PathNotFound, full, 0);
            var names = new List<string>();
            foreach (FileSystem.Entry entry in FileSystem.List(full))
            {
                if ((entry.IsDirectory ? directories : files) && Matches(pattern, 0, entry.Name, 0))
                    names.Add(Path.Join(path, entry.Name));
            }
            return names.ToArray();
        }

        // `*` any run of characters, `?` one character, anything else itself (ordinal).
        private static bool Matches(string pattern, int p, string name, int n)
        {
            while (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    for (int k = n; k <= name.Length; k++)
                    {
                        if (Matches(pattern, p + 1, name, k))
                            return true;
                    }
                    return false;
                }
                if (n >= name.Length || (c != '?' && c != name[n]))
                    return false;
                p++;
                n++;
            }
            return n == name.Length;
        }

        public static string GetCurrentDirectory() => Path.CurrentDirectory;

        public static void SetCurrentDirectory(string path)
        {
            string full = FileSystem.FullPath(path);
            if (!Exists(full))
                throw FileSystem.ErrorFor(FsError.PathNotFound, full, 0);
            Path.CurrentDirectory = full;
        }
    }
}
