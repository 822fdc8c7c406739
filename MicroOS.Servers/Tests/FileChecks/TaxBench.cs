using System;
using System.IO;
using MicroOS.FileChecks;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage;
using MicroOS.Shared.Storage.Fat;
using MicroOS.Shared.User;

namespace MicroOS.Servers.FileChecks
{
    // The microkernel's tax on files (issue 17, 6), for tools/bench.sh's [fs-tax] boot: the same FAT
    // code (MicroOS.Shared/Storage/Fat) used two ways, one after the other, on one disk:
    //   server      System.IO in this process -> IFileSystem -> the fat server -> ata
    //   in-process  a FatVolume mounted here on an AtaBlockDevice of its own -> ata (no fat server)
    // Two workloads each: FILE (10 MiB) read in 4 KiB reads, and 1,000 files of 1 KiB created,
    // written and closed, then one sync. Under -icount shift=0 the TSC counts guest instructions, and
    // runs on while the CPU idles waiting for QEMU's disk: the figures are the TSC minus the idle
    // thread's ticks (system_info), the instructions executed, so the host's I/O speed is not in them:
    //   bench: fs-read-server N        bench: fs-read-inprocess N        (instructions per 4 KiB)
    //   bench: fs-small-server N       bench: fs-small-inprocess N       (instructions per file)
    //   bench: fs-read-calls N         bench: fs-small-calls N           (calls to fat, per 4 KiB / per file)
    // The server's writes are synced before the in-process volume mounts, and the server is not
    // used after that: two caches must never write the same volume at once.
    internal static unsafe class TaxBench
    {
        private const int Block = 4096, SmallFiles = 1000, SmallBytes = 1024;

        public static void Run(string file)
        {
            byte[] buffer = new byte[Block];
            byte[] small = FileSuite.Pattern(SmallBytes, 99);

            // One untimed pass first: under -icount the guest clock also runs while QEMU's I/O thread
            // reads the host file, so the timed passes must both find it in the host's page cache
            // (neither guest cache holds 10 MiB: the second pass goes to the disk again).
            using (var s = new FileStream(file, FileMode.Open, FileAccess.Read))
                while (s.Read(buffer, 0, Block) > 0) { }

            long calls = FileSystem.Calls;
            ulong t0 = Executed();
            long blocks = 0;
            using (var s = new FileStream(file, FileMode.Open, FileAccess.Read))
                while (s.Read(buffer, 0, Block) > 0)
                    blocks++;
            ulong t1 = Executed();
            Say("fs-read-bytes", (ulong)(blocks * Block));
            Say("fs-read-server", (t1 - t0) / (ulong)Math.Max(blocks, 1));
            Say("fs-read-calls", (ulong)((FileSystem.Calls - calls) / Math.Max(blocks, 1)));

            Directory.CreateDirectory("/taxs");
            calls = FileSystem.Calls;
            t0 = Executed();
            for (int i = 0; i < SmallFiles; i++)
                File.WriteAllBytes(string.Concat("/taxs/f", i.ToString(), ".bin"), small);
            FileSystem.Sync();
            t1 = Executed();
            Say("fs-small-server", (t1 - t0) / SmallFiles);
            Say("fs-small-calls", (ulong)((FileSystem.Calls - calls) / SmallFiles));

            var disk = new AtaBlockDevice(Caps.Endpoint("ata"), Caps.NewSlot(), FrameCap.WindowBase);
            long opened = disk.Open();
            if (opened < 0)
            {
                Sys.Write(string.Concat("bench: fs-tax in-process: the ata device did not open: ", opened.ToString()));
                return;
            }
            FsMountError mount = FatVolume.Mount(disk, out FatVolume volume);
            if (mount != FsMountError.None)
            {
                Sys.Write(string.Concat("bench: fs-tax in-process mount failed: ", ((ulong)mount).ToString()));
                return;
            }
            t0 = Executed();
            blocks = 0;
            long offset = 0;
            if (volume.Open(file, FsOpenMode.Open, FsAccess.Read, out FatFile f) == FatVolume.Ok)
            {
                for (long n; (n = volume.Read(f, offset, buffer)) > 0; offset += n)
                    blocks++;
                volume.Close(f);
            }
            t1 = Executed();
            Say("fs-read-inprocess", (t1 - t0) / (ulong)Math.Max(blocks, 1));

            volume.CreateDirectory("/taxi");
            t0 = Executed();
            for (int i = 0; i < SmallFiles; i++)
            {
                if (volume.Open(string.Concat("/taxi/f", i.ToString(), ".bin"), FsOpenMode.Create, FsAccess.Write, out FatFile w) != FatVolume.Ok)
                    break;
                volume.Write(w, 0, small);
                volume.Close(w);
            }
            volume.Sync();
            t1 = Executed();
            Say("fs-small-inprocess", (t1 - t0) / SmallFiles);
            Sys.Write("bench: fs-tax done");
        }

        private static ulong Executed() => Sys.ReadTimestamp() - Sys.IdleTicks();

        private static void Say(string name, ulong value) => Sys.Write(string.Concat("bench: ", name, " ", value.ToString()));
    }
}
