using System;
using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // File's whole-file methods: text, bytes, lines, appends, Exists, Delete and their errors.
    internal static class Basics
    {
        public static void Run()
        {
            string d = P("basics");
            Directory.CreateDirectory(d);
            string a = Path.Combine(d, "a.txt");
            C("basic.write-read", Try(() => { File.WriteAllText(a, "hello"); return File.ReadAllText(a); }));
            C("basic.exists", File.Exists(a));
            C("basic.exists-missing", File.Exists(Path.Combine(d, "missing.txt")));
            C("basic.exists-dir", File.Exists(d));
            C("basic.exists-null-empty", File.Exists(null) + "|" + File.Exists(""));
            C("basic.overwrite-shorter", Try(() => { File.WriteAllText(a, "a much longer text than before"); File.WriteAllText(a, "short"); return File.ReadAllText(a); }));
            C("basic.append", Try(() => { File.AppendAllText(a, "+more"); return File.ReadAllText(a); }));
            string b = Path.Combine(d, "appended.txt");
            C("basic.append-creates", Try(() => { File.AppendAllText(b, "first"); File.AppendAllText(b, ",second"); File.AppendAllText(b, ""); return File.ReadAllText(b); }));
            string empty = Path.Combine(d, "empty.bin");
            C("basic.empty-bytes", Try(() => { File.WriteAllBytes(empty, new byte[0]); return File.ReadAllBytes(empty).Length.ToString(); }));
            C("basic.empty-text", Try(() => { File.WriteAllText(empty, ""); return "[" + File.ReadAllText(empty) + "]"; }));
            C("basic.empty-null-text", Try(() => { File.WriteAllText(empty, null); return "[" + File.ReadAllText(empty) + "]"; }));
            C("basic.empty-lines", Try(() => File.ReadAllLines(empty).Length.ToString()));
            C("basic.empty-stream", Try(() => { using (var s = new FileStream(empty, FileMode.Open)) return s.Length + " " + s.Position + " " + s.ReadByte(); }));
            string lines = Path.Combine(d, "lines.txt");
            C("basic.lines", Try(() => { File.WriteAllLines(lines, new[] { "one", "two", "", "four" }); return string.Join("|", File.ReadAllLines(lines)) + " " + File.ReadAllBytes(lines).Length; }));
            C("basic.lines-endings", Try(() => { File.WriteAllText(lines, "a\r\nb\rc\n\nd"); return string.Join("|", File.ReadAllLines(lines)); }));
            C("basic.append-lines", Try(() => { File.AppendAllLines(lines, new[] { "e", "f" }); return string.Join("|", File.ReadAllLines(lines)); }));
            string uni = Path.Combine(d, "unicode.txt");
            string text = "h\u00e9llo \u20ac \u65e5\u672c \ud834\udd1e end";
            C("basic.unicode-text", Try(() => { File.WriteAllText(uni, text); return (File.ReadAllText(uni) == text) + " " + File.ReadAllBytes(uni).Length; }));
            C("basic.unicode-bytes", Try(() => Bytes(File.ReadAllBytes(uni), 0, 8)));
            C("basic.bom-skipped", Try(() => { File.WriteAllBytes(uni, new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0x42 }); return File.ReadAllText(uni); }));
            string all = Path.Combine(d, "all.bin");
            byte[] values = new byte[256];
            for (int i = 0; i < 256; i++) values[i] = (byte)i;
            C("basic.all-byte-values", Try(() => { File.WriteAllBytes(all, values); return Sum(File.ReadAllBytes(all)); }));
            C("basic.overwrite-bytes", Try(() => { File.WriteAllBytes(all, new byte[] { 9, 8, 7 }); return Bytes(File.ReadAllBytes(all), 0, 10); }));
            C("basic.read-missing", Try(() => File.ReadAllText(Path.Combine(d, "missing.txt"))));
            C("basic.read-missing-bytes", Try(() => File.ReadAllBytes(Path.Combine(d, "missing.bin")).Length.ToString()));
            C("basic.read-missing-dir", Try(() => File.ReadAllText(Path.Combine(d, "nodir", "x.txt"))));
            C("basic.write-missing-dir", Do(() => File.WriteAllText(Path.Combine(d, "nodir", "x.txt"), "x")));
            C("basic.append-missing-dir", Do(() => File.AppendAllText(Path.Combine(d, "nodir", "x.txt"), "x")));
            string sub = Path.Combine(d, "sub");
            Directory.CreateDirectory(sub);
            C("basic.read-dir", Try(() => File.ReadAllText(sub)));
            C("basic.write-dir", Do(() => File.WriteAllText(sub, "x")));
            C("basic.write-null-bytes", Kind(() => File.WriteAllBytes(Path.Combine(d, "n.bin"), null)));
            C("basic.write-null-path", Kind(() => File.WriteAllText(null, "x")));
            C("basic.write-empty-path", Kind(() => File.WriteAllText("", "x")));
            C("basic.delete", Try(() => { File.Delete(a); return File.Exists(a).ToString(); }));
            C("basic.delete-missing", Do(() => File.Delete(Path.Combine(d, "missing.txt"))));
            C("basic.delete-missing-dir", Do(() => File.Delete(Path.Combine(d, "nodir", "x.txt"))));
            C("basic.delete-dir", Do(() => File.Delete(sub)));
            C("basic.delete-dir-still-there", Directory.Exists(sub));
            C("basic.delete-null", Kind(() => File.Delete(null)));
            C("basic.recreate-after-delete", Try(() => { File.WriteAllText(a, "again"); return File.ReadAllText(a); }));
            C("basic.listing", Names(Directory.GetFiles(d)));
        }
    }
}
