using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `kv put KEY VALUE...`, `kv get KEY`, `kv del KEY`, `kv count`: lab 2's key-value server
    // (docs/labs/02-server.md), found by name with Names and called through IKeyValue.Client. The
    // endpoint Names hands over is freed after each command, so kv leaves no capability behind.
    internal static class KvCommand
    {
        public const string Usage = "usage: kv put KEY VALUE | kv get KEY | kv del KEY | kv count\n";

        public static string Run(string[] words, string line, Endpoint names)
        {
            bool ok = words.Length >= 2 && (words[1] == "put" ? words.Length >= 4 : words[1] == "count" ? words.Length == 2
                                                              : (words[1] == "get" || words[1] == "del") && words.Length == 3);
            if (!ok)
                return Usage;
            // LAB 2 BEGIN: find `kv` with Names, call it, say what it answered
            if (new INames.Client(names).Lookup("kv", out Endpoint server) != 0)
                return "kv: no server named 'kv' (is it in the manifest?)\n";
            var kv = new IKeyValue.Client(server);
            string answer;
            switch (words[1])
            {
                case "put":
                {
                    long r = kv.Put(words[2], FileCommands.TextAfter(line, 3));
                    answer = r < 0 ? Error(r, words[2]) : "";
                    break;
                }
                case "get":
                {
                    long r = kv.Get(words[2], out string value);
                    answer = r < 0 ? Error(r, words[2]) : string.Concat(value, "\n");
                    break;
                }
                case "del":
                {
                    long r = kv.Delete(words[2]);
                    answer = r < 0 ? Error(r, words[2]) : "";
                    break;
                }
                default:
                {
                    long r = kv.Count();
                    answer = r < 0 ? Error(r, "") : string.Concat(r.ToString(), " keys\n");
                    break;
                }
            }
            Caps.FreeSlot(server.Slot);
            return answer;
            // LAB 2 STARTER
            // return "kv: not written yet (lab 2: KvCommand.cs)\n";
            // LAB 2 END
        }

        private static string Error(long r, string key) =>
            key.Length == 0 ? string.Concat("kv: ", KvError.Text(r), "\n") : string.Concat("kv: ", key, ": ", KvError.Text(r), "\n");
    }
}
