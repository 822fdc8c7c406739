using System.Collections.Generic;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // Paths as the contract gives them: absolute, '/'-separated (a leading '/' optional), "." and
    // ".." resolved by name (FAT has no links), empty components skipped. A component is refused
    // (InvalidPath) when it holds a control character or one of < > : " | ? * \, or when nothing is
    // left of it after Windows's rule of dropping trailing periods and spaces; over 255 UTF-16 units
    // it is NameTooLong. ".." above the root is InvalidPath.
    public static class FatPath
    {
        public const int MaxComponent = LongName.MaxUnits;

        public static FsError Split(string path, List<string> components)
        {
            components.Clear();
            if (path == null || path.Length == 0)
                return FsError.InvalidPath;
            if (path.Length > FileSystemContract.MaxPath)
                return FsError.NameTooLong;
            int start = 0;
            while (start <= path.Length)
            {
                int end = path.IndexOf('/', start);
                if (end < 0)
                    end = path.Length;
                if (end > start)
                {
                    string part = path.Substring(start, end - start);
                    if (part == ".")
                    {
                    }
                    else if (part == "..")
                    {
                        if (components.Count == 0)
                            return FsError.InvalidPath;
                        components.RemoveAt(components.Count - 1);
                    }
                    else
                    {
                        FsError e = CheckName(part, out string name);
                        if (e != 0)
                            return e;
                        components.Add(name);
                    }
                }
                start = end + 1;
            }
            return 0;
        }

        // A single name as it will be stored: trailing periods and spaces dropped.
        public static FsError CheckName(string part, out string name)
        {
            name = null;
            for (int i = 0; i < part.Length; i++)
            {
                char c = part[i];
                if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == ':' || c == '"' || c == '|' || c == '?' || c == '*' || c == '\\')
                    return FsError.InvalidPath;
            }
            int n = part.Length;
            while (n > 0 && (part[n - 1] == '.' || part[n - 1] == ' '))
                n--;
            if (n == 0)
                return FsError.InvalidPath;
            if (n > MaxComponent)
                return FsError.NameTooLong;
            name = n == part.Length ? part : part.Substring(0, n);
            return 0;
        }
    }
}
