using System;
using System.Diagnostics;
using System.IO;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `bench fs [MIB]`: the file path as a client of the fat server sees it, on the disk the system
    // booted with. In a scratch directory of its own it writes a file of MIB MiB (1 unless given, at
    // most 64) and syncs, reads it back in 4 KiB reads, then creates, writes (1 KiB) and closes 100
    // files and syncs; then it deletes all it made. For each it prints the TSC cycles (under QEMU's
    // -icount: instructions) per operation, the calls to fat each took, and the rate. The in-process
    // half of the fs tax needs the disk driver's capability, which the shell must not hold:
    // `./microos bench` measures both halves (FileChecks/TaxBench.cs).
    internal static class FsBenchCommand
    {
        public const string Usage = "usage: bench fs [MIB]   (1..64 MiB read back in 4 KiB reads; 100 small files)\n";
        private const string Scratch = "/bench-fs";
        private const int Block = 4096, SmallFiles = 100, SmallBytes = 1024;

        public static void Run(string[] words, Action<string> print)
        {
            int mib = 1;
            if (words.Length > 3 || (words.Length == 3 && (!int.TryParse(words[2], out mib) || mib < 1 || mib > 64)))
            {
                print(Usage);
                return;
            }
            if (Directory.Exists(Scratch) || File.Exists(Scratch))
            {
                print(string.Concat("bench fs: ", Scratch, " exists (left by an earlier run?): remove it first\n"));
                return;
            }
            try
            {
                Directory.CreateDirectory(Scratch);
                Measure(mib, print);
            }
            catch (Exception e)
            {
                print(string.Concat("bench fs: ", FileSystem.Reason(e), "\n"));
            }
            finally
            {
                try { RemoveScratch(); }
                catch (Exception e) { print(string.Concat("bench fs: could not remove ", Scratch, ": ", FileSystem.Reason(e), "\n")); }
            }
        }

        private static void Measure(int mib, Action<string> print)
        {
            string file = Scratch + "/read.bin";
            byte[] block = new byte[Block];
            for (int i = 0; i < Block; i++)
                block[i] = (byte)(i * 7 + 1);
            long blocks = (long)mib * 1024 * 1024 / Block;
            print(string.Concat("bench fs: writing ", mib.ToString(), " MiB to ", file, "\n"));
            using (var s = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                for (long i = 0; i < blocks; i++)
                    s.Write(block, 0, Block);
            FileSystem.Sync();

            long calls = FileSystem.Calls;
            long t0 = Stopwatch.GetTimestamp();
            long read = 0;
            using (var s = new FileStream(file, FileMode.Open, FileAccess.Read))
            {
                int n;
                while ((n = s.Read(block, 0, Block)) > 0)
                    read += n;
            }
            long cycles = Stopwatch.GetTimestamp() - t0;
            calls = FileSystem.Calls - calls;
            if (read != blocks * Block)
                throw new IOException(string.Concat("read back ", read.ToString(), " bytes of ", (blocks * Block).ToString()));
            print(string.Concat("bench fs: read ", mib.ToString(), " MiB: ", (cycles / blocks).ToString(), " TSC cycles per 4 KiB, ",
                PerHundred(calls, blocks), " calls to fat per 4 KiB, ", Rate(read, cycles), "\n"));

            byte[] small = new byte[SmallBytes];
            for (int i = 0; i < SmallBytes; i++)
                small[i] = (byte)(i * 13 + 5);
            calls = FileSystem.Calls;
            t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < SmallFiles; i++)
                using (var s = new FileStream(string.Concat(Scratch, "/s", i.ToString("D3"), ".bin"), FileMode.CreateNew, FileAccess.Write))
                    s.Write(small, 0, SmallBytes);
            FileSystem.Sync();
            cycles = Stopwatch.GetTimestamp() - t0;
            calls = FileSystem.Calls - calls;
            print(string.Concat("bench fs: ", SmallFiles.ToString(), " files of 1 KiB created, written, closed and synced: ",
                (cycles / SmallFiles).ToString(), " TSC cycles per file, ", PerHundred(calls, SmallFiles), " calls to fat per file\n"));
            print("bench fs: the same FAT code linked into the client (the fs tax) needs the disk driver's capability: ./microos bench\n");
        }

        // calls / per with two decimals ("1.00"), in integers.
        private static string PerHundred(long calls, long per)
        {
            long h = calls * 100 / per;
            return string.Concat((h / 100).ToString(), ".", (h % 100).ToString("D2"));
        }

        private static string Rate(long bytes, long cycles)
        {
            if (cycles <= 0 || Stopwatch.Frequency <= 0)
                return "rate unknown";
            long kibPerSecond = bytes / 1024 * Stopwatch.Frequency / cycles;
            return string.Concat(kibPerSecond.ToString(), " KiB/s");
        }

        private static void RemoveScratch()
        {
            if (!Directory.Exists(Scratch))
                return;
            foreach (string f in Directory.GetFiles(Scratch))
                File.Delete(f);
            Directory.Delete(Scratch);
            FileSystem.Sync();
        }
    }
}
