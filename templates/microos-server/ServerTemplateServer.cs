using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.ServerTemplate
{
    internal static class ServerTemplateServer
    {
        // The entry point: runs in ring 3, in this server's own address space. The return value is the exit code.
        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            Sys.Write(string.Concat("servertemplate: hello from pid ", Sys.ProcessId.ToString(), ", arguments '", ServerRuntime.Arguments, "'"));
            // With an endpoint in slot 1 (manifest `caps=ep:servertemplate:rwg`), serve it. ServerLoop
            // also answers the Debug contract (the supervisor's Ping, and Crash) before Handle sees a message.
            if (CapInfo.TypeOf(Caps.Inspect(1, out _)) != CapType.Endpoint)
                return 0;
            ServerLoop.Run(new Endpoint(1), Handle);
            return 1;
        }

        // A request in, the reply out (in place): here, W0 + 1.
        private static void Handle(ref Message m) => m = new Message(m.Label, m.W0 + 1);
    }
}
