using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // tools/bench.sh's `fs restart` and `ata restart` (issue 17; the test manifest's [restart-bench],
    // booted under -icount shift=0, where the timestamp counter counts guest instructions):
    //   fs restart    kill fat (its Process cap, slot 2) -> the first read answered by the fat the
    //                 supervisor started again: Names lookup, Connect, Open, Read, retried with a
    //                 yield until one answers (the client's side of a restart; fat remounts meanwhile)
    //   ata restart   kill ata (slot 3) -> a read of a block nobody has read (so fat must ask the
    //                 driver) answered: fat's AtaBlockDevice meets the dead driver, waits for the
    //                 restarted one, attaches again and re-sends; the client sees no error
    // Both are killed with process_kill, as the shell's `kill` does: the supervisor's `crash` is a
    // Debug message a busy server must be receiving to take. Slots: 1 = Names, 2 = proc:fat:rm,
    // 3 = proc:ata:rm. Prints "bench: fs-restart N" and "bench: ata-restart N" (TSC ticks), or an error.
    internal static unsafe class RestartBench
    {
        private const int Names = 1, FatProcess = 2, AtaProcess = 3;
        private const string File = "/BENCH.BIN";
        private const int Tries = 1_000_000;

        private static IFileSystem.Client s_session;
        private static long s_handle;
        private static readonly byte[] s_data = new byte[4096];

        public static int Run()
        {
            IpcBuffer.Setup();
            long r = 0;
            for (int i = 0; i < Tries && (r = OpenAndRead(0)) < 0; i++)
                Sys.Call(Syscall.Yield);
            if (r < 0)
                return Fail("first read", r);

            ulong start = Sys.ReadTimestamp();
            long killed = new ProcessCap(FatProcess).Kill();
            if (killed < 0)
                return Fail("kill fat", killed);
            for (int i = 0; i < Tries && (r = OpenAndRead(4096)) < 0; i++)
                Sys.Call(Syscall.Yield);
            ulong answered = Sys.ReadTimestamp();
            if (r < 0)
                return Fail("read after fat's restart", r);
            Sys.Write(string.Concat("bench: fs-restart ", (answered - start).ToString()));

            start = Sys.ReadTimestamp();
            killed = new ProcessCap(AtaProcess).Kill();
            if (killed < 0)
                return Fail("kill ata", killed);
            r = Read(8L << 20);
            answered = Sys.ReadTimestamp();
            if (r < 0)
                return Fail("read across ata's restart", r);
            Sys.Write(string.Concat("bench: ata-restart ", (answered - start).ToString()));
            return 0;
        }

        private static int Fail(string what, long r)
        {
            Sys.Write(string.Concat("bench: restart: ", what, " -> ", r.ToString()));
            return 1;
        }

        // Names -> fat, Connect, Open, Read 4 KiB at `offset`: the bytes read, or the first error.
        // (The slots of the last try's fat and session caps are given back first.)
        private static long OpenAndRead(long offset)
        {
            if (s_session.Endpoint.Slot != 0)
                Caps.FreeSlot(s_session.Endpoint.Slot);
            s_session = default;
            long r = new INames.Client(new Endpoint(Names)).Lookup("fat", out Endpoint fat);
            if (r != 0)
                return r < 0 ? r : -1000 - r;
            r = new IFileSystem.Client(fat).Connect(out Endpoint session);
            Caps.FreeSlot(fat.Slot);
            if (r < 0)
                return r;
            s_session = new IFileSystem.Client(session);
            s_handle = s_session.Open(File, FsOpenMode.Open, FsAccess.Read, out _);
            if (s_handle < 0)
                return s_handle;
            return Read(offset);
        }

        private static long Read(long offset) => s_session.Read((ulong)s_handle, (ulong)offset, 4096, s_data);
    }
}
