using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The fat server keeps nothing per client past its use (MicroOS.Tests/Boot/FatFlatTests.cs;
    // issue 17 item 3): `fatflat CYCLES CLIENTS`, with slot 1 = the fat endpoint (write-only, as Names
    // hands it out), 2 = fat's Process cap (read: process_inspect), 3 = its own image (spawn).
    //   1. Connect, then CYCLES rounds of Open /HELLO.TXT, Read 16 bytes, Close; fat's pages and
    //      kernel-object frames read after 100 rounds (the heap's working size reached) and at the end.
    //   2. CLIENTS processes, one after the other, each Connects, opens the file, reads it; every
    //      other one closes it, the rest end with it open (a client that dies mid-use); fat's figures
    //      read again. More clients than fat's 64 sessions: the oldest sessions' open files are closed.
    //   client          what step 2 starts
    // One line per step: "fat-flat: ...".
    internal static unsafe class FatFlat
    {
        private const int Fat = 1, FatProcess = 2, Image = 3, Child = 20;
        private const int WarmUp = 100;
        private const string File = "/HELLO.TXT";

        private static IFileSystem.Client s_session;
        private static readonly byte[] s_data = new byte[64];

        public static int Run(string[] args)
        {
            IpcBuffer.Setup();
            if (args.Length > 1 && args[1] == "client")
                return Client(args.Length > 2 ? args[2] : "0");
            int cycles = args.Length > 1 && int.TryParse(args[1], out int c) ? c : 10000;
            int clients = args.Length > 2 && int.TryParse(args[2], out int n) ? n : 100;

            long connected = Connect();
            if (connected != 0)
            {
                Say(string.Concat("connect -> ", connected.ToString()));
                return 1;
            }
            // The test may raise the counts (MICROOS_FATFLAT_CYCLES, _CLIENTS): "CYCLES CLIENTS" in /FLATCFG.TXT.
            string config = ReadConfig();
            if (config != null)
            {
                string[] words = config.Trim().Split(' ');
                if (words.Length == 2 && int.TryParse(words[0], out int cc) && int.TryParse(words[1], out int nn))
                {
                    cycles = cc;
                    clients = nn;
                }
            }
            Say(string.Concat("counts: ", cycles.ToString(), " cycles, ", clients.ToString(), " clients"));
            int failures = 0;
            long firstFailure = 0;
            string warm = "";
            for (int i = 0; i < cycles; i++)
            {
                if (i == WarmUp)
                    warm = Figures();
                if (i > 0 && i % 1000 == 0)
                    Say(string.Concat("at ", i.ToString(), " cycles: ", Figures()));
                long r = Cycle(s_session, close: true);
                if (r < 0 && failures++ == 0)
                    firstFailure = r;
            }
            Say(string.Concat("open/close: after ", WarmUp.ToString(), " cycles ", warm, "; after ", cycles.ToString(), " cycles ", Figures(),
                "; failures ", failures.ToString(), failures > 0 ? string.Concat(" (first ", firstFailure.ToString(), ")") : ""));

            int started = 0;
            for (int i = 0; i < clients; i++)
            {
                long pid = new BootImageCap(Image).Create(Child, string.Concat("ff-client fatflat client ", (i % 2).ToString()), 1024 * 1024, false);
                var child = new ProcessCap(Child);
                if (pid > 0 && child.Transfer(Fat, 1, CapRights.Write) == 0 && child.Resume() == 0)
                {
                    started++;
                    WaitDead(Child);
                }
                Caps.Delete(Child);
            }
            Say(string.Concat("clients: ", started.ToString(), " of ", clients.ToString(), " came and went; fat now ", Figures()));
            return 0;
        }

        // "N pages, M object frames" of the fat server (process_inspect).
        private static string Figures()
        {
            long r = new ProcessCap(FatProcess).Inspect(out _, out ulong frames, out _, out _, out _, out ulong objects, out _);
            return r < 0 ? string.Concat("inspect -> ", r.ToString()) : string.Concat(frames.ToString(), " pages, ", objects.ToString(), " object frames");
        }

        private static void Say(string text) => Sys.Write(string.Concat("fat-flat: ", text));

        // A client process: connect, open, read, close if `close` is 1, end.
        private static int Client(string close)
        {
            long connected = Connect();
            long r = connected == 0 ? Cycle(s_session, close == "1") : connected;
            if (r < 0)
                Say(string.Concat("client failed -> ", r.ToString()));
            return 0;
        }

        // Open, read 16 bytes, close (or not): 0, or the first error.
        private static long Cycle(IFileSystem.Client session, bool close)
        {
            long handle = session.Open(File, FsOpenMode.Open, FsAccess.Read, out _);
            if (handle < 0)
                return handle;
            long r = session.Read((ulong)handle, 0, 16, s_data);
            if (r < 0 || !close)
                return r < 0 ? r : 0;
            r = session.Close((ulong)handle);
            return r < 0 ? r : 0;
        }

        private static string ReadConfig()
        {
            long handle = s_session.Open("/FLATCFG.TXT", FsOpenMode.Open, FsAccess.Read, out _);
            if (handle < 0)
                return null;
            long r = s_session.Read((ulong)handle, 0, (ulong)s_data.Length, s_data);
            string text = null;
            if (r > 0)
            {
                var chars = new char[(int)r];
                for (int i = 0; i < chars.Length; i++)
                    chars[i] = (char)s_data[i];
                text = new string(chars);
            }
            s_session.Close((ulong)handle);
            return text;
        }

        private static long Connect()
        {
            long r = new IFileSystem.Client(new Endpoint(Fat)).Connect(out Endpoint session);
            if (r < 0)
                return r;
            s_session = new IFileSystem.Client(session);
            return 0;
        }

        private static bool WaitDead(int slot)
        {
            for (int i = 0; i < 4000; i++)
            {
                if (new ProcessCap(slot).Inspect() == (long)SyscallError.ObjectGone)
                    return true;
                Sys.Sleep(5);
            }
            return false;
        }
    }
}
