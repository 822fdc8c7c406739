using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The system servers' boot tests (MicroOS.Tests/Boot/SystemTests.cs), started by Init from the
    // manifest section [system-test] (kernel option manifest=system-test):
    //   system echo      a supervised server: slot 1 its endpoint, slot 2 Names (system badge);
    //                    registers `echo`, answers W0 + 1 (label Echo), or crashes while handling
    //                    the request (label CrashInCall: the caller's call is in flight)
    //   system crashy    a supervised server that faults at every start
    //   system client    slot 1 Names (no badge), slot 2 Names (system badge), slot 3 the supervisor,
    //                    slot 4 an endpoint of its own: the scripted checks, one line each
    internal static unsafe class SystemProbe
    {
        private const uint Echo = 1;
        private const uint CrashInCall = 2;
        private const int ReceiveSlot = 20;
        private static byte* s_buffer;

        public static int Run(string[] args)
        {
            s_buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_buffer, ReceiveSlot);
            IpcBuffer.Adopt(s_buffer, ReceiveSlot);
            string role = args.Length > 1 ? args[1] : "";
            switch (role)
            {
                case "echo": return EchoServer();
                case "crashy":
                    Sys.Write("crashy: starting");
                    DebugServer.Crash(CrashKind.Null);
                    return 1;
                case "client": return Client();
                case "device":
                    ServerLoop.Run(new Endpoint(1), (ref Message m) => { m = new Message(Echo, m.W0 + 1); });
                    return 1;
            }
            Sys.Write(string.Concat("system: unknown role '", role, "'"));
            return 2;
        }

        private static int EchoServer()
        {
            long r = new NamesClient(new Endpoint(2), s_buffer).Register("echo", 1);
            Sys.Write(string.Concat("echo: registered -> ", r.ToString()));
            ServerLoop.Run(new Endpoint(1), (ref Message m) =>
            {
                if (m.Label == CrashInCall)
                    DebugServer.Crash(CrashKind.Null);
                m = new Message(Echo, m.W0 + 1);
            });
            return 1;
        }

        private static int Client()
        {
            var names = new NamesClient(new Endpoint(1), s_buffer);
            var system = new NamesClient(new Endpoint(2), s_buffer);
            Sys.Write(string.Concat("client: lookup missing -> ", names.Lookup("no-such-name").ToString()));
            Sys.Write(string.Concat("client: register unbadged -> ", names.Register("client", 4).ToString()));
            Sys.Write(string.Concat("client: register badged -> ", system.Register("client", 4).ToString()));
            long found = names.Lookup("client");
            Sys.Write(string.Concat("client: lookup client -> ", found.ToString(), ", cap ", TypeOf(ReceiveSlot)));
            Caps.Delete(ReceiveSlot);

            Endpoint echo = LookupEcho(names);
            // A name stays with its endpoint while that lives: the same endpoint again is fine (a
            // restart), another one for a live name is Taken (a server posing as another).
            Sys.Write(string.Concat("client: register client again -> ", system.Register("client", 4).ToString()));
            Sys.Write(string.Concat("client: register over echo -> ", system.Register("echo", 4).ToString()));
            // 1,000 calls; call CrashAt makes echo crash while it handles it, so that call is in flight
            // when echo dies (the only one: this client has one thread). Only calls in flight may
            // fail; every later one reaches the restarted echo (the endpoint is Init's, the cap stays good).
            const int Calls = 1000, CrashAt = 300, InFlight = 1;
            int errors = 0, firstError = -1, lastError = -1, ok = 0;
            long firstCode = 0;
            for (int i = 0; i < Calls; i++)
            {
                var m = new Message(i == CrashAt ? CrashInCall : Echo, (ulong)i);
                long r = echo.Call(ref m);
                if (r == 0 && m.W0 == (ulong)i + 1)
                {
                    ok++;
                    continue;
                }
                errors++;
                if (firstError < 0) { firstError = i; firstCode = r; }
                lastError = i;
                Caps.Delete(30);
                echo = LookupEcho(names);
            }
            Sys.Write(string.Concat("client: 1000 calls: ", ok.ToString(), " ok, ", errors.ToString(), " errors",
                string.Concat(" (calls ", firstError.ToString(), "..", lastError.ToString(), ", first error ", firstCode.ToString(), "), "),
                string.Concat(InFlight.ToString(), " in flight when echo crashed at call ", CrashAt.ToString())));

            Sys.Write(string.Concat("client: kill init -> ", Supervisor(SupervisorContract.Kill, "init", 0).ToString()));
            Sys.Write(string.Concat("client: kill supervisor -> ", Supervisor(SupervisorContract.Kill, "supervisor", 0).ToString()));
            Sys.Write(string.Concat("client: crash supervisor -> ", Supervisor(SupervisorContract.Crash, "supervisor", (ulong)CrashKind.Null).ToString()));
            Sys.Write(string.Concat("client: kill nobody -> ", Supervisor(SupervisorContract.Kill, "nobody", 0).ToString()));

            foreach (string kind in new[] { "kill", "exit", "wild", "loop" })
            {
                long r;
                // NotRunning (3): the restarted echo is not in its receive loop yet; ask again.
                for (int tries = 0; ; tries++)
                {
                    r = kind == "kill" ? Supervisor(SupervisorContract.Kill, "echo", 0)
                        : Supervisor(SupervisorContract.Crash, "echo", kind == "exit" ? (ulong)CrashKind.Exit : kind == "wild" ? (ulong)CrashKind.Wild : (ulong)CrashKind.Loop);
                    if (r != (long)SupervisorError.NotRunning || tries == 500)
                        break;
                    Sys.Sleep(10);
                }
                var m = new Message(Echo, 41);
                long c = echo.Call(ref m);
                Sys.Write(string.Concat("client: after ", kind, " (", r.ToString(), "): call -> ", c.ToString(), ", answer ", m.W0.ToString()));
            }
            foreach (string line in SupervisorText(SupervisorContract.List, "").Split('\n'))
                if (line.Length > 0)
                    Sys.Write(string.Concat("client: list: ", line));
            foreach (string line in SupervisorText(SupervisorContract.Caps, "echo").Split('\n'))
                if (line.Length > 0)
                    Sys.Write(string.Concat("client: caps of echo: ", line));
            // A driver's device capability is lent by Init: after a restart the driver has it again.
            Sys.Write(string.Concat("client: kill dev -> ", Supervisor(SupervisorContract.Kill, "dev", 0).ToString()));
            while (!SupervisorText(SupervisorContract.List, "").Contains(" dev running 1 "))
                Sys.Sleep(10);
            foreach (string line in SupervisorText(SupervisorContract.Caps, "dev").Split('\n'))
                if (line.Length > 0)
                    Sys.Write(string.Concat("client: caps of dev: ", line));
            Sys.Write("client: done");
            return 0;
        }

        private static string TypeOf(int slot)
        {
            long info = Caps.Inspect(slot, out _);
            return info < 0 ? info.ToString() : CapInfo.TypeOf(info) == CapType.Endpoint ? "endpoint" : "other";
        }

        // Names' `echo`, in slot 30 (asked again until echo has registered).
        private static Endpoint LookupEcho(NamesClient names)
        {
            while (true)
            {
                long r = names.Lookup("echo");
                if (r == 0 && Caps.Move(ReceiveSlot, 30) == 0)
                    return new Endpoint(30);
                Sys.Sleep(10);
            }
        }

        private static long Supervisor(uint label, string target, ulong w1)
        {
            int length = Put(target);
            var m = new Message(label, w1) { Tag = MessageTag.Of(label, length) };
            long r = new Endpoint(3).Call(ref m);
            return r < 0 ? r : (long)m.W0;
        }

        // The supervisor's List (or Caps of `target`) records, one line each as `ps` (`caps`) prints them.
        private static string SupervisorText(uint label, string target)
        {
            var supervisor = new ISupervisor.Client(new Endpoint(3));
            string text = "";
            if (label == SupervisorContract.List)
            {
                long r = supervisor.List(out ServerRecord[] servers);
                if (r < 0)
                    return r.ToString();
                foreach (ServerRecord s in servers)
                    text = string.Concat(text, s.ToString(), "\n");
            }
            else
            {
                long r = supervisor.CapsOf(target, out CapRecord[] caps);
                if (r != 0)
                    return r.ToString();
                foreach (CapRecord c in caps)
                    text = string.Concat(text, c.ToString(), "\n");
            }
            return text;
        }

        private static int Put(string text)
        {
            for (int i = 0; i < text.Length; i++)
                s_buffer[i] = (byte)text[i];
            return text.Length;
        }
    }
}
