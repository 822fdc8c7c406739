using System.Runtime.InteropServices;
using MicroOS.FileChecks;
using MicroOS.Shared.User;

namespace MicroOS.Servers.FileChecks
{
    // Runs the System.IO differential suite (Checks/) on the fat server, in the folder the manifest's
    // arguments name ("/filechecks"), and writes one `name: value` line per check to the log.
    // Slots (manifest): 1 = endpoint `names` (send). The session with `fat` is kept in slot 2; the
    // IPC buffer's received caps land in slot 20.
    internal static unsafe class FileChecksServer
    {
        private const int NamesSlot = 1, SessionSlot = 2, ReceiveSlot = 20;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            byte* ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(ipc, ReceiveSlot);
            FileSystem.Configure(ipc, ReceiveSlot, NamesSlot, SessionSlot);
            string root = ServerRuntime.Arguments.Trim();
            FileSuite.Run(root.Length > 0 ? root : "/filechecks", &Write);
            return 0;
        }

        private static void Write(string line) => Sys.Write(line);
    }
}
