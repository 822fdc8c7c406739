using System.IO;
using static MicroOS.FileChecks.FileSuite;

namespace MicroOS.FileChecks
{
    // Sizes around sector and cluster boundaries, a 300 KiB file written and read in odd-sized
    // pieces, growth by appends, truncation of a large file.
    internal static class Sizes
    {
        public static void Run()
        {
            string d = P("sizes");
            Directory.CreateDirectory(d);
            int[] sizes = { 1, 511, 512, 513, 4095, 4096, 4097, 8191, 8192, 8193, 32768, 65537 };
            foreach (int n in sizes)
            {
                string f = Path.Combine(d, "size-" + n + ".bin");
                C("size." + n, Try(() => { File.WriteAllBytes(f, Pattern(n, n)); byte[] back = File.ReadAllBytes(f); return Sum(back) + " equal " + (Sum(back) == Sum(Pattern(n, n))); }));
            }
            C("size.listing", Names(Directory.GetFiles(d)));

            string big = Path.Combine(d, "big.bin");
            const int Big = 300 * 1024;
            byte[] pattern = Pattern(Big, 300);
            C("size.300k-write", Try(() =>
            {
                using (var s = new FileStream(big, FileMode.Create, FileAccess.Write))
                {
                    for (int at = 0; at < Big; at += 7000)
                        s.Write(pattern, at, at + 7000 <= Big ? 7000 : Big - at);
                    return s.Length.ToString();
                }
            }));
            C("size.300k-read", Try(() =>
            {
                byte[] back = new byte[Big];
                using (var s = new FileStream(big, FileMode.Open, FileAccess.Read))
                {
                    int done = 0, n;
                    while ((n = s.Read(back, done, done + 3333 <= Big ? 3333 : Big - done)) > 0)
                        done += n;
                    return done + " " + Sum(back) + " equal " + (Sum(back) == Sum(pattern));
                }
            }));
            C("size.300k-random", Try(() =>
            {
                var text = new System.Text.StringBuilder();
                using (var s = new FileStream(big, FileMode.Open, FileAccess.Read))
                {
                    int[] offsets = { 0, 4095, 4096, 65535, 131072, 200000, Big - 3 };
                    foreach (int at in offsets)
                    {
                        s.Position = at;
                        byte[] three = new byte[3];
                        int n = s.Read(three, 0, 3);
                        text.Append(at).Append('=').Append(Bytes(three, 0, n)).Append(';');
                    }
                }
                return text.ToString();
            }));
            C("size.300k-readallbytes", Try(() => Sum(File.ReadAllBytes(big))));
            C("size.300k-overwrite-middle", Try(() =>
            {
                using (var s = new FileStream(big, FileMode.Open)) { s.Position = 150000; s.Write(Pattern(9000, 9), 0, 9000); }
                byte[] all = File.ReadAllBytes(big);
                return Sum(all) + " " + Sum(all, 150000, 9000);
            }));
            C("size.300k-truncate", Try(() => { using (var s = new FileStream(big, FileMode.Open)) s.SetLength(1000); return Sum(File.ReadAllBytes(big)); }));
            C("size.300k-regrow", Try(() =>
            {
                using (var s = new FileStream(big, FileMode.Open)) s.SetLength(20000);
                byte[] all = File.ReadAllBytes(big);
                return Sum(all, 0, 1000) + " tail " + Sum(all, 1000, 19000);
            }));
            string grown = Path.Combine(d, "appends.bin");
            C("size.appends", Try(() =>
            {
                byte[] piece = Pattern(1000, 5);
                for (int i = 0; i < 60; i++)
                    using (var s = new FileStream(grown, FileMode.Append)) s.Write(piece, 0, piece.Length);
                byte[] all = File.ReadAllBytes(grown);
                return Sum(all) + " " + Sum(all, 59000, 1000);
            }));
            C("size.shrink-by-rewrite", Try(() => { File.WriteAllBytes(big, Pattern(10, 1)); return Sum(File.ReadAllBytes(big)); }));
        }
    }
}
