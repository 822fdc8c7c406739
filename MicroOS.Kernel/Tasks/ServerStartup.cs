using System;
using System.Collections.Generic;
using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Tasks
{
    // Starts the servers the boot manifest names: every `system` entry (unless `nosystem`), and the
    // entries listed in `servers=` (test servers; `name*N` starts N copies). Init takes this job over
    // once capabilities exist.
    internal static unsafe class ServerStartup
    {
        public static void StartFromManifest(BootInfo boot, KernelCommandLine options)
        {
            BootModule? manifestModule = FindModule(boot, "manifest");
            if (manifestModule == null)
            {
                Log.WriteLine("servers: no boot manifest module; starting nothing");
                return;
            }
            var errors = new List<string>();
            List<ManifestEntry> entries = BootManifest.Parse(ModuleText(manifestModule.Value), errors);
            foreach (string e in errors)
                Log.WriteLine(string.Concat("warning: ", e));

            if (!options.Has("nosystem"))
                foreach (ManifestEntry entry in entries)
                    if (entry.Kind == ServerKind.System)
                        Start(boot, entry);

            string requested = options.Get("servers");
            if (string.IsNullOrEmpty(requested))
                return;
            foreach (string item in requested.Split(','))
            {
                string name = item;
                int copies = 1;
                int star = item.IndexOf('*');
                if (star >= 0)
                {
                    name = item.Substring(0, star);
                    if (!int.TryParse(item.Substring(star + 1), out copies) || copies < 1 || copies > 256)
                    {
                        Log.WriteLine(string.Concat("warning: bad server count in '", item, "' (use name*N, N from 1 to 256)"));
                        continue;
                    }
                }
                ManifestEntry entry = Find(entries, name);
                if (entry == null)
                {
                    Log.WriteLine(string.Concat("warning: no server '", name, "' in the boot manifest"));
                    continue;
                }
                for (int i = 0; i < copies; i++)
                    Start(boot, entry);
            }
        }

        private static void Start(BootInfo boot, ManifestEntry entry)
        {
            BootModule? module = FindModule(boot, entry.Image);
            if (module == null)
            {
                Log.WriteLine(string.Concat("loader: no image '", entry.Image, "' for server '", entry.Name, "'"));
                return;
            }
            BootModule m = module.Value;
            var image = new ReadOnlySpan<byte>(PhysMap.ToVirtual(m.Start), (int)(m.End - m.Start));
            Process p = ProcessManager.Start(entry.Name, image, entry.MemoryLimitBytes, entry.HighPriority ? Priority.High : Priority.Normal, entry.Arguments);
            if (p != null)
                Log.WriteLine(string.Concat("servers: started ", entry.Name, " (pid ", p.Id.ToString(), ", ", entry.Kind == ServerKind.Test ? "test" : "system",
                    ", limit ", (entry.MemoryLimitBytes >> 10).ToString(), " KiB)"));
        }

        private static ManifestEntry Find(List<ManifestEntry> entries, string name)
        {
            foreach (ManifestEntry e in entries)
                if (e.Name == name)
                    return e;
            return null;
        }

        private static BootModule? FindModule(BootInfo boot, string name)
        {
            foreach (BootModule m in boot.Modules)
                if (m.Name == name)
                    return m;
            return null;
        }

        private static string ModuleText(BootModule m)
        {
            var bytes = new ReadOnlySpan<byte>(PhysMap.ToVirtual(m.Start), (int)(m.End - m.Start));
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
                chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}
