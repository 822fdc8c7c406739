using System;
using System.Collections.Generic;
using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;
using MicroOS.Shared.Manifest;

namespace MicroOS.Kernel.Tasks
{
    // Starts Init (unless `nosystem`) from the boot manifest's `init` line, and the test entries of
    // the test manifest (MicroOS.Build/test-manifest.txt, before its first [section]) that `servers=`
    // lists (`name*N` starts N copies). Init starts every other server (docs/boot-manifest.md); moving
    // the servers= path to Init as well is issue 16 item 7 (docs/kernel-options.md, "What the kernel
    // still does for the tests").
    internal static unsafe class ServerStartup
    {
        private static BootInfo s_boot;
        private static List<ManifestEntry> s_entries;
        // The servers= list, parsed once: each wave starts the same entries again without allocating.
        private static readonly List<ManifestEntry> s_requested = new List<ManifestEntry>();
        private static int s_wavesLeft;
        private static int s_wave = 1;

        public static void StartFromManifest(BootInfo boot, KernelCommandLine options)
        {
            s_boot = boot;
            BootModule? manifestModule = FindModule(boot, "manifest");
            if (manifestModule == null)
            {
                Log.WriteLine("servers: no boot manifest module; starting nothing");
                return;
            }
            // The kernel reads each manifest up to its first [section]: the boot manifest's for `init`,
            // the test manifest's for the servers= test entries (the product's manifest holds none);
            // Init reads the whole of its manifest (docs/boot-manifest.md) and starts the system.
            List<ManifestEntry> entries = ParseHead(manifestModule.Value);
            BootModule? testModule = FindModule(boot, "manifest-test");
            // Only a boot that names test servers reads their entries: a plain boot parses none (the
            // entries stay on the kernel heap, which is never collected).
            string requested = options.Get("servers");
            // `testroot`: Init starts the servers= list from the test manifest (Servers/Init/TestRoot.cs);
            // the kernel starts Init and only Init, whatever `nosystem` says.
            bool testRoot = options.Has("testroot");
            s_entries = testModule == null || requested == null || testRoot ? new List<ManifestEntry>() : ParseHead(testModule.Value);

            if (testRoot)
            {
                if (testModule == null)
                    Log.WriteLine("servers: testroot: no module manifest-test");
                else
                {
                    ManifestEntry init = Find(entries, "init");
                    if (init == null)
                        Log.WriteLine("servers: no system entry 'init' in the boot manifest");
                    else
                        StartInit(boot, init, testModule.Value, options.Get("manifest"), requested ?? "");
                }
                if (options.Has("waves"))
                    Log.WriteLine("warning: waves=N is not in the test root yet; ignored");
                return;
            }
            ParseRequested(s_entries, requested);
            if (!options.Has("nosystem"))
            {
                ManifestEntry init = Find(entries, "init");
                if (init == null || init.Kind != ServerKind.System)
                    Log.WriteLine("servers: no system entry 'init' in the boot manifest");
                else
                {
                    BootModule? forInit = options.Has("testmanifest") ? testModule : manifestModule;
                    if (forInit == null)
                        Log.WriteLine("servers: testmanifest: no module manifest-test");
                    else
                        StartInit(boot, init, forInit.Value, options.Get("manifest"), null);
                }
            }

            string waves = options.Get("waves");
            if (waves != null && (!int.TryParse(waves, out s_wavesLeft) || s_wavesLeft < 1 || s_wavesLeft > 1000))
            {
                Log.WriteLine("warning: waves=N takes a number from 1 to 1000; running one wave");
                s_wavesLeft = 1;
            }
            s_wavesLeft = s_wavesLeft > 0 ? s_wavesLeft - 1 : 0;
            StartRequested();
        }

        // `waves=N`: once every process has ended, the servers= list starts again (a supervisor's
        // restart loop in miniature). Each wave's end is reported without allocating, so a leak of
        // frames or kernel heap between waves shows in the numbers.
        public static bool StartNextWave()
        {
            if (s_wavesLeft == 0 || s_requested.Count == 0)
                return false;
            Log.Write("wave ");
            Log.WriteDecimal(s_wave);
            Log.Write(" ended: free frames ");
            Log.WriteDecimal(PhysicalMemory.FreeFrames);
            Log.Write(", kernel heap ");
            Log.WriteDecimal(Internal.Runtime.Heap.AllocatedBytes);
            // The frames the heap took since the first process (its pools warming up) are the
            // kernel's for good; said apart, so a wave whose pools grew by a Thread across a heap
            // chunk's end is not taken for a lost frame.
            Log.Write(" bytes, ");
            Log.WriteDecimal(ProcessManager.HeapFramesKept);
            Log.Write(" frames kept by the kernel heap\n");
            s_wavesLeft--;
            s_wave++;
            StartRequested();
            return true;
        }

