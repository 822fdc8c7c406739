using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Confinement (MicroOS.Tests/Boot/ConfinementTests.cs, docs/attack-catalogue.md "Confinement"):
    //   recycle            every long-lived kernel reference × its target's death × the target's object
    //                      reused by a new process, then the old reference used (one scenario per kind)
    //   budget             limits are budgets: a child bigger than what its creator has left is refused,
    //                      and an ended child's limit comes back
    //   hog KIND           creates KIND (endpoint, notification, frame, thread, memory) until its own
    //                      limit says OutOfMemory, then stays; signals bit BIT of its `hogdone` cap
    //   bystander          creates one of each kind per round and deletes it; every round must succeed,
    //                      during the hogs and after all of them reached their limits
    //   fuzz SEED CALLS    random syscalls with capability arguments from live, stale and recycled slots (ConfineFuzz.cs)
    //   churn              children that fill their limits with one kind of object after another,
    //                      round after round; signals bit 1 of its `churndone` cap when done
    //   churn-bystander    creates one of each kind per round until `churndone`, and 5 rounds after
    //   child ROLE ...     what the scenarios start (process_create of this image)
    internal static unsafe class Confine
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("confine_exit_entry_address")]
        internal static extern ulong ExitEntry();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("confine_ud")]
        private static extern void Ud();

        private const int Image = 1, Ports = 2, Irq = 3;        // manifest caps (test-manifest.txt)
        private const int Ep = 20, Death = 21, Sync = 22, RecvSlot = 60;
        // A child's limit: the probe image (308 KiB with the trace, call and lab probes) and its start
        // (stack, arguments, first heap, page tables: 528 KiB in all) must fit; 512 KiB until then.
        // (The real fix is smaller test images, issue 16 item 7.)
        public const ulong ChildBytes = 640 * 1024;
        // The recycle scenarios' children create kernel objects and map memory: past the probe
        // image's growth (600 KB with the storage and timer probes) 512 KiB leaves them no room.
        private const ulong WorkingChildBytes = 768 * 1024;
        private static ulong s_childBytes = ChildBytes;

        public static int Run(string[] args)
        {
            string role = args.Length > 1 ? args[1] : "";
            switch (role)
            {
                case "recycle": s_childBytes = WorkingChildBytes; return Recycle();
                case "budget": return Budget();
                case "hog": return Hog(args.Length > 2 ? args[2] : "", args.Length > 3 && int.TryParse(args[3], out int bit) ? bit : 0);
                case "bystander": return Bystander();
                case "fuzz": return ConfineFuzz.Run(args.Length > 2 ? args[2] : "1", args.Length > 3 ? args[3] : "1000000");
                case "churn": return Churn();
                case "churn-bystander": return ChurnBystander();
                case "child": return Child(args);
            }
            Say(string.Concat("unknown role '", role, "'"));
            return 2;
        }

        private static void Say(string text) => Sys.Write(string.Concat("confine: ", text));

        // --- The scenarios' children.
        private static int Child(string[] args)
        {
            string role = args.Length > 2 ? args[2] : "";
            string arg = args.Length > 3 ? args[3] : "";
            switch (role)
            {
                case "idle":
                    return 0;
                case "sleep":
                    while (true)
                        Sys.Sleep(1000);
                case "lender":
                    // Slot 1: the borrower's Process cap; slot 2: a capability of the parent's. Lend it, end.
                    Say(string.Concat("lender: lend -> ", new ProcessCap(1).Lend(2, 5).ToString()));
                    return 0;
                case "check":
                {
                    int slot = int.Parse(arg);
                    Say(string.Concat("check: slot ", arg, " -> ", Caps.Inspect(slot, out _).ToString()));
                    return 0;
                }
                case "caller":
                {
                    var m = new Message(1, ulong.Parse(arg));
                    long r = new Endpoint(1).Call(ref m);
                    Say(string.Concat("caller ", arg, ": call -> ", r.ToString(), ", reply ", m.W0.ToString()));
                    return 0;
                }
                case "owner":
                {
                    // An object of its own, sent to the parent over slot 1; then it lives until killed.
                    long made = arg == "endpoint" ? Caps.CreateEndpoint(10) : Caps.CreateNotification(10);
                    var m = new Message(2) { Tag = MessageTag.WithCap(2, 10) };
                    long r = new Endpoint(1).Call(ref m);
                    Say(string.Concat("owner ", arg, ": create -> ", made.ToString(), ", sent -> ", r.ToString()));
                    while (true)
                        Sys.Sleep(1000);
                }
                case "signal-own":
                {
                    // A fresh notification (the pool's last freed one), signalled; then the parent hears of it.
                    long made = Caps.CreateNotification(10);
                    long signalled = new Notification(10).Signal();
                    new Notification(2).Signal();
                    Say(string.Concat("signal-own: create -> ", made.ToString(), ", signal -> ", signalled.ToString()));
                    while (true)
                        Sys.Sleep(1000);
                }
                case "sender":
                {
                    var m = new Message(3, 7);
                    Say(string.Concat("sender: send -> ", new Endpoint(1).Send(ref m).ToString()));
                    return 0;
                }
                case "fault":
                    Ud();
                    return 0;
                case "half-built":
                {
                    // Creates a child and ends without resuming it (slot 1: the parent's boot image).
                    long pid = new BootImageCap(1).Create(10, "cf-orphan confine child sleep", ChildBytes, false);
                    Say(string.Concat("half-built: created a child -> ", pid > 0 ? "ok" : pid.ToString(), ", ending without resuming it"));
                    return 0;
                }
                case "io-enable":
                {
                    long enabled = new IoPorts(1).Enable();
                    IoPorts.Out8(0x3FF, 0x5A);
                    Say(string.Concat("io-enable: enable -> ", enabled.ToString(), ", scratch ", IoPorts.In8(0x3FF).ToString()));
                    return 0;
                }
                case "fill":
                    return Fill(arg);
                case "io-try":
                    Say("io-try: in from port 0x3ff without a grant");
                    byte b = IoPorts.In8(0x3FF);
                    Say(string.Concat("io-try: read ", b.ToString(), " (must not happen)"));
                    return 0;
            }
            Say(string.Concat("unknown child role '", role, "'"));
            return 2;
        }

        private static long Create(int slot, string role, ulong bytes = 0)
        {
            if (bytes == 0)
                bytes = s_childBytes;
            string name = string.Concat("cf-", role.Split(' ')[0]);
            long pid = new BootImageCap(Image).Create(slot, string.Concat(name, " confine child ", role), bytes, false);
            if (pid < 0)
                Say(string.Concat("create ", name, " -> ", pid.ToString()));
            return pid;
        }

        private static bool WaitDead(int slot)
        {
            for (int i = 0; i < 4000; i++)
            {
                if (new ProcessCap(slot).Inspect() == (long)SyscallError.ObjectGone)
                    return true;
                Sys.Sleep(5);
            }
            return false;
        }

        // Lets the scheduler reap ended threads, so their Process objects go back to the pool.
        private static void Settle() => Sys.Sleep(30);

        // --- recycle
        private static int Recycle()
        {
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, RecvSlot);
            Caps.CreateEndpoint(Ep);
            Caps.CreateNotification(Death);
            Caps.CreateNotification(Sync);
            Loan();
            ProcessCaps();
            DeathNotice();
            FaultEndpoint();
            Bound();
            ReplyTarget();
            Queue();
            IoGrant();
            ThreadCaps();
            IrqRoute();
            Say("recycle: done");
            return 0;
        }

        // A loan whose lender ended: its table goes to the next new process; the loan must not.
        private static void Loan()
        {
            Create(30, "idle");                                         // the borrower, never run
            Create(31, "lender");
            var lender = new ProcessCap(31);
            lender.Transfer(30, 1, CapRights.Manage);
            lender.Transfer(Ep, 2, CapRights.All);
            lender.Resume();
            WaitDead(31);
            Settle();
            Create(32, "check 2");                                      // takes the lender's recycled table
            long killed = new ProcessCap(30).Kill();                    // the borrower ends: the loan looks for its lender
            new ProcessCap(32).Resume();
            WaitDead(32);
            Say(string.Concat("loan: borrower killed -> ", killed.ToString()));
        }

        // A Process cap to an ended process, its Process object reused by a new one.
        private static void ProcessCaps()
        {
            Create(33, "idle");
            new ProcessCap(33).Kill();
            Settle();
            Create(34, "sleep");
            new ProcessCap(34).Resume();
            long inspect = new ProcessCap(33).Inspect(), kill = new ProcessCap(33).Kill();
            bool alive = new ProcessCap(34).Inspect() > 0;
            new ProcessCap(34).Kill();
            Say(string.Concat("process cap: old inspect -> ", inspect.ToString(), ", old kill -> ", kill.ToString(), ", new one alive ", alive ? "yes" : "no"));
        }

        // A death notification set on an ended process must not fire for the next one in its place.
        private static void DeathNotice()
        {
            var death = new Notification(Death);
            Create(35, "idle");
            new ProcessCap(35).SetDeathNotification(death, 1);
            new ProcessCap(35).Kill();
            long first = death.Poll(out ulong bits);
            Create(36, "idle");
            new ProcessCap(36).Kill();
            long second = death.Poll(out _);
            Say(string.Concat("death notification: first end -> ", first.ToString(), " bits ", bits.ToString(), ", next process's end -> ", second.ToString()));
        }

        // A fault endpoint set on an ended process must not catch the faults of the next one.
        private static void FaultEndpoint()
        {
            var ep = new Endpoint(Ep);
            Create(37, "fault");
            new ProcessCap(37).SetFaultEndpoint(ep);
            new ProcessCap(37).Resume();
            ep.Receive(out Message fault);
            new ProcessCap(37).Kill();
            Settle();
            Create(38, "fault");
            new ProcessCap(38).Resume();
            WaitDead(38);
            long after = ep.TryReceive(out _);
            Say(string.Concat("fault endpoint: first fault label ", fault.Label == KernelLabels.Fault ? "fault" : fault.Label.ToString(),
                ", next process's fault -> ", after.ToString()));
        }

        // A bound notification that died: a new notification from its pool must not wake this thread.
        private static void Bound()
        {
            var ep = new Endpoint(Ep);
            Create(39, "owner notification");
            new ProcessCap(39).Transfer(Ep, 1, CapRights.Write | CapRights.Grant);
            new ProcessCap(39).Resume();
            ep.Receive(out Message m);
            Ipc.Reply(ref m);
            Caps.Move(RecvSlot, 50);
            long bind = new Notification(50).BindToThisThread();
            new Notification(50).Signal();
            long first = ep.TryReceive(out _);
            new ProcessCap(39).Kill();
            Settle();
            Create(40, "signal-own");
            new ProcessCap(40).Transfer(Sync, 2, CapRights.Write);
            new ProcessCap(40).Resume();
            new Notification(Sync).Wait(out _);
            long after = ep.TryReceive(out _);
            new ProcessCap(40).Kill();
            Say(string.Concat("bound notification: bind -> ", bind.ToString(), ", its signal -> ", first.ToString(),
                ", a recycled one's signal -> ", after.ToString()));
        }

        // A reply owed to a killed caller must not reach the next caller.
        private static void ReplyTarget()
        {
            var ep = new Endpoint(Ep);
            Create(41, "caller 1");
            new ProcessCap(41).Transfer(Ep, 1, CapRights.Write);
            new ProcessCap(41).Resume();
            ep.Receive(out Message first);
            new ProcessCap(41).Kill();
            Settle();
            Create(42, "caller 2");
            new ProcessCap(42).Transfer(Ep, 1, CapRights.Write);
            new ProcessCap(42).Resume();
            Settle();
            var stale = new Message(3, 100);
            long staleReply = Ipc.Reply(ref stale);
            ep.Receive(out Message second);
            var answer = new Message(3, 200);
            Ipc.Reply(ref answer);
            WaitDead(42);
            Say(string.Concat("reply target: first call ", first.W0.ToString(), ", reply to the killed caller -> ", staleReply.ToString(),
                ", second call ", second.W0.ToString()));
        }

        // A sender queued on an endpoint that died must not be found on the recycled endpoint.
        private static void Queue()
        {
            var ep = new Endpoint(Ep);
            Create(43, "owner endpoint");
            new ProcessCap(43).Transfer(Ep, 1, CapRights.Write | CapRights.Grant);
            new ProcessCap(43).Resume();
            ep.Receive(out Message m);
            Ipc.Reply(ref m);
            Caps.Move(RecvSlot, 51);
            Create(44, "sender");
            new ProcessCap(44).Transfer(51, 1, CapRights.Write);
            new ProcessCap(44).Resume();
            Settle();
            new ProcessCap(43).Kill();
            WaitDead(44);
            Settle();
            Create(45, "owner endpoint");
            new ProcessCap(45).Transfer(Ep, 1, CapRights.Write | CapRights.Grant);
            new ProcessCap(45).Resume();
            ep.Receive(out Message again);
            Ipc.Reply(ref again);
            Caps.Move(RecvSlot, 52);
            long queued = new Endpoint(52).TryReceive(out _);
            new ProcessCap(45).Kill();
            Say(string.Concat("waiting queue: the recycled endpoint's queue -> ", queued.ToString()));
        }

        // The I/O bitmap of an ended process must not serve the next process in its place.
        private static void IoGrant()
        {
            Create(46, "io-enable");
            new ProcessCap(46).Transfer(Ports, 1, CapRights.All);
            new ProcessCap(46).Resume();
            WaitDead(46);
            Settle();
            Create(47, "io-try");
            new ProcessCap(47).Resume();
            WaitDead(47);
            Say("io grant: done");
        }

        // A Thread cap to an ended thread, its object reused by a new thread.
        private static void ThreadCaps()
        {
            byte* stack = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)stack + 4096;
            Ipc.Syscall4(Syscall.ThreadCreate, 53, ExitEntry(), top, 0, out _);
            Ipc.Syscall4(Syscall.ThreadKill, 53, 0, 0, 0, out _);
            long made = Ipc.Syscall4(Syscall.ThreadCreate, 54, ExitEntry(), top, 0, out _);
            long inspect = Ipc.Syscall4(Syscall.ThreadInspect, 53, 0, 0, 0, out _);
            long kill = Ipc.Syscall4(Syscall.ThreadKill, 53, 0, 0, 0, out _);
            long fresh = Ipc.Syscall4(Syscall.ThreadInspect, 54, 0, 0, 0, out _);
            Ipc.Syscall4(Syscall.ThreadKill, 54, 0, 0, 0, out _);
            Say(string.Concat("thread cap: old inspect -> ", inspect.ToString(), ", old kill -> ", kill.ToString(),
                ", new one -> ", fresh == made ? "its tid" : fresh.ToString()));
        }

        // An IRQ route to a notification that died: a new process's notification (made in the
        // same kind of memory, maybe the same page) must not hear the line; a live one does.
        private static void IrqRoute()
        {
            var ports = new IoPorts(Ports);
            var irq = new IrqLineCap(Irq);
            long routed = irq.SetNotification(new Notification(ReceiveOwned(48, 55)));
            long first = FireCom1(ports, new Notification(55), out ulong firstBits);
            irq.Acknowledge();
            new ProcessCap(48).Kill();
            Settle();
            ReceiveOwned(49, 56);
            long second = FireCom1(ports, new Notification(56), out _);
            irq.Acknowledge();
            Caps.CreateNotification(57);
            long rerouted = irq.SetNotification(new Notification(57));
            long third = FireCom1(ports, new Notification(57), out ulong thirdBits);
            irq.Acknowledge();
            new ProcessCap(49).Kill();
            Say(string.Concat("irq route: route -> ", routed.ToString(), ", fired -> ", first.ToString(), " bits ", firstBits.ToString(),
                "; its notification's owner killed, a new one's notification -> ", second.ToString(),
                "; routed to a live one -> ", rerouted.ToString(), ", fired -> ", third.ToString(), " bits ", thirdBits.ToString()));
        }

        // A child ("owner notification") that creates a notification and sends it here: its cap in `slot`.
        private static int ReceiveOwned(int childSlot, int slot)
        {
            var ep = new Endpoint(Ep);
            Create(childSlot, "owner notification");
            new ProcessCap(childSlot).Transfer(Ep, 1, CapRights.Write | CapRights.Grant);
            new ProcessCap(childSlot).Resume();
            ep.Receive(out Message m);
            Ipc.Reply(ref m);
            Caps.Move(RecvSlot, slot);
            return slot;
        }

        // COM1 (the drivers' port; the kernel logs on COM2) raises IRQ 4 once its transmit holding
        // register is empty and that interrupt is enabled: a line a test can raise at will. Waits
        // up to 200 ms for `n` to be signalled, then disables the interrupt again.
        internal static long FireCom1(IoPorts ports, Notification n, out ulong bits)
        {
            const ushort InterruptEnable = 0x3F9, InterruptId = 0x3FA, ModemControl = 0x3FC;
            ports.Read8(InterruptId);
            ports.Write8(ModemControl, 0x0B);           // DTR, RTS, OUT2 (the UART's line to the PIC)
            ports.Write8(InterruptEnable, 0x02);        // transmit holding register empty
            long r = (long)SyscallError.WouldBlock;
            bits = 0;
            for (int i = 0; i < 40 && r != 0; i++)
            {
                Sys.Sleep(5);
                r = n.Poll(out bits);
            }
            ports.Write8(InterruptEnable, 0x00);
            ports.Read8(InterruptId);
            return r;
        }

        // --- budget
        private static int Budget()
        {
            long big = Create(30, "idle", 8 * 1024 * 1024);
            long fit = Create(31, "idle");
            new ProcessCap(31).Resume();
            WaitDead(31);
            // Three children at once take 1.875 MiB of this process's 3.5 MiB (less its own use, ≈ 580 KiB)...
            long a = Create(32, "sleep"), b = Create(33, "sleep"), c = Create(34, "sleep");
            // ...so a fourth and fifth of 1 MiB each cannot both fit.
            long d = Create(35, "sleep", 1024 * 1024), e = Create(36, "sleep", 1024 * 1024);
            for (int s = 32; s <= 36; s++)
                new ProcessCap(s).Kill();
            // Every limit came back: the same again succeeds.
            long again = Create(37, "sleep", 1024 * 1024);
            new ProcessCap(37).Kill();
            // A child that creates a grandchild and ends before resuming it: the grandchild ends too.
            // 1.5 MiB: its own image and heap (the probe image's) plus the grandchild's 640 KiB.
            Create(38, "half-built", 1536 * 1024);
            new ProcessCap(38).Transfer(Image, 1, CapRights.Write);
            new ProcessCap(38).Resume();
            WaitDead(38);
            Say(string.Concat("budget: 8 MiB child -> ", Name(big), ", ", (ChildBytes / 1024).ToString(), " KiB child -> ", Name(fit), ", three more -> ",
                Name(a), " ", Name(b), " ", Name(c), ", then 1 MiB twice -> ", Name(d), " ", Name(e), ", after the kills 1 MiB -> ", Name(again)));
            return 0;
        }

        private static string Name(long r) => r >= 0 ? "ok" : r == (long)SyscallError.OutOfMemory ? "OutOfMemory" : r.ToString();

        // --- exhaustion
        private const int Slot = 10, ThreadSlot = 11, DoneSlot = 1;

        private static int Hog(string kind, int bit)
        {
            byte* stack = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)stack + 4096;
            long made = 0, error = 0;
            while (true)
            {
                switch (kind)
                {
                    case "endpoint": error = Caps.CreateEndpoint(Slot); break;
                    case "notification": error = Caps.CreateNotification(Slot); break;
                    case "frame": error = Caps.CreateFrame(Slot, 1); break;
                    case "thread": error = Ipc.Syscall4(Syscall.ThreadCreate, ThreadSlot, ExitEntry(), top, 0, out _); break;
                    case "memory": error = Sys.MapMemory(64 * 1024) == null ? (long)SyscallError.OutOfMemory : 0; break;
                    default:
                        Say(string.Concat("hog: unknown kind '", kind, "'"));
                        return 2;
                }
                if (error < 0)
                    break;
                made++;
                // The object lives on (objects live as long as their owner; threads stay suspended).
                Caps.Delete(kind == "thread" ? ThreadSlot : Slot);
            }
            Say(string.Concat("hog ", kind, ": ", made.ToString(), " made, then ", Name(error)));
            new Notification(DoneSlot).Signal();
            while (true)
                Sys.Sleep(1000);
        }

        // --- churn: every kind of object, filled to a child's limit, one kind after another, round
        // after round. Each child ends, and with it every object it made: the kernel must be left
        // as it was (the test compares the kernel's wave lines and the frames free at the end).
        private const int ChurnRounds = 3;
        private const ulong FillBytes = 1536 * 1024;
        private const int ChurnDoneSlot = 2;        // the churner's `churndone` (slot 1 is its boot image)
        private static readonly string[] s_kinds = { "endpoint", "notification", "frame", "thread" };

        private static int Churn()
        {
            Sys.SystemInfo(out ulong before, out _, out _);
            for (int round = 1; round <= ChurnRounds; round++)
            {
                foreach (string kind in s_kinds)
                {
                    if (Create(30, string.Concat("fill ", kind), FillBytes) < 0)
                        return 1;
                    new ProcessCap(30).Resume();
                    WaitDead(30);
                    Caps.Delete(30);
                }
                // Processes themselves: four at once, each with its capability table and first object page.
                for (int s = 31; s < 35; s++)
                    Create(s, "idle");
                for (int s = 31; s < 35; s++)
                {
                    new ProcessCap(s).Resume();
                    WaitDead(s);
                    Caps.Delete(s);
                }
                Settle();
                Sys.SystemInfo(out ulong free, out _, out _);
                Say(string.Concat("churn: round ", round.ToString(), " done: free frames ", free.ToString(), " (before the first: ", before.ToString(), ")"));
            }
            new Notification(ChurnDoneSlot).Signal();
            Say(string.Concat("churn: done, ", ChurnRounds.ToString(), " rounds"));
            return 0;
        }

        // A child's whole limit spent on one kind of object; it ends, and they all go with it.
        private static int Fill(string kind)
        {
            byte* stack = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)stack + 4096;
            long made = 0, error;
            while (true)
            {
                switch (kind)
                {
                    case "endpoint": error = Caps.CreateEndpoint(Slot); break;
                    case "notification": error = Caps.CreateNotification(Slot); break;
                    case "frame": error = Caps.CreateFrame(Slot, 1); break;
                    case "thread": error = Ipc.Syscall4(Syscall.ThreadCreate, ThreadSlot, ExitEntry(), top, 0, out _); break;
                    default:
                        Say(string.Concat("fill: unknown kind '", kind, "'"));
                        return 2;
                }
                if (error < 0)
                    break;
                made++;
                Caps.Delete(kind == "thread" ? ThreadSlot : Slot);
            }
            Say(string.Concat("fill ", kind, ": ", made.ToString(), " made, then ", Name(error)));
            return 0;
        }

        private static int ChurnBystander()
        {
            byte* stack = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)stack + 4096;
            var done = new Notification(DoneSlot);
            int rounds = 0, failures = 0, after = -1;
            // Until the churn is done, and 5 rounds after. Its objects live as long as it does: a
            // frame (a page of its limit) only in the first 200 rounds, so however long the churn
            // takes, the bystander's own limit is never what stops it.
            while (after < 5)
            {
                // Done: signalled, or gone with the churner (its owner, if the churner started first).
                long polled = after < 0 ? done.Poll(out _) : 0;
                if (after < 0 && (polled == 0 || polled == (long)SyscallError.ObjectGone))
                    after = 0;
                long e = Caps.CreateEndpoint(Slot);
                long n = Caps.CreateNotification(Slot + 1);
                long f = rounds < 200 ? Caps.CreateFrame(Slot + 2, 1) : 0;
                long t = Ipc.Syscall4(Syscall.ThreadCreate, ThreadSlot + 2, ExitEntry(), top, 0, out _);
                long k = t < 0 ? t : Ipc.Syscall4(Syscall.ThreadKill, ThreadSlot + 2, 0, 0, 0, out _);
                if (e < 0 || n < 0 || f < 0 || t < 0 || k < 0)
                {
                    failures++;
                    Say(string.Concat("churn-bystander: round ", rounds.ToString(), " failed: endpoint ", e.ToString(), ", notification ", n.ToString(),
                        ", frame ", f.ToString(), ", thread ", t.ToString(), ", kill ", k.ToString()));
                }
                for (int s = Slot; s <= ThreadSlot + 2; s++)
                    Caps.Delete(s);
                rounds++;
                if (after >= 0)
                    after++;
                Sys.Sleep(40);
            }
            Say(string.Concat("churn-bystander: ", rounds.ToString(), " rounds, ", failures.ToString(), " failed, ", (after < 0 ? 0 : after).ToString(), " after the churn"));
            return 0;
        }

        private static int Bystander()
        {
            const ulong AllHogs = 31;                   // five hogs, badges 1, 2, 4, 8, 16
            byte* stack = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)stack + 4096;
            var done = new Notification(DoneSlot);
            ulong seen = 0;
            int rounds = 0, failures = 0, after = 0;
            while (after < 20 && rounds < 250)
            {
                if (done.Poll(out ulong bits) == 0)
                    seen |= bits;
                bool allDone = seen == AllHogs;
                long e = Caps.CreateEndpoint(Slot);
                long n = Caps.CreateNotification(Slot + 1);
                long f = Caps.CreateFrame(Slot + 2, 1);
                long t = Ipc.Syscall4(Syscall.ThreadCreate, ThreadSlot + 2, ExitEntry(), top, 0, out _);
                long k = t < 0 ? t : Ipc.Syscall4(Syscall.ThreadKill, ThreadSlot + 2, 0, 0, 0, out _);
                if (e < 0 || n < 0 || f < 0 || t < 0 || k < 0)
                {
                    failures++;
                    Say(string.Concat("bystander: round ", rounds.ToString(), " failed: endpoint ", e.ToString(), ", notification ", n.ToString(),
                        ", frame ", f.ToString(), ", thread ", t.ToString(), ", kill ", k.ToString()));
                }
                for (int s = Slot; s <= ThreadSlot + 2; s++)
                    Caps.Delete(s);
                rounds++;
                if (allDone)
                    after++;
                // Endpoints, notifications and frames live as long as this process: few rounds, spaced out.
                Sys.Sleep(allDone ? 5UL : 50UL);
            }
            Say(string.Concat("bystander: ", rounds.ToString(), " rounds, ", failures.ToString(), " failed, ", after.ToString(),
                " after every hog reached its limit"));
            return 0;
        }
    }
}
