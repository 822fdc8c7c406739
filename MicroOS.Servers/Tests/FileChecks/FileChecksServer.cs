using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MicroOS.FileChecks;
using MicroOS.Shared.User;

namespace MicroOS.Servers.FileChecks
{
    // The storage tests' program in MicroOS, by the manifest's arguments:
    //   suite ROOT   the System.IO differential suite (Checks/) in the folder ROOT, one `name: value`
    //                line per check (FileSystemDifferentialTests compares them with host .NET's)
    //   walk ROOT    every directory and file under ROOT: `walk: PATH SIZE SHA256` (FatInteropTests
    //                compares them with what mcopy put on the image)
    //   walk-each ROOT  the same, but a file or directory that fails is one `walk: PATH failed: KIND`
    //                line and the walk goes on (lab 7's grader, MicroOS.Tests/Labs/Lab07Tests.cs: one
    //                wrong cluster chain must not hide the rest of the volume)
    //   write ROOT   writes a fixed set of files under ROOT, prints `wrote: PATH SIZE SHA256` for each,
    //                syncs and says `write: synced` (FatInteropTests reads them back with mtools)
    //   churn ROOT   writes new files under ROOT without end, each followed by a sync, and prints
    //                `synced: PATH SIZE SHA256` once the sync returned; a file call that fails (the fat
    //                or ata server was killed under it) prints `churn: retry PATH after KIND: MESSAGE`
    //                and the file is written again from the start (StorageCrashTests)
    // Paths print with non-ASCII characters as \uXXXX (the kernel log is ASCII).
    //   taxbench FILE  the same FAT code through the fat server and linked in (TaxBench.cs; tools/bench.sh)
    // Capabilities by name: `names` (send); `ata` (taxbench only). The IPC buffer is Server.Begin's; the
    // session with `fat` and received caps get slots of their own (Caps.NewSlot).
    internal static unsafe class FileChecksServer
    {
        private static int s_files;
        private static bool s_keepGoing;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            Server.Begin("filechecks");
            FileSystem.Configure(Caps.Endpoint("names"));
            string[] args = ServerRuntime.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string mode = args.Length > 0 ? args[0] : "suite";
            string root = args.Length > 1 ? args[1] : "/filechecks";
            try
            {
                switch (mode)
                {
                    case "suite":
                        FileSuite.Run(root, &Write);
                        FileSystem.Sync();
                        break;
                    case "walk":
                    case "walk-each":
                        s_keepGoing = mode == "walk-each";
                        Walk(root);
                        Sys.Write(string.Concat("walk: done, ", s_files.ToString(), " files"));
                        break;
                    case "write":
                        WriteSet(root);
                        FileSystem.Sync();
                        Sys.Write(string.Concat("write: synced, ", s_files.ToString(), " files"));
                        break;
                    case "churn":
                        Churn(root);
                        break;
                    case "taxbench":
                        TaxBench.Run(root);
                        break;
                    default:
                        Sys.Write(string.Concat("filechecks: unknown mode '", mode, "' (suite, walk, write, churn, taxbench)"));
                        return 2;
                }
            }
            catch (Exception e)
            {
                Sys.Write(string.Concat("filechecks: ", mode, " failed: ", FileSuite.KindOf(e), ": ", Escape(e.Message)));
                return 1;
            }
            return 0;
        }

        private static void Write(string line) => Sys.Write(line);

