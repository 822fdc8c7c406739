using System.Collections.Generic;
using System.Runtime.InteropServices;
using MicroOS.Kernel.Boot;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Supervisor
{
    // MINIX 3's reincarnation server. Its manifest line (docs/boot-manifest.md) gives it, in order:
    // its own endpoint (SupervisorContract), Init's (a restart goes through Init, which holds the
    // images and the shared endpoints; device caps come back to Init when a driver dies), Names, and
    // a `proc:NAME:rm` per supervised server. A death arrives as a notification (process_set_death_
    // notification on each watched Process cap; the notification is bound to this thread, so it ends
    // the sleep between ticks at once). Every Tick it inspects each server (a dead one, whether it
    // faulted, exited or was killed, answers ObjectGone) and every HeartbeatTicks it pings it with a
    // non-blocking send of DebugContract.Ping: a server in its receive loop takes it at once. A miss
    // counts only when the server has received no message since the last heartbeat either (a server
    // busy with its clients is alive), so MissLimit misses in a row mean it is stuck (killed, then
    // restarted). A server that dies FailureLimit times within WindowTicks is given up.
    // `proc:init:r` and `proc:supervisor:r` (itself) are listed by List and read by Caps, never
    // supervised: Kill, Crash and Restart refuse them.
    internal static unsafe class SupervisorServer
    {
        private const int EndpointSlot = 1, InitSlot = 2, NamesSlot = 3;
        private const int ReceiveSlot = 100;
        private const int DeathSlot = 101;             // the notification every watched process signals when it ends
        private const int FirstEndpointSlot = 64;
        private const ulong TickMs = 10;
        private const int HeartbeatTicks = 10;          // 100 ms
        private const int MissLimit = 10;               // 1 s without answering
        private const int FailureLimit = 5;
        private const int WindowTicks = 1000;           // 10 s
        private const int CrashTries = 10;              // a Crash order is offered for up to 100 ms
        private const int LookupTries = 10;
        private const int LookupEveryTicks = 1000;      // 10 s

        private sealed class Server
        {
            public string Name;
            public int ProcessSlot, EndpointSlot;
            public bool HasEndpoint, GivenUp;
            public bool Watched;        // false for init and the supervisor itself: listed only
            public ulong LastReceived;
            public bool Expected;       // the death was asked for (Kill, Crash): restarted, not counted as a failure
            public int Restarts, Misses, FailedLookups;
            public long NextLookup;
            public readonly List<long> Failures = new List<long>();
        }

        private static readonly List<Server> s_servers = new List<Server>();
        private static byte* s_buffer;
        private static long s_tick, s_lastHeartbeat;
        private static readonly Notification s_deaths = new Notification(DeathSlot);

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            s_buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_buffer, ReceiveSlot);
            var specs = new List<CapSpec>();
            string list = ManifestCaps.Find(ServerRuntime.Arguments);
            if (list == null || ManifestCaps.Parse(list, specs) != null)
            {
                Sys.Write("supervisor: no capability list");
                return 1;
            }
            for (int i = 0; i < specs.Count; i++)
                if (specs[i].Kind == CapSpecKind.Process)
                {
                    long pid = new ProcessCap(i + 1).Inspect();
                    bool watched = specs[i].Name != "init" && pid != Sys.ProcessId;
                    // No Process cap: Init could not start it (e.g. the loader refused an image that
                    // cannot fit its limit, and said why). Starting it again would fail the same way.
                    bool neverStarted = watched && pid == (long)SyscallError.InvalidCapability;
                    if (neverStarted)
                        Sys.Write(string.Concat("supervisor: ", specs[i].Name, " was never started (its start was refused); not restarting it"));
                    s_servers.Add(new Server { Name = specs[i].Name, ProcessSlot = i + 1, EndpointSlot = FirstEndpointSlot + s_servers.Count, Watched = watched,
                        GivenUp = neverStarted });
                }
            int watching = 0;
            foreach (Server s in s_servers)
                if (s.Watched)
                    watching++;
            Sys.Write(string.Concat("supervisor: watching ", watching.ToString(), " servers"));
            if (Caps.CreateNotification(DeathSlot) < 0 || s_deaths.BindToThisThread() < 0)
                Sys.Write("supervisor: no death notification; deaths are found by polling");
            foreach (Server s in s_servers)
                if (s.Watched)
                    WatchDeath(s);
            var endpoint = new Endpoint(EndpointSlot);
            while (true)
            {
                // A receive returns 1 for the bound death notification: its bits only say "look now".
                long r;
                while ((r = endpoint.TryReceive(out Message m)) >= 0)
                {
                    if (r == 1)
                        continue;
                    Handle(ref m);
                    Ipc.Reply(ref m);
                }
                // Ticks are the timer's, not loop turns: a death notice wakes the loop early.
                ulong timerTicks = Sys.SystemInfo(out _, out ulong hertz, out _);
                s_tick = hertz == 0 ? s_tick + 1 : (long)(timerTicks * 1000 / hertz / TickMs);
                bool heartbeat = s_tick - s_lastHeartbeat >= HeartbeatTicks;
                if (heartbeat)
                    s_lastHeartbeat = s_tick;
                foreach (Server s in s_servers)
                    Check(s, heartbeat);
                Sys.Sleep(TickMs);
            }
        }

        // The death notice: bit i for the i-th watched server (only a wake-up; Check finds who died).
        private static void WatchDeath(Server s)
        {
            int index = s_servers.IndexOf(s);
            new ProcessCap(s.ProcessSlot).SetDeathNotification(s_deaths, 1UL << (index % 64));
        }

        private static void Check(Server s, bool heartbeat)
        {
            if (s.GivenUp || !s.Watched)
                return;
            if (new ProcessCap(s.ProcessSlot).Inspect(out _, out _, out _, out ulong received) < 0)
            {
                OnDeath(s);
                return;
            }
            if (!heartbeat)
                return;
            // A server with no name in Names (the shell serves no endpoint) has no heartbeat: after
            // LookupTries heartbeats without one, Names is asked only every LookupEveryTicks.
            // (Ticks are the timer's and may skip values, so the retry is due at a tick, not on a multiple.)
            if (!s.HasEndpoint && (s.FailedLookups < LookupTries || s_tick >= s.NextLookup))
            {
                s.HasEndpoint = Lookup(s);
                if (!s.HasEndpoint)
                {
                    s.FailedLookups++;
                    s.NextLookup = s_tick + LookupEveryTicks;
                }
            }
            if (!s.HasEndpoint)
                return;
            var ping = new Message(DebugContract.Ping, (ulong)s_tick);
            bool progressed = received != s.LastReceived;
            s.LastReceived = received;
            if (new Endpoint(s.EndpointSlot).TrySend(ref ping) == 0 || progressed)
            {
                s.Misses = 0;
                return;
            }
            if (++s.Misses < MissLimit)
                return;
            Sys.Write(string.Concat("supervisor: ", s.Name, " missed ", s.Misses.ToString(), " heartbeats; killing it"));
            new ProcessCap(s.ProcessSlot).Kill();
            OnDeath(s);
        }

        private static bool Lookup(Server s)
        {
            var names = new NamesClient(new Endpoint(NamesSlot), s_buffer);
            if (names.Lookup(s.Name) != 0)
                return false;
            return Caps.Move(ReceiveSlot, s.EndpointSlot) == 0;
        }

        private static void OnDeath(Server s)
        {
            s.Misses = 0;
            if (!s.Expected)
                s.Failures.Add(s_tick);
            s.Expected = false;
            while (s.Failures.Count > 0 && s_tick - s.Failures[0] > WindowTicks)
                s.Failures.RemoveAt(0);
            if (s.Failures.Count >= FailureLimit)
            {
                s.GivenUp = true;
                long seconds = (s_tick - s.Failures[0]) * (long)TickMs / 1000 + 1;
                Sys.Write(string.Concat("supervisor: giving up on ", s.Name, " after ", s.Failures.Count.ToString(), " failures in ", seconds.ToString(), " s"));
                return;
            }
            Restart(s);
        }

        private static long Restart(Server s)
        {
            Caps.Delete(s.ProcessSlot);
            int length = Put(s.Name);
            var m = new Message(InitContract.Restart, (ulong)s.ProcessSlot) { Tag = MessageTag.Of(InitContract.Restart, length) };
            long r = new Endpoint(InitSlot).Call(ref m);
            long pid = r < 0 ? r : (long)m.W0;
            if (pid < 0)
            {
                s.GivenUp = true;
                Sys.Write(string.Concat("supervisor: cannot restart ", s.Name, ": error ", pid.ToString()));
                return pid;
            }
            s.Restarts++;
            WatchDeath(s);
            Sys.Write(string.Concat("supervisor: restarted ", s.Name, " (pid ", pid.ToString(), ")"));
            return pid;
        }

        private static void Handle(ref Message m)
        {
            string target = Text(m.Tag.Length);
            uint label = m.Label;
            ulong kind = m.W1;
            if (label == SupervisorContract.List)
            {
                Reply(ref m, label, List());
                return;
            }
            if ((target == "init" || target == "supervisor" || target == Sys.ProcessId.ToString() || target == "1") && label != SupervisorContract.Caps)
            {
                m = new Message(label, (ulong)(label == SupervisorContract.Caps || label == SupervisorContract.Kill
                    || label == SupervisorContract.Restart || label == SupervisorContract.Crash ? SupervisorError.Refused : SupervisorError.BadRequest));
                return;
            }
            Server s = Find(target);
            if (s == null)
            {
                m = new Message(label, (ulong)SupervisorError.NoSuchServer);
                return;
            }
            var process = new ProcessCap(s.ProcessSlot);
            bool running = process.Inspect() >= 0;
            SupervisorError result = SupervisorError.Ok;
            if (label == SupervisorContract.Kill)
            {
                if (!running) result = SupervisorError.NotRunning;
                else { s.Expected = true; process.Kill(); }           // the next tick sees the death and restarts it
            }
            else if (label == SupervisorContract.Restart)
            {
                if (running)
                    process.Kill();
                s.GivenUp = false;
                s.Failures.Clear();
                if (Restart(s) < 0)
                    result = SupervisorError.NotRunning;
            }
            else if (label == SupervisorContract.Crash)
            {
                if (!s.HasEndpoint)
                    s.HasEndpoint = Lookup(s);
                // Non-blocking (a hung server must not hang the supervisor), so a server busy with a
                // client for a moment is asked again a few ticks later before the answer is NotRunning.
                long sent = -1;
                for (int tries = 0; running && s.HasEndpoint && sent != 0 && tries < CrashTries; tries++)
                {
                    if (tries > 0)
                        Sys.Sleep(TickMs);
                    var crash = new Message(DebugContract.Crash, kind);
                    sent = new Endpoint(s.EndpointSlot).TrySend(ref crash);
                }
                if (sent != 0)
                    result = SupervisorError.NotRunning;
                else
                    s.Expected = true;
            }
            else if (label == SupervisorContract.Caps)
            {
                Reply(ref m, label, CapsOf(process));
                return;
            }
            else
                result = SupervisorError.BadRequest;
            m = new Message(label, (ulong)result);
        }

        private static string List()
        {
            string text = "";
            foreach (Server s in s_servers)
            {
                long pid = new ProcessCap(s.ProcessSlot).Inspect(out ulong state, out ulong frames, out ulong sent, out ulong received,
                    out ulong limit, out ulong objects, out ulong given);
                string st = s.GivenUp ? "given-up" : pid < 0 ? "dead" : "running";
                // Use: its pages and the kernel objects charged to it; limit: its budget (docs/capabilities.md).
                ulong useKiB = pid < 0 ? 0 : (frames + objects) * 4, limitKiB = pid < 0 ? 0 : limit * 4;
                text = string.Concat(text, string.Concat((pid < 0 ? 0 : pid).ToString(), " ", s.Name, " ", st, " ", s.Restarts.ToString()),
                    string.Concat(" ", useKiB.ToString(), " ", sent.ToString(), " ", received.ToString(), " ", limitKiB.ToString(), "\n"));
            }
            return text;
        }

        private static string CapsOf(ProcessCap process)
        {
            string text = "";
            for (int slot = 0; slot < 128; slot++)
            {
                long info = process.ReadCap(slot, out ulong badge, out ulong objectId, out ulong device);
                if (info < 0)
                    continue;
                CapType type = CapInfo.TypeOf(info);
                text = string.Concat(text, string.Concat(slot.ToString(), " ", TypeName(type), Device(type, device), " ", Rights(CapInfo.RightsOf(info))),
                    string.Concat(" ", badge.ToString(), " ", objectId.ToString(), "\n"));
            }
            return text;
        }

        private static string TypeName(CapType t)
        {
            switch (t)
            {
                case CapType.Endpoint: return "endpoint";
                case CapType.Notification: return "notification";
                case CapType.Frame: return "frame";
                case CapType.IoPortRange: return "ioports";
                case CapType.IrqLine: return "irq";
                case CapType.Process: return "process";
                case CapType.BootImage: return "bootimage";
                case CapType.Thread: return "thread";
            }
            return "?";
        }

        // Which hardware, as the boot manifest writes it: ":3f8+8" (ports), ":4" (IRQ), ":b8000+1" (device frame).
        private static string Device(CapType type, ulong device)
        {
            switch (type)
            {
                case CapType.IoPortRange:
                    return string.Concat(":", (device & 0xFFFF).ToString("x"), "+", (device >> 16).ToString());
                case CapType.IrqLine:
                    return string.Concat(":", device.ToString());
                case CapType.Frame:
                    return device == 0 ? "" : string.Concat(":", (device >> 12).ToString("x"), "000+", (device & 0xFFF).ToString());
            }
            return "";
        }

        private static string Rights(CapRights r) => string.Concat(
            (r & CapRights.Read) != 0 ? "r" : "-", (r & CapRights.Write) != 0 ? "w" : "-",
            (r & CapRights.Grant) != 0 ? "g" : "-", (r & CapRights.Manage) != 0 ? "m" : "-");

        private static Server Find(string target)
        {
            foreach (Server s in s_servers)
                if (s.Name == target || new ProcessCap(s.ProcessSlot).Inspect().ToString() == target)
                    return s;
            return null;
        }

        private static void Reply(ref Message m, uint label, string text)
        {
            int length = text.Length < MessageTag.MaxPayload ? text.Length : MessageTag.MaxPayload;
            for (int i = 0; i < length; i++)
                s_buffer[i] = (byte)text[i];
            m = new Message(label) { Tag = MessageTag.Of(label, length) };
        }

        private static int Put(string text)
        {
            for (int i = 0; i < text.Length; i++)
                s_buffer[i] = (byte)text[i];
            return text.Length;
        }

        private static string Text(int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)s_buffer[i];
            return new string(chars);
        }
    }
}
