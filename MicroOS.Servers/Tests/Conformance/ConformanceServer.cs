using System.Runtime.InteropServices;
using MicroOS.Conformance;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Conformance
{
    // Runs the conformance suite (Checks/) with the manifest's arguments ("<seed> [exceptions]") and
    // writes one `name: value` line per check to the log; tools/Conformance.Host does the same on .NET.
    internal static unsafe class ConformanceServer
    {
        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            if (ServerRuntime.Arguments.StartsWith("contract "))
                return ContractFuzz.Run(ServerRuntime.Arguments.Split(' '));
            if (ServerRuntime.Arguments.StartsWith("async "))
                return AsyncServer.Run(ServerRuntime.Arguments.Split(' '));
            // The Async group's Task.Delay and blocking .Result need the server's event loop.
            new EventLoop();
            Suite.Run(ServerRuntime.Arguments, &Write);
            return 0;
        }

        private static void Write(string line) => Sys.Write(line);
    }
}
