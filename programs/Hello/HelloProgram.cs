using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Programs.Hello
{
    // The smallest program from the disk (`run hello.elf [ARGS...]` in the shell, RunCommand.cs): a
    // line on the console with its arguments, then it exits (code 0). With `stay` as its first
    // argument it serves its own endpoint instead (the Debug contract: Serve answers it), so `ps`
    // lists it and `kill hello` ends it. It uses only what the shell gives a program: ep:console:w
    // (Write only) and its own endpoint ep:hello.
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
            if (arguments.StartsWith("stay"))
                return Server.Serve("hello", Caps.Endpoint("hello"), new NoContract());
            return 0;
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
