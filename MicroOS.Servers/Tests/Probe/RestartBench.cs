using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Testing;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // tools/bench.sh's `fs restart` and `ata restart` (issue 17; the test manifest's [restart-bench],
    // booted under -icount shift=0, where the timestamp counter counts guest instructions) and
    // RestartBenchTests (the same boot, not timed):
    //   fs restart    kill fat (its Process cap, slot 2) -> the first read answered by the fat the
    //                 supervisor started again: Names lookup (the same endpoint: Init owns it), Connect
    //                 (waits on that endpoint until the new fat has mounted and receives), Open, Read
    //   ata restart   kill ata (slot 3) -> a read of a block nobody has read (so fat must ask the
    //                 driver) answered: fat's AtaBlockDevice meets the dead driver, attaches again
    //                 (waiting on ata's endpoint for the restarted driver) and re-sends; no error
    // Both are killed with process_kill, as the shell's `kill` does: the supervisor's `crash` is a
    // Debug message a busy server must be receiving to take. Slots: 1 = Names, 2 = proc:fat:rm,
    // 3 = proc:ata:rm. The file /RESTART.BIN holds its own offsets (the 32-bit little-endian word at
    // byte offset o is o), so every read is checked word by word.
    // No retry sleeps or spins while a server comes back: each step waits in a call on an endpoint
    // Init keeps across restarts, so the idle CPU is idle. Each restart reports (TestReport lines)
    // the instructions executed from the kill to the answer (TSC ticks minus the CPU's idle ticks,
    // Sys.IdleTicks: under -icount, elapsed ticks also count the halted CPU's waits for the host's
    // disk) and the elapsed ticks, then `bench: fs-restart N` / `bench: ata-restart N` (N executed).
    internal static unsafe class RestartBench
    {
        private const int Names = 1, FatProcess = 2, AtaProcess = 3;
        private const string File = "/RESTART.BIN";
        private const int BootTries = 6000;             // 10 ms apart: a minute for the stack to come up
        private const int RestartTries = 100;           // reconnects after a restart; each waits in a call

        private static IFileSystem.Client s_session;
        private static long s_handle;
        private static readonly byte[] s_data = new byte[4096];

        public static int Run()
        {
            IpcBuffer.Setup();
            var report = new TestReport(2);
            long r = 0;
            // Start-up, not measured: fat may not have registered yet.
            for (int i = 0; i < BootTries && (r = OpenAndRead(0)) < 0; i++)
                Sys.Sleep(10);
            if (r < 0 || !Matches(0))
            {
                report.Check("first-read", false, TestReport.Value("result", r));
                return 1;
            }

            Sys.Write("restart: killing fat");     // under `timing`, the breakdown's first stamp (tools/bench.sh)
            Stamp start = Stamp.Now();
            long killed = new ProcessCap(FatProcess).Kill();
            int tries = 0;
            r = killed;
            Stamp connected = start, opened = start;
            for (; killed == 0 && tries < RestartTries; tries++)
            {
                r = Reconnect();
                connected = Stamp.Now();
                if (r >= 0)
                    r = OpenFile();
                opened = Stamp.Now();
                if (r >= 0)
                    r = Read(4096);
                if (r >= 0)
                    break;
                // A call in flight when fat died answers ObjectGone: again at once. Anything else
                // (Names without the entry: not seen, Init keeps the endpoint) is asked again a tick later.
                if (r != (long)SyscallError.ObjectGone)
                    Sys.Sleep(1);
            }
            Stamp answered = Stamp.Now();
            bool fsOk = killed == 0 && r == 4096 && Matches(4096);
            report.Check("fs-restart", fsOk, string.Concat(TestReport.Value("killed", killed), " ", TestReport.Value("read", r), " ",
                TestReport.Value("bytes", fsOk ? "match" : "differ"), " ", TestReport.Value("tries", tries + 1), " ",
                answered.Since(start), " to-connect=", connected.Executed(start).ToString(), " to-open=", opened.Executed(connected).ToString(),
                " to-read=", answered.Executed(opened).ToString()));
            if (fsOk)
                Sys.Write(string.Concat("bench: fs-restart ", answered.Executed(start).ToString()));

            const long AtaOffset = 8L << 20;        // never read before: fat's cache cannot answer it
            Sys.Write("restart: killing ata");
            start = Stamp.Now();
            killed = new ProcessCap(AtaProcess).Kill();
            r = killed == 0 ? Read(AtaOffset) : killed;
            answered = Stamp.Now();
            bool ataOk = killed == 0 && r == 4096 && Matches(AtaOffset);
            report.Check("ata-restart", ataOk, string.Concat(TestReport.Value("killed", killed), " ", TestReport.Value("read", r), " ",
                TestReport.Value("bytes", ataOk ? "match" : "differ"), " ", answered.Since(start)));
            if (ataOk)
                Sys.Write(string.Concat("bench: ata-restart ", answered.Executed(start).ToString()));
            if (!fsOk || !ataOk)
                Sys.Write("bench: restart: failed (see the result lines above)");
            return report.ExitCode;
        }

        // The TSC and the CPU's idle ticks at one instant.
        private struct Stamp
        {
            public ulong Tsc, Idle;

            public static Stamp Now()
            {
                ulong idle = Sys.IdleTicks();
                return new Stamp { Tsc = Sys.ReadTimestamp(), Idle = idle };
            }

            // Ticks the CPU executed from `from` to this stamp (elapsed minus idle).
            public long Executed(Stamp from) => (long)((Tsc - from.Tsc) - (Idle - from.Idle));

            public string Since(Stamp from) => string.Concat("instructions=", Executed(from).ToString(),
                " elapsed=", (Tsc - from.Tsc).ToString(), " idle=", (Idle - from.Idle).ToString());
        }

        // Every word of the last read is its own offset in the file.
        private static bool Matches(long offset)
        {
            fixed (byte* p = s_data)
                for (int i = 0; i < s_data.Length; i += 4)
                    if (*(uint*)(p + i) != (uint)(offset + i))
                        return false;
            return true;
        }

        // Names -> fat, Connect, Open, Read 4 KiB at `offset`: the bytes read, or the first error.
        private static long OpenAndRead(long offset)
        {
            long r = Reconnect();
            if (r >= 0)
                r = OpenFile();
            return r < 0 ? r : Read(offset);
        }

        // Names -> fat, Connect: a session (the last one's slot given back first), or the first error.
        // After a restart Names still answers the endpoint Init made (the new fat registers a copy of
        // the same one), and Connect waits there until the new fat's loop receives.
        private static long Reconnect()
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
            return 0;
        }

        private static long OpenFile()
        {
            s_handle = s_session.Open(File, FsOpenMode.Open, FsAccess.Read, out _);
            return s_handle < 0 ? s_handle : 0;
        }

        private static long Read(long offset) => s_session.Read((ulong)s_handle, (ulong)offset, 4096, s_data);
    }
}
