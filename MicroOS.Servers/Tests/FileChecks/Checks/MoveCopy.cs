using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // File.Move and File.Copy: their semantics and exceptions.
    internal static class MoveCopy
    {
        public static void Run()
        {
            string d = P("mvcp");
            Directory.CreateDirectory(d);
            string a = Path.Combine(d, "a.txt"), b = Path.Combine(d, "b.txt"), c = Path.Combine(d, "c.txt");
            string sub = Path.Combine(d, "sub");
            Directory.CreateDirectory(sub);

            File.WriteAllText(a, "alpha");
            C("mv.basic", Try(() => { File.Move(a, b); return File.Exists(a) + " " + File.Exists(b) + " " + File.ReadAllText(b); }));
            C("mv.missing-source", Do(() => File.Move(a, c)));
            File.WriteAllText(a, "second");
            C("mv.onto-existing", Do(() => File.Move(a, b)));
            C("mv.onto-existing-kept", File.ReadAllText(a) + " " + File.ReadAllText(b));
            C("mv.overwrite", Try(() => { File.Move(a, b, true); return File.Exists(a) + " " + File.ReadAllText(b); }));
            C("mv.to-subdir", Try(() => { File.Move(b, Path.Combine(sub, "b.txt")); return File.Exists(b) + " " + File.ReadAllText(Path.Combine(sub, "b.txt")); }));
            C("mv.back-renamed", Try(() => { File.Move(Path.Combine(sub, "b.txt"), Path.Combine(d, "renamed.txt")); return Names(Directory.GetFiles(d)) + " " + Names(Directory.GetFiles(sub)); }));
            C("mv.to-missing-dir", Do(() => File.Move(Path.Combine(d, "renamed.txt"), Path.Combine(d, "nodir", "x.txt"))));
            C("mv.same-path", Try(() => { File.Move(Path.Combine(d, "renamed.txt"), Path.Combine(d, "renamed.txt")); return File.ReadAllText(Path.Combine(d, "renamed.txt")); }));
            C("mv.directory-as-file", Do(() => File.Move(sub, Path.Combine(d, "subfile"))));
            C("mv.onto-directory", Do(() => File.Move(Path.Combine(d, "renamed.txt"), sub)));
            C("mv.null", Kind(() => File.Move(null, c)) + " " + Kind(() => File.Move(c, null)) + " " + Kind(() => File.Move("", c)));
            C("mv.change-extension", Try(() => { File.Move(Path.Combine(d, "renamed.txt"), Path.Combine(d, "renamed.md")); return Names(Directory.GetFiles(d)); }));
            C("mv.long-name", Try(() =>
            {
                string to = Path.Combine(d, "a rather long name, with spaces and punctuation (2026).txt");
                File.Move(Path.Combine(d, "renamed.md"), to);
                return File.ReadAllText(to);
            }));

            string src = Path.Combine(d, "src.bin");
            File.WriteAllBytes(src, Pattern(20000, 7));
            C("cp.basic", Try(() => { File.Copy(src, c); return Sum(File.ReadAllBytes(c)) + " " + File.Exists(src); }));
            C("cp.existing", Do(() => File.Copy(src, c)));
            C("cp.overwrite", Try(() => { File.WriteAllText(c, "small"); File.Copy(src, c, true); return Sum(File.ReadAllBytes(c)); }));
            C("cp.overwrite-shrinks", Try(() => { File.WriteAllText(a, "tiny"); File.Copy(a, c, true); return File.ReadAllText(c); }));
            C("cp.missing", Do(() => File.Copy(Path.Combine(d, "none.bin"), Path.Combine(d, "none2.bin"))));
            C("cp.missing-target-not-made", File.Exists(Path.Combine(d, "none2.bin")));
            C("cp.to-missing-dir", Do(() => File.Copy(src, Path.Combine(d, "nodir", "x.bin"))));
            C("cp.onto-directory", Do(() => File.Copy(src, sub)));
            C("cp.directory", Do(() => File.Copy(sub, Path.Combine(d, "dircopy"))));
            C("cp.empty", Try(() => { File.WriteAllBytes(a, new byte[0]); File.Copy(a, Path.Combine(d, "empty-copy")); return File.ReadAllBytes(Path.Combine(d, "empty-copy")).Length.ToString(); }));
            C("cp.large", Try(() =>
            {
                string big = Path.Combine(d, "big.bin");
                File.WriteAllBytes(big, Pattern(300 * 1024, 77));
                File.Copy(big, Path.Combine(sub, "big-copy.bin"));
                return Sum(File.ReadAllBytes(Path.Combine(sub, "big-copy.bin")));
            }));
            C("cp.independent", Try(() => { File.WriteAllText(c, "changed"); return Sum(File.ReadAllBytes(src)); }));
            C("cp.null", Kind(() => File.Copy(null, c)) + " " + Kind(() => File.Copy(src, null)));
            C("mvcp.listing", Names(Directory.GetFiles(d)) + " " + Names(Directory.GetFiles(sub)));
        }
    }
}
