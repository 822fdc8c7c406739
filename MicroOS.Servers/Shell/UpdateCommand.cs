using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `update NAME FILE` (issue 17, item 5): the supervised server NAME replaced by the program in
    // FILE, live. The shell reads FILE into its image frame (RunCommand.Load: the same size bound and
    // ELF-header check as `run`) and lends the frame to the supervisor (ISupervisor.Update, which
    // needs `g` on the supervisor's endpoint), which asks Init; Init checks the image with the loader
    // before it touches the old server, hands the old server's state to the new one, and gives the
    // new one the same capabilities in the same slots (InitServer.Update, docs/storage.md "Live update").
    // Every refusal is one line saying which, and leaves the old server running.
    internal static class UpdateCommand
    {
        public const string Usage = "usage: update NAME FILE\n";

        public static void Run(string[] words, ISupervisor.Client supervisor, Action<string> print)
        {
            if (words.Length != 3)
            {
                print(Usage);
                return;
            }
            string name = words[1], full = words[2];
            try
            {
                full = FileSystem.FullPath(words[2]);
                string error = RunCommand.Load(full, out int length);
                if (error != null)
                {
                    print(string.Concat("update: ", full, ": ", error, "; ", name, " keeps running\n"));
                    return;
                }
                // The start of `./microos bench`'s `live update serial` run (its figure is from the old
                // server's hand-over to the new one's first answer: DebugServer.HandOver, SerialServer).
                Sys.Write(string.Concat("shell: update ", name, " at TSC ", Sys.ReadTimestamp().ToString()));
                long r = supervisor.Update(name, (ulong)length, new FrameCap(RunCommand.ImageFrame), out long pid, out long handedOver);
                print(Answer(r, name, full, pid, handedOver));
            }
            catch (Exception e)
            {
                print(string.Concat("update: ", full, ": ", FileSystem.Reason(e), "; ", name, " keeps running\n"));
            }
        }

        private static string Answer(long r, string name, string full, long pid, long handedOver)
        {
            if (r < 0)
                return string.Concat("update: supervisor not available (", SyscallErrors.Name(r), ")\n");
            switch ((SupervisorError)r)
            {
                case SupervisorError.Ok:
                    return string.Concat("update: ", name, " now runs ", full, " (pid ", pid.ToString(), "); ",
                        handedOver < 0 ? string.Concat(name, " did not answer the hand-over: updated without state")
                            : string.Concat(handedOver.ToString(), " bytes of state handed over"), "\n");
                case SupervisorError.NoSuchServer:
                    return string.Concat("update: no such server '", name, "' (ps lists them)\n");
                case SupervisorError.Refused:
                    return string.Concat("update: refused: ", name, " is not supervised (init and the supervisor are not updated)\n");
                case SupervisorError.BadImage:
                    return string.Concat("update: ", full, ": not a valid program: the loader refused it (the kernel log says why); ", name, " keeps running\n");
                case SupervisorError.TooLarge:
                    return string.Concat("update: ", full, ": does not fit (Init's budget or the image bound; the kernel log says what it needs); ", name, " keeps running\n");
            }
            return string.Concat("update: ", name, ": refused (error ", r.ToString(), "); ", name, " keeps running\n");
        }
    }
}
