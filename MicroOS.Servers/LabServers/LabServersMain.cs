using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.LabServers
{
    // labservers.elf: the servers of labs 5 and 6, one image, the manifest line's first argument
    // picks which (each is its own process all the same).
    internal static class LabServersMain
    {
        [ServerMain]
        internal static int Main()
        {
            string[] args = ServerRuntime.Arguments.Split(' ');
            switch (args[0])
            {
                case "notes":
                    return NotesServer.Run();
                case "keeper":
                    return Server.Serve("keeper", new IKeeper.Dispatcher(new KeeperServer()));
                case "tally":
                    return Server.Serve("tally", new ITally.Dispatcher(new TallyServer()));
                default:
                    Sys.Write(string.Concat("labservers: unknown server '", args[0], "' (notes, keeper, tally)"));
                    return 2;
            }
        }
    }
}
