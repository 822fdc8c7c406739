using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // Directory: create (nested), exists, list with patterns, many files, delete (recursive), move,
    // the current directory and relative paths.
    internal static class Directories
    {
        public static void Run()
        {
            string d = P("dirs");
            C("dir.create", Try(() => { Directory.CreateDirectory(d); return Directory.Exists(d).ToString(); }));
            C("dir.create-existing", Do(() => Directory.CreateDirectory(d)));
            C("dir.create-returns", Try(() => Directory.CreateDirectory(Path.Combine(d, "made")).FullName));
            C("dir.create-nested", Try(() => { Directory.CreateDirectory(Path.Combine(d, "a", "b", "c", "d")); return Directory.Exists(Path.Combine(d, "a", "b")) + " " + Directory.Exists(Path.Combine(d, "a", "b", "c", "d")); }));
            string file = Path.Combine(d, "file.txt");
            File.WriteAllText(file, "f");
            C("dir.create-over-file", Do(() => Directory.CreateDirectory(file)));
            C("dir.create-under-file", Do(() => Directory.CreateDirectory(Path.Combine(file, "sub"))));
            C("dir.create-null", Kind(() => Directory.CreateDirectory(null)));
            C("dir.create-empty", Kind(() => Directory.CreateDirectory("")));
            C("dir.exists-file", Directory.Exists(file));
            C("dir.exists-missing", Directory.Exists(Path.Combine(d, "nothing")));
            C("dir.exists-root", Directory.Exists(Root));
            C("dir.exists-null-empty", Directory.Exists(null) + " " + Directory.Exists(""));
            C("dir.exists-trailing-slash", Directory.Exists(d + "/"));

            string list = Path.Combine(d, "list");
            Directory.CreateDirectory(list);
            C("dir.list-empty", Names(Directory.GetFiles(list)) + " " + Names(Directory.GetDirectories(list)));
            foreach (string name in new[] { "b.txt", "a.txt", "c.bin", "x.txt", "1.bin", "long-name-file.data" })
                File.WriteAllText(Path.Combine(list, name), name);
            Directory.CreateDirectory(Path.Combine(list, "sub1"));
            Directory.CreateDirectory(Path.Combine(list, "sub2.dir"));
            C("dir.getfiles", Names(Directory.GetFiles(list)));
            C("dir.getdirectories", Names(Directory.GetDirectories(list)));
            C("dir.entries", Names(Directory.GetFileSystemEntries(list)));
            C("dir.pattern-ext", Names(Directory.GetFiles(list, "*.txt")));
            C("dir.pattern-question", Names(Directory.GetFiles(list, "?.bin")));
            C("dir.pattern-prefix", Names(Directory.GetFiles(list, "long*")));
            C("dir.pattern-none", Names(Directory.GetFiles(list, "*.nothing")));
            C("dir.pattern-dirs", Names(Directory.GetDirectories(list, "sub*")));
            C("dir.getfiles-joined", Try(() => { string[] files = Directory.GetFiles(list, "a.txt"); return files.Length == 1 ? files[0] : "count " + files.Length; }));
            C("dir.getfiles-missing", Try(() => Names(Directory.GetFiles(Path.Combine(d, "nothing")))));
            C("dir.getdirectories-missing", Try(() => Names(Directory.GetDirectories(Path.Combine(d, "nothing")))));

            string many = Path.Combine(d, "many");
            Directory.CreateDirectory(many);
            const int Many = 150;
            C("dir.many-create", Try(() =>
            {
                for (int i = 0; i < Many; i++)
                    File.WriteAllText(Path.Combine(many, "file-" + i.ToString("D4") + ".txt"), "content " + i);
                return Directory.GetFiles(many).Length.ToString();
            }));
            C("dir.many-names", Try(() => { string[] names = Directory.GetFiles(many); string all = Names(names); return all.Substring(0, 40) + "..." + all.Substring(all.Length - 20); }));
            C("dir.many-read", Try(() =>
            {
                int good = 0;
                for (int i = 0; i < Many; i++)
                    if (File.ReadAllText(Path.Combine(many, "file-" + i.ToString("D4") + ".txt")) == "content " + i) good++;
                return good.ToString();
            }));
            C("dir.many-delete-half", Try(() =>
            {
                for (int i = 0; i < Many; i += 2)
                    File.Delete(Path.Combine(many, "file-" + i.ToString("D4") + ".txt"));
                return Directory.GetFiles(many).Length + " " + File.Exists(Path.Combine(many, "file-0002.txt")) + " " + File.Exists(Path.Combine(many, "file-0003.txt"));
            }));
            C("dir.many-refill", Try(() =>
            {
                for (int i = 0; i < 20; i++)
                    File.WriteAllText(Path.Combine(many, "again-" + i + ".txt"), "x");
                return Directory.GetFiles(many).Length.ToString();
            }));

            string deep = d;
            for (int i = 0; i < 8; i++)
                deep = Path.Combine(deep, "level" + i);
            C("dir.deep", Try(() => { Directory.CreateDirectory(deep); File.WriteAllText(Path.Combine(deep, "bottom.txt"), "deep"); return File.ReadAllText(Path.Combine(deep, "bottom.txt")); }));
            C("dir.deep-parent-list", Names(Directory.GetDirectories(Path.GetDirectoryName(deep))));

            string del = Path.Combine(d, "del");
            Directory.CreateDirectory(Path.Combine(del, "inner", "innermost"));
            File.WriteAllText(Path.Combine(del, "inner", "f.txt"), "x");
            File.WriteAllText(Path.Combine(del, "g.txt"), "x");
            C("dir.delete-nonempty", Do(() => Directory.Delete(del)));
            C("dir.delete-nonempty-kept", Directory.Exists(del) + " " + File.Exists(Path.Combine(del, "g.txt")));
            C("dir.delete-recursive", Try(() => { Directory.Delete(del, true); return Directory.Exists(del) + " " + Directory.Exists(d); }));
            C("dir.delete-missing", Do(() => Directory.Delete(Path.Combine(d, "gone"))));
            C("dir.delete-file", Try(() => { Directory.Delete(file); return File.Exists(file).ToString(); }));
            C("dir.delete-file-kept", File.Exists(file));
            C("dir.delete-empty", Try(() => { string e = Path.Combine(d, "empty"); Directory.CreateDirectory(e); Directory.Delete(e); return Directory.Exists(e).ToString(); }));

            string mv = Path.Combine(d, "mvsrc");
            Directory.CreateDirectory(mv);
            File.WriteAllText(Path.Combine(mv, "inside.txt"), "moved with it");
            C("dir.move", Try(() =>
            {
                string to = Path.Combine(d, "mvdst");
                Directory.Move(mv, to);
                return Directory.Exists(mv) + " " + Directory.Exists(to) + " " + File.ReadAllText(Path.Combine(to, "inside.txt"));
            }));
            C("dir.move-onto-existing", Do(() => Directory.Move(Path.Combine(d, "mvdst"), list)));
            C("dir.move-missing", Do(() => Directory.Move(Path.Combine(d, "nope"), Path.Combine(d, "nope2"))));

            string before = Directory.GetCurrentDirectory();
            C("dir.cwd-set", Try(() => { Directory.SetCurrentDirectory(d); return Directory.GetCurrentDirectory(); }));
            C("dir.cwd-relative-write", Try(() => { File.WriteAllText("relative.txt", "rel"); return File.ReadAllText(Path.Combine(d, "relative.txt")); }));
            C("dir.cwd-relative-dots", Try(() => File.ReadAllText("list/../relative.txt")));
            C("dir.cwd-relative-exists", File.Exists("relative.txt") + " " + Directory.Exists("list") + " " + Directory.Exists("./list/"));
            C("dir.cwd-relative-list", Try(() => Names(Directory.GetFiles("list", "*.bin"))));
            C("dir.cwd-relative-joined", Try(() => Directory.GetFiles("list", "a.txt")[0]));
            C("dir.cwd-fullpath", Path.GetFullPath("x/y/../z"));
            C("dir.cwd-missing", Do(() => Directory.SetCurrentDirectory(Path.Combine(d, "nowhere"))));
            C("dir.cwd-file", Do(() => Directory.SetCurrentDirectory(file)));
            C("dir.cwd-unchanged", Directory.GetCurrentDirectory());
            Directory.SetCurrentDirectory(before);
        }
    }
}
