using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `ping NAME`: looks NAME up with Names and calls IDebug.Ping on the endpoint it returns
    // (every server built on ServerLoop answers it), timing the round trip with rdtsc. The
    // looked-up endpoint is given back after the call, so pings leave no capability behind.
    // The call blocks: a server that is alive but stuck keeps the shell waiting until the supervisor's
    // heartbeat kills it (then the call returns ObjectGone and ping says so).
    internal static class PingCommand
    {
        public const string Usage = "usage: ping NAME\n";
        private const ulong Nonce = 0x5EED;

        // TSC and timer ticks when the shell started: the TSC rate is measured over the shell's lifetime
        // (the kernel does not publish it), so a ping long after boot converts cycles to microseconds.
        private static ulong s_startTsc, s_startTicks;
        private const ulong MinCalibrationTicks = 10;

        public static void Start()
        {
            s_startTicks = Sys.SystemInfo(out _, out _, out _);
            s_startTsc = Sys.ReadTimestamp();
        }

        public static string Run(string name, Endpoint names)
        {
            if (Caps.Inspect(names.Slot, out _) < 0)
                return "ping: names not available\n";
            long found = new INames.Client(names).Lookup(name, out Endpoint server);
            if (found < 0)
                return string.Concat("ping: names not available (", found.ToString(), ")\n");
            if (found == (long)NamesError.BadName)
                return string.Concat("ping: '", name, "' is not a server name (1..32 of a-z 0-9 -)\n");
            if (found != 0)
                return string.Concat("ping: no server named '", name, "'\n");
            ulong start = Sys.ReadTimestamp();
            long r = new IDebug.Client(server).Ping(Nonce);
            ulong cycles = Sys.ReadTimestamp() - start;
            Caps.FreeSlot(server.Slot);
            if (r < 0 && r > ContractError.BadMessage)
                return string.Concat("ping: ", name, " did not answer (", ((SyscallError)r).ToString(), ")\n");
            if (r != (long)Nonce + 1)
                return string.Concat("ping: ", name, " answered something else (", r.ToString(), ")\n");
            return string.Concat(name, " answered in ", Elapsed(cycles), "\n");
        }

        private static string Elapsed(ulong cycles)
        {
            ulong ticks = Sys.SystemInfo(out _, out ulong hertz, out _) - s_startTicks;
            ulong tsc = Sys.ReadTimestamp() - s_startTsc;
            if (ticks < MinCalibrationTicks || hertz == 0 || tsc == 0)
                return string.Concat(cycles.ToString(), " TSC cycles");
            // us = cycles / (tsc per second) * 1e6, with tsc per second = tsc * hertz / ticks.
            ulong perSecond = tsc / ticks * hertz;
            ulong us = perSecond == 0 ? 0 : cycles * 1_000_000 / perSecond;
            return string.Concat(us.ToString(), " us");
        }
    }
}
