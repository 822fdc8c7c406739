using System.Collections.Generic;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Manifest;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Init
{
    // The test root (kernel option `testroot`, docs/kernel-options.md): the kernel starts Init, and only
    // Init, with the test manifest and the `servers=a,b*N` list; Init starts those test entries (the
    // head of MicroOS.Build/test-manifest.txt) in order with their `caps=`, waits until every one has
    // ended, and exits, so `exit` still ends the machine once no process is left.
    // An endpoint or notification a line names is Init's, but lives as if the first process naming
    // it owned it (what the kernel's servers= path does): when that process ends, Init destroys the
    // object (object_destroy), so whoever still holds a cap to it gets ObjectGone.
    // Not here yet (the kernel's servers= path still has them): device items (io:, irq:, mmio: are
    // lent from Init's slots, one holder each), spawn: and waves=N.
    internal sealed partial class InitServer
    {
        private const int MaxCopies = 256;
        // Slots a start may still need after the process's own: one per caps= item, at most.
        private const int SlotsPerStart = ManifestCaps.MaxItems;

        private static int RunTestRoot(List<ManifestEntry> entries, string servers)
        {
            List<ManifestEntry> requested = Requested(entries, servers);
            int deathSlot = s_nextSlot++;
            if (Caps.CreateNotification(deathSlot) != 0)
            {
                Sys.Write("init: test root: cannot create the death notification");
                return 1;
            }
            var deaths = new Notification(deathSlot);
            foreach (ManifestEntry entry in requested)
            {
                if (s_nextSlot + 1 + SlotsPerStart > InitSlots.Scratch)
                {
                    Sys.Write(string.Concat("init: test root: out of capability slots, ", entry.Name, " not started"));
                    continue;
                }
                int index = s_started.Count;
                int slot = s_nextSlot++;
                s_creating = index;
                long pid = Create(entry, slot);
                s_creating = -1;
                if (pid < 0)
                    continue;
                s_started.Add(entry);
                s_processSlots.Add(slot);
                // Set after the start: Init runs at high priority, so the process has not run yet;
                // and the scan below finds one that ended before this call anyway.
                new ProcessCap(slot).SetDeathNotification(deaths, 1UL << (index % 63));
                // The kernel's line for a started server, which the boot tests wait for.
                Sys.Write(string.Concat("servers: started ", entry.Name, " (pid ", pid.ToString(), ", test, limit ",
                    (entry.MemoryLimitBytes >> 10).ToString(), " KiB)"));
            }

            // Every wake-up scans them all: bits of two processes (index mod 63) may fold into one.
            var ended = new bool[s_started.Count];
            int left = s_started.Count;
            while (true)
            {
                for (int i = 0; i < ended.Length; i++)
                {
                    if (ended[i] || Alive(s_processSlots[i]))
                        continue;
                    ended[i] = true;
                    left--;
                    DestroyNamedBy(i);
                }
                if (left == 0)
                    break;
                if (deaths.Wait(out _) != 0)
                    Sys.Sleep(10);      // cannot happen with our own notification; never spin hot
            }
            Sys.Write(string.Concat("init: test root: ", ended.Length.ToString(), " servers ended"));
            return 0;
        }

        // "a,b*3" -> a, b, b, b: the test entries (kind test, before the first [section]) by name.
        private static List<ManifestEntry> Requested(List<ManifestEntry> entries, string servers)
        {
            var requested = new List<ManifestEntry>();
            foreach (string item in servers.Split(','))
            {
                if (item.Length == 0)
                    continue;
                string name = item;
                int copies = 1;
                int star = item.IndexOf('*');
                if (star >= 0)
                {
                    name = item.Substring(0, star);
                    if (!int.TryParse(item.Substring(star + 1), out copies) || copies < 1 || copies > MaxCopies)
                    {
                        Sys.Write(string.Concat("init: test root: bad server count in '", item, "' (use name*N, N from 1 to 256)"));
                        continue;
                    }
                }
                ManifestEntry entry = null;
                foreach (ManifestEntry e in entries)
                    if (e.Name == name && e.Kind == ServerKind.Test && e.Section == null)
                        entry = e;
                if (entry == null)
                {
                    Sys.Write(string.Concat("init: test root: no server '", name, "' in the test manifest"));
                    continue;
                }
                for (int i = 0; i < copies; i++)
                    requested.Add(entry);
            }
            return requested;
        }

        private static bool Alive(int processSlot)
        {
            long pid = new ProcessCap(processSlot).Inspect(out ulong state, out _, out _, out _);
            return pid >= 0 && state == 0;
        }

        // The objects the started process `index` named first die with it, as the kernel's owner's do.
        private static void DestroyNamedBy(int index)
        {
            for (int j = s_objectNamers.Count - 1; j >= 0; j--)
            {
                if (s_objectNamers[j] != index)
                    continue;
                long e = Caps.Destroy(s_objectSlots[j]);
                if (e != 0)
                    Sys.Write(string.Concat("init: test root: destroying ", s_objectNames[j], ": error ", e.ToString()));
                Caps.Delete(s_objectSlots[j]);
                s_objectNames.RemoveAt(j);
                s_objectSlots.RemoveAt(j);
                s_objectNamers.RemoveAt(j);
            }
        }
    }
}
