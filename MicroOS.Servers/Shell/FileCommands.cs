using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // The shell's file commands, written with System.IO (MicroOS.Shared/IO over the fat server, which
    // the shell finds through Names: slot 4, as `ping` does). Relative paths are from the shell's own
    // current directory (cd/pwd: Path.CurrentDirectory). Every error names the full path and
    // the reason ("cat: /x.txt: no such file"; "ls: /: no disk").
    internal static class FileCommands
    {
        public const string Help =
            "          ls [-l] [PATH] | cat FILE | write FILE TEXT | append FILE TEXT\n" +
            "          cp SRC DST | mv SRC DST | rm FILE | mkdir DIR | rmdir DIR\n" +
            "          cd DIR | pwd | df | sync | sum FILE | hexdump FILE\n";

        // hexdump prints at most this much (the serial line is slow); it says when it stopped.
        private const int HexdumpLimit = 64 * 1024;

        // True when `words[0]` is a file command (and it ran); `rest` is the line after the command
        // and its first argument (the TEXT of write/append, spaces kept).
        public static bool Run(string[] words, string line, Action<string> print)
        {
            string command = words[0];
            int count = words.Length - 1;
            string path = count >= 1 ? words[1] : null;
            try
            {
                switch (command)
                {
                    case "ls":
                    {
                        bool longForm = count >= 1 && words[1] == "-l";
                        int first = longForm ? 2 : 1;
                        if (words.Length - first > 1) { print("usage: ls [-l] [PATH]\n"); return true; }
                        path = words.Length > first ? words[first] : ".";
                        List(path, longForm, print);
                        return true;
                    }
                    case "cat":
                        if (count != 1) { print("usage: cat FILE\n"); return true; }
                        Cat(path, print);
                        return true;
                    case "write":
                    case "append":
                    {
                        if (count < 1) { print(string.Concat("usage: ", command, " FILE TEXT\n")); return true; }
                        string text = string.Concat(TextAfter(line, 2), "\n");
                        if (command == "write")
                            File.WriteAllText(path, text);
                        else
                            File.AppendAllText(path, text);
                        return true;
                    }
                    case "cp":
                    case "mv":
                    {
                        if (count != 2) { print(string.Concat("usage: ", command, " SRC DST\n")); return true; }
                        string destination = words[2];
                        // Into a directory: under the source's own name, as cp and mv do.
                        if (Directory.Exists(destination))
                            destination = Path.Combine(destination, Path.GetFileName(FileSystem.FullPath(words[1])));
                        // The target is what "already exists": name it, not the source. (A new case of the
                        // same name is a rename on FAT, not an existing target.)
                        bool sameName = string.Equals(FileSystem.FullPath(words[1]), FileSystem.FullPath(destination), StringComparison.OrdinalIgnoreCase);
                        if (!sameName && (File.Exists(destination) || Directory.Exists(destination)))
                        {
                            print(string.Concat(command, ": ", FileSystem.FullPath(destination), ": already exists\n"));
                            return true;
                        }
                        if (command == "cp")
                            File.Copy(words[1], destination);
                        else if (Directory.Exists(words[1]))
                            Directory.Move(words[1], destination);
                        else
                            File.Move(words[1], destination);
                        return true;
                    }
                    case "rm":
                        if (count != 1) { print("usage: rm FILE\n"); return true; }
                        // File.Delete is silent about a missing file; rm is not.
                        if (Directory.Exists(path)) { print(string.Concat("rm: ", FileSystem.FullPath(path), ": is a directory (rmdir removes an empty one)\n")); return true; }
                        if (!File.Exists(path)) { print(string.Concat("rm: ", FileSystem.FullPath(path), ": no such file\n")); return true; }
                        File.Delete(path);
                        return true;
                    case "mkdir":
                        if (count != 1) { print("usage: mkdir DIR\n"); return true; }
                        if (Directory.Exists(path) || File.Exists(path)) { print(string.Concat("mkdir: ", FileSystem.FullPath(path), ": already exists\n")); return true; }
                        Directory.CreateDirectory(path);
                        return true;
                    case "rmdir":
                        if (count != 1) { print("usage: rmdir DIR\n"); return true; }
                        Directory.Delete(path);
                        return true;
                    case "cd":
                        if (count > 1) { print("usage: cd DIR\n"); return true; }
                        path = count == 0 ? "/" : path;
                        Directory.SetCurrentDirectory(path);
                        return true;
                    case "pwd":
                        if (count != 0) { print("usage: pwd\n"); return true; }
                        print(string.Concat(Directory.GetCurrentDirectory(), "\n"));
                        return true;
                    case "df":
                        if (count != 0) { print("usage: df\n"); return true; }
                        path = "/";
                        Df(print);
                        return true;
                    case "sync":
                        if (count != 0) { print("usage: sync\n"); return true; }
                        path = "/";
                        FileSystem.Sync();
                        return true;
                    case "sum":
                        if (count != 1) { print("usage: sum FILE\n"); return true; }
                        Sum(path, print);
                        return true;
                    case "hexdump":
                        if (count != 1) { print("usage: hexdump FILE\n"); return true; }
                        Hexdump(path, print);
                        return true;
                }
                return false;
            }
            catch (Exception e)
            {
                print(string.Concat(command, ": ", Shown(path), ": ", FileSystem.Reason(e), "\n"));
                return true;
            }
        }

        private static string Shown(string path)
        {
            if (path == null)
                return "/";
            try { return FileSystem.FullPath(path); }
            catch (ArgumentException) { return path; }
        }

        // The text after the first `skip` words of the line, as typed.
        internal static string TextAfter(string line, int skip)
        {
            int i = 0;
            for (int word = 0; word < skip; word++)
            {
                while (i < line.Length && line[i] == ' ') i++;
                while (i < line.Length && line[i] != ' ') i++;
            }
            if (i < line.Length && line[i] == ' ') i++;
            return i < line.Length ? line.Substring(i) : "";
        }

        // Directories first-class: "name/"; -l adds the size and the last write (FAT's local time).
        private static void List(string path, bool longForm, Action<string> print)
        {
            string full = FileSystem.FullPath(path);
            if (full != "/" && FileSystem.TryStat(full, out long length, out byte attributes) && !FileSystem.IsDirectory(attributes))
            {
                print(string.Concat(longForm ? string.Concat(length.ToString().PadLeft(10), "  ") : "", Path.GetFileName(full), "\n"));
                return;
            }
            if (full != "/" && !Directory.Exists(full))
                throw FileSystem.ErrorFor(MicroOS.Shared.Contracts.FsError.PathNotFound, full, 0);
            var entries = FileSystem.List(full);
            entries.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
            var text = new StringBuilder();
            foreach (FileSystem.Entry entry in entries)
            {
                if (longForm)
                {
                    text.Append(entry.IsDirectory ? "     <DIR>" : entry.Length.ToString().PadLeft(10));
                    text.Append("  ").Append(Timestamp(entry.LastWrite)).Append("  ");
                }
                text.Append(entry.Name);
                if (entry.IsDirectory)
                    text.Append('/');
                text.Append('\n');
            }
            print(text.ToString());
        }

        // FAT's packed date (high 16 bits: years since 1980, month, day) and time (hours, minutes, seconds / 2).
        private static string Timestamp(uint packed)
        {
            uint date = packed >> 16, time = packed & 0xFFFF;
            return string.Concat((1980 + (date >> 9)).ToString(), "-", ((date >> 5) & 15).ToString("D2"), "-", (date & 31).ToString("D2"), " ",
                (time >> 11).ToString("D2"), ":", ((time >> 5) & 63).ToString("D2"));
        }

        private static void Cat(string path, Action<string> print)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                byte[] block = new byte[4096];
                int n;
                bool endsWithNewline = true;
                while ((n = stream.Read(block, 0, block.Length)) > 0)
                {
                    print(Encoding.UTF8.GetString(block, 0, n));
                    endsWithNewline = block[n - 1] == (byte)'\n';
                }
                if (!endsWithNewline)
                    print("\n");
            }
        }

        private static void Df(Action<string> print)
        {
            FileSystem.VolumeInfo v = FileSystem.Volume();
            ulong totalKiB = v.TotalClusters * v.BytesPerCluster / 1024, freeKiB = v.FreeClusters * v.BytesPerCluster / 1024;
            print(string.Concat("FAT", v.FatType.ToString(), " volume '", v.Label, "': ", totalKiB.ToString(), " KiB, ", freeKiB.ToString(), " KiB free (",
                v.FreeClusters.ToString(), " of ", v.TotalClusters.ToString(), " clusters of ", v.BytesPerCluster.ToString(), " bytes)\n"));
        }

        // As sha256sum prints it: the hash in lower-case hex, two spaces, the path.
        private static void Sum(string path, Action<string> print)
        {
            byte[] hash;
            string name;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                name = stream.Name;
                hash = SHA256.HashData(stream);
            }
            var text = new StringBuilder(100);
            foreach (byte b in hash)
                text.Append(b.ToString("x2"));
            print(string.Concat(text.ToString(), "  ", name, "\n"));
        }

        // As `hexdump -C`: offset, 16 bytes in hex, the printable ones as text.
        private static void Hexdump(string path, Action<string> print)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                byte[] row = new byte[16];
                long offset = 0;
                var text = new StringBuilder();
                while (offset < HexdumpLimit)
                {
                    int n = 0, got;
                    while (n < 16 && (got = stream.Read(row, n, 16 - n)) > 0)
                        n += got;
                    if (n == 0)
                        break;
                    text.Append(offset.ToString("x8")).Append(' ');
                    for (int i = 0; i < 16; i++)
                    {
                        if (i == 8) text.Append(' ');
                        text.Append(i < n ? string.Concat(" ", row[i].ToString("x2")) : "   ");
                    }
                    text.Append("  |");
                    for (int i = 0; i < n; i++)
                        text.Append(row[i] >= 0x20 && row[i] < 0x7F ? (char)row[i] : '.');
                    text.Append("|\n");
                    offset += n;
                    if (text.Length > 3000)
                    {
                        print(text.ToString());
                        text.Clear();
                    }
                    if (n < 16)
                        break;
                }
                if (offset > 0)
                    text.Append(offset.ToString("x8")).Append('\n');
                if (offset >= HexdumpLimit && stream.Length > HexdumpLimit)
                    text.Append("(stopped after ").Append(HexdumpLimit.ToString()).Append(" of ").Append(stream.Length.ToString()).Append(" bytes)\n");
                print(text.ToString());
            }
        }
    }
}
