using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Programs.Hello
{
    // The smallest program from the disk (`run hello.elf [ARGS...]` in the shell, RunCommand.cs): a
    // line on the console with its arguments, then it exits (code 0). With `stay` as its first
    // argument it serves its own endpoint instead (the Debug contract: Serve answers it), so `ps`
    // lists it and `kill hello` ends it. It uses only what the shell gives a program: ep:console:w
    // (Write only) and its own endpoint ep:hello. `pingloop NAME` is a client in a loop for live
    // update's test (UpdateTests): it looks NAME up with Names (ep:names:w, Lookup only) and calls its
    // Debug Ping until killed, saying on the kernel log (not the console: the test types commands
    // meanwhile) every PingReport answers, and every call that failed.
    internal static class HelloProgram
    {
        [ServerMain]
        internal static int Main()
        {
            Server.Begin("hello");
            var console = new IConsole.Client(Caps.Endpoint("console"));
            string arguments = Arguments();
            // The end of `./microos bench`'s `run hello from disk` (from the shell's `run ... at TSC`).
            Sys.Write(string.Concat("hello: first line at TSC ", Sys.ReadTimestamp().ToString()));
            console.Write(string.Concat("hello from disk", arguments.Length > 0 ? string.Concat(": ", arguments) : "", "\n"));
            // What the console refuses a program: the shell's input.
            if (arguments == "readline")
                console.Write(string.Concat("hello: readline -> ", console.ReadLine(out _).ToString(), "\n"));
            if (arguments.StartsWith("pingloop "))
                return PingLoop(arguments.Substring("pingloop ".Length).Trim());
            if (arguments.StartsWith("stay"))
                return Server.Serve("hello", Caps.Endpoint("hello"), new NoContract());
            return 0;
        }

        private const int PingReport = 1000;

        private static int PingLoop(string name)
        {
            var names = new INames.Client(Caps.Endpoint("names"));
            if (names.Lookup(name, out Endpoint server) != 0)
            {
                Sys.Write(string.Concat("hello: no server named ", name));
                return 1;
            }
            var client = new IDebug.Client(server);
            ulong answered = 0, failed = 0;
            for (ulong n = 1; ; n++)
            {
                long r = client.Ping(n);
                if (r == unchecked((long)(n + 1)))
                    answered++;
                else
                {
                    failed++;
                    Sys.Write(string.Concat("hello: ping ", n.ToString(), " of ", name, " failed: ", r.ToString()));
                }
                if (n % PingReport == 0)
                    Sys.Write(string.Concat("hello: ", answered.ToString(), " pings of ", name, " answered, ", failed.ToString(), " failed"));
                if (n % 10 == 0)
                    Sys.Sleep(1);       // a client, not a load: the shell and the console keep their turns
            }
        }

        // Its arguments as the shell typed them, without the caps= list the shell adds.
        private static string Arguments()
        {
            string all = ServerRuntime.Arguments ?? "";
            int caps = all.IndexOf("caps=");
            return (caps < 0 ? all : all.Substring(0, caps)).Trim();
        }

        // Only the Debug contract (Ping), which Serve answers before any server's own.
        private sealed class NoContract : IDispatcher
        {
            public void Dispatch(ref Message m) => m = new Message(0);
        }
    }
}
