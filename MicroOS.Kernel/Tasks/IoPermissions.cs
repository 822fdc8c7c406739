using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Objects;

namespace MicroOS.Kernel.Tasks
{
    // The TSS I/O permission bitmap (Arch/X64/Gdt.cs) holds the ports of at most one process: the
    // last one with io_port_enable'd ranges (Objects/IoPortGrant.cs) that ran. Scheduler.SwitchTo
    // calls Load (while any process has grants: Scheduler.SwitchHooks) when the next process has
    // grants or the bitmap is in force, so:
    // - while no process has grants, a switch tests one flag; between processes without grants, two;
    // - to and from a process with grants whose bits are loaded already: one 16-bit store
    //   (IoMapBase in or out of force, Gdt.SetIoBitmapActive);
    // - to a different process with grants: its predecessor's bytes are set back to 0xFF (only the
    //   span written) and its own ports cleared, one bit per port.
    // What must stay true: whenever a ring-3 thread runs, the bitmap is in force only if its process
    // has grants, and then holds exactly that process's ports (Changed reloads it at once when a grant
    // ends while its process runs: a revoke, a delete, a kill).
    internal static unsafe class IoPermissions
    {
        private static Process s_loaded;       // whose bits are in the bitmap (null: all 0xFF)
        // Bytes [s_low, s_end) may hold cleared bits; outside them the bitmap is all 0xFF. (No field
        // initializers: a static constructor would cost a check on every switch.)
        private static int s_low, s_end;
        public static bool Active;              // IoMapBase in force
        public static ulong Reloads;            // bitmaps rewritten for another process

        public static void Load(Process p)
        {
            IoPortGrant grants = p?.IoGrants;
            if (grants == null)
            {
                if (Active)
                {
                    Gdt.SetIoBitmapActive(false);
                    Active = false;
                }
                return;
            }
            if (s_loaded != p)
            {
                Clear();
                byte* bitmap = Gdt.IoBitmap;
                for (IoPortGrant g = grants; g != null; g = g.NextOfProcess)
                {
                    int first = g.Range.First;
                    int end = first + g.Range.Count;
                    for (int port = first; port < end; port++)
                        bitmap[port >> 3] &= (byte)~(1 << (port & 7));
                    int low = first >> 3, high = ((end - 1) >> 3) + 1;
                    if (s_end == 0 || low < s_low)
                        s_low = low;
                    if (high > s_end)
                        s_end = high;
                }
                s_loaded = p;
                Reloads++;
            }
            if (!Active)
            {
                Gdt.SetIoBitmapActive(true);
                Active = true;
            }
        }

        // p's grants changed (enable, or a grant ended): forget its loaded bits, and reload them now
        // if p is the process running (a syscall or a kill returns to it without a switch).
        public static void Changed(Process p)
        {
            // The switch hook runs while any grant exists (and under `irqoff`); with none left the
            // bitmap is out of force (the running process's reload below saw to it, or it was not loaded).
            Scheduler.SwitchHooks = Preemption.Measuring || IoPortGrant.Live > 0;
            if (s_loaded == p)
            {
                Clear();
                s_loaded = null;
            }
            Thread current = Scheduler.Current;
            if (current != null && current.Process == p)
                Load(p);
        }

        private static void Clear()
        {
            byte* bitmap = Gdt.IoBitmap;
            for (int i = s_low; i < s_end; i++)
                bitmap[i] = 0xFF;
            s_low = s_end = 0;
        }
    }
}
