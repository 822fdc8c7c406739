using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `ipctrace on|off|NAME...`, `ipctrace`: the kernel's IPC trace ring (MicroOS.Kernel/Diagnostics/
    // IpcTrace.cs) through the shell's Trace capability (`trace:rw` in its manifest line). `on`
    // records every message, `NAME...` only those from or to these servers (at most four), `off`
    // stops; with no argument it prints what was recorded since the last read, one message a line:
    //   +TIME  SENDER -> RECEIVER  KIND  label N [IContract.Method]  PAYLOAD  [cap]  RESULT  [rtt TIME]
    // TIME is microseconds since the first line shown (TSC at Stopwatch.Frequency), names come from
    // the supervisor's List (pids when a process is gone). While it reads and prints, tracing is paused, so its own calls to the
    // supervisor and the console do not fill the ring. A message that had to wait (`queued`) names the
    // endpoint's last receiver, or `ep#ID` when none is known.
    internal static class IpcTraceCommand
    {
        public const string Usage = "usage: ipctrace [on | off | NAME...]\n";
        private const int MaxLines = 400;       // printed per read; the rest is counted
        private const int LinesPerPrint = 32;   // the shell's heap is small (512 KiB): printed in pieces

        private static ulong s_cursor;
        private static ulong s_pids;            // the filter the shell set (0: all)
        private static readonly IpcTraceEntry[] s_entries = new IpcTraceEntry[TraceCap.MaxPerRead];

        // Prints through `print` (the shell's), so what it shows is printed while tracing is paused.
        public static void Run(string[] words, ISupervisor.Client supervisor, Endpoint names, System.Action<string> print)
        {
            s_namesForLearning = names;
            int slot = Caps.TraceSlot();
            if (slot == 0)
            {
                print("ipctrace: this shell holds no trace capability (trace:rw in its manifest line)\n");
                return;
            }
            var trace = new TraceCap(slot);
            if (words.Length == 1)
            {
                long was = trace.Control(false);
                if (was < 0)
                {
                    print(string.Concat("ipctrace: ", SyscallErrors.Name(was), "\n"));
                    return;
                }
                Show(trace, supervisor, was == 1, print);
                if (was == 1)
                    trace.Control(true, s_pids);
                return;
            }
            print(Command(words, trace, supervisor));
        }

        private static string Command(string[] words, TraceCap trace, ISupervisor.Client supervisor)
        {
            if (words.Length == 2 && (words[1] == "on" || words[1] == "off"))
            {
                bool on = words[1] == "on";
                s_pids = 0;
                if (on)
                    Learn(supervisor);
                long r = trace.Control(on);
                if (r < 0)
                    return string.Concat("ipctrace: ", SyscallErrors.Name(r), "\n");
                if (on)
                    Skip(trace);
                return on ? "ipctrace: on (every message)\n" : "ipctrace: off\n";
            }
            return Filter(words, trace, supervisor);
        }

        // `ipctrace NAME...`: on, only for those servers' pids.
        private static string Filter(string[] words, TraceCap trace, ISupervisor.Client supervisor)
        {
            if (words.Length - 1 > IpcTraceControl.MaxPids)
                return string.Concat("ipctrace: at most ", IpcTraceControl.MaxPids.ToString(), " names\n", Usage);
            if (supervisor.List(out ServerRecord[] servers) != 0)
                return "ipctrace: supervisor not available (it names the servers)\n";
            ulong pids = 0;
            for (int i = 1; i < words.Length; i++)
            {
                int pid = PidOf(servers, words[i]);
                if (pid <= 0 || pid > 0xFFFF)
                    return string.Concat("ipctrace: no server named '", words[i], "' (ps lists them)\n");
                pids |= (ulong)(ushort)pid << (16 * (i - 1));
            }
            s_pids = pids;
            Learn(servers);
            long r = trace.Control(true, pids);
            if (r < 0)
                return string.Concat("ipctrace: ", SyscallErrors.Name(r), "\n");
            Skip(trace);
            string names = words[1];
            for (int i = 2; i < words.Length; i++)
                names = string.Concat(names, " ", words[i]);
            return string.Concat("ipctrace: on for ", names, "\n");
        }

        // What was recorded before `on`: passed over, so the next read starts here.
        private static void Skip(TraceCap trace)
        {
            while (trace.Read(s_entries, ref s_cursor, out _) > 0) { }
        }

        // Everything since the last read (tracing is paused meanwhile: `on` says whether it was on).
        private static void Show(TraceCap trace, ISupervisor.Client supervisor, bool on, System.Action<string> print)
        {
            var text = new System.Text.StringBuilder();
            ServerRecord[] servers = null;
            if (supervisor.List(out ServerRecord[] listed) == 0)
                servers = listed;
            ulong lostTotal = 0, first = 0, shown = 0, more = 0;
            ulong hertz = (ulong)System.Diagnostics.Stopwatch.Frequency;
            while (true)
            {
                long n = trace.Read(s_entries, ref s_cursor, out ulong lost);
                if (n < 0)
                {
                    text.Append("ipctrace: read failed: ").Append(SyscallErrors.Name(n)).Append('\n');
                    break;
                }
                lostTotal += lost;
                if (n == 0)
                    break;
                for (int i = 0; i < n; i++)
                {
                    if (shown >= MaxLines)
                    {
                        more++;
                        continue;
                    }
                    if (shown == 0)
                        first = s_entries[i].Tsc;
                    Line(text, s_entries[i], first, hertz, servers);
                    shown++;
                    if (shown % LinesPerPrint == 0)
                    {
                        print(text.ToString());
                        text = new System.Text.StringBuilder();
                    }
                }
            }
            if (shown == 0)
                text.Append("ipctrace: nothing recorded").Append(on ? "" : " (tracing is off: ipctrace on)").Append('\n');
            if (more > 0)
                text.Append("ipctrace: ").Append(more.ToString()).Append(" more not shown\n");
            if (lostTotal > 0)
                text.Append("ipctrace: ").Append(lostTotal.ToString()).Append(" lost (the ring overwrote them before this read)\n");
            if (text.Length > 0)
                print(text.ToString());
        }

        // Which contract each server's endpoint serves, learned from the servers themselves: before
        // tracing starts (`ipctrace on`, `ipctrace NAME...`: so the describe requests are not in the
        // trace), every running server's endpoint is found by name, its identity (the object id the
        // trace records, Caps.Identity) noted and its contract asked for once (ContractInfo's describe
        // exchange). A traced call to a known endpoint is then named exactly; others (a server started
        // later, tracing from boot: `./microos run --trace`) fall back to the guess below.
        private static readonly System.Collections.Generic.Dictionary<uint, ContractInfo> s_byEndpoint = new System.Collections.Generic.Dictionary<uint, ContractInfo>();
        private static readonly System.Collections.Generic.Dictionary<uint, bool> s_undescribed = new System.Collections.Generic.Dictionary<uint, bool>();
        private static Endpoint s_namesForLearning;

        private static void Learn(ISupervisor.Client supervisor)
        {
            if (supervisor.List(out ServerRecord[] servers) == 0)
                Learn(servers);
        }

        private static void Learn(ServerRecord[] servers)
        {
            foreach (ServerRecord s in servers)
            {
                if (s.State != ServerState.Running || CallCommand.Find(s.Name, s_namesForLearning, out Endpoint server, out bool owned) != null)
                    continue;
                long id = Caps.Identity(server.Slot);
                if (id > 0 && !s_byEndpoint.ContainsKey((uint)id) && !s_undescribed.ContainsKey((uint)id))
                {
                    CallCommand.Describe(server, out ContractInfo info);
                    if (info != null)
                        s_byEndpoint[(uint)id] = info;
                    else
                        s_undescribed[(uint)id] = true;
                }
                if (owned)
                    Caps.FreeSlot(server.Slot);
            }
        }

        // The method `label` names on the endpoint with this identity: its own contract's, the Debug
        // contract's (every server answers it), or the guess by the receiver's name.
        public static string MethodName(uint label, uint endpoint, string receiver)
        {
            if (endpoint != 0 && s_byEndpoint.TryGetValue(endpoint, out ContractInfo known))
            {
                ContractMethod m = known.Method(label);
                if (m != null)
                    return string.Concat(known.Name, ".", m.Name);
                m = IDebug.Description.Info.Method(label);
                if (m != null)
                    return string.Concat(IDebug.Description.Name, ".", m.Name);
                if (label == ContractInfo.DescribeLabel)
                    return "describe";
                return null;
            }
            return MethodName(label, receiver);
        }

        // The contract method a call or send names (the generated contract descriptions of
        // MicroOS.Shared, ContractIndex.All): the one contract with a method of that label, or among
        // several the one named like the receiver (INames for `names`, ISerialLine for `serial`); null
        // when that does not decide.
        public static string MethodName(uint label, string receiver)
        {
            ContractInfo only = null, named = null;
            int found = 0;
            foreach (ContractInfo c in ContractIndex.All)
            {
                if (c.Method(label) == null)
                    continue;
                found++;
                only = c;
                if (receiver != null && c.Name.Length > 1 && c.Name.Substring(1).StartsWith(receiver, StringComparison.OrdinalIgnoreCase))
                    named = c;
            }
            ContractInfo chosen = found == 1 ? only : named;
            return chosen == null ? null : string.Concat(chosen.Name, ".", chosen.Method(label).Name);
        }

        // One entry, e.g. "+12 us  shell -> serial  call  label 0xdb01 IDebug.Ping  0 B  ok  rtt 48 us".
        public static void Line(System.Text.StringBuilder text, in IpcTraceEntry e, ulong first, ulong hertz, ServerRecord[] servers)
        {
            text.Append('+').Append(Micro(e.Tsc - first, hertz)).Append("  ");
            text.Append(e.From == 0 ? "kernel" : NameOf(servers, e.From)).Append(" -> ");
            if (e.Kind == IpcTraceKind.Signal)
                text.Append("ntfn#").Append(e.Endpoint.ToString());
            else if (e.To == 0)
                text.Append("ep#").Append(e.Endpoint.ToString());
            else
                text.Append(NameOf(servers, e.To));
            text.Append("  ").Append(KindWord(e.Kind));
            if (e.Kind == IpcTraceKind.Signal)
                text.Append("  bits 0x").Append(e.Label.ToString("x"));
            else
            {
                text.Append("  label ").Append(e.Label < 0x100 ? e.Label.ToString() : string.Concat("0x", e.Label.ToString("x")));
                string method = e.Kind == IpcTraceKind.Reply ? null : MethodName(e.Label, e.Endpoint, e.To == 0 ? null : NameOf(servers, e.To));
                if (method != null)
                    text.Append(' ').Append(method);
            }
            text.Append("  ").Append(e.Length.ToString()).Append(" B");
            if ((e.Flags & IpcTraceFlags.CapMoved) != 0)
                text.Append("  cap");
            text.Append("  ").Append(Result(e.Result));
            if ((e.Flags & IpcTraceFlags.Queued) != 0)
                text.Append("  queued");
            if (e.RoundTrip != 0)
                text.Append("  rtt ").Append(Micro(e.RoundTrip, hertz));
            text.Append('\n');
        }

        // 0 "ok", a SyscallError by name, anything else (a ContractError) by number.
        private static string Result(int code)
        {
            if (code == 0)
                return "ok";
            string name = SyscallErrors.Name(code);
            return name != "error" ? name : string.Concat("error(", code.ToString(), ")");
        }

        private static string KindWord(IpcTraceKind kind)
        {
            switch (kind)
            {
                case IpcTraceKind.Call: return "call";
                case IpcTraceKind.Send: return "send";
                case IpcTraceKind.Reply: return "reply";
                case IpcTraceKind.Signal: return "signal";
            }
            return "?";
        }

        private static string Micro(ulong cycles, ulong hertz) =>
            hertz == 0 ? string.Concat(cycles.ToString(), " cyc") : string.Concat((cycles * 1_000_000 / hertz).ToString(), " us");

        private static string NameOf(ServerRecord[] servers, int pid)
        {
            if (servers != null)
                foreach (ServerRecord s in servers)
                    if (s.Pid == pid)
                        return s.Name;
            return string.Concat("pid ", pid.ToString());
        }

        private static int PidOf(ServerRecord[] servers, string name)
        {
            foreach (ServerRecord s in servers)
                if (s.Name == name)
                    return s.Pid;
            return int.TryParse(name, out int pid) ? pid : -1;
        }
    }
}
