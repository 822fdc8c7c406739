using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The capability fuzz (docs/attack-catalogue.md, "Confinement"): CALLS random syscalls (every
    // number in the table and some past it) whose capability arguments are drawn from live slots,
    // stale slots (a thread killed, a child process killed: the object is dead) and recycled slots
    // (a stale cap whose object has since been reused by a new thread or process), with the other
    // arguments random. Every 10,000 calls the slots are churned again. The kernel must answer every
    // call with a value or an error and never panic; the suite runs one campaign, and
    // `./microos run --cmdline "nosystem exit servers=capfuzz waves=N"` runs N (each wave's seed
    // differs: the seed is mixed with the pid).
    //
    // What is left out, because it would end or wedge this process rather than test the kernel:
    // exit and thread_exit (yield instead), the blocking IPC forms (their non-blocking twins instead),
    // unmap_memory and map_memory at an address (its own heap), set_fault_handler and ipc_set_buffer
    // (its own runtime's state), and slot 1 (the boot image the churn needs) as a cap argument.
    internal static unsafe class ConfineFuzz
    {
        private const int ImageSlot = 1, RecvSlot = 100;
        private const int LiveFirst = 8, StaleFirst = 24, RecycledFirst = 32, SpareFirst = 40, SpareEnd = 48;
        private const int ChurnEvery = 10000;
        private const int LiveChild = SpareFirst + 4;
        private const ulong LastNumber = (ulong)Syscall.ProcessSetDeathNotification + 8;   // a few unknown numbers too

        private static ulong s_state;
        private static ulong s_top;
        private static byte* s_buffer;
        private static long s_live, s_stale, s_recycled, s_other;
        private static int s_children, s_threads;

        public static int Run(string seedText, string callsText)
        {
            ulong seed = ulong.TryParse(seedText, out ulong s) && s != 0 ? s : 1;
            long calls = long.TryParse(callsText, out long c) && c > 0 ? c : 1_000_000;
            s_state = seed * 0x9E3779B97F4A7C15UL ^ (ulong)Sys.ProcessId * 0xBF58476D1CE4E5B9UL;
            if (s_state == 0)
                s_state = 1;
            s_buffer = (byte*)Sys.MapMemory(4096);
            for (int i = 0; i < 4096; i++)
                s_buffer[i] = (byte)('a' + i % 26);
            byte* ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(ipc, RecvSlot);
            s_top = (ulong)Sys.MapMemory(4096) + 4096;
            Sys.Write(string.Concat("capfuzz: seed ", seed.ToString(), ", state ", s_state.ToString(), ", ", calls.ToString(), " calls"));
            long values = 0, errors = 0;
            for (long i = 0; i < calls; i++)
            {
                if (i % ChurnEvery == 0)
                    Churn((int)(i / ChurnEvery));
                ulong number = Next() % (LastNumber + 1);
                ulong a0 = Next() % 3 == 0 ? Argument() : Slot();
                ulong a1 = Next() % 2 == 0 ? Slot() : Argument();
                ulong a2 = Argument(), a3 = Argument();
                switch ((Syscall)number)
                {
                    case Syscall.Exit:
                    case Syscall.ThreadExit:
                    case Syscall.UnmapMemory:
                    case Syscall.SetFaultHandler:
                    case Syscall.IpcSetBuffer:
                        number = (ulong)Syscall.Yield;
                        break;
                    case Syscall.MapMemory:
                        a0 %= 3 * 4096 + 1;
                        a1 = 0;
                        break;
                    case Syscall.Sleep:
                        a0 %= 2;
                        break;
                    case Syscall.DebugWrite:
                        // Mostly refused pointers; a valid short line once in 16 (the log stays readable).
                        if (a1 % 16 == 0)
                        {
                            a0 = (ulong)s_buffer;
                            a1 = 8;
                        }
                        else if (a0 >= (ulong)s_buffer && a0 < (ulong)s_buffer + 4096)
                            a0 = 0;
                        break;
                    case Syscall.EndpointSend:
                    case Syscall.EndpointCall:
                        number = (ulong)Syscall.EndpointNBSend;
                        break;
                    case Syscall.EndpointRecv:
                    case Syscall.EndpointReplyRecv:
                        number = (ulong)Syscall.EndpointNBRecv;
                        break;
                    case Syscall.NotificationWait:
                        number = (ulong)Syscall.NotificationPoll;
                        break;
                }
                // What outlives its capability (objects live as long as this process, heap pages
                // until unmapped) is capped, so the campaign never spends its own limit and the
                // churn keeps finding memory for new threads and processes.
                int grows = Grows(number);
                if (grows >= 0 && s_grown[grows] >= GrowthCap[grows])
                    a0 = number == (ulong)Syscall.MapMemory ? ulong.MaxValue : 1000;      // refused: too long, or no such slot
                if (number == (ulong)Syscall.FrameCreate)
                    a1 = 1 + a1 % 2;
                if (a0 == ImageSlot)
                    a0 = ImageSlot + 1;
                // The live child's Process cap stays where the churn and the end find it: a suspended
                // child nobody can name again would never end, and neither would the machine.
                if (a0 == LiveChild)
                    a0 = LiveChild + 1;
                if (a1 == LiveChild)
                    a1 = LiveChild + 1;
                if (a1 == ImageSlot && number >= (ulong)Syscall.CapCopy && number <= (ulong)Syscall.CapRevoke)
                    a1 = ImageSlot + 1;
                long result = Sys.Raw(number, a0, a1, a2, a3);
                if (result < 0) errors++; else values++;
                if (result >= 0 && grows >= 0)
                    s_grown[grows]++;
            }
            // Every child it still names ends (a Process cap may have moved anywhere in the table).
            for (int slot = 0; slot < 128; slot++)
                if (CapInfo.TypeOf(Caps.Inspect(slot, out _)) == CapType.Process)
                    Ipc.Syscall4(Syscall.ProcessKill, (ulong)slot, 0, 0, 0, out _);
            Sys.Write(string.Concat("capfuzz: ", calls.ToString(), " calls, ", values.ToString(), " values, ", errors.ToString(), " error codes; ",
                string.Concat("cap arguments: ", s_live.ToString(), " live, ", s_stale.ToString(), " stale, ", s_recycled.ToString(), " recycled, ",
                    s_other.ToString(), " other; "),
                string.Concat(s_threads.ToString(), " threads and ", s_children.ToString(), " processes recycled; still alive")));
            return 0;
        }

        // Endpoints, notifications, frames (1-2 pages), 12 KiB heap mappings: ~2 MiB of the 8 MiB limit.
        private static readonly int[] GrowthCap = { 2000, 2000, 200, 64 };
        private static readonly int[] s_grown = new int[4];

        private static int Grows(ulong number)
        {
            switch ((Syscall)number)
            {
                case Syscall.EndpointCreate: return 0;
                case Syscall.NotificationCreate: return 1;
                case Syscall.FrameCreate: return 2;
                case Syscall.MapMemory: return 3;
                default: return -1;
            }
        }

        // A capability argument: a live slot, a stale one, a recycled one, or any slot at all.
        private static ulong Slot()
        {
            switch (Next() % 10)
            {
                case 0: case 1: case 2: case 3:
                    s_live++;
                    return LiveFirst + Next() % (StaleFirst - LiveFirst);
                case 4: case 5:
                    s_stale++;
                    return StaleFirst + Next() % (RecycledFirst - StaleFirst);
                case 6: case 7:
                    s_recycled++;
                    return RecycledFirst + Next() % (SpareFirst - RecycledFirst);
                default:
                    s_other++;
                    return Next() % 10 == 0 ? Next() : Next() % 130;
            }
        }

        private static ulong Argument()
        {
            switch (Next() % 8)
            {
                case 0: return 0;
                case 1: return 0xFFFF_FFFF_8010_0000 + Next() % 0x100000;       // kernel image
                case 2: return 0x8000_0000_0000_0000 | Next();                 // non-canonical
                case 3: return (ulong)s_buffer + Next() % 4096;                // valid (any alignment)
                case 4: return Next() % 0x200;                                 // small: slots, rights, widths, counts
                case 5: return FrameCap.WindowBase + (Next() % 64) * 4096;     // the frame window
                case 6: return ulong.MaxValue - Next() % 0x10000;              // huge
                default: return Next();
            }
        }

        // Live: endpoints, notifications, frames, suspended threads and copies in 8..23. Stale: threads
        // killed and a child process killed, their objects free (24..31). Recycled: a stale cap whose
        // object a new thread or process has taken since (32..39); the new ones sit in 40..47.
        private static void Churn(int round)
        {
            for (int slot = StaleFirst; slot < SpareEnd; slot++)
            {
                Kill(slot);
                Caps.Delete(slot);
            }
            // Recycled threads: made and killed in 32..35, their objects taken again by 40..43.
            for (int k = 0; k < 4; k++)
                if (Thread(RecycledFirst + k) >= 0)
                    Kill(RecycledFirst + k);
            for (int k = 0; k < 4; k++)
                if (Thread(SpareFirst + k) >= 0)
                    s_threads++;
            // Stale threads: made and killed in 24..27.
            for (int k = 0; k < 4; k++)
                if (Thread(StaleFirst + k) >= 0)
                    Kill(StaleFirst + k);
            // Processes (every fourth round: loading an image is the costly part): a child killed in
            // 36 whose Process object the next child (44) takes once the scheduler reaped it, and one
            // killed in 28 that stays stale.
            if (round % 4 == 0)
            {
                if (Child(RecycledFirst + 4) >= 0)
                    Kill(RecycledFirst + 4);
                Sys.Sleep(20);
                if (Child(SpareFirst + 4) >= 0)
                    s_children++;
                if (Child(StaleFirst + 4) >= 0)
                    Kill(StaleFirst + 4);
            }
            // Refill the live slots the fuzz emptied.
            for (int slot = LiveFirst; slot < StaleFirst; slot++)
            {
                if (Caps.Inspect(slot, out _) >= 0)
                    continue;
                int kind = (slot - LiveFirst) / 4;
                if (kind == 0) Caps.CreateEndpoint(slot);
                else if (kind == 1) Caps.CreateNotification(slot);
                else if (kind == 2) Caps.CreateFrame(slot, 1);
                else Thread(slot);
            }
        }

        private static long Thread(int slot) => Ipc.Syscall4(Syscall.ThreadCreate, (ulong)slot, Confine.ExitEntry(), s_top, 0, out _);

        private static long Child(int slot) =>
            new BootImageCap(ImageSlot).Create(slot, "cf-fuzzed confine child idle", Confine.ChildBytes, false);

        // A thread or a process, whichever the slot holds.
        private static void Kill(int slot)
        {
            if (Ipc.Syscall4(Syscall.ThreadKill, (ulong)slot, 0, 0, 0, out _) == (long)SyscallError.WrongType)
                Ipc.Syscall4(Syscall.ProcessKill, (ulong)slot, 0, 0, 0, out _);
        }

        private static ulong Next()
        {
            s_state ^= s_state << 13;
            s_state ^= s_state >> 7;
            s_state ^= s_state << 17;
            return s_state;
        }
    }
}
