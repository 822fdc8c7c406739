using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.ServerTemplate
{
    // Slots (the boot manifest line `./microos new-server` writes, docs/writing-a-server.md):
    // 1 = this server's endpoint (`ep:servertemplate:rwg`), 2 = Names with the system badge
    // (`ep:names:wg:20823`), which lets it register its name: then the supervisor finds it for its
    // heartbeat and the shell's `ping servertemplate` reaches it.
    internal static unsafe class ServerTemplateServer
    {
        private const int EndpointSlot = 1, NamesSlot = 2, ReceiveSlot = 20;

        // The entry point: runs in ring 3, in this server's own address space. The return value is the exit code.
        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            Sys.Write(string.Concat("servertemplate: hello from pid ", Sys.ProcessId.ToString(), ", arguments '", ServerRuntime.Arguments, "'"));
            if (CapInfo.TypeOf(Caps.Inspect(EndpointSlot, out _)) != CapType.Endpoint)
                return 0;
            if (CapInfo.TypeOf(Caps.Inspect(NamesSlot, out _)) == CapType.Endpoint)
            {
                // The name travels in the IPC buffer: one page, registered once.
                byte* buffer = (byte*)Sys.MapMemory(4096);
                Ipc.SetBuffer(buffer, ReceiveSlot);
                long r = new NamesClient(new Endpoint(NamesSlot), buffer).Register("servertemplate", EndpointSlot);
                Sys.Write(r == 0 ? "servertemplate: registered with names" : string.Concat("servertemplate: names refused: ", r.ToString()));
            }
            // ServerLoop also answers the Debug contract (Ping: the supervisor's heartbeat and the
            // shell's `ping`; Crash) before Handle sees a message.
            ServerLoop.Run(new Endpoint(EndpointSlot), Handle);
            return 1;
        }

        // A request in, the reply out (in place): here, W0 + 1.
        private static void Handle(ref Message m) => m = new Message(m.Label, m.W0 + 1);
    }
}
