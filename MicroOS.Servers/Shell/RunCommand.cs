using System;
using System.IO;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `run FILE [ARGS...]` (issue 17, item 4): a program from the disk. The shell reads FILE through
    // the fat server (System.IO) into a Frame it makes, and the kernel makes a process of it
    // (process_create_frame: the boot modules' ELF and fit checks, its limit carved out of the shell's
    // own budget). Named after the file (`hello.elf` runs as `hello`), it gets exactly these
    // capabilities, and the `caps=` list that names them in its arguments (so Caps.Endpoint finds them
    // as a manifest-started server would):
    //   slot 1  ep:console:w   the console, write only, badged ConsoleContract.ProgramBadge: the
    //                          console lets it Write, never ReadLine (the shell's input) nor Clear
    //   slot 2  ep:names:w     Names, unbadged: Lookup only (it cannot register a name)
    //   slot 3  ep:NAME:rwg    an endpoint of its own, made by the shell, so a server written with
    //                          `./microos new-server` serves on it (Server.Serve(NAME))
    // Nothing else: no device, no Process cap, no trace, no file system (docs/capabilities.md).
    // The shell keeps its Process cap: `ps` lists its programs after the supervisor's servers (the
    // supervisor does not watch them: a program from disk is not restarted), `kill NAME|PID` ends one.
    // The shell waits RunWaitMs for the program to end (most print and exit) and says so, or that it
    // runs on; a program that ends later is noticed at the next run, ps or kill.
    //
    // Kernel objects live until their creator ends (issue 17 item 3 is what frees them earlier), so
    // the shell makes few and reuses them: one image frame of MaxImageBytes, made at the first run;
    // one endpoint per program slot, revoked (every copy the program or its clients hold is gone)
    // before the next program in that slot gets it; one death notification. The shell's limit (1792K,
    // boot-manifest.txt) is its own ≈ 600 KiB, the frame, and ProgramKiB for the program it runs.
    internal static unsafe class RunCommand
    {
        public const string Usage = "usage: run FILE [ARGS...]\n";
        // The program's memory limit, carved out of the shell's (boot-manifest.txt gives the shell room for one).
        public const ulong ProgramKiB = 640;
        // The image frame's size, made once: a program file is at most this (a stripped program from
        // `./microos disk put` is about 100 KiB; the kernel would take up to 1 MiB, Frame.MaxPages).
        private const int MaxImageBytes = 384 * 1024;
        private const ulong RunWaitMs = 1000;
        private const ulong TimerBit = 1UL << 40;
        private const int MaxPrograms = 8;
        // Where the shell maps the frame while it fills it (the mapping window; nothing else of the shell's is there).
        private const ulong MapAddress = FrameCap.WindowBase + 0x4000_0000;
        private const int ConsoleSlot = 1, NamesSlot = 2, OwnSlot = 3;

        private struct Program
        {
            public int ProcessSlot, Pid;
            public string Name;
        }
        private static readonly Program[] s_programs = new Program[MaxPrograms];
        // Per program slot: the endpoint the shell made for it (0: none yet), kept across programs.
        private static readonly int[] s_endpoints = new int[MaxPrograms];
        private static int s_frameSlot;
        private static Notification s_deaths;
        private static bool s_haveDeaths;
        private static byte[] s_chunk;

        public static void Run(string[] words, string line, Endpoint console, Endpoint names, Action<string> print)
        {
            if (words.Length < 2)
            {
                print(Usage);
                return;
            }
            string path = words[1];
            // The start of `./microos bench`'s `run hello from disk` (to hello's `first line at TSC`).
            Sys.Write(string.Concat("shell: run ", path, " at TSC ", Sys.ReadTimestamp().ToString()));
            string arguments = FileCommands.TextAfter(line, 2);
            if (arguments.IndexOf("caps=") >= 0)
            {
                print("run: the arguments may not hold caps= (the shell states the program's capabilities)\n");
                return;
            }
            Reap();
            int index = FreeIndex();
            if (index < 0)
            {
                print(string.Concat("run: ", MaxPrograms.ToString(), " programs run already (ps lists them; kill one first)\n"));
                return;
            }
            string full = path;
            try
            {
                full = FileSystem.FullPath(path);
                string name = ProgramName(full);
                if (name == null)
                {
                    print(string.Concat("run: ", full, ": not a program name (letters, digits, - and _, before the first dot)\n"));
                    return;
                }
                string error = Load(full, out int length);
                if (error != null)
                {
                    print(string.Concat("run: ", full, ": ", error, "\n"));
                    return;
                }
                print(Start(full, name, arguments, s_frameSlot, length, index, console, names));
            }
            catch (Exception e)
            {
                print(string.Concat("run: ", full, ": ", FileSystem.Reason(e), "\n"));
            }
        }

        // The image frame, mapped writable at MapAddress: null, or why not.
        private static string Frame()
        {
            if (s_frameSlot != 0)
                return null;
            int want = MaxImageBytes / 4096;
            int slot = Caps.NewSlot();
            if (slot == 0)
                return "the shell's capability table is full";
            long r = Caps.CreateFrame(slot, want);
            if (r < 0)
            {
                Caps.FreeSlot(slot);
                return string.Concat("no memory for its image (", SyscallErrors.Name(r), ")");
            }
            r = new FrameCap(slot).Map(MapAddress, writable: true);
            if (r < 0)
            {
                Caps.FreeSlot(slot);
                return string.Concat("cannot map its image (", SyscallErrors.Name(r), ")");
            }
            s_frameSlot = slot;
            return null;
        }

        // The file into the image frame (`update` uses it too: the frame is only read while a
        // process is made of it, and Init copies what it keeps): null, or what is wrong with it.
        internal static int ImageFrame => s_frameSlot;
        internal static string Load(string full, out int length)
        {
            length = 0;
            using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read))
            {
                long size = stream.Length;
                if (size == 0)
                    return "not a program (empty file)";
                if (size > MaxImageBytes)
                    return string.Concat("too large (", size.ToString(), " bytes; a program is at most ", (MaxImageBytes >> 10).ToString(), " KiB)");
                length = (int)size;
                string error = Frame();
                if (error != null)
                    return error;
                s_chunk ??= new byte[4096];
                byte* to = (byte*)MapAddress;
                int done = 0;
                while (done < length)
                {
                    int n = stream.Read(s_chunk, 0, Math.Min(s_chunk.Length, length - done));
                    if (n <= 0)
                        return "shorter than its directory entry says";
                    for (int i = 0; i < n; i++)
                        to[done + i] = s_chunk[i];
                    done += n;
                }
                if (length < 4 || to[0] != 0x7F || to[1] != (byte)'E' || to[2] != (byte)'L' || to[3] != (byte)'F')
                    return "not a program (no ELF header)";
            }
            return null;
        }

        private static string Start(string full, string name, string arguments, int frameSlot, int length, int index, Endpoint console, Endpoint names)
        {
            string text = string.Concat(name, " ", arguments.Length > 0 ? string.Concat(arguments, " ") : "",
                "caps=ep:console:w,ep:names:w,ep:", name, ":rwg");
            if (s_endpoints[index] == 0)
            {
                int slot = Caps.NewSlot();
                if (slot == 0 || Caps.CreateEndpoint(slot) != 0)
                {
                    Caps.FreeSlot(slot);
                    return "run: the shell's capability table is full\n";
                }
                s_endpoints[index] = slot;
            }
            int endpointSlot = s_endpoints[index];
            int processSlot = Caps.NewSlot(), consoleSlot = Caps.NewSlot();
            if (processSlot == 0 || consoleSlot == 0)
            {
                Caps.FreeSlot(processSlot);
                Caps.FreeSlot(consoleSlot);
                return "run: the shell's capability table is full\n";
            }
            long pid;
            byte[] ascii = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                ascii[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            fixed (byte* p = ascii)
                pid = SysCalls.ProcessCreateFrame((ulong)frameSlot, (ulong)processSlot, (ulong)p, ProcessCreateArgs.Pack(ascii.Length, ProgramKiB, false), (ulong)length, out _);
            if (pid < 0)
            {
                Caps.FreeSlot(processSlot);
                Caps.FreeSlot(consoleSlot);
                if (pid == (long)SyscallError.InvalidArgument)
                    return string.Concat("run: ", full, ": not a valid program: the loader refused it (the kernel log says why)\n");
                if (pid == (long)SyscallError.OutOfMemory)
                    return string.Concat("run: ", full, ": does not fit: a program gets ", ProgramKiB.ToString(),
                        " KiB out of the shell's budget (the kernel log says what it needs)\n");
                return string.Concat("run: ", full, ": ", SyscallErrors.Name(pid), "\n");
            }
            var process = new ProcessCap(processSlot);
            // Its three capabilities, then it runs. A failure here kills it unstarted.
            long r = Caps.Mint(console.Slot, consoleSlot, CapRights.Write, ConsoleContract.ProgramBadge);
            if (r == 0)
                r = process.Transfer(consoleSlot, ConsoleSlot, CapRights.Write);
            if (r == 0)
                r = process.Transfer(names.Slot, NamesSlot, CapRights.Write);
            if (r == 0)
                r = process.Transfer(endpointSlot, OwnSlot, CapRights.Read | CapRights.Write | CapRights.Grant);
            Caps.FreeSlot(consoleSlot);     // the program's copy stays (its parent becomes the shell's console cap)
            if (r == 0)
                r = Deaths(out Notification deaths);
            if (r == 0)
                r = process.SetDeathNotification(s_deaths, 1UL << index);
            if (r == 0)
                r = process.Resume();
            if (r != 0)
            {
                process.Kill();
                Caps.FreeSlot(processSlot);
                Caps.Revoke(endpointSlot);
                return string.Concat("run: ", full, ": could not give it its capabilities (", SyscallErrors.Name(r), ")\n");
            }
            s_programs[index] = new Program { ProcessSlot = processSlot, Pid = (int)pid, Name = name };
            return WaitFor(index);
        }

        // Up to RunWaitMs for the program to end; what became of it.
        private static string WaitFor(int index)
        {
            Program p = s_programs[index];
            ulong mine = 1UL << index;
            s_deaths.SignalAfter(RunWaitMs, TimerBit);
            while (true)
            {
                if (s_deaths.Wait(out ulong bits) < 0)
                    break;
                if ((bits & mine) != 0)
                {
                    s_deaths.CancelTimer();
                    Ended(index);
                    return string.Concat("run: ", p.Name, " (pid ", p.Pid.ToString(), ") ended\n");
                }
                if ((bits & TimerBit) != 0)
                    break;
            }
            return string.Concat("run: ", p.Name, " (pid ", p.Pid.ToString(), ") runs on (ps lists it; kill ", p.Name, " ends it)\n");
        }

        // The shell's one notification for its programs' deaths (bit = index) and the wait's timer.
        private static long Deaths(out Notification deaths)
        {
            if (!s_haveDeaths)
            {
                long r = Caps.NewNotification(out s_deaths);
                if (r != 0)
                {
                    deaths = default;
                    return r;
                }
                s_haveDeaths = true;
            }
            deaths = s_deaths;
            return 0;
        }

        // The program at `index` ended (the kernel log says how: its exit code, or why it was
        // killed): its Process cap goes, and every copy of its endpoint (the program's, any client's).
        private static void Ended(int index)
        {
            Caps.FreeSlot(s_programs[index].ProcessSlot);
            Caps.Revoke(s_endpoints[index]);
            s_programs[index] = default;
        }

        // Forgets programs that ended meanwhile (their death bits, or their caps say so).
        private static void Reap()
        {
            if (s_haveDeaths)
                s_deaths.Poll(out _);
            for (int i = 0; i < MaxPrograms; i++)
            {
                if (s_programs[i].ProcessSlot == 0)
                    continue;
                long r = new ProcessCap(s_programs[i].ProcessSlot).Inspect(out ulong state, out _, out _, out _);
                if (r < 0 || state != 0)
                    Ended(i);
            }
        }

        private static int FreeIndex()
        {
            for (int i = 0; i < MaxPrograms; i++)
                if (s_programs[i].ProcessSlot == 0)
                    return i;
            return -1;
        }

        // `ps`: the shell's programs, in the supervisor's columns (RESTARTS: never restarted, 0).
        public static string PsLines()
        {
            Reap();
            string text = "";
            for (int i = 0; i < MaxPrograms; i++)
            {
                Program p = s_programs[i];
                if (p.ProcessSlot == 0)
                    continue;
                long pid = new ProcessCap(p.ProcessSlot).Inspect(out _, out ulong frames, out ulong sent, out ulong received, out ulong limit, out ulong objects, out _);
                if (pid < 0)
                    continue;
                text = string.Concat(text, string.Concat(pid.ToString(), " ", p.Name, " running 0 ", ((frames + objects) * 4).ToString()),
                    string.Concat(" ", sent.ToString(), " ", received.ToString(), " ", (limit * 4).ToString(), "\n"));
            }
            return text;
        }

        // `kill NAME|PID` of a program the shell ran: true and the answer, or false (not one of its programs).
        public static bool TryKill(string target, out string answer)
        {
            answer = null;
            Reap();
            for (int i = 0; i < MaxPrograms; i++)
            {
                Program p = s_programs[i];
                if (p.ProcessSlot == 0 || (p.Name != target && p.Pid.ToString() != target))
                    continue;
                long r = new ProcessCap(p.ProcessSlot).Kill();
                Ended(i);
                answer = r == 0 ? "ok\n" : string.Concat("kill: ", target, ": ", SyscallErrors.Name(r), "\n");
                return true;
            }
            return false;
        }

        // `/bin/hello.elf` runs as `hello`: the file name up to its first dot, lower case; null when
        // that is empty or holds what a capability list's name cannot (the `caps=` list names it).
        private static string ProgramName(string full)
        {
            int slash = full.LastIndexOf('/');
            string file = full.Substring(slash + 1);
            int dot = file.IndexOf('.');
            string name = (dot < 0 ? file : file.Substring(0, dot)).ToLowerInvariant();
            if (name.Length == 0 || name.Length > 32)
                return null;
            foreach (char c in name)
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                    return null;
            return name;
        }
    }
}
