using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // The shell: `microos> `, one line at a time from the console (ConsoleContract.ReadLine: the
    // console edits the line, with history, on the keyboard and the serial line alike), output
    // through ConsoleContract.Write. ps/caps/kill/crash/restart go to the supervisor
    // (SupervisorContract); the rest is answered here.
    // Slots (boot manifest): 1 = endpoint `console` (send), 2 = endpoint `supervisor` (send) when there
    // is one, 3 = `lineready` (wait), signalled by the console when a line is complete, 4 = endpoint
    // `names` (send; `ping`, PingCommand.cs).
    internal static unsafe class ShellServer
    {
        public const string Prompt = "microos> ";
        private const int BenchCalls = 1000;
        private const int ReceiveSlot = 20;

        private static readonly Endpoint s_console = new Endpoint(1);
        private static readonly Endpoint s_supervisor = new Endpoint(2);
        private static readonly Notification s_lineReady = new Notification(3);
        private const ulong RetryMs = 10;
        private static byte* s_ipc;

        private const string Usage =
            "commands: help | echo TEXT | clear | uptime | date | mem | bench\n" +
            "          ps | caps PID|NAME | kill PID|NAME | restart NAME\n" +
            "          crash NAME [null|wild|loop|exit] | ping NAME\n";

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            s_ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_ipc, ReceiveSlot);
            PingCommand.Start();
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
                var m = new Message(ConsoleContract.ReadLine);
                long r = s_console.Call(ref m);
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
                if (m.W0 == 0)
                    return Text(m.Tag.Length);
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
                    var clear = new Message(ConsoleContract.Clear);
                    s_console.Call(ref clear);
                    return;
                case "uptime":
                    if (words.Length != 1) { Print("usage: uptime\n"); return; }
                    Uptime();
                    return;
                case "date":
                    if (words.Length != 1) { Print("usage: date\n"); return; }
                    Print(string.Concat("date: ", System.DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss"), " UTC (the CMOS clock at boot + the TSC at ",
                        System.Diagnostics.Stopwatch.Frequency.ToString(), " Hz)\n"));
                    return;
                case "mem":
                    if (words.Length != 1) { Print("usage: mem\n"); return; }
                    Mem();
                    return;
                case "bench":
                    if (words.Length != 1) { Print("usage: bench\n"); return; }
                    Bench();
                    return;
                case "ps":
                    if (words.Length != 1) { Print("usage: ps\n"); return; }
                    Supervisor(SupervisorContract.List, "", 0);
                    return;
                case "caps":
                    if (words.Length != 2) { Print("usage: caps PID|NAME\n"); return; }
                    Supervisor(SupervisorContract.Caps, words[1], 0);
                    return;
                case "kill":
                    if (words.Length != 2) { Print("usage: kill PID|NAME\n"); return; }
                    Supervisor(SupervisorContract.Kill, words[1], 0);
                    return;
                case "restart":
                    if (words.Length != 2) { Print("usage: restart NAME\n"); return; }
                    Supervisor(SupervisorContract.Restart, words[1], 0);
                    return;
                case "ping":
                    if (words.Length != 2) { Print(PingCommand.Usage); return; }
                    Print(PingCommand.Run(words[1], s_ipc, ReceiveSlot));
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
                    Supervisor(SupervisorContract.Crash, words[1], (ulong)kind);
                    return;
                }
                default:
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

        private static void Mem()
        {
            Sys.SystemInfo(out ulong free, out _, out ulong managed);
            Print(string.Concat("mem: ", free.ToString(), " free frames of ", managed.ToString(), " (", (free * 4).ToString(), " KiB free of ",
                (managed * 4).ToString(), " KiB)\n"));
        }

        // Round trips to the console's Debug Ping (registers only: the IPC fast path), timed with rdtsc.
        private static void Bench()
        {
            ulong start = Sys.ReadTimestamp();
            for (int i = 0; i < BenchCalls; i++)
            {
                var m = new Message(DebugContract.Ping, (ulong)i);
                long r = s_console.Call(ref m);
                if (r != 0 || m.W0 != (ulong)i + 1)
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
        public const string PsHeader = "PID NAME STATE RESTARTS KIB SENT RECEIVED\n";
        public const string CapsHeader = "SLOT OBJECT RIGHTS BADGE OBJECT-ID\n";

        private static void Supervisor(uint label, string target, ulong w1)
        {
            long info = Caps.Inspect(s_supervisor.Slot, out _);
            if (info < 0)
            {
                Print("supervisor not available\n");
                return;
            }
            int n = Put(target);
            var m = new Message(label, 0, w1);
            m.Tag = MessageTag.Of(label, n);
            long r = s_supervisor.Call(ref m);
            if (r < 0)
            {
                Print(string.Concat("supervisor not available (", r.ToString(), ")\n"));
                return;
            }
            if (label == SupervisorContract.List || label == SupervisorContract.Caps)
            {
                if (m.Tag.Length > 0 || m.W0 == 0)
                {
                    // Read out of the IPC buffer before Print, whose call to the console reuses it.
                    string text = Text(m.Tag.Length);
                    Print(string.Concat(label == SupervisorContract.List ? PsHeader : CapsHeader, text));
                    return;
                }
            }
            Print(string.Concat(ErrorText((SupervisorError)m.W0, target), "\n"));
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

        private static string Text(int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)s_ipc[i];
            return new string(chars);
        }

        private static int Put(string text)
        {
            int n = text.Length < MessageTag.MaxPayload ? text.Length : MessageTag.MaxPayload;
            for (int i = 0; i < n; i++)
                s_ipc[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            return n;
        }

        private static void Print(string text)
        {
            for (int done = 0; done < text.Length; done += MessageTag.MaxPayload)
            {
                int n = Put(text.Substring(done));
                var m = new Message(ConsoleContract.Write);
                m.Tag = MessageTag.Of(ConsoleContract.Write, n);
                s_console.Call(ref m);
            }
        }
    }
}
