using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // Path: pure string rules (Unix's, on both sides).
    internal static class PathChecks
    {
        public static void Run()
        {
            C("path.combine", Path.Combine("/a", "b"));
            C("path.combine-slash", Path.Combine("/a/", "b"));
            C("path.combine-rooted", Path.Combine("/a", "/b"));
            C("path.combine-empty", Path.Combine("", "b") + "|" + Path.Combine("a", ""));
            C("path.combine-three", Path.Combine("a", "b", "c.txt"));
            C("path.combine-null", Kind(() => Path.Combine(null, "b")));
            C("path.join", Path.Join("/a", "/b") + "|" + Path.Join("a", "b") + "|" + Path.Join("", "b") + "|" + Path.Join("a/", "b"));
            C("path.filename", Path.GetFileName("/a/b/c.txt") + "|" + Path.GetFileName("c") + "|" + Path.GetFileName("/a/") + "|" + (Path.GetFileName((string)null) ?? "null"));
            C("path.extension", Path.GetExtension("/a/b.txt") + "|" + Path.GetExtension("/a.b/c") + "|" + Path.GetExtension("x.") + "|" + Path.GetExtension("x.tar.gz") + "|" + Path.GetExtension(".profile"));
            C("path.stem", Path.GetFileNameWithoutExtension("/a/b.txt") + "|" + Path.GetFileNameWithoutExtension("x.tar.gz") + "|" + Path.GetFileNameWithoutExtension("noext") + "|" + Path.GetFileNameWithoutExtension(".profile"));
            C("path.dirname", Path.GetDirectoryName("/a/b/c.txt") + "|" + Path.GetDirectoryName("/a") + "|" + (Path.GetDirectoryName("/") ?? "null") + "|" + Path.GetDirectoryName("a") + "|" + Path.GetDirectoryName("a/b"));
            C("path.dirname-doubled", Path.GetDirectoryName("/a//b") + "|" + Path.GetDirectoryName("/a/b/") + "|" + (Path.GetDirectoryName("") ?? "null"));
            C("path.rooted", Path.IsPathRooted("/a") + "|" + Path.IsPathRooted("a") + "|" + Path.IsPathRooted(""));
            C("path.hasext", Path.HasExtension("a.b") + "|" + Path.HasExtension("a") + "|" + Path.HasExtension("a."));
            C("path.changeext", Path.ChangeExtension("/a/b.txt", ".md") + "|" + Path.ChangeExtension("/a/b", "md") + "|" + Path.ChangeExtension("/a/b.txt", null));
            C("path.full-dots", Path.GetFullPath("/a/./b/../c"));
            C("path.full-above-root", Path.GetFullPath("/../../x"));
            C("path.full-doubled", Path.GetFullPath("//a///b"));
            C("path.full-trailing", Path.GetFullPath("/a/b/"));
            C("path.full-root", Path.GetFullPath("/") + "|" + Path.GetFullPath("/.."));
            C("path.full-empty", Kind(() => Path.GetFullPath("")));
            C("path.full-null", Kind(() => Path.GetFullPath(null)));
            C("path.full-nul", Kind(() => Path.GetFullPath("/a\0b")));
            C("path.separator", Path.DirectorySeparatorChar.ToString() + Path.AltDirectorySeparatorChar.ToString());
        }
    }
}
