using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.ServerTemplate
{
    // The messages it answers, and what they mean (docs/writing-a-server.md); Serve does the rest.
    [Contract] public partial interface IServerTemplate { long Increment(ulong n); }

    internal sealed class ServerTemplateServer : IServerTemplate
    {
        [ServerMain] internal static int Main() => Server.Serve("servertemplate", new IServerTemplate.Dispatcher(new ServerTemplateServer()));

        public long Increment(ulong n) => (long)n + 1;
    }
}
