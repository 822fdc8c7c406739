using System;
using System.IO;
using System.Text;

namespace MicroOS.FileChecks
{
    // The System.IO differential suite's driver, compiled twice: for MicroOS (the `filechecks` test
    // server, against the fat server) and for the host (tools/FileChecks.Host, against a temporary
    // folder). Every check prints `name: value`; MicroOS.Tests/Boot/FileSystemDifferentialTests
    // compares the two outputs line for line. The root folder prints as `~`, non-ASCII as \uXXXX, so
    // the lines do not depend on where the suite ran. Where FAT and a Linux folder must differ (FAT
    // is case-insensitive and refuses its reserved characters), the check prints what happened and
    // the test names the expected difference, in one table.
    public static unsafe class FileSuite
    {
        private static delegate*<string, void> s_write;
        public static int Count;
        public static string Root;

        public static void Run(string root, delegate*<string, void> write)
        {
            s_write = write;
            Root = root;
            Directory.CreateDirectory(root);
            Group("Paths", &PathChecks.Run);
            Group("Basics", &Basics.Run);
            Group("Streams", &Streams.Run);
            Group("Sizes", &Sizes.Run);
            Group("Directories", &Directories.Run);
            Group("MoveCopy", &MoveCopy.Run);
            Group("Names", &NameChecks.Run);
            write(string.Concat("files: done, ", Count.ToString(), " checks"));
        }

        private static void Group(string name, delegate*<void> run)
        {
            int before = Count;
            try
            {
                run();
            }
            catch (Exception e)
            {
                C(string.Concat("group.", name, ".aborted"), Describe(e));
            }
            s_write(string.Concat("files: group ", name, ", ", (Count - before).ToString(), " checks"));
        }

        // A path under the suite's root.
        public static string P(string relative) => Path.Combine(Root, relative);

        public static void C(string name, string value)
        {
            Count++;
            s_write(string.Concat(name, ": ", Show(value)));
        }

        public static void C(string name, bool value) => C(name, value ? "True" : "False");
        public static void C(string name, long value) => C(name, value.ToString());

        // The root as `~`, every character outside printable ASCII as \uXXXX.
        public static string Show(string value)
        {
            if (value == null)
                return "(null)";
            string text = value.Replace(Root, "~");
            var shown = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c >= ' ' && c < 0x7F)
                    shown.Append(c);
                else
                    shown.Append("\\u").Append(((int)c).ToString("X4"));
            }
            return shown.ToString();
        }

        // "ok VALUE", or the exception's type and message.
        public static string Try(Func<string> f)
        {
            try
            {
                return string.Concat("ok ", f());
            }
            catch (Exception e)
            {
                return Describe(e);
            }
        }

        public static string Do(Action a) => Try(() => { a(); return ""; });

        // Only the exception's type: for argument checks, whose .NET messages name the argument in
        // wording the runtime does not copy.
        public static string Kind(Action a)
        {
            try
            {
                a();
                return "ok";
            }
            catch (Exception e)
            {
                return KindOf(e);
            }
        }

        public static string Describe(Exception e) => string.Concat(KindOf(e), ": ", e.Message);

        // Most derived first.
        public static string KindOf(Exception e)
        {
            if (e is FileNotFoundException) return "FileNotFoundException";
            if (e is DirectoryNotFoundException) return "DirectoryNotFoundException";
            if (e is PathTooLongException) return "PathTooLongException";
            if (e is EndOfStreamException) return "EndOfStreamException";
            if (e is IOException) return "IOException";
            if (e is UnauthorizedAccessException) return "UnauthorizedAccessException";
            if (e is ArgumentNullException) return "ArgumentNullException";
            if (e is ArgumentOutOfRangeException) return "ArgumentOutOfRangeException";
            if (e is ArgumentException) return "ArgumentException";
            if (e is ObjectDisposedException) return "ObjectDisposedException";
            if (e is NotSupportedException) return "NotSupportedException";
            if (e is InvalidOperationException) return "InvalidOperationException";
            return "Exception";
        }

        // Deterministic content: byte i of a pattern seeded by `seed`.
        public static byte[] Pattern(int length, int seed)
        {
            byte[] bytes = new byte[length];
            uint x = (uint)seed * 2654435761u + 1;
            for (int i = 0; i < length; i++)
            {
                x ^= x << 13; x ^= x >> 17; x ^= x << 5;
                bytes[i] = (byte)x;
            }
            return bytes;
        }

        // Length and FNV-1a of the bytes.
        public static string Sum(byte[] bytes) => Sum(bytes, 0, bytes.Length);

        public static string Sum(byte[] bytes, int offset, int count)
        {
            uint h = 2166136261;
            for (int i = offset; i < offset + count; i++)
                h = (h ^ bytes[i]) * 16777619;
            return string.Concat(count.ToString(), " bytes fnv ", h.ToString("x8"));
        }

        public static string Bytes(byte[] bytes, int offset, int count)
        {
            var text = new StringBuilder();
            for (int i = offset; i < offset + count && i < bytes.Length; i++)
            {
                if (i > offset) text.Append(' ');
                text.Append(bytes[i].ToString("x2"));
            }
            return text.ToString();
        }

        // Names only, sorted ordinally (listing order is the directory's, which differs between volumes).
        public static string Names(string[] paths)
        {
            string[] names = new string[paths.Length];
            for (int i = 0; i < paths.Length; i++)
                names[i] = Path.GetFileName(paths[i]);
            Array.Sort(names, StringComparer.Ordinal);
            return string.Concat(names.Length.ToString(), " [", string.Join(",", names), "]");
        }

        public static byte[] ReadAll(Stream s)
        {
            var all = new byte[s.Length - s.Position];
            int done = 0;
            while (done < all.Length)
            {
                int n = s.Read(all, done, all.Length - done);
                if (n == 0) break;
                done += n;
            }
            return all;
        }
    }
}