        private static void Walk(string directory)
        {
            string[] directories, files;
            try
            {
                directories = Directory.GetDirectories(directory);
                files = Directory.GetFiles(directory);
            }
            catch (Exception e) when (s_keepGoing)
            {
                Sys.Write(string.Concat("walk: ", Escape(directory), "/ failed: ", FileSuite.KindOf(e)));
                return;
            }
            Array.Sort(directories, StringComparer.Ordinal);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                try
                {
                    using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read))
                    {
                        long length = stream.Length;
                        Report("walk", file, length, SHA256.HashData(stream));
                    }
                }
                catch (Exception e) when (s_keepGoing)
                {
                    Sys.Write(string.Concat("walk: ", Escape(file), " failed: ", FileSuite.KindOf(e)));
                }
            }
            foreach (string sub in directories)
            {
                Sys.Write(string.Concat("walk: ", Escape(sub), "/ dir"));
                Walk(sub);
            }
        }

        // Never returns. Each file has a new name and is never touched after its sync, so every
        // `synced:` line names bytes the disk must keep through any later crash of fat or ata.
        private static void Churn(string root)
        {
            for (int i = 0; ; i++)
            {
                string path = string.Concat(root, "/f", i.ToString("D5"), ".bin");
                byte[] bytes = FileSuite.Pattern(512 + i * 7919 % 24000, i + 10);
                for (int attempt = 0; ; attempt++)
                {
                    try
                    {
                        if (i == 0 || attempt > 0)
                            Directory.CreateDirectory(root);
                        File.WriteAllBytes(path, bytes);
                        FileSystem.Sync();
                        Report("synced", path, bytes.Length, SHA256.HashData(bytes));
                        break;
                    }
                    catch (Exception e)
                    {
                        Sys.Write(string.Concat("churn: retry ", path, " after ", FileSuite.KindOf(e), ": ", Escape(e.Message)));
                        Sys.Sleep(20);
                    }
                }
            }
        }

        private static void WriteSet(string root)
        {
            Directory.CreateDirectory(root);
            Put(Path.Combine(root, "hello.txt"), Text("hello from MicroOS\n"));
            Put(Path.Combine(root, "empty.txt"), new byte[0]);
            Put(Path.Combine(root, "Long file name with spaces.text"), Text("a long name\n"));
            Put(Path.Combine(root, "\u00fcn\u00efc\u00f6d\u00e9-\u65e5\u672c.txt"), Text("unicode \u00e9\u20ac\n"));
            Put(Path.Combine(root, "MiXeD.CaSe"), Text("case kept\n"));
            string deep = Path.Combine(root, "nested", "a", "b", "c");
            Directory.CreateDirectory(deep);
            Put(Path.Combine(deep, "deep.txt"), Text("deep\n"));
            Put(Path.Combine(root, "big.bin"), FileSuite.Pattern(1 << 20, 1));
            string many = Path.Combine(root, "many");
            Directory.CreateDirectory(many);
            for (int i = 0; i < 200; i++)
                Put(Path.Combine(many, string.Concat("file-", i.ToString("D3"), ".txt")), Text(string.Concat("file ", i.ToString(), "\n")));
            // Written, then changed in place: appended, truncated, overwritten in the middle.
            string changed = Path.Combine(root, "changed.bin");
            File.WriteAllBytes(changed, FileSuite.Pattern(100000, 2));
            using (var s = new FileStream(changed, FileMode.Open))
            {
                s.SetLength(70000);
                s.Position = 30000;
                s.Write(FileSuite.Pattern(5000, 3), 0, 5000);
            }
            File.AppendAllText(changed, "tail");
            Report("wrote", changed, new FileStream(changed, FileMode.Open, FileAccess.Read));
            // Made, then deleted or renamed: what fsck must not find left over.
            File.WriteAllBytes(Path.Combine(root, "deleted.bin"), FileSuite.Pattern(20000, 4));
            File.Delete(Path.Combine(root, "deleted.bin"));
            File.WriteAllText(Path.Combine(root, "before-rename.txt"), "renamed\n");
            File.Move(Path.Combine(root, "before-rename.txt"), Path.Combine(root, "after-rename.txt"));
            Report("wrote", Path.Combine(root, "after-rename.txt"), new FileStream(Path.Combine(root, "after-rename.txt"), FileMode.Open, FileAccess.Read));
        }

        private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

        private static void Put(string path, byte[] bytes)
        {
            File.WriteAllBytes(path, bytes);
            Report("wrote", path, bytes.Length, SHA256.HashData(bytes));
        }

        private static void Report(string verb, string path, FileStream stream)
        {
            using (stream)
            {
                long length = stream.Length;
                Report(verb, path, length, SHA256.HashData(stream));
            }
        }

        private static void Report(string verb, string path, long length, byte[] hash)
        {
            s_files++;
            var hex = new StringBuilder(64);
            foreach (byte b in hash)
                hex.Append(b.ToString("x2"));
            Sys.Write(string.Concat(verb, ": ", Escape(path), " ", length.ToString(), " ", hex.ToString()));
        }

        // Non-ASCII and the escape character itself as \uXXXX; spaces stay (the size and hash are the last two fields).
        private static string Escape(string text)
        {
            var shown = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c >= ' ' && c < 0x7F && c != '\\')
                    shown.Append(c);
                else
                    shown.Append("\\u").Append(((int)c).ToString("X4"));
            }
            return shown.ToString();
        }
    }
}
