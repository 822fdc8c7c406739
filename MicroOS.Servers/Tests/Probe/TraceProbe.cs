using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The IPC trace ring's boot tests (MicroOS.Tests/Boot/IpcTraceTests.cs), with the probe `pong`.
    //   trace check N   slot 1: pong (w), slot 2: the trace (rw). A known exchange is recorded
    //                   exactly (call, reply, names, labels, round trip); nothing while off; bad
    //                   trace_read / trace_control arguments are errors; a read-only copy cannot
    //                   control it; then a burst of N calls loses the oldest entries, counts them,
    //                   and the caller never waits on the ring. One `trace: ...` line per check.
    //   trace none      holds no trace capability: trace_control and trace_read on every slot fail.
    internal static unsafe class TraceProbe
    {
        private const int Pong = 1, Trace = 2;

        public static int Run(string[] args)
        {
            string role = args.Length > 1 ? args[1] : "";
            if (role == "none")
                return None();
            if (role == "check")
                return Check(args.Length > 2 && int.TryParse(args[2], out int n) ? n : 100000);
            Sys.Write(string.Concat("trace: unknown role '", role, "'"));
            return 1;
        }

        private static long Ping(ulong value)
        {
            var m = new Message(EchoContract.Ping, value);
            long r = new Endpoint(Pong).Call(ref m);
            return r != 0 ? r : m.Label == EchoContract.Pong && m.W0 == value + 1 ? 0 : -1000;
        }

        private static int Check(int burst)
        {
            var trace = new TraceCap(Trace);
            var entries = new IpcTraceEntry[TraceCap.MaxPerRead];
            int me = Sys.ProcessId;
            // Pong is serving before anything is recorded (a first call might find it not waiting yet).
            if (Ping(1) != 0)
            {
                Sys.Write("trace: pong did not answer");
                return 1;
            }
            ulong cursor = 0;
            while (trace.Read(entries, ref cursor, out _) > 0) { }

            // 1. A known exchange, only this process's messages: three calls, each a call then its reply.
            long was = trace.Control(true, IpcTraceControl.PackPids(me));
            for (ulong i = 0; i < 3; i++)
                Ping(100 + i);
            trace.Control(false);
            long n = trace.Read(entries, ref cursor, out ulong lost);
            Sys.Write(string.Concat("trace: control on -> was ", was.ToString(), "; read ", n.ToString(), ", lost ", lost.ToString()));
            int pongPid = n > 0 ? entries[0].To : -1;
            bool exact = n == 6 && lost == 0;
            for (int i = 0; i < n && i < 6; i++)
            {
                IpcTraceEntry e = entries[i];
                Sys.Write(string.Concat("trace: entry ", i.ToString(), " ", Describe(e, me, pongPid)));
                bool call = i % 2 == 0;
                exact &= call
                    ? e.Kind == IpcTraceKind.Call && e.From == me && e.To == pongPid && e.Label == EchoContract.Ping && e.Result == 0 && e.RoundTrip == 0 && e.Endpoint != 0
                    : e.Kind == IpcTraceKind.Reply && e.From == pongPid && e.To == me && e.Label == EchoContract.Pong && e.Result == 0 && e.RoundTrip != 0
                      && e.Tsc > entries[i - 1].Tsc;
            }
            Sys.Write(string.Concat("trace: exchange ", exact && pongPid != me ? "exact" : "WRONG"));

            // 2. Off: nothing at all is recorded.
            for (ulong i = 0; i < 10; i++)
                Ping(200 + i);
            n = trace.Read(entries, ref cursor, out lost);
            Sys.Write(string.Concat("trace: off recorded ", n.ToString(), ", lost ", lost.ToString()));

            // 3. Bad arguments: errors, never a fault.
            IpcRegisters r;
            ulong buffer = (ulong)Sys.MapMemory(4096);
            Sys.Write(string.Concat("trace: bad reads: null ", Err(SysCalls.TraceRead(Trace, 0, IpcTraceEntry.Size, 0, out r)),
                ", kernel ", Err(SysCalls.TraceRead(Trace, 0xFFFF_8000_0000_0000, IpcTraceEntry.Size, 0, out r)),
                ", non-canonical ", Err(SysCalls.TraceRead(Trace, 0x0000_8000_0000_0000, IpcTraceEntry.Size, 0, out r)),
                ", length 0 ", Err(SysCalls.TraceRead(Trace, buffer, 0, 0, out r)),
                ", length 41 ", Err(SysCalls.TraceRead(Trace, buffer, 41, 0, out r)),
                ", length 8200 ", Err(SysCalls.TraceRead(Trace, buffer, 8200, 0, out r)),
                ", cursor ahead ", Err(SysCalls.TraceRead(Trace, buffer, IpcTraceEntry.Size, cursor + 5, out r)),
                ", mode 7 ", Err(SysCalls.TraceControl(Trace, 7, 0, 0))));
            int readOnly = Caps.NewSlot();
            Caps.Mint(Trace, readOnly, CapRights.Read);
            Sys.Write(string.Concat("trace: read-only cap: control ", Err(SysCalls.TraceControl((ulong)readOnly, 1, 0, 0)),
                ", read ", Err(SysCalls.TraceRead((ulong)readOnly, buffer, IpcTraceEntry.Size, cursor, out r)),
                "; endpoint cap: read ", Err(SysCalls.TraceRead(Pong, buffer, IpcTraceEntry.Size, 0, out r))));

            // 4. A burst: far more messages than the ring holds. The caller never waits on the ring.
            trace.Control(true, IpcTraceControl.PackPids(me));
            while (trace.Read(entries, ref cursor, out _) > 0) { }
            int failed = 0;
            for (int i = 0; i < burst; i++)
                if (Ping((ulong)i) != 0)
                    failed++;
            trace.Control(false);
            ulong read = 0, lostTotal = 0;
            IpcTraceEntry last = default;
            while (true)
            {
                long got = trace.Read(entries, ref cursor, out lost);
                lostTotal += lost;
                if (got <= 0)
                    break;
                read += (ulong)got;
                last = entries[got - 1];
            }
            Sys.Write(string.Concat("trace: burst ", burst.ToString(), " calls finished, ", failed.ToString(), " failed; read ", read.ToString(),
                ", lost ", lostTotal.ToString(), ", last ", Describe(last, me, pongPid)));
            Sys.Write("trace: done");
            return 0;
        }

        // Every slot of a process without a trace capability: trace_control and trace_read refused.
        private static int None()
        {
            ulong buffer = (ulong)Sys.MapMemory(4096);
            int refused = 0;
            long firstEmpty = 0, endpoint = 0;
            for (int slot = 0; slot < Caps.SlotCount; slot++)
            {
                long c = SysCalls.TraceControl((ulong)slot, 1, 0, 0);
                long rd = SysCalls.TraceRead((ulong)slot, buffer, IpcTraceEntry.Size, 0, out _);
                if (c < 0 && rd < 0)
                    refused++;
                if (slot == 1)
                    endpoint = c;
                if (slot == 5)
                    firstEmpty = c;
            }
            Sys.Write(string.Concat("trace-none: ", refused.ToString(), " of ", Caps.SlotCount.ToString(), " slots refused; endpoint ",
                Err(endpoint), ", empty ", Err(firstEmpty)));
            return 0;
        }

        private static string Who(int pid, int me, int pong) => pid == me ? "self" : pid == pong ? "pong" : pid.ToString();

        private static string Err(long r) => r < 0 ? SyscallErrors.Name(r) : string.Concat("ok ", r.ToString());

        private static string Describe(in IpcTraceEntry e, int me, int pong)
        {
            string kind = e.Kind == IpcTraceKind.Call ? "call" : e.Kind == IpcTraceKind.Reply ? "reply" : e.Kind == IpcTraceKind.Send ? "send" : "signal";
            return string.Concat(kind, " ", Who(e.From, me, pong), " -> ", Who(e.To, me, pong), " label ", e.Label.ToString(), " len ", e.Length.ToString(),
                e.Result == 0 ? " ok" : string.Concat(" error ", e.Result.ToString()), e.RoundTrip != 0 ? " rtt" : "");
        }
    }
}
