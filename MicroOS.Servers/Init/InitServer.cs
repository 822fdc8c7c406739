using System.Runtime.InteropServices;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Init
{
    // The first process. Today it only shows that a system server runs in ring 3 in its own
    // address space; with capabilities and IPC it becomes the one that starts the others.
    internal static class InitServer
    {
        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            Sys.Write(string.Concat("init: running in ring 3 as pid ", Sys.ProcessId.ToString()));
            return 0;
        }
    }
}
