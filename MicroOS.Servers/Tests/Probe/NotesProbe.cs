using System.Collections.Generic;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // `lab notes-check` (lab 5's grader, MicroOS.Tests/Labs/Lab05Tests.cs): a client of `notes` while
    // the grader crashes it twice from the shell (`crash notes`). It adds 30 notes, says so, then keeps
    // working — 30 more adds, a pause between each — while the crash lands, counting which adds were
    // acknowledged (an index) and which got an error; then waits (bounded) for the new instance
    // (INotes.Instance changes) and reads every note back. A call must never hang: the old instance's
    // death answers a call it had taken with an error, and a call still queued on the endpoint (Init
    // keeps it) is answered by the new instance. Lines "notes-check: WHAT -> RESULT", then "done".
    internal static class NotesProbe
    {
        private const int First = 30, Live = 30;

        public static int Run(string[] args)
        {
            Server.Begin("notes-check");
            Endpoint names = Caps.Endpoint("names");
            Endpoint server = default;
            bool found = false;
            for (int i = 0; i < 300 && !found; i++)
            {
                found = new INames.Client(names).Lookup("notes", out server) == 0;
                if (!found)
                    Sys.Sleep(10);
            }
            if (!found)
            {
                Report("lookup notes", "not found");
                Sys.Write("notes-check: done");
                return 1;
            }
            var notes = new INotes.Client(server);
            long pid = notes.Instance();

            var kept = new List<string>();       // what was acknowledged, in order
            var unsure = new List<string>();     // what got an error: kept or not, never twice
            int wrong = 0;
            for (int i = 0; i < First; i++)
            {
                string text = string.Concat("note-", i.ToString());
                long r = notes.Add(text);
                if (r == kept.Count)
                    kept.Add(text);
                else
                    wrong++;
            }
            Report("put", string.Concat(kept.Count.ToString(), " acknowledged, ", wrong.ToString(), " wrong"));

            // The grader crashes notes now; the adds go on meanwhile.
            int errors = 0;
            string codes = "";
            for (int i = 0; i < Live; i++)
            {
                string text = string.Concat("live-", i.ToString());
                long r = notes.Add(text);
                if (r >= 0)
                    kept.Add(text);
                else
                {
                    errors++;
                    unsure.Add(text);
                    codes = string.Concat(codes, " ", r.ToString());
                }
                Sys.Sleep(50);
            }
            Report("in flight", string.Concat((Live - errors).ToString(), " answered, ", errors.ToString(), " errors", codes));

            long next = WaitForRestart(notes, pid);
            Report("restarted", next > 0 ? "yes" : "no");
            Verify(notes, kept, unsure, "after restart");

            // The grader crashes notes a second time.
            long third = next > 0 ? WaitForRestart(notes, next) : -1;
            Report("restarted again", third > 0 ? "yes" : "no");
            Verify(notes, kept, unsure, "after second restart");
            Sys.Write("notes-check: done");
            return 0;
        }

        // The new instance's pid, or -1 when none answers within about a minute of guest time.
        private static long WaitForRestart(INotes.Client notes, long old)
        {
            for (int i = 0; i < 3000; i++)
            {
                long pid = notes.Instance();
                if (pid > 0 && pid != old)
                    return pid;
                Sys.Sleep(20);
            }
            return -1;
        }

        // Every note acknowledged before the crash is there, in order; one whose add got an error may
        // be there (kept just before the crash) but only once; nothing else is.
        private static void Verify(INotes.Client notes, List<string> kept, List<string> unsure, string when)
        {
            long count = notes.Count();
            var got = new List<string>();
            for (long i = 0; i < count; i++)
                got.Add(notes.Get(i, out string text) >= 0 ? text : "?");
            int k = 0, firstKept = 0;
            string problem = null;
            var seenUnsure = new List<string>();
            for (int i = 0; i < got.Count; i++)
            {
                string g = got[i];
                if (k < First && k < kept.Count && g == kept[k])
                    firstKept++;
                if (k < kept.Count && g == kept[k])
                    k++;
                else if (Has(unsure, g) && !Has(seenUnsure, g))
                    seenUnsure.Add(g);
                else if (problem == null)
                    problem = string.Concat("unexpected '", g, "' at ", i.ToString());
            }
            Report(string.Concat("first notes ", when), string.Concat(firstKept.ToString(), " of ", First.ToString()));
            if (problem == null && k < kept.Count)
                problem = string.Concat("missing '", kept[k], "'");
            Report(string.Concat("acknowledged ", when), problem ?? string.Concat("all ", kept.Count.ToString(), " there"));
        }

        private static bool Has(List<string> list, string text)
        {
            foreach (string s in list)
                if (s == text)
                    return true;
            return false;
        }

        private static void Report(string what, string result) => Sys.Write(string.Concat("notes-check: ", what, " -> ", result));
    }
}
