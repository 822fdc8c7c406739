using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // The shell: `microos> `, one line at a time from the console (IConsole.ReadLine: the console
    // edits the line, with history, on the keyboard and the serial line alike), output through
    // IConsole.Write. ps/caps/kill/crash/restart go to the supervisor (ISupervisor), whose answers
    // are records the shell formats; the rest is answered here. Its manifest line grants the
    // console's and the supervisor's endpoints, `lineready` (signalled by the console when a line is
    // complete) and Names (`ping`, PingCommand.cs, and the file commands' lookup of `fat`).
    internal static class ShellServer
    {
        public const string Prompt = "microos> ";
        private const int BenchCalls = 1000;
        private const ulong RetryMs = 10;

        private static IConsole.Client s_console;
        private static ISupervisor.Client s_supervisor;
        private static Notification s_lineReady;
        private static Endpoint s_names;

        private const string Usage =
            "commands: help | echo TEXT | clear | uptime | date | mem | bench [fs [MIB]]\n" +
            "          ps | caps PID|NAME | kill PID|NAME | restart NAME\n" +
            "          crash NAME [null|wild|loop|exit] | ping NAME | kv put|get|del|count\n" +
            "          call NAME METHOD [ARGS...] | contracts [NAME] | capgraph\n" +
            "          ipctrace [on|off|NAME...] | uname [ITEM]\n" +
            "          run FILE [ARGS...] | update NAME FILE\n" +
            FileCommands.Help;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("shell");
            s_console = new IConsole.Client(Caps.Endpoint("console"));
            s_supervisor = new ISupervisor.Client(Caps.Endpoint("supervisor"));
            s_lineReady = Caps.Notification("lineready");
            s_names = Caps.Endpoint("names");
            PingCommand.Start();
            IpcBuffer.ShareWithFileSystem(s_names);
            Print("MicroOS shell. Type help.\n");
            bool first = true;
            while (true)
            {
                Print(Prompt);
                if (first)
                {
                    // The boot target "kernel to prompt": this TSC minus the kernel's `kernel entered at TSC`.
                    Sys.Write(string.Concat("shell: ready, first prompt shown at TSC ", Sys.ReadTimestamp().ToString()));
                    first = false;
                }
                string line = ReadLine();
                if (line == null)
                    return 1;
                Run(line);
            }
        }

        // The next line from the console: asked for, and when there is none yet, waited for on
        // `lineready`. A console that dies meanwhile fails the call; the supervisor restarts it and
        // the endpoint stays, so the shell asks again. Null: no way to wait (no console at all).
        private static string ReadLine()
        {
            while (true)
            {
                long r = s_console.ReadLine(out string line);
                if (r < 0)
                {
                    if (r == (long)SyscallError.InvalidCapability)
                    {
                        Sys.Write(string.Concat("shell: console read -> ", r.ToString()));
                        return null;
                    }
                    Sys.Sleep(RetryMs);
                    continue;
                }
                if (r == 0)
                    return line;
                if (s_lineReady.Wait(out _) < 0)
                {
                    Sys.Write("shell: no lineready notification");
                    return null;
                }
            }
        }

        private static void Run(string line)
        {
            string[] words = line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                return;
            switch (words[0])
            {
                case "help":
                    Print(Usage);
                    return;
                case "echo":
                    Print(string.Concat(Rest(words, 1), "\n"));
                    return;
                case "clear":
                    if (words.Length != 1) { Print("usage: clear\n"); return; }
                    s_console.Clear();
                    return;
                case "uptime":
                    if (words.Length != 1) { Print("usage: uptime\n"); return; }
                    Uptime();
                    return;
                case "date":
                    Print(DateCommand.Run(words, s_names));
                    return;
                case "mem":
                    if (words.Length != 1) { Print("usage: mem\n"); return; }
                    Mem();
                    return;
                case "bench":
                    if (words.Length >= 2 && words[1] == "fs") { FsBenchCommand.Run(words, Print); return; }
                    if (words.Length != 1) { Print("usage: bench | bench fs [MIB]\n"); return; }
                    Bench();
                    return;
                case "ps":
                    if (words.Length != 1) { Print("usage: ps\n"); return; }
                    Ps();
                    return;
                case "caps":
                    if (words.Length != 2) { Print("usage: caps PID|NAME\n"); return; }
                    CapsOf(words[1]);
                    return;
                case "kill":
                    if (words.Length != 2) { Print("usage: kill PID|NAME\n"); return; }
                    if (RunCommand.TryKill(words[1], out string killed)) { Print(killed); return; }
                    Print(Answer(s_supervisor.Kill(words[1]), words[1]));
                    return;
                case "restart":
                    if (words.Length != 2) { Print("usage: restart NAME\n"); return; }
                    Print(Answer(s_supervisor.Restart(words[1]), words[1]));
                    return;
                case "ping":
                    if (words.Length != 2) { Print(PingCommand.Usage); return; }
                    Print(PingCommand.Run(words[1], s_names));
                    return;
                case "call":
                    Print(CallCommand.Call(line, s_names));
                    return;
                case "contracts":
                    Print(CallCommand.Contracts(words, s_names, s_supervisor));
                    return;
                case "capgraph":
                    if (words.Length != 1) { Print(CapGraphCommand.Usage); return; }
                    CapGraphCommand.Run(s_supervisor, Print);
                    return;
                case "kv":
                    Print(KvCommand.Run(words, line, s_names));
                    return;
                case "ipctrace":
                    IpcTraceCommand.Run(words, s_supervisor, s_names, Print);
                    return;
                case "uname":
                    Print(UnameCommand.Run(words));
                    return;
                case "run":
                    RunCommand.Run(words, line, s_console.Endpoint, s_names, Print);
                    return;
                case "update":
                    UpdateCommand.Run(words, s_supervisor, Print);
                    return;
                case "crash":
                {
                    CrashKind kind = CrashKind.Null;
                    if (words.Length == 3)
                    {
                        switch (words[2])
                        {
                            case "null": kind = CrashKind.Null; break;
                            case "wild": kind = CrashKind.Wild; break;
                            case "loop": kind = CrashKind.Loop; break;
                            case "exit": kind = CrashKind.Exit; break;
                            default: kind = 0; break;
                        }
                    }
                    if (words.Length < 2 || words.Length > 3 || kind == 0) { Print("usage: crash NAME [null|wild|loop|exit]\n"); return; }
                    Print(Answer(s_supervisor.Crash(kind, words[1]), words[1]));
                    return;
                }
                default:
                    if (FileCommands.Run(words, line, Print))
                        return;
                    Print(string.Concat("unknown command '", words[0], "'\n", Usage));
                    return;
            }
        }

        private static void Uptime()
        {
            ulong ticks = Sys.SystemInfo(out _, out ulong hertz, out _);
            ulong ms = hertz == 0 ? 0 : ticks * 1000 / hertz;
            Print(string.Concat("uptime: ", (ms / 1000).ToString(), ".", (ms % 1000).ToString("D3"), " s (", ticks.ToString(), " ticks at ",
                hertz.ToString(), " Hz)\n"));
        }

        // The machine's free memory, then each process's budget: what it uses of its limit (the
        // supervisor's List: pages and kernel objects; the limit is carved out of its creator's).
        private static void Mem()
        {
            Sys.SystemInfo(out ulong free, out _, out ulong managed);
            Sys.KernelHeap(out ulong heapBytes, out ulong heapKept);
            string text = string.Concat("mem: ", free.ToString(), " free frames of ", managed.ToString(), " (", (free * 4).ToString(), " KiB free of ",
                (managed * 4).ToString(), " KiB); kernel heap ", string.Concat(heapBytes.ToString(), " bytes, ", heapKept.ToString(), " frames kept\n"));
            if (s_supervisor.List(out ServerRecord[] servers) == 0)
            {
                text = string.Concat(text, MemHeader);
                foreach (ServerRecord s in servers)
                    text = string.Concat(text, string.Concat(s.Pid.ToString(), " ", s.Name, " ", s.UseKiB.ToString()), string.Concat(" ", s.LimitKiB.ToString(), "\n"));
            }
            Print(text);
        }

        // Round trips to the console's Debug Ping (registers only: the IPC fast path), timed with rdtsc.
        private static void Bench()
        {
            var debug = new IDebug.Client(s_console.Endpoint);
            ulong start = Sys.ReadTimestamp();
            for (int i = 0; i < BenchCalls; i++)
            {
                long r = debug.Ping((ulong)i);
                if (r != i + 1)
                {
                    Print(string.Concat("bench: call ", i.ToString(), " failed (", r.ToString(), ")\n"));
                    return;
                }
            }
            ulong cycles = Sys.ReadTimestamp() - start;
            Print(string.Concat("bench: ", BenchCalls.ToString(), " round trips to the console, ", (cycles / BenchCalls).ToString(),
                " TSC cycles per call\n"));
        }

        // The columns of the supervisor's `ps` and `caps` lines (SupervisorServer.List, Caps).
        public const string PsHeader = "PID NAME STATE RESTARTS KIB SENT RECEIVED LIMIT-KIB\n";
        public const string MemHeader = "PID NAME USE-KIB LIMIT-KIB\n";
        public const string CapsHeader = "SLOT OBJECT RIGHTS BADGE OBJECT-ID\n";

        // `ps`: the supervisor's records, one line each.
        private static void Ps()
        {
            long r = s_supervisor.List(out ServerRecord[] servers);
            if (r != 0)
            {
                Print(Answer(r, ""));
                return;
            }
            string text = PsHeader;
            foreach (ServerRecord s in servers)
                text = string.Concat(text, s.ToString(), "\n");
            Print(string.Concat(text, RunCommand.PsLines()));
        }

        // `caps NAME`: what the server holds, one capability a line.
        private static void CapsOf(string target)
        {
            long r = s_supervisor.CapsOf(target, out CapRecord[] caps);
            if (r != 0)
            {
                Print(Answer(r, target));
                return;
            }
            string text = CapsHeader;
            foreach (CapRecord c in caps)
                text = string.Concat(text, c.ToString(), "\n");
            Print(text);
        }

        // A supervisor answer as a line: its SupervisorError, or why the call failed.
        private static string Answer(long r, string target)
        {
            if (r == (long)SyscallError.InvalidCapability)
                return "supervisor not available\n";
            if (r < 0)
                return string.Concat("supervisor not available (", r.ToString(), ")\n");
            return string.Concat(ErrorText((SupervisorError)r, target), "\n");
        }

        private static string ErrorText(SupervisorError e, string target)
        {
            switch (e)
            {
                case SupervisorError.Ok: return "ok";
                case SupervisorError.NoSuchServer: return string.Concat("no such server '", target, "' (ps lists them)");
                case SupervisorError.Refused: return string.Concat("refused: ", target, " is not supervised (init and the supervisor stay up)");
                case SupervisorError.NotRunning: return string.Concat(target, " is not running, or did not take the request: try again");
                case SupervisorError.BadRequest: return "bad request";
            }
            return string.Concat("error ", ((ulong)e).ToString());
        }

        // words[from..] joined by single spaces.
        private static string Rest(string[] words, int from)
        {
            var text = new System.Text.StringBuilder();
            for (int i = from; i < words.Length; i++)
            {
                if (i > from)
                    text.Append(' ');
                text.Append(words[i]);
            }
            return text.ToString();
        }

        private static void Print(string text)
        {
            for (int done = 0; done < text.Length; done += MessageTag.MaxPayload)
                s_console.Write(text.Length - done <= MessageTag.MaxPayload ? (done == 0 ? text : text.Substring(done)) : text.Substring(done, MessageTag.MaxPayload));
        }
    }
}
