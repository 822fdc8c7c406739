using System.Collections.Generic;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // io_port_enable (HardwareSyscalls.PortEnable): the process reaches an IoPortRange's ports with
    // plain `in`/`out`, through the TSS I/O permission bitmap (Tasks/IoPermissions.cs), instead of one
    // checked syscall per access. A grant belongs to one capability slot of one process and ends with
    // it, however that goes:
    // - the cap leaves the slot (cap_delete, cap_revoke of an ancestor, cap_move, the process's end):
    //   the slot's Watcher is this grant (CapTable.Clear calls CapRemoved);
    // - the IoPortRange dies (its owner ended): IoPortRange.OnDestroy calls RangeDestroyed;
    // - the process ends: ProcessObjects.OnProcessEnd calls DisableAll (a backstop: the caps went already).
    // Each end rewrites the TSS bitmap at once if it holds this process's bits, so the next `in` from
    // a port no longer granted faults (#GP) like any other.
    internal sealed class IoPortGrant : CapWatcher
    {
        public const int MaxPerProcess = 8;
        private static readonly List<IoPortGrant> s_free = new List<IoPortGrant>(16);
        public static int Live;             // grants in force, all processes (Scheduler.SwitchHooks while > 0)

        public Process Process;
        public CapSlot Slot;
        public IoPortRange Range;
        public IoPortGrant NextOfProcess;   // Process.IoGrants
        public IoPortGrant NextOfRange;     // IoPortRange.Grants

        // Decoded already: `slot` is the caller's live IoPortRange cap with Read and Write.
        public static long Enable(Process p, CapSlot slot)
        {
            if (slot.Watcher is IoPortGrant)
                return 0;                           // enabled already: nothing changes
            if (slot.Watcher != null)
                return (long)SyscallError.InvalidArgument;
            int count = 0;
            for (IoPortGrant g = p.IoGrants; g != null; g = g.NextOfProcess)
                count++;
            if (count == MaxPerProcess)
                return (long)SyscallError.OutOfRange;
            IoPortGrant grant;
            if (s_free.Count > 0)
            {
                grant = s_free[s_free.Count - 1];
                s_free.RemoveAt(s_free.Count - 1);
            }
            else
            {
                grant = new IoPortGrant();
            }
            var range = (IoPortRange)slot.Object;
            grant.Process = p;
            grant.Slot = slot;
            grant.Range = range;
            grant.NextOfProcess = p.IoGrants;
            p.IoGrants = grant;
            grant.NextOfRange = range.Grants;
            range.Grants = grant;
            slot.Watcher = grant;
            Live++;
            IoPermissions.Changed(p);
            return 0;
        }

        public override void CapRemoved(CapSlot slot) => Disable();

        public static void RangeDestroyed(IoPortRange range)
        {
            while (range.Grants != null)
                range.Grants.Disable();
        }

        public static void DisableAll(Process p)
        {
            while (p.IoGrants != null)
                p.IoGrants.Disable();
        }

        private void Disable()
        {
            Process p = Process;
            Unlink(ref p.IoGrants, this, process: true);
            Unlink(ref Range.Grants, this, process: false);
            if (Slot.Watcher == this)
                Slot.Watcher = null;
            Process = null;
            Slot = null;
            Range = null;
            s_free.Add(this);
            Live--;
            IoPermissions.Changed(p);
        }

        private static void Unlink(ref IoPortGrant head, IoPortGrant grant, bool process)
        {
            if (head == grant)
            {
                head = process ? grant.NextOfProcess : grant.NextOfRange;
            }
            else
            {
                for (IoPortGrant g = head; g != null; g = process ? g.NextOfProcess : g.NextOfRange)
                {
                    IoPortGrant next = process ? g.NextOfProcess : g.NextOfRange;
                    if (next != grant)
                        continue;
                    if (process)
                        g.NextOfProcess = grant.NextOfProcess;
                    else
                        g.NextOfRange = grant.NextOfRange;
                    break;
                }
            }
            if (process)
                grant.NextOfProcess = null;
            else
                grant.NextOfRange = null;
        }
    }
}
