using System;
using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // FileStream: positions, seeks past the end, SetLength, modes and access, disposal.
    internal static class Streams
    {
        public static void Run()
        {
            string d = P("streams");
            Directory.CreateDirectory(d);
            string f = Path.Combine(d, "s.bin");
            byte[] ten = Pattern(10, 1);

            C("fs.create", Try(() => { using (var s = new FileStream(f, FileMode.Create)) return s.Length + " " + s.Position + " " + s.CanRead + s.CanWrite + s.CanSeek; }));
            C("fs.write-position", Try(() => { using (var s = new FileStream(f, FileMode.Create)) { s.Write(ten, 0, 10); return s.Length + " " + s.Position; } }));
            C("fs.name", Try(() => { using (var s = new FileStream(f, FileMode.Open)) return s.Name; }));
            C("fs.seek-origins", Try(() =>
            {
                using (var s = new FileStream(f, FileMode.Open))
                    return s.Seek(3, SeekOrigin.Begin) + " " + s.Seek(2, SeekOrigin.Current) + " " + s.Seek(-1, SeekOrigin.End) + " " + s.ReadByte() + " " + s.Position;
            }));
            C("fs.read-at-eof", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { s.Seek(0, SeekOrigin.End); return s.Read(new byte[5], 0, 5) + " " + s.ReadByte(); } }));
            C("fs.read-zero-bytes", Try(() => { using (var s = new FileStream(f, FileMode.Open)) return s.Read(new byte[5], 0, 0) + " " + s.Position; }));
            C("fs.read-partial", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { byte[] buffer = new byte[100]; int n = s.Read(buffer, 0, 100); return n + " " + Sum(buffer, 0, n) + " " + s.Position; } }));
            C("fs.read-offset", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { byte[] buffer = new byte[8]; s.Position = 4; int n = s.Read(buffer, 2, 4); return n + " " + Bytes(buffer, 0, 8); } }));
            C("fs.seek-past-end", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { long p = s.Seek(100, SeekOrigin.Begin); return p + " " + s.Length + " " + s.Read(new byte[4], 0, 4) + " " + s.ReadByte(); } }));
            C("fs.seek-past-end-length-kept", Try(() => new FileInfoLength(f).Value));
            C("fs.write-past-end", Try(() =>
            {
                using (var s = new FileStream(f, FileMode.Open))
                {
                    s.Seek(100, SeekOrigin.Begin);
                    s.WriteByte(0x7A);
                    return s.Length + " " + s.Position;
                }
            }));
            C("fs.zero-fill", Try(() => { byte[] all = File.ReadAllBytes(f); return all.Length + " " + Sum(all, 10, 90) + " zeros:" + Zeros(all, 10, 90) + " last " + all[100]; }));
            C("fs.write-far-past-end", Try(() =>
            {
                using (var s = new FileStream(f, FileMode.Open)) { s.Position = 70000; s.Write(ten, 0, 10); }
                byte[] all = File.ReadAllBytes(f);
                return all.Length + " zeros:" + Zeros(all, 101, 70000 - 101) + " " + Sum(all, 70000, 10);
            }));
            C("fs.seek-negative", Try(() => { using (var s = new FileStream(f, FileMode.Open)) return s.Seek(-1, SeekOrigin.Begin).ToString(); }));
            C("fs.seek-negative-keeps", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { s.Position = 5; try { s.Seek(-10, SeekOrigin.Current); } catch (IOException) { } return s.Position.ToString(); } }));
            C("fs.position-negative", Kind(() => { using (var s = new FileStream(f, FileMode.Open)) s.Position = -1; }));
            C("fs.setlength-grow", Try(() => { using (var s = new FileStream(f, FileMode.Create)) { s.Write(ten, 0, 10); s.SetLength(5000); return s.Length + " " + s.Position; } }));
            C("fs.setlength-grow-zeros", Try(() => { byte[] all = File.ReadAllBytes(f); return Sum(all, 0, 10) + " zeros:" + Zeros(all, 10, 4990); }));
            C("fs.setlength-truncate", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { s.Position = 4000; s.SetLength(3); return s.Length + " " + s.Position; } }));
            C("fs.setlength-truncate-content", Try(() => Bytes(File.ReadAllBytes(f), 0, 10)));
            C("fs.setlength-keeps-position", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { s.Position = 1; s.SetLength(8); return s.Length + " " + s.Position; } }));
            C("fs.setlength-zero", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { s.SetLength(0); return s.Length + " " + s.Position + " " + s.ReadByte(); } }));
            C("fs.setlength-negative", Kind(() => { using (var s = new FileStream(f, FileMode.Open)) s.SetLength(-1); }));
            C("fs.setlength-readonly", Kind(() => { using (var s = new FileStream(f, FileMode.Open, FileAccess.Read)) s.SetLength(1); }));
            C("fs.overwrite-middle", Try(() =>
            {
                File.WriteAllText(f, "abcdefgh");
                using (var s = new FileStream(f, FileMode.Open)) { s.Position = 2; s.Write(new byte[] { (byte)'X', (byte)'Y', (byte)'Z' }, 0, 3); }
                return File.ReadAllText(f);
            }));
            C("fs.overwrite-across-end", Try(() =>
            {
                using (var s = new FileStream(f, FileMode.Open)) { s.Position = 6; s.Write(new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4' }, 0, 4); }
                return File.ReadAllText(f);
            }));
            C("fs.readbyte-writebyte", Try(() =>
            {
                using (var s = new FileStream(f, FileMode.Create)) { s.WriteByte(1); s.WriteByte(255); s.Position = 0; return s.ReadByte() + " " + s.ReadByte() + " " + s.ReadByte(); }
            }));
            C("fs.span", Try(() =>
            {
                using (var s = new FileStream(f, FileMode.Create))
                {
                    s.Write(new ReadOnlySpan<byte>(ten, 2, 5));
                    s.Position = 0;
                    Span<byte> into = new byte[8];
                    int n = s.Read(into);
                    return n + " " + Bytes(into.ToArray(), 0, 8);
                }
            }));
            C("fs.readexactly-eof", Try(() => { using (var s = new FileStream(f, FileMode.Open)) { s.ReadExactly(new byte[10], 0, 10); return "read"; } }));
            C("fs.copyto", Try(() =>
            {
                string g = Path.Combine(d, "copy.bin");
                File.WriteAllBytes(f, Pattern(10000, 2));
                using (var from = new FileStream(f, FileMode.Open, FileAccess.Read))
                using (var to = new FileStream(g, FileMode.Create, FileAccess.Write))
                    from.CopyTo(to);
                return Sum(File.ReadAllBytes(g));
            }));

            // Modes.
            string m = Path.Combine(d, "mode.txt");
            File.WriteAllText(m, "existing");
            C("fs.mode-createnew-exists", Try(() => { using (new FileStream(m, FileMode.CreateNew)) return "opened"; }));
            C("fs.mode-createnew-new", Try(() => { using (var s = new FileStream(Path.Combine(d, "new.txt"), FileMode.CreateNew)) return s.Length.ToString(); }));
            C("fs.mode-create-truncates", Try(() => { using (var s = new FileStream(Path.Combine(d, "new.txt"), FileMode.Create)) { s.WriteByte(1); } using (var s = new FileStream(Path.Combine(d, "new.txt"), FileMode.Create)) return s.Length.ToString(); }));
            C("fs.mode-open-missing", Try(() => { using (new FileStream(Path.Combine(d, "absent.txt"), FileMode.Open)) return "opened"; }));
            C("fs.mode-open-keeps", Try(() => { using (var s = new FileStream(m, FileMode.Open)) return s.Length.ToString(); }));
            C("fs.mode-openorcreate-existing", Try(() => { using (var s = new FileStream(m, FileMode.OpenOrCreate)) return s.Length + " " + s.Position; }));
            C("fs.mode-openorcreate-new", Try(() => { using (var s = new FileStream(Path.Combine(d, "ooc.txt"), FileMode.OpenOrCreate)) return s.Length.ToString(); }));
            C("fs.mode-truncate", Try(() => { using (var s = new FileStream(Path.Combine(d, "ooc.txt"), FileMode.Truncate)) return s.Length.ToString(); }));
            C("fs.mode-truncate-missing", Try(() => { using (new FileStream(Path.Combine(d, "absent.txt"), FileMode.Truncate)) return "opened"; }));
            C("fs.mode-append", Try(() =>
            {
                string seen;
                using (var s = new FileStream(m, FileMode.Append)) { long p = s.Position; s.Write(new byte[] { (byte)'!' }, 0, 1); seen = p + " " + s.Length + " " + s.CanRead; }
                return seen + " " + File.ReadAllText(m);
            }));
            C("fs.mode-append-seek-back", Try(() => { using (var s = new FileStream(m, FileMode.Append)) return s.Seek(0, SeekOrigin.Begin).ToString(); }));
            C("fs.mode-append-seek-own", Try(() =>
            {
                using (var s = new FileStream(m, FileMode.Append)) { s.Write(new byte[] { 1, 2, 3 }, 0, 3); return s.Seek(-2, SeekOrigin.End) + " " + s.Length; }
            }));
            C("fs.mode-append-truncate-old", Try(() => { using (var s = new FileStream(m, FileMode.Append)) { s.SetLength(1); return s.Length.ToString(); } }));
            C("fs.mode-append-creates", Try(() => { using (var s = new FileStream(Path.Combine(d, "app-new.txt"), FileMode.Append)) return s.Length + " " + s.Position; }));
            C("fs.mode-append-read", Kind(() => new FileStream(m, FileMode.Append, FileAccess.Read).Dispose()));
            C("fs.mode-append-readwrite", Kind(() => new FileStream(m, FileMode.Append, FileAccess.ReadWrite).Dispose()));
            C("fs.mode-truncate-read", Kind(() => new FileStream(m, FileMode.Truncate, FileAccess.Read).Dispose()));
            C("fs.mode-create-read", Kind(() => new FileStream(m, FileMode.Create, FileAccess.Read).Dispose()));
            C("fs.mode-createnew-read", Kind(() => new FileStream(m, FileMode.CreateNew, FileAccess.Read).Dispose()));
            C("fs.mode-bad", Kind(() => new FileStream(m, (FileMode)0).Dispose()));
            C("fs.access-bad", Kind(() => new FileStream(m, FileMode.Open, (FileAccess)0).Dispose()));

            // Access.
            C("fs.read-only-write", Kind(() => { using (var s = new FileStream(m, FileMode.Open, FileAccess.Read)) s.WriteByte(1); }));
            C("fs.read-only-flags", Try(() => { using (var s = new FileStream(m, FileMode.Open, FileAccess.Read)) return s.CanRead + " " + s.CanWrite + " " + s.CanSeek; }));
            C("fs.write-only-read", Kind(() => { using (var s = new FileStream(m, FileMode.Open, FileAccess.Write)) s.ReadByte(); }));
            C("fs.write-only-flags", Try(() => { using (var s = new FileStream(m, FileMode.Open, FileAccess.Write)) return s.CanRead + " " + s.CanWrite + " " + s.CanSeek; }));
            C("fs.open-dir", Try(() => { using (new FileStream(d, FileMode.Open)) return "opened"; }));
            C("fs.create-missing-dir", Try(() => { using (new FileStream(Path.Combine(d, "no", "x"), FileMode.Create)) return "opened"; }));

            // Arguments.
            C("fs.read-null", Kind(() => { using (var s = new FileStream(m, FileMode.Open)) s.Read(null, 0, 1); }));
            C("fs.read-negative-offset", Kind(() => { using (var s = new FileStream(m, FileMode.Open)) s.Read(new byte[4], -1, 1); }));
            C("fs.read-count-too-big", Kind(() => { using (var s = new FileStream(m, FileMode.Open)) s.Read(new byte[4], 2, 3); }));
            C("fs.write-count-too-big", Kind(() => { using (var s = new FileStream(m, FileMode.Open)) s.Write(new byte[4], 0, 5); }));
            C("fs.ctor-null", Kind(() => new FileStream(null, FileMode.Open).Dispose()));
            C("fs.ctor-empty", Kind(() => new FileStream("", FileMode.Open).Dispose()));

            // Disposal.
            var closed = new FileStream(m, FileMode.Open);
            closed.Dispose();
            C("fs.disposed-flags", closed.CanRead + " " + closed.CanWrite + " " + closed.CanSeek);
            C("fs.disposed-read", Try(() => closed.ReadByte().ToString()));
            C("fs.disposed-write", Try(() => { closed.WriteByte(1); return ""; }));
            C("fs.disposed-length", Try(() => closed.Length.ToString()));
            C("fs.disposed-position", Try(() => closed.Position.ToString()));
            C("fs.disposed-seek", Try(() => closed.Seek(0, SeekOrigin.Begin).ToString()));
            C("fs.disposed-twice", Do(() => closed.Dispose()));
            C("fs.flush", Try(() => { using (var s = new FileStream(m, FileMode.Open)) { s.WriteByte(65); s.Flush(); return File.ReadAllText(m).Substring(0, 3); } }));
            C("fs.many-handles", Try(() =>
            {
                var streams = new FileStream[12];
                for (int i = 0; i < streams.Length; i++)
                    streams[i] = new FileStream(m, FileMode.Open, FileAccess.Read);
                long total = 0;
                for (int i = 0; i < streams.Length; i++) { streams[i].Position = i; total += streams[i].ReadByte(); streams[i].Dispose(); }
                return total.ToString();
            }));
            C("fs.open-close-loop", Try(() =>
            {
                for (int i = 0; i < 200; i++)
                    using (var s = new FileStream(m, FileMode.Open, FileAccess.Read)) s.ReadByte();
                return "200";
            }));
        }

        private static string Zeros(byte[] bytes, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
                if (bytes[i] != 0) return "no at " + i;
            return "yes";
        }

        // The length as a fresh stream sees it.
        private sealed class FileInfoLength
        {
            public readonly string Value;
            public FileInfoLength(string path) { using (var s = new FileStream(path, FileMode.Open, FileAccess.Read)) Value = s.Length.ToString(); }
        }
    }
}
