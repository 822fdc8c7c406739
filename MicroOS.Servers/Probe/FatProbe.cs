using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The fat server's boot tests (MicroOS.Tests/Boot/FatServerTests.cs), from the test manifest's
    // [fat-test] section: `fat client`. Slot 1 = the fat endpoint, unbadged and write-only, as Names
    // hands it out. One line per check, "fat-client: WHAT -> RESULT"; checksums are FNV-1a 64, which
    // the test computes over the host's files. The session caps arrive in ReceiveSlot and move to
    // SessionA / SessionB.
    internal static unsafe class FatProbe
    {
        private const int ReceiveSlot = 30, SessionA = 10, SessionB = 11;
        public const int WrittenBytes = 10_000;     // "/OUT/New File.txt": Pattern(i) at byte i

        private static byte* s_ipc;

        public static int Run(string[] args)
        {
            s_ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_ipc, ReceiveSlot);
            var fat = new Endpoint(1);
            if (args.Length > 1 && args[1] == "bench")
                return Bench(fat);

            var volume = new Message(FileSystemContract.Volume);
            long r = fat.Call(ref volume);
            Sys.Write(string.Concat("fat-client: volume -> ", r < 0 ? r.ToString() : ((long)volume.W0).ToString(), " ",
                volume.W1.ToString(), " ", volume.W2.ToString(), " ", volume.W3.ToString()));
            Say("open before connect", Request(fat, FileSystemContract.Open, "/HELLO.TXT", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read));
            Say("connect", Connect(fat, SessionA));
            Say("connect again", Connect(fat, SessionB));
            var a = new Endpoint(SessionA);
            var b = new Endpoint(SessionB);
            if ((long)volume.W0 < 0)
            {
                Say("open when not mounted", Request(a, FileSystemContract.Open, "/HELLO.TXT", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read));
                Sys.Write("fat-client: done");
                return 0;
            }

            ReadAll(a, "/HELLO.TXT");
            ReadAll(a, "/Docs/A long name.txt");
            ReadAll(a, "/BIG.BIN");

            long handle = Request(a, FileSystemContract.Open, "/HELLO.TXT", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read);
            Say("read through another session's handle", Call(b, FileSystemContract.Read, (ulong)handle, 0, 16));
            Say("read through a forged handle", Call(a, FileSystemContract.Read, (ulong)handle + 1, 0, 16));
            Say("read more than MaxData", Call(a, FileSystemContract.Read, (ulong)handle, 0, FileSystemContract.MaxData + 1));
            Say("write to a read-only handle", Call(a, FileSystemContract.Write, (ulong)handle, 0, 0));
            Say("close", Call(a, FileSystemContract.Close, (ulong)handle, 0, 0));
            Say("close again", Call(a, FileSystemContract.Close, (ulong)handle, 0, 0));

            Say("mkdir /OUT", Request(a, FileSystemContract.CreateDirectory, "/OUT", 0, 0));
            Say("mkdir /OUT again", Request(a, FileSystemContract.CreateDirectory, "/OUT", 0, 0));
            long w = Request(a, FileSystemContract.Open, "/OUT/New File.txt", (ulong)FsOpenMode.CreateNew, (ulong)FsAccess.ReadWrite);
            Say("create /OUT/New File.txt", w < 0 ? w : 0);
            long written = 0;
            for (int at = 0; at < WrittenBytes;)
            {
                int n = Math.Min(3000, WrittenBytes - at);
                for (int i = 0; i < n; i++)
                    s_ipc[i] = Pattern(at + i);
                var m = new Message(FileSystemContract.Write, (ulong)w, (ulong)at) { Tag = MessageTag.Of(FileSystemContract.Write, n) };
                long rr = a.Call(ref m);
                long result = rr < 0 ? rr : (long)m.W0;
                if (result != n)
                {
                    written = result;
                    break;
                }
                written += n;
                at += n;
            }
            Say("write /OUT/New File.txt", written);
            Say("flush", Call(a, FileSystemContract.Flush, (ulong)w, 0, 0));
            Say("close written", Call(a, FileSystemContract.Close, (ulong)w, 0, 0));
            var stat = new Message(FileSystemContract.Stat) { Tag = MessageTag.Of(FileSystemContract.Stat, Put("/out/NEW FILE.TXT")) };
            a.Call(ref stat);
            Sys.Write(string.Concat("fat-client: stat /out/NEW FILE.TXT -> ", ((long)stat.W0).ToString(), " length ", stat.W1.ToString(),
                " attributes ", stat.W2.ToString()));
            ReadAll(a, "/OUT/new file.TXT");
            List(a, "/OUT");
            Say("rename", Request(a, FileSystemContract.Rename, "/HELLO.TXT\0/OUT/hello again.txt", 0, 0));
            Say("delete a directory", Request(a, FileSystemContract.Delete, "/OUT", 0, 0));
            Say("rmdir a full directory", Request(a, FileSystemContract.RemoveDirectory, "/OUT", 0, 0));
            Say("delete a missing file", Request(a, FileSystemContract.Delete, "/nothing.txt", 0, 0));
            Say("open an empty path", Request(a, FileSystemContract.Open, "", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read));
            Say("open a reserved name", Request(a, FileSystemContract.Open, "/a<b.txt", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read));
            Say("open above the root", Request(a, FileSystemContract.Open, "/../x.txt", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read));
            Say("open a 300-character name", Request(a, FileSystemContract.Open, "/" + new string('x', 300), (ulong)FsOpenMode.Open, (ulong)FsAccess.Read));
            Say("open with a bad mode", Request(a, FileSystemContract.Open, "/BIG.BIN", 99, (ulong)FsAccess.Read));
            Say("unknown label", Call(a, 99, 0, 0, 0));
            List(a, "/");
            Say("sync", Call(a, FileSystemContract.Sync, 0, 0, 0));
            Sys.Write("fat-client: done");
            return 0;
        }

        // tools/bench.sh's disk figures, in guest instructions (the TSC under -icount shift=0) through
        // client -> fat -> ata: a 10 MiB file read 4 KiB per request, 1 MiB written 4 KiB per request
        // then Sync, and open + read 4 KiB + close of a small file (the mean of 64).
        private static int Bench(Endpoint fat)
        {
            Connect(fat, SessionA);
            var a = new Endpoint(SessionA);
            long handle = Request(a, FileSystemContract.Open, "/BENCH.BIN", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read);
            ulong t0 = Sys.ReadTimestamp();
            long offset = 0, blocks = 0;
            while (handle >= 0)
            {
                long n = Call(a, FileSystemContract.Read, (ulong)handle, (ulong)offset, FileSystemContract.MaxData);
                if (n <= 0)
                    break;
                offset += n;
                blocks++;
            }
            ulong t1 = Sys.ReadTimestamp();
            Call(a, FileSystemContract.Close, (ulong)handle, 0, 0);
            Sys.Write(string.Concat("bench: disk-read-bytes ", offset.ToString()));
            Sys.Write(string.Concat("bench: disk-read-total ", (t1 - t0).ToString()));
            Sys.Write(string.Concat("bench: disk-read-per-block ", (blocks == 0 ? 0 : (t1 - t0) / (ulong)blocks).ToString()));

            long w = Request(a, FileSystemContract.Open, "/BENCHW.BIN", (ulong)FsOpenMode.Create, (ulong)FsAccess.Write);
            for (int i = 0; i < FileSystemContract.MaxData; i++)
                s_ipc[i] = Pattern(i);
            t0 = Sys.ReadTimestamp();
            long wrote = 0;
            for (int k = 0; k < 256 && w >= 0; k++)
            {
                var m = new Message(FileSystemContract.Write, (ulong)w, (ulong)(k * 4096)) { Tag = MessageTag.Of(FileSystemContract.Write, 4096) };
                if (a.Call(ref m) < 0 || (long)m.W0 != 4096)
                    break;
                wrote += 4096;
            }
            long synced = Call(a, FileSystemContract.Sync, 0, 0, 0);
            t1 = Sys.ReadTimestamp();
            Call(a, FileSystemContract.Close, (ulong)w, 0, 0);
            Sys.Write(string.Concat("bench: disk-write-bytes ", wrote.ToString(), " sync ", synced.ToString()));
            Sys.Write(string.Concat("bench: disk-write-sync-total ", (t1 - t0).ToString()));

            t0 = Sys.ReadTimestamp();
            for (int k = 0; k < 64; k++)
            {
                long h = Request(a, FileSystemContract.Open, "/SMALL.TXT", (ulong)FsOpenMode.Open, (ulong)FsAccess.Read);
                Call(a, FileSystemContract.Read, (ulong)h, 0, FileSystemContract.MaxData);
                Call(a, FileSystemContract.Close, (ulong)h, 0, 0);
            }
            t1 = Sys.ReadTimestamp();
            Sys.Write(string.Concat("bench: open-read-close-4k ", ((t1 - t0) / 64).ToString()));
            Sys.Write("bench: done");
            return 0;
        }

        public static byte Pattern(int i) => (byte)(i * 7 + i / 251);

        // Opens, reads 4 KiB at a time, closes: "read PATH -> LENGTH fnv CHECKSUM".
        private static void ReadAll(Endpoint session, string path)
        {
            long handle = Request(session, FileSystemContract.Open, path, (ulong)FsOpenMode.Open, (ulong)FsAccess.Read);
            if (handle < 0)
            {
                Say(string.Concat("read ", path), handle);
                return;
            }
            ulong h = 14695981039346656037UL;
            long offset = 0;
            while (true)
            {
                var m = new Message(FileSystemContract.Read, (ulong)handle, (ulong)offset, FileSystemContract.MaxData);
                long r = session.Call(ref m);
                long n = r < 0 ? r : (long)m.W0;
                if (n < 0)
                {
                    Say(string.Concat("read ", path), n);
                    return;
                }
                if (n == 0)
                    break;
                for (int i = 0; i < n; i++)
                {
                    h ^= s_ipc[i];
                    h *= 1099511628211UL;
                }
                offset += n;
            }
            Call(session, FileSystemContract.Close, (ulong)handle, 0, 0);
            Sys.Write(string.Concat("fat-client: read ", path, " -> ", offset.ToString(), " fnv ", h.ToString()));
        }

        // "list PATH -> name|name|..." (every entry, however many replies it takes).
        private static void List(Endpoint session, string path)
        {
            string names = "";
            ulong index = 0;
            do
            {
                var m = new Message(FileSystemContract.List, index) { Tag = MessageTag.Of(FileSystemContract.List, Put(path)) };
                long r = session.Call(ref m);
                if (r < 0 || (long)m.W0 < 0)
                {
                    Say(string.Concat("list ", path), r < 0 ? r : (long)m.W0);
                    return;
                }
                int at = 0;
                for (ulong e = 0; e < m.W0; e++)
                {
                    int length = s_ipc[at + 13] | s_ipc[at + 14] << 8;
                    var chars = new char[length];
                    for (int i = 0; i < length; i++)
                        chars[i] = s_ipc[at + 15 + i] < 0x80 ? (char)s_ipc[at + 15 + i] : '?';
                    names = names.Length == 0 ? new string(chars) : string.Concat(names, "|", new string(chars));
                    at += 15 + length;
                }
                index = m.W1;
            } while (index != 0);
            Sys.Write(string.Concat("fat-client: list ", path, " -> ", names));
        }

        private static long Connect(Endpoint fat, int slot)
        {
            var m = new Message(FileSystemContract.Connect);
            long r = fat.Call(ref m);
            if (r < 0)
                return r;
            if ((long)m.W0 != 0)
                return (long)m.W0;
            return Caps.Move(ReceiveSlot, slot) < 0 ? -1 : 0;
        }

        // A request whose payload is text (ASCII here; '\0' separates Rename's two paths).
        private static long Request(Endpoint e, uint label, string text, ulong w0, ulong w1)
        {
            var m = new Message(label, w0, w1) { Tag = MessageTag.Of(label, Put(text)) };
            long r = e.Call(ref m);
            return r < 0 ? r : (long)m.W0;
        }

        private static long Call(Endpoint e, uint label, ulong w0, ulong w1, ulong w2)
        {
            var m = new Message(label, w0, w1, w2);
            long r = e.Call(ref m);
            return r < 0 ? r : (long)m.W0;
        }

        private static int Put(string text)
        {
            for (int i = 0; i < text.Length; i++)
                s_ipc[i] = (byte)text[i];
            return text.Length;
        }

        private static void Say(string what, long result) => Sys.Write(string.Concat("fat-client: ", what, " -> ", result.ToString()));
    }
}