        private static void StartRequested()
        {
            foreach (ManifestEntry entry in s_requested)
                Start(s_boot, entry);
        }

        // "a,b*3" -> a, b, b, b (one list item per process to start).
        private static void ParseRequested(List<ManifestEntry> entries, string requested)
        {
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
                    Log.WriteLine(string.Concat("warning: no server '", name, "' in the test manifest"));
                    continue;
                }
                for (int i = 0; i < copies; i++)
                    s_requested.Add(entry);
            }
        }

        // Init gets every initial capability (Objects/InitCaps.cs) and, in its arguments, where they are.
        // `servers`: the test root's list (Init starts it), or null.
        private static void StartInit(BootInfo boot, ManifestEntry entry, BootModule manifest, string section, string servers)
        {
            string arguments = Objects.InitCaps.Arguments(boot, manifest, section);
            if (servers != null)
                arguments = string.Concat(arguments, " servers=", servers);
            // Init holds the machine minus the kernel: the root budget, less what the test servers
            // the kernel starts itself (servers=, one wave) will carve out of it. Init hands it down.
            ulong testFrames = 0;
            foreach (ManifestEntry e in s_requested)
                testFrames += (e.MemoryLimitBytes + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
            ulong root = ProcessManager.RootFreeFrames;
            ulong limitBytes = root > testFrames && (root - testFrames) * PhysicalMemory.FrameSize > entry.MemoryLimitBytes
                ? (root - testFrames) * PhysicalMemory.FrameSize : entry.MemoryLimitBytes;
            var init = new ManifestEntry
            {
                Name = entry.Name, Image = entry.Image, MemoryLimitBytes = limitBytes, HighPriority = entry.HighPriority,
                Kind = entry.Kind, Arguments = entry.Arguments.Length == 0 ? arguments : string.Concat(entry.Arguments, " ", arguments),
            };
            Process p = Start(boot, init);
            if (p != null)
                Objects.InitCaps.Grant(p, boot, manifest, s_requested);
        }

        private static Process Start(BootInfo boot, ManifestEntry entry) => Start(boot, entry, null);

        // `creator`: whose budget the entry's limit is carved out of (null: the kernel's root budget).
        private static Process Start(BootInfo boot, ManifestEntry entry, Process creator)
        {
            BootModule? module = FindModule(boot, entry.Image);
            if (module == null)
            {
                Log.Write("loader: no image '");       // in pieces: no allocation on a path a restart repeats
                Log.Write(entry.Image);
                Log.Write("' for server '");
                Log.Write(entry.Name);
                Log.Write("'\n");
                return null;
            }
            BootModule m = module.Value;
            var image = new ReadOnlySpan<byte>(PhysMap.ToVirtual(m.Start), (int)(m.End - m.Start));
            Process p = ProcessManager.Start(entry.Name, image, entry.MemoryLimitBytes, entry.HighPriority ? Priority.High : Priority.Normal, entry.Arguments, false, creator);
            if (p == null)
                return null;
            Objects.InitialCaps.Grant(p, entry);
            Log.Write("servers: started ");
            Log.Write(entry.Name);
            Log.Write(" (pid ");
            Log.WriteDecimal(p.Id);
            Log.Write(entry.Kind == ServerKind.Test ? ", test, limit " : ", system, limit ");
            Log.WriteDecimal(entry.MemoryLimitBytes >> 10);
            Log.Write(" KiB)\n");
            return p;
        }

        // A manifest entry by name, for a BootImage capability (Objects/BootImage.cs); null if none.
        public static ManifestEntry FindEntry(string name) => s_entries == null ? null : Find(s_entries, name);

        // process_start: the entry as a new process (with its manifest caps), its limit carved out of
        // the caller's, or null (logged).
        public static Process StartEntry(ManifestEntry entry, Process creator) => Start(s_boot, entry, creator);

        public static bool ModuleOf(string image, out ulong start, out ulong end)
        {
            start = end = 0;
            if (s_boot == null)
                return false;
            foreach (BootModule m in s_boot.Modules)
                if (m.Name == image)
                {
                    start = m.Start;
                    end = m.End;
                    return true;
                }
            return false;
        }

        private static List<ManifestEntry> ParseHead(BootModule module)
        {
            var errors = new List<string>();
            List<ManifestEntry> entries = BootManifest.Parse(ModuleText(module), errors, firstSectionOnly: true);
            foreach (string e in errors)
                Log.WriteLine(string.Concat("warning: ", module.Name, ": ", e));
            return entries;
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
