using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // object_destroy, attacked (MicroOS.Tests/Boot/DestroyTests.cs, docs/attack-catalogue.md
    // "Destroy by owner", docs/capabilities.md "Destroy by owner"):
    //   attack          every way to misuse it, each scenario one line: destroy twice, through a copy,
    //                   a minted child, another process's object, a lent original (from both sides),
    //                   a lent copy out at the time, kinds that cannot be destroyed; an object another
    //                   process is blocked on (receive, send, wait), a frame mapped in another process
    //                   (and in the owner), a notification routed from an IRQ line or bound to a thread
    //   churn ROUNDS    a child makes and destroys a 16-page frame, an endpoint and a notification
    //                   every round, far past its limit if nothing came back; its object frames are
    //                   read after the first round and after the last
    //   child ROLE ...  what the scenarios start (process_create of the `destroy-child` image)
    internal static unsafe class Destroy
    {
        private const int Image = 1, Ports = 2, Irq = 3;       // manifest caps (test-manifest.txt)
        private const int Sync = 20, Go = 21, Ep = 22, RecvSlot = 60;
        private const ulong ChildBytes = 1024 * 1024;
        private const ulong MapAt = FrameCap.WindowBase;

        public static int Run(string[] args)
        {
            string role = args.Length > 1 ? args[1] : "";
            switch (role)
            {
                case "attack": return Attack();
                case "churn": return Churn(args.Length > 2 && int.TryParse(args[2], out int rounds) ? rounds : 2000);
                case "child": return Child(args);
            }
            Say(string.Concat("unknown role '", role, "'"));
            return 2;
        }

        private static void Say(string text) => Sys.Write(string.Concat("destroy: ", text));

        private static string R(long r) => r.ToString();

        // --- The scenarios' children. Slot 1: the object under test; 2: `sync` (Write); 3: `go` (Read).
        private static int Child(string[] args)
        {
            string role = args.Length > 2 ? args[2] : "";
            switch (role)
            {
                case "receiver":
                {
                    new Notification(2).Signal();
                    long r = new Endpoint(1).Receive(out _);
                    Say(string.Concat("receiver: receive -> ", R(r)));
                    return 0;
                }
                case "sender":
                {
                    new Notification(2).Signal();
                    var m = new Message(3, 7);
                    Say(string.Concat("sender: send -> ", R(new Endpoint(1).Send(ref m))));
                    return 0;
                }
                case "waiter":
                {
                    new Notification(2).Signal();
                    Say(string.Concat("waiter: wait -> ", R(new Notification(1).Wait(out _))));
                    return 0;
                }
                case "mapper":
                {
                    long mapped = new FrameCap(1).Map(MapAt, writable: false);
                    ulong seen = mapped == 0 ? *(ulong*)MapAt : 0;
                    Say(string.Concat("mapper: map -> ", R(mapped), ", reads ", seen.ToString()));
                    new Notification(2).Signal();
                    new Notification(3).Wait(out _);
                    Say("mapper: touching the frame after its owner destroyed it");
                    seen = *(ulong*)MapAt;       // a load after opaque calls: not folded into the first
                    Say(string.Concat("mapper: read ", seen.ToString(), " (must not happen)"));
                    return 0;
                }
                case "borrower":
                {
                    // Slot 1: a lent capability. It tries to destroy it, tells the parent, and after
                    // `go` says what the capability has become.
                    long tried = Caps.Destroy(1);
                    long moved = Caps.Move(1, 5);
                    long again = Caps.Destroy(5);
                    Say(string.Concat("borrower: destroy -> ", R(tried), ", moved -> ", R(moved), ", destroy after a move -> ", R(again)));
                    Caps.Move(5, 1);
                    new Notification(2).Signal();
                    new Notification(3).Wait(out _);
                    Say(string.Concat("borrower: inspect -> ", R(Caps.Inspect(1, out _))));
                    return 0;
                }
                case "owner":
                {
                    // An endpoint of its own, its original sent to the parent: the parent holds a
                    // child cap (IPC transfer copies), never the original, and is not the owner.
                    Caps.CreateEndpoint(10);
                    var m = new Message(2) { Tag = MessageTag.WithCap(2, 10) };
                    new Endpoint(1).Call(ref m);
                    new Notification(3).Wait(out _);
                    long info = Caps.Inspect(10, out _);
                    Say(string.Concat("owner: its endpoint after the parent's attempt -> ", info > 0 ? "live" : R(info)));
                    return 0;
                }
                case "churn":
                    return ChurnChild(args.Length > 3 && int.TryParse(args[3], out int rounds) ? rounds : 2000);
            }
            Say(string.Concat("unknown child role '", role, "'"));
            return 2;
        }

        private static long Create(int slot, string role)
        {
            string name = string.Concat("dc-", role.Split(' ')[0]);
            long pid = new BootImageCap(Image).Create(slot, string.Concat(name, " destroy child ", role), ChildBytes, false);
            if (pid < 0)
                Say(string.Concat("create ", name, " -> ", R(pid)));
            return pid;
        }

        // A child with the sync notification in its slot 2 and `go` in 3 (rights as the role needs).
        private static void Start(int slot)
        {
            var child = new ProcessCap(slot);
            child.Transfer(Sync, 2, CapRights.Write);
            child.Transfer(Go, 3, CapRights.Read);
            child.Resume();
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

        // The child said it is about to block: give it time to (if it has not, its call meets the
        // dead cap instead and answers the same ObjectGone).
        private static void WaitSync()
        {
            new Notification(Sync).Wait(out _);
            Sys.Sleep(50);
        }

        private static int Attack()
        {
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, RecvSlot);
            Caps.CreateNotification(Sync);
            Caps.CreateNotification(Go);
            Caps.CreateEndpoint(Ep);
            Twice();
            NotOriginal();
            WrongKinds();
            OthersObject();
            LentOriginal();
            LentCopy();
            Blocked();
            Mapped();
            IrqRoute();
            Bound();
            Say("attack: done");
            return 0;
        }

        private static void Twice()
        {
            Caps.CreateEndpoint(30);
            Caps.Copy(30, 31);
            long first = Caps.Destroy(30), second = Caps.Destroy(30);
            long original = Caps.Inspect(30, out _), copy = Caps.Inspect(31, out _);
            long deleted = Caps.Delete(30);
            Caps.Delete(31);
            Say(string.Concat("twice: destroy -> ", R(first), ", again -> ", R(second), "; the original -> ", R(original),
                ", its copy -> ", R(copy), ", delete the stale original -> ", R(deleted)));
        }

        private static void NotOriginal()
        {
            Caps.CreateEndpoint(30);
            Caps.Copy(30, 31);
            Caps.Mint(30, 32, CapRights.Write, 77);
            Caps.Mint(30, 33, CapRights.All, 0);
            long copy = Caps.Destroy(31), minted = Caps.Destroy(32), full = Caps.Destroy(33);
            long original = Caps.Destroy(30);
            Say(string.Concat("not original: copy -> ", R(copy), ", badged mint -> ", R(minted), ", all-rights mint -> ", R(full),
                "; the original -> ", R(original), ", the copy now -> ", R(Caps.Inspect(31, out _))));
            Caps.Delete(30); Caps.Delete(31); Caps.Delete(32); Caps.Delete(33);
        }

        private static void WrongKinds()
        {
            long image = Caps.Destroy(Image), ports = Caps.Destroy(Ports), irq = Caps.Destroy(Irq);
            long empty = Caps.Destroy(40), outside = Caps.Destroy(100000);
            Create(41, "receiver");
            long process = Caps.Destroy(41);
            new ProcessCap(41).Kill();
            Caps.Delete(41);
            Say(string.Concat("kinds: boot image -> ", R(image), ", io ports -> ", R(ports), ", irq line -> ", R(irq),
                ", process -> ", R(process), ", empty slot -> ", R(empty), ", slot outside the table -> ", R(outside)));
        }

        // Another process's endpoint, its original sent here (the copy lands in RecvSlot).
        private static void OthersObject()
        {
            Create(42, "owner");
            new ProcessCap(42).Transfer(Ep, 1, CapRights.Write | CapRights.Grant);
            Start(42);
            new Endpoint(Ep).Receive(out Message m);
            Ipc.Reply(ref m);
            Caps.Move(RecvSlot, 43);
            long received = Caps.Destroy(43);
            Caps.Delete(43);
            new Notification(Go).Signal();
            WaitDead(42);
            Say(string.Concat("other's object: destroy the cap received -> ", R(received)));
        }

        // The original lent to a child: there it destroys nothing (not the owner); here the slot is
        // empty until the child ends and the loan comes back; then it destroys.
        private static void LentOriginal()
        {
            Caps.CreateEndpoint(30);
            Create(44, "borrower");
            long lent = new ProcessCap(44).Lend(30, 1);
            Start(44);
            new Notification(Sync).Wait(out _);
            long whileLent = Caps.Destroy(30);
            new Notification(Go).Signal();
            WaitDead(44);
            long back = Caps.Destroy(30);
            Caps.Delete(30);
            Say(string.Concat("lent original: lend -> ", R(lent), ", destroy while lent -> ", R(whileLent), ", after it came back -> ", R(back)));
        }

        // A copy lent to a child when the owner destroys: the borrower's cap answers ObjectGone, and
        // comes back stale.
        private static void LentCopy()
        {
            Caps.CreateEndpoint(30);
            Caps.Copy(30, 31);
            Create(45, "borrower");
            new ProcessCap(45).Lend(31, 1);
            Start(45);
            new Notification(Sync).Wait(out _);
            long destroyed = Caps.Destroy(30);
            new Notification(Go).Signal();
            WaitDead(45);
            long back = Caps.Inspect(31, out _);
            Caps.Delete(30); Caps.Delete(31);
            Say(string.Concat("lent copy: destroy while lent -> ", R(destroyed), ", the loan back -> ", R(back)));
        }

        // A receiver, a sender and a waiter blocked in other processes: each wakes with ObjectGone.
        private static void Blocked()
        {
            Caps.CreateEndpoint(30);
            Create(46, "receiver");
            new ProcessCap(46).Transfer(30, 1, CapRights.Read);
            Start(46);
            WaitSync();
            long r1 = Caps.Destroy(30);
            WaitDead(46);
            Caps.Delete(30);

            Caps.CreateEndpoint(30);
            Create(47, "sender");
            new ProcessCap(47).Transfer(30, 1, CapRights.Write);
            Start(47);
            WaitSync();
            long r2 = Caps.Destroy(30);
            WaitDead(47);
            Caps.Delete(30);

            Caps.CreateNotification(30);
            Create(48, "waiter");
            new ProcessCap(48).Transfer(30, 1, CapRights.Read);
            Start(48);
            WaitSync();
            long r3 = Caps.Destroy(30);
            WaitDead(48);
            Caps.Delete(30);
            Say(string.Concat("blocked: destroy under a receiver -> ", R(r1), ", a sender -> ", R(r2), ", a waiter -> ", R(r3)));
        }

        // A frame mapped here and in a child: destroy unmaps both; the child's next touch is a page
        // fault that ends it alone; here the mapping is no longer recorded, and the same address
        // can take a new frame.
        private static void Mapped()
        {
            Caps.CreateFrame(30, 2);
            long mine = new FrameCap(30).Map(MapAt, writable: true);
            *(ulong*)MapAt = 0xD00DFEED;
            Create(49, "mapper");
            new ProcessCap(49).Transfer(30, 1, CapRights.Read);
            Start(49);
            new Notification(Sync).Wait(out _);
            long destroyed = Caps.Destroy(30);
            new Notification(Go).Signal();
            bool dead = WaitDead(49);
            long unmap = FrameCap.Unmap(MapAt);
            Caps.Delete(30);
            Caps.CreateFrame(30, 2);
            long remap = new FrameCap(30).Map(MapAt, writable: true);
            ulong fresh = remap == 0 ? *(ulong*)MapAt : 1;
            FrameCap.Unmap(MapAt);
            Caps.Destroy(30);
            Caps.Delete(30);
            Say(string.Concat("mapped: map here -> ", R(mine), ", destroy -> ", R(destroyed), ", the mapper ended ", dead ? "yes" : "no",
                ", unmap here after -> ", R(unmap), ", a new frame at the same address -> ", R(remap), " reads ", fresh.ToString()));
        }

        // A notification COM1's IRQ 4 is routed to, destroyed: the route is forgotten, so the next
        // notification made here (in the same cell) does not hear the line; routed to it, it does.
        private static void IrqRoute()
        {
            var ports = new IoPorts(Ports);
            var irq = new IrqLineCap(Irq);
            Caps.CreateNotification(30);
            long routed = irq.SetNotification(new Notification(30));
            long first = Confine.FireCom1(ports, new Notification(30), out ulong bits);
            irq.Acknowledge();
            long destroyed = Caps.Destroy(30);
            Caps.Delete(30);
            Caps.CreateNotification(31);
            long second = Confine.FireCom1(ports, new Notification(31), out _);
            irq.Acknowledge();
            long rerouted = irq.SetNotification(new Notification(31));
            long third = Confine.FireCom1(ports, new Notification(31), out ulong thirdBits);
            irq.Acknowledge();
            Caps.Destroy(31);
            Caps.Delete(31);
            Say(string.Concat("irq route: route -> ", R(routed), ", fired -> ", R(first), " bits ", bits.ToString(), "; destroyed -> ", R(destroyed),
                ", a new notification -> ", R(second), "; routed to it -> ", R(rerouted), ", fired -> ", R(third), " bits ", thirdBits.ToString()));
        }

        // A notification bound to this thread, destroyed: the binding goes with it (a new one in its
        // cell, signalled, does not wake this thread's receive).
        private static void Bound()
        {
            Caps.CreateNotification(30);
            long bind = new Notification(30).BindToThisThread();
            new Notification(30).Signal();
            long first = new Endpoint(Ep).TryReceive(out _);
            long destroyed = Caps.Destroy(30);
            Caps.Delete(30);
            Caps.CreateNotification(31);
            new Notification(31).Signal();
            long after = new Endpoint(Ep).TryReceive(out _);
            Say(string.Concat("bound: bind -> ", R(bind), ", its signal -> ", R(first), ", destroyed -> ", R(destroyed),
                ", a new one's signal -> ", R(after)));
        }

        // --- churn
        private static int Churn(int rounds)
        {
            Caps.CreateNotification(Sync);
            Caps.CreateNotification(Go);
            Create(50, string.Concat("churn ", rounds.ToString()));
            Start(50);
            var child = new ProcessCap(50);
            new Notification(Sync).Wait(out _);
            child.Inspect(out _, out ulong framesFirst, out _, out _, out ulong limit, out ulong objectsFirst, out _);
            new Notification(Go).Signal();
            new Notification(Sync).Wait(out _);
            child.Inspect(out _, out ulong framesLast, out _, out _, out _, out ulong objectsLast, out _);
            new Notification(Go).Signal();
            WaitDead(50);
            Say(string.Concat("churn: limit ", limit.ToString(), " frames; after 1 round: ", framesFirst.ToString(), " pages, ",
                objectsFirst.ToString(), " object frames; after ", rounds.ToString(), " rounds: ", framesLast.ToString(), " pages, ",
                objectsLast.ToString(), " object frames"));
            return 0;
        }

        private static int ChurnChild(int rounds)
        {
            int failures = 0;
            long firstFailure = 0;
            for (int i = 0; i < rounds; i++)
            {
                long r = Round();
                if (r < 0 && failures++ == 0)
                    firstFailure = r;
                if (i == 0)
                {
                    new Notification(2).Signal();
                    new Notification(3).Wait(out _);
                }
            }
            Say(string.Concat("churn: ", rounds.ToString(), " rounds of a 16-page frame, an endpoint and a notification made and destroyed; failures ",
                failures.ToString(), failures > 0 ? string.Concat(" (first ", R(firstFailure), ")") : ""));
            new Notification(2).Signal();
            new Notification(3).Wait(out _);
            return 0;
        }

        private static long Round()
        {
            long r = Caps.CreateFrame(10, 16);
            if (r < 0)
                return r;
            if ((r = new FrameCap(10).Map(MapAt, writable: true)) < 0)
                return r;
            *(ulong*)(MapAt + 15 * 4096) = 1;
            if ((r = Caps.Destroy(10)) < 0)
                return r;
            Caps.Delete(10);
            if ((r = Caps.CreateEndpoint(11)) < 0 || (r = Caps.Destroy(11)) < 0)
                return r;
            Caps.Delete(11);
            if ((r = Caps.CreateNotification(12)) < 0 || (r = Caps.Destroy(12)) < 0)
                return r;
            Caps.Delete(12);
            return 0;
        }
    }
}
