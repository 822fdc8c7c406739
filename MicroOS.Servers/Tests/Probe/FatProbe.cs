using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The fat server's boot tests (MicroOS.Tests/Boot/FatServerTests.cs), from the test manifest's
    // [fat-test] section: `fat client`, holding `fat` as Names hands it out (unbadged, write-only),
    // calling through IFileSystem's generated client. One line per check, "fat-client: WHAT ->
    // RESULT"; checksums are FNV-1a 64, which the test computes over the host's files. Malformed
    // requests (the unknown label) are built by hand: no generated client can send one.
    internal static class FatProbe
    {
        public const int WrittenBytes = 10_000;     // "/OUT/New File.txt": Pattern(i) at byte i

        public static int Run(string[] args)
        {
            Server.Begin("fat-client");
            var fat = new IFileSystem.Client(Caps.Endpoint("fat"));
            if (args.Length > 1 && args[1] == "bench")
                return Bench(fat);

            long total = fat.Volume(out ulong free, out ulong perCluster, out ulong type, out _);
            Sys.Write(total < 0
                ? string.Concat("fat-client: volume -> ", total.ToString(), " ", ErrorDetail.Last.ToString(), " 0 0")
                : string.Concat("fat-client: volume -> ", total.ToString(), " ", free.ToString(), " ", perCluster.ToString(), " ", type.ToString()));
            Say("open before connect", fat.Open("/HELLO.TXT", FsOpenMode.Open, FsAccess.Read, out _));
            Say("connect", Connect(fat, out IFileSystem.Client a));
            Say("connect again", Connect(fat, out IFileSystem.Client b));
            if (total < 0)
            {
                Say("open when not mounted", a.Open("/HELLO.TXT", FsOpenMode.Open, FsAccess.Read, out _));
                Sys.Write("fat-client: done");
                return 0;
            }

            ReadAll(a, "/HELLO.TXT");
            ReadAll(a, "/Docs/A long name.txt");
            ReadAll(a, "/BIG.BIN");

            long handle = a.Open("/HELLO.TXT", FsOpenMode.Open, FsAccess.Read, out _);
            byte[] block = new byte[FileSystemContract.MaxData];
            Say("read through another session's handle", b.Read((ulong)handle, 0, 16, block));
            Say("read through a forged handle", a.Read((ulong)handle + 1, 0, 16, block));
            Say("read more than MaxData", a.Read((ulong)handle, 0, FileSystemContract.MaxData + 1, block));
            Say("write to a read-only handle", a.Write((ulong)handle, 0, ReadOnlySpan<byte>.Empty));
            Say("close", a.Close((ulong)handle));
            Say("close again", a.Close((ulong)handle));

            Say("mkdir /OUT", a.CreateDirectory("/OUT"));
            Say("mkdir /OUT again", a.CreateDirectory("/OUT"));
            long w = a.Open("/OUT/New File.txt", FsOpenMode.CreateNew, FsAccess.ReadWrite, out _);
            Say("create /OUT/New File.txt", w < 0 ? w : 0);
            long written = 0;
            byte[] chunk = new byte[3000];
            for (int at = 0; at < WrittenBytes;)
            {
                int n = Math.Min(chunk.Length, WrittenBytes - at);
                for (int i = 0; i < n; i++)
                    chunk[i] = Pattern(at + i);
                long result = a.Write((ulong)w, (ulong)at, new ReadOnlySpan<byte>(chunk, 0, n));
                if (result != n)
                {
                    written = result;
                    break;
                }
                written += n;
                at += n;
            }
            Say("write /OUT/New File.txt", written);
            Say("flush", a.Flush((ulong)w));
            Say("close written", a.Close((ulong)w));
            long stat = a.Stat("/out/NEW FILE.TXT", out ulong length, out byte attributes, out _);
            Sys.Write(string.Concat("fat-client: stat /out/NEW FILE.TXT -> ", stat.ToString(), " length ", length.ToString(),
                " attributes ", attributes.ToString()));
            ReadAll(a, "/OUT/new file.TXT");
            List(a, "/OUT");
            Say("rename", a.Rename("/HELLO.TXT", "/OUT/hello again.txt"));
            Say("delete a directory", a.Delete("/OUT"));
            Say("rmdir a full directory", a.RemoveDirectory("/OUT"));
            Say("delete a missing file", a.Delete("/nothing.txt"));
            Say("open an empty path", a.Open("", FsOpenMode.Open, FsAccess.Read, out _));
            Say("open a reserved name", a.Open("/a<b.txt", FsOpenMode.Open, FsAccess.Read, out _));
            Say("open above the root", a.Open("/../x.txt", FsOpenMode.Open, FsAccess.Read, out _));
            Say("open a 300-character name", a.Open("/" + new string('x', 300), FsOpenMode.Open, FsAccess.Read, out _));
            Say("open with a bad mode", a.Open("/BIG.BIN", (FsOpenMode)99, FsAccess.Read, out _));
            var unknown = new Message(99);
            long r = a.Endpoint.Call(ref unknown);
            Say("unknown label", r < 0 ? r : (long)unknown.W0);
            List(a, "/");
            Say("sync", a.Sync());
            Sys.Write("fat-client: done");
            return 0;
        }

        // tools/bench.sh's disk figures, in guest instructions (the TSC under -icount shift=0) through
        // client -> fat -> ata: a 10 MiB file read 4 KiB per request, 1 MiB written 4 KiB per request
        // then Sync, and open + read 4 KiB + close of a small file (the mean of 64).
        private static int Bench(IFileSystem.Client fat)
        {
            Connect(fat, out IFileSystem.Client a);
            long handle = a.Open("/BENCH.BIN", FsOpenMode.Open, FsAccess.Read, out _);
            byte[] into = new byte[FileSystemContract.MaxData];
            ulong t0 = Sys.ReadTimestamp();
            long offset = 0, blocks = 0;
            while (handle >= 0)
            {
                long n = a.Read((ulong)handle, (ulong)offset, FileSystemContract.MaxData, into);
                if (n <= 0)
                    break;
                offset += n;
                blocks++;
            }
            ulong t1 = Sys.ReadTimestamp();
            a.Close((ulong)handle);
            Sys.Write(string.Concat("bench: disk-read-bytes ", offset.ToString()));
            Sys.Write(string.Concat("bench: disk-read-total ", (t1 - t0).ToString()));
            Sys.Write(string.Concat("bench: disk-read-per-block ", (blocks == 0 ? 0 : (t1 - t0) / (ulong)blocks).ToString()));

            long w = a.Open("/BENCHW.BIN", FsOpenMode.Create, FsAccess.Write, out _);
            byte[] block = new byte[FileSystemContract.MaxData];
            for (int i = 0; i < block.Length; i++)
                block[i] = Pattern(i);
            t0 = Sys.ReadTimestamp();
            long wrote = 0;
            for (int k = 0; k < 256 && w >= 0; k++)
            {
                if (a.Write((ulong)w, (ulong)(k * 4096), block) != 4096)
                    break;
                wrote += 4096;
            }
            long synced = a.Sync();
            t1 = Sys.ReadTimestamp();
            a.Close((ulong)w);
            Sys.Write(string.Concat("bench: disk-write-bytes ", wrote.ToString(), " sync ", synced.ToString()));
            Sys.Write(string.Concat("bench: disk-write-sync-total ", (t1 - t0).ToString()));

            t0 = Sys.ReadTimestamp();
            for (int k = 0; k < 64; k++)
            {
                long h = a.Open("/SMALL.TXT", FsOpenMode.Open, FsAccess.Read, out _);
                a.Read((ulong)h, 0, FileSystemContract.MaxData, into);
                a.Close((ulong)h);
            }
            t1 = Sys.ReadTimestamp();
            Sys.Write(string.Concat("bench: open-read-close-4k ", ((t1 - t0) / 64).ToString()));
            Sys.Write("bench: done");
            return 0;
        }

        public static byte Pattern(int i) => (byte)(i * 7 + i / 251);

        // Opens, reads 4 KiB at a time, closes: "read PATH -> LENGTH fnv CHECKSUM".
        private static void ReadAll(IFileSystem.Client session, string path)
        {
            long handle = session.Open(path, FsOpenMode.Open, FsAccess.Read, out _);
            if (handle < 0)
            {
                Say(string.Concat("read ", path), handle);
                return;
            }
            ulong h = 14695981039346656037UL;
            long offset = 0;
            byte[] data = new byte[FileSystemContract.MaxData];
            while (true)
            {
                long n = session.Read((ulong)handle, (ulong)offset, FileSystemContract.MaxData, data);
                if (n < 0)
                {
                    Say(string.Concat("read ", path), n);
                    return;
                }
                if (n == 0)
                    break;
                for (int i = 0; i < n; i++)
                {
                    h ^= data[i];
                    h *= 1099511628211UL;
                }
                offset += n;
            }
            session.Close((ulong)handle);
            Sys.Write(string.Concat("fat-client: read ", path, " -> ", offset.ToString(), " fnv ", h.ToString()));
        }

        // "list PATH -> name|name|..." (every entry, however many replies it takes; names as ASCII).
        private static void List(IFileSystem.Client session, string path)
        {
            string names = "";
            ulong index = 0;
            do
            {
                long r = session.List(path, index, out ulong next, out FsEntry[] entries);
                if (r < 0)
                {
                    Say(string.Concat("list ", path), r);
                    return;
                }
                foreach (FsEntry e in entries)
                {
                    var chars = e.Name.ToCharArray();
                    for (int i = 0; i < chars.Length; i++)
                        if (chars[i] >= 0x80)
                            chars[i] = '?';
                    names = names.Length == 0 ? new string(chars) : string.Concat(names, "|", new string(chars));
                }
                index = next;
            } while (index != 0);
            Sys.Write(string.Concat("fat-client: list ", path, " -> ", names));
        }

        private static long Connect(IFileSystem.Client fat, out IFileSystem.Client session)
        {
            long r = fat.Connect(out Endpoint e);
            session = new IFileSystem.Client(e);
            return r;
        }

        private static void Say(string what, long result) => Sys.Write(string.Concat("fat-client: ", what, " -> ", result.ToString()));
    }
}
