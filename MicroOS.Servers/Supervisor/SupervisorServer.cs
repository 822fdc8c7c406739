using System.Collections.Generic;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Supervisor
{
    // MINIX 3's reincarnation server (ISupervisor). Its manifest line (docs/boot-manifest.md) gives
    // it its own endpoint, Init's (a restart goes through Init, which holds the images and the
    // shared endpoints; device caps come back to Init when a driver dies), Names, and a
    // `proc:NAME:rm` per supervised server. One notification bound to its thread carries both its
    // tick (a timer, notification_signal_after, every TickMs) and the deaths (process_set_death_
    // notification on each watched Process cap), so the receive loop wakes for either. Every tick it
    // inspects each server (a dead one, whether it faulted, exited or was killed, answers
    // ObjectGone) and every HeartbeatTicks it pings it with a non-blocking send of IDebug.Ping: a
    // server in its receive loop takes it at once. A miss counts only when the server has received
    // no message since the last heartbeat either (a server busy with its clients is alive), so
    // MissLimit misses in a row mean it is stuck (killed, then restarted). A server that dies
    // FailureLimit times within WindowTicks is given up.
    // `proc:init:r` and `proc:supervisor:r` (itself) are listed by List and read by Caps, never
    // supervised: Kill, Crash and Restart refuse them.
    internal sealed class SupervisorServer : ISupervisor
    {
        private const ulong TickMs = 10;
        private const int HeartbeatTicks = 10;          // 100 ms
        private const int MissLimit = 10;               // 1 s without answering
        private const int FailureLimit = 5;
        private const int WindowTicks = 1000;           // 10 s
        private const int CrashTries = 10;              // a Crash order is offered for up to 100 ms
        private const int LookupTries = 10;
        private const int LookupEveryTicks = 1000;      // 10 s

        private const ulong TimerBit = 1UL << 63;         // death bits are 1 << (index % 63)

        private sealed class Watched
        {
            public string Name;
            public ProcessCap Process;
            public Endpoint Endpoint;
            public bool HasEndpoint, GivenUp;
            public bool Supervised;     // false for init and the supervisor itself: listed only
            public ulong LastReceived;
            public bool Expected;       // the death was asked for (Kill, Crash): restarted, not counted as a failure
            public int Restarts, Misses, FailedLookups;
            public long NextLookup;
            public readonly List<long> Failures = new List<long>();
        }

        private static readonly List<Watched> s_servers = new List<Watched>();
        private static long s_tick, s_lastHeartbeat;
        private static Notification s_wake;
        private static IInit.Client s_init;
        private static INames.Client s_names;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("supervisor");
            s_init = new IInit.Client(Caps.Endpoint("init"));
            s_names = new INames.Client(Caps.Endpoint("names"));
            foreach (string name in Caps.ProcessNames())
            {
                ProcessCap process = Caps.ListedProcess(name);
                long pid = process.Inspect();
                bool supervised = name != "init" && pid != Sys.ProcessId;
                // No Process cap: Init could not start it (e.g. the loader refused an image that
                // cannot fit its limit, and said why). Starting it again would fail the same way.
                bool neverStarted = supervised && pid == (long)SyscallError.InvalidCapability;
                if (neverStarted)
                    Sys.Write(string.Concat("supervisor: ", name, " was never started (its start was refused); not restarting it"));
                s_servers.Add(new Watched { Name = name, Process = process, Supervised = supervised, GivenUp = neverStarted });
            }
            int watching = 0;
            foreach (Watched s in s_servers)
                if (s.Supervised)
                    watching++;
            Sys.Write(string.Concat("supervisor: watching ", watching.ToString(), " servers"));
            if (Caps.NewNotification(out s_wake) < 0 || s_wake.BindToThisThread() < 0 || s_wake.SignalAfter(TickMs, TimerBit) < 0)
            {
                Sys.Write("supervisor: no wake-up notification; cannot supervise");
                return 1;
            }
            foreach (Watched s in s_servers)
                if (s.Supervised)
                    WatchDeath(s);
            return Server.Serve("supervisor", new ISupervisor.Dispatcher(new SupervisorServer()), Wake);
        }

        // A tick or a death: the bits only say "look now"; a tick also re-arms the timer.
        private static void Wake(ulong bits)
        {
            if ((bits & TimerBit) != 0)
                s_wake.SignalAfter(TickMs, TimerBit);
            // Ticks are the timer's, not wake-ups: a death notice wakes the loop early.
            ulong timerTicks = Sys.SystemInfo(out _, out ulong hertz, out _);
            s_tick = hertz == 0 ? s_tick + 1 : (long)(timerTicks * 1000 / hertz / TickMs);
            bool heartbeat = s_tick - s_lastHeartbeat >= HeartbeatTicks;
            if (heartbeat)
                s_lastHeartbeat = s_tick;
            foreach (Watched s in s_servers)
                Check(s, heartbeat);
        }

        // The death notice: bit i for the i-th watched server (only a wake-up; Check finds who died).
        private static void WatchDeath(Watched s)
        {
            int index = s_servers.IndexOf(s);
            s.Process.SetDeathNotification(s_wake, 1UL << (index % 63));
        }

        private static void Check(Watched s, bool heartbeat)
        {
            if (s.GivenUp || !s.Supervised)
                return;
            if (s.Process.Inspect(out _, out _, out _, out ulong received) < 0)
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
            // Not IDebug.Client's call: a heartbeat never waits (a hung server must not hang the supervisor).
            var ping = new Message(IDebug.Labels.Ping, (ulong)s_tick);
            bool progressed = received != s.LastReceived;
            s.LastReceived = received;
            if (s.Endpoint.TrySend(ref ping) == 0 || progressed)
            {
                s.Misses = 0;
                return;
            }
            if (++s.Misses < MissLimit)
                return;
            Sys.Write(string.Concat("supervisor: ", s.Name, " missed ", s.Misses.ToString(), " heartbeats; killing it"));
            s.Process.Kill();
            OnDeath(s);
        }

        private static bool Lookup(Watched s)
        {
            if (s_names.Lookup(s.Name, out Endpoint endpoint) != 0)
                return false;
            s.Endpoint = endpoint;
            return true;
        }

        private static void OnDeath(Watched s)
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

        private static long Restart(Watched s)
        {
            Caps.Delete(s.Process.Slot);
            long pid = s_init.Restart(s.Process.Slot, s.Name);
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

        // One array, refilled: `ps` leaves no garbage here (a heap that grows only when garbage
        // accumulates stays its boot size; ShellTests' 500 commands measure it).
        private static ServerRecord[] s_records;

        public long List(out ServerRecord[] servers)
        {
            if (s_records == null || s_records.Length != s_servers.Count)
                s_records = new ServerRecord[s_servers.Count];
            servers = s_records;
            for (int i = 0; i < s_servers.Count; i++)
            {
                Watched s = s_servers[i];
                long pid = s.Process.Inspect(out _, out ulong frames, out ulong sent, out ulong received,
                    out ulong limit, out ulong objects, out _);
                // Use: its pages and the kernel objects charged to it; limit: its budget (docs/capabilities.md).
                servers[i] = new ServerRecord
                {
                    Pid = pid < 0 ? 0 : (int)pid, Name = s.Name, Restarts = s.Restarts,
                    State = s.GivenUp ? ServerState.GivenUp : pid < 0 ? ServerState.Dead : ServerState.Running,
                    UseKiB = pid < 0 ? 0 : (frames + objects) * 4, Sent = sent, Received = received, LimitKiB = pid < 0 ? 0 : limit * 4,
                };
            }
            return 0;
        }

        public long Kill(string target)
        {
            if (!Find(target, out Watched s, out SupervisorError refused))
                return (long)refused;
            if (s.Process.Inspect() < 0)
                return (long)SupervisorError.NotRunning;
            s.Expected = true;
            s.Process.Kill();           // the next tick sees the death and restarts it
            return 0;
        }

        public long Restart(string target)
        {
            if (!Find(target, out Watched s, out SupervisorError refused))
                return (long)refused;
            if (s.Process.Inspect() >= 0)
                s.Process.Kill();
            s.GivenUp = false;
            s.Failures.Clear();
            return Restart(s) < 0 ? (long)SupervisorError.NotRunning : 0;
        }

        public long Crash(CrashKind kind, string target)
        {
            if (!Find(target, out Watched s, out SupervisorError refused))
                return (long)refused;
            bool running = s.Process.Inspect() >= 0;
            if (!s.HasEndpoint)
                s.HasEndpoint = Lookup(s);
            // Non-blocking (a hung server must not hang the supervisor), so a server busy with a
            // client for a moment is asked again a few ticks later before the answer is NotRunning.
            long sent = -1;
            for (int tries = 0; running && s.HasEndpoint && sent != 0 && tries < CrashTries; tries++)
            {
                if (tries > 0)
                    Sys.Sleep(TickMs);
                var crash = new Message(IDebug.Labels.Crash, (ulong)kind);
                sent = s.Endpoint.TrySend(ref crash);
            }
            if (sent != 0)
                return (long)SupervisorError.NotRunning;
            s.Expected = true;
            return 0;
        }

        // Live update: Init does the work (it holds the images and the endpoints, InitServer.Update);
        // here the refusals (init, itself, a name it does not supervise), and the bookkeeping: the
        // new Process cap lands in a fresh slot, so a refused image leaves the old one's cap, death
        // notice and counters exactly as they were; on success the new process is watched (the old
        // one's death is no failure: it was killed for the update). A server given up on is started again by it.
        public long Update(string target, ulong length, FrameCap image, out long pid, out long handedOver)
        {
            pid = 0;
            handedOver = -1;
            if (!Find(target, out Watched s, out SupervisorError refused))
            {
                Caps.FreeSlot(image.Slot);
                return (long)refused;
            }
            int slot = Caps.NewSlot();
            if (slot == 0)
            {
                Caps.FreeSlot(image.Slot);
                return (long)SupervisorError.NotRunning;
            }
            long r = s_init.Update(slot, s.Name, length, image, out handedOver);
            Caps.FreeSlot(image.Slot);
            if (r < 0)
            {
                Caps.FreeSlot(slot);
                return r == (long)SyscallError.InvalidArgument ? (long)SupervisorError.BadImage
                    : r == (long)SyscallError.OutOfMemory ? (long)SupervisorError.TooLarge
                    : r == InitContract.UnknownName ? (long)SupervisorError.NoSuchServer : (long)SupervisorError.BadRequest;
            }
            // Into the old cap's slot (the manifest's `proc:NAME`, which `caps supervisor` shows).
            Caps.Delete(s.Process.Slot);
            Caps.Move(slot, s.Process.Slot);
            Caps.FreeSlot(slot);
            s.GivenUp = false;
            s.Failures.Clear();
            s.Misses = 0;
            s.Expected = false;
            s.HasEndpoint = false;      // the same endpoint, but look it up again like after any start
            WatchDeath(s);
            pid = r;
            Sys.Write(string.Concat("supervisor: updated ", s.Name, " (pid ", r.ToString(), ")"));
            return 0;
        }

        public long CapsOf(string target, out CapRecord[] caps)
        {
            caps = null;
            Watched s = Find(target);
            if (s == null)
                return (long)SupervisorError.NoSuchServer;
            var list = new List<CapRecord>();
            for (int slot = 0; slot < Caps.SlotCount; slot++)
            {
                long info = s.Process.ReadCap(slot, out ulong badge, out ulong objectId, out ulong device);
                if (info >= 0)
                    list.Add(new CapRecord { Slot = (ushort)slot, Type = CapInfo.TypeOf(info), Rights = CapInfo.RightsOf(info), Device = device, Badge = badge, ObjectId = objectId });
            }
            caps = list.ToArray();
            return 0;
        }

        // A supervised server by name or pid; init and the supervisor itself are refused.
        private static bool Find(string target, out Watched s, out SupervisorError error)
        {
            s = null;
            error = SupervisorError.Refused;
            if (target == "init" || target == "supervisor" || target == Sys.ProcessId.ToString() || target == "1")
                return false;
            s = Find(target);
            error = SupervisorError.NoSuchServer;
            return s != null;
        }

        private static Watched Find(string target)
        {
            foreach (Watched s in s_servers)
                if (s.Name == target || s.Process.Inspect().ToString() == target)
                    return s;
            return null;
        }
    }
}
