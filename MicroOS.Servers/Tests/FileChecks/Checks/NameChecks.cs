using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // Names: long, Unicode, spaces and dots, names differing only in case, reserved characters, too long.
    // The case and reserved-character checks print what the volume did; FileSystemDifferentialTests
    // names, in one table, the lines where FAT and a Linux folder must differ.
    internal static class NameChecks
    {
        public static void Run()
        {
            string d = P("names");
            Directory.CreateDirectory(d);
            string[] good =
            {
                "with space.txt", "many.dots.in.name.txt", ".hidden", "UPPER.TXT", "MiXeD.TxT", "no-extension",
                "x.longextension", "plus+and=equals", "brackets[1]{2}", "comma,semi;colon.txt", "~tilde#hash$%&'@^!",
                "\u00fcn\u00efc\u00f6d\u00e9.txt", "\u65e5\u672c\u8a9e.txt", "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac", "emoji-\ud83d\ude00.txt",
                new string('n', 200) + ".txt", new string('m', 255),
            };
            for (int i = 0; i < good.Length; i++)
            {
                string name = good[i];
                C("name.good#" + i, Try(() => { File.WriteAllText(Path.Combine(d, name), name); return File.ReadAllText(Path.Combine(d, name)) == name ? "roundtrip" : "differs"; }));
            }
            C("name.listing", Names(Directory.GetFiles(d)));
            C("name.listing-exact", Try(() =>
            {
                int found = 0;
                foreach (string path in Directory.GetFiles(d))
                    foreach (string name in good)
                        if (Path.GetFileName(path) == name) found++;
                return found.ToString();
            }));
            C("name.dir-unicode", Try(() =>
            {
                string u = Path.Combine(d, "\u00e4\u00f6\u00fc-dir", "\u00df");
                Directory.CreateDirectory(u);
                File.WriteAllText(Path.Combine(u, "f.txt"), "x");
                return Names(Directory.GetDirectories(Path.Combine(d, "\u00e4\u00f6\u00fc-dir"))) + " " + File.ReadAllText(Path.Combine(u, "f.txt"));
            }));
            C("name.too-long-component", Do(() => File.WriteAllText(Path.Combine(d, new string('z', 256)), "x")));
            C("name.too-long-dir", Do(() => Directory.CreateDirectory(Path.Combine(d, new string('y', 300)))));
            var longPath = new System.Text.StringBuilder(d);
            for (int i = 0; i < 25; i++)
                longPath.Append('/').Append(new string((char)('a' + i), 200));
            // (The message holds the 5,000-character path: the line says whether it does, not the path.)
            C("name.too-long-path", Try(() => { File.WriteAllText(longPath.ToString(), "x"); return "written"; }).Replace(longPath.ToString(), "<the path>"));
            C("name.nul", Kind(() => File.WriteAllText(Path.Combine(d, "a\0b"), "x")));

            // Case: FAT is case-insensitive and case-preserving, a Linux folder is case-sensitive.
            string cd = Path.Combine(d, "case");
            Directory.CreateDirectory(cd);
            File.WriteAllText(Path.Combine(cd, "Probe.txt"), "probe");
            C("platform.case", File.Exists(Path.Combine(cd, "PROBE.TXT")) ? "insensitive" : "sensitive");
            File.WriteAllText(Path.Combine(cd, "Case.txt"), "first");
            C("case.exists-other-case", File.Exists(Path.Combine(cd, "case.TXT")));
            C("case.read-other-case", Try(() => File.ReadAllText(Path.Combine(cd, "CASE.txt"))));
            C("case.write-other-case", Try(() => { File.WriteAllText(Path.Combine(cd, "case.txt"), "second"); return File.ReadAllText(Path.Combine(cd, "Case.txt")); }));
            C("case.listing", Names(Directory.GetFiles(cd)));
            C("case.createnew-other-case", Do(() => new FileStream(Path.Combine(cd, "CASE.TXT"), FileMode.CreateNew).Dispose()));
            C("case.preserved", Try(() => { File.WriteAllText(Path.Combine(cd, "MiXeD.Name"), "m"); return Names(Directory.GetFiles(cd, "M*")); }));
            C("case.dir-other-case", Try(() => { Directory.CreateDirectory(Path.Combine(cd, "SubDir")); return Directory.Exists(Path.Combine(cd, "subdir")).ToString(); }));
            C("case.rename-case-only", Try(() => { File.Move(Path.Combine(cd, "MiXeD.Name"), Path.Combine(cd, "mixed.name")); return Names(Directory.GetFiles(cd, "*.name")) + Names(Directory.GetFiles(cd, "*.Name")); }));

            // FAT's reserved characters (and '\', which is not a separator on either side).
            string[] reserved = { "a<b", "a>b", "a:b", "a\"b", "a|b", "a?b", "a*b", "a\\b" };
            for (int i = 0; i < reserved.Length; i++)
            {
                string name = reserved[i];
                C("reserved#" + i, Kind(() => File.WriteAllText(Path.Combine(d, name), "x")));
            }
        }
    }
}
