namespace System.IO
{
    // .NET's Path with Unix rules, the ones host .NET uses on Linux and the fat server speaks: '/'
    // separates, a path starting with '/' is rooted, nothing but '\0' is invalid in a path string
    // (what a volume refuses, FAT's reserved characters, is the server's to say: FsError.InvalidPath).
    public static class Path
    {
        public const char DirectorySeparatorChar = '/';
        public const char AltDirectorySeparatorChar = '/';
        public const char VolumeSeparatorChar = '/';
        public const char PathSeparator = ':';

        // What relative paths are relative to: the process's current directory (.NET keeps it in the
        // OS; here it is the process's own). Directory.Get/SetCurrentDirectory read and set it.
        public static string CurrentDirectory { get; set; } = "/";

        public static bool IsPathRooted(string path) => path != null && path.Length > 0 && path[0] == '/';

        public static string Combine(string path1, string path2)
        {
            if (path1 == null) throw new ArgumentNullException("path1");
            if (path2 == null) throw new ArgumentNullException("path2");
            return CombineTwo(path1, path2);
        }

        public static string Combine(string path1, string path2, string path3) => Combine(Combine(path1, path2), path3);

        public static string Combine(params string[] paths)
        {
            if (paths == null) throw new ArgumentNullException("paths");
            string result = "";
            for (int i = 0; i < paths.Length; i++)
            {
                if (paths[i] == null) throw new ArgumentNullException("paths");
                result = CombineTwo(result, paths[i]);
            }
            return result;
        }

        private static string CombineTwo(string first, string second)
        {
            if (second.Length == 0) return first;
            if (first.Length == 0 || IsPathRooted(second)) return second;
            return first[first.Length - 1] == '/' ? string.Concat(first, second) : string.Concat(first, "/", second);
        }

        // Unlike Combine, a rooted second part is appended, not taken instead.
        public static string Join(string path1, string path2)
        {
            if (string.IsNullOrEmpty(path1)) return path2 ?? "";
            if (string.IsNullOrEmpty(path2)) return path1;
            bool separated = path1[path1.Length - 1] == '/' || path2[0] == '/';
            return separated ? string.Concat(path1, path2) : string.Concat(path1, "/", path2);
        }

        public static string Join(string path1, string path2, string path3) => Join(Join(path1, path2), path3);

        public static string GetFileName(string path)
        {
            if (path == null) return null;
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        public static string GetFileNameWithoutExtension(string path)
        {
            string name = GetFileName(path);
            if (name == null) return null;
            int dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(0, dot);
        }

        // The extension with its dot, "" when there is none (or the name ends with the dot).
        public static string GetExtension(string path)
        {
            if (path == null) return null;
            string name = GetFileName(path);
            int dot = name.LastIndexOf('.');
            return dot < 0 || dot == name.Length - 1 ? "" : name.Substring(dot);
        }

        public static bool HasExtension(string path) => path != null && GetExtension(path).Length > 0;

        public static string ChangeExtension(string path, string extension)
        {
            if (path == null) return null;
            string name = GetFileName(path);
            int dot = name.LastIndexOf('.');
            string stem = dot < 0 ? path : path.Substring(0, path.Length - name.Length + dot);
            if (extension == null) return stem;
            return extension.Length > 0 && extension[0] == '.' ? string.Concat(stem, extension) : string.Concat(stem, ".", extension);
        }

        // The path without its last component and the separators before it: null for null, "" and
        // the root; "" for a bare name; "/" for a name in the root. Runs of separators become one.
        public static string GetDirectoryName(string path)
        {
            if (path == null || path.Length == 0) return null;
            int root = IsPathRooted(path) ? 1 : 0;
            int end = path.Length;
            if (end <= root) return null;
            while (end > root && path[--end] != '/') { }
            while (end > root && path[end - 1] == '/') end--;
            return CollapseSeparators(path.Substring(0, end));
        }

        public static string GetPathRoot(string path) => IsPathRooted(path) ? "/" : (path == null ? null : "");

        // Rooted at the current directory (CurrentDirectory), "." and ".." resolved (".."
        // at the root stays there), runs of separators made one; a trailing separator is kept.
        public static string GetFullPath(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            if (path.Length == 0) throw new ArgumentException("The value cannot be an empty string.", "path");
            if (path.IndexOf('\0') >= 0) throw new ArgumentException("Null character in path.", "path");
            string full = IsPathRooted(path) ? path : Combine(CurrentDirectory, path);
            string[] parts = full.Split('/');
            var kept = new System.Collections.Generic.List<string>();
            foreach (string part in parts)
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == "..") { if (kept.Count > 0) kept.RemoveAt(kept.Count - 1); continue; }
                kept.Add(part);
            }
            string result = string.Concat("/", string.Join("/", kept));
            bool trailing = full[full.Length - 1] == '/';
            return trailing && result.Length > 1 ? string.Concat(result, "/") : result;
        }

        public static string GetTempPath() => "/tmp/";

        private static string CollapseSeparators(string path)
        {
            if (path.IndexOf("//") < 0) return path;
            var text = new System.Text.StringBuilder(path.Length);
            for (int i = 0; i < path.Length; i++)
            {
                if (path[i] == '/' && i > 0 && path[i - 1] == '/') continue;
                text.Append(path[i]);
            }
            return text.ToString();
        }
    }
}
