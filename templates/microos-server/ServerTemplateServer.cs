using System.Runtime.InteropServices;
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
            return 0;
        }
    }
}
