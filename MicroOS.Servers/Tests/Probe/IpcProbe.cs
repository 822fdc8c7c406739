using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The IPC and capability boot tests' programs (MicroOS.Tests/Boot/IpcTests.cs). `ipc <role>`;
    // the capabilities each role expects are granted by its boot manifest line (`caps=`), slot 1 first.
    //   pong            echo server (EchoContract) on slot 1
    //   ping N [last]   N calls to pong (slot 1), checking every reply; `last`: then stop pong
    //   rights          mint without Write, revoke, and call again (slot 1: pong, rwg)
    //   grant           a capability sent with and without Grant (slot 1: pong, rwg)
    //   share           a frame written here and read by pong (slot 1: pong, rwg)
    //   die-client      asks pong to exit mid-call (slot 1: pong)
    //   fault-victim    faults (its faults go to endpoint `faults`)
    //   fault-handler   receives the victim's fault (slot 1: `faults`, slot 2: the victim's process)
    //   create-loop     creates objects until OutOfMemory
    //   launcher        starts pong and ping-last with process_start (slots 1, 2: their boot images)
    //   vga             writes the VGA text buffer through an mmio Frame cap
    //   slow-caller     calls pong's SlowPing and is killed while it waits
    //   killer          kills slow-caller, then pong (slots: their Process caps, pong's endpoint)
    //   serial-driver   COM1's receive interrupt as a notification, serving requests too
    //   serial-client   asks the driver how many bytes it has seen
    //   bench-partner   the other side of the IPC benchmarks (IpcBench.cs)
    internal static unsafe class IpcProbe
    {
        public static int Run(string[] args)
        {
            string role = args.Length > 1 ? args[1] : "";
            switch (role)
            {
                case "pong": return Pong();
                case "ping": return Ping(args.Length > 2 && int.TryParse(args[2], out int n) ? n : 100, args.Length > 3 && args[3] == "last");
                case "rights": return Rights();
                case "grant": return Grant();
                case "share": return Share();
                case "die-client": return DieClient();
                case "fault-victim": return FaultVictim();
                case "fault-handler": return FaultHandler();
                case "create-loop": return CreateLoop();
                case "slow-caller": return SlowCaller();
                case "vga": return Vga();
                case "launcher": return Launcher();
                case "killer": return Killer();
                case "serial-driver": return SerialDriver.Run();
                case "serial-client": return SerialDriver.Client();
                case "bench": return IpcBench.Run();
                case "bench-partner": return IpcBench.Partner();
                case "fuzz": return IpcFuzz.Run(args.Length > 2 ? args[2] : "1");
                case "payload": return IpcPayload.Run();
            }
            Sys.Write(string.Concat("ipc: unknown role '", role, "'"));
            return 2;
        }

        private static string Hex(ulong v) => string.Concat("0x", v.ToString("X"));

        private static int Pong()
        {
            var endpoint = new Endpoint(1);
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, EchoContract.ReceiveSlot);
            ulong served = 0, lastHash = 0, previousHash = 0;
            Sys.Write("pong: serving");
            long r = endpoint.Receive(out Message m);
            while (true)
            {
                if (r < 0)
                {
                    Sys.Write(string.Concat("pong: receive failed ", r.ToString()));
                    return 1;
                }
                if (r == 1)
                {
                    r = endpoint.Receive(out m);
                    continue;
                }
                served++;
                ulong badge = m.Badge;
                switch (m.Label)
                {
                    case EchoContract.Exit:
                        Sys.Write("pong: exiting mid-call");
                        return 0;
                    case EchoContract.SlowPing:
                        // Long enough for the test's killer to end the caller first: the reply then
                        // goes to nobody, harmlessly.
                        Sys.Sleep(300);
                        m = new Message(EchoContract.Pong, m.W0 + 1, badge, served);
                        break;
                    case EchoContract.UseGrantedCap:
                    {
                        bool arrived = m.Tag.CapCount == 1;
                        long used = arrived ? new Notification(EchoContract.ReceiveSlot).Signal() : (long)SyscallError.InvalidCapability;
                        m = new Message(EchoContract.Pong, (ulong)used, arrived ? 1UL : 0);
                        break;
                    }
                    case EchoContract.ReadSharedFrame:
                    {
                        var frame = new FrameCap(EchoContract.ReceiveSlot);
                        long writable = frame.Map(EchoContract.SharedMapAddress + 0x10000, writable: true);
                        long mapped = frame.Map(EchoContract.SharedMapAddress, writable: false);
                        ulong word = mapped == 0 ? *(ulong*)EchoContract.SharedMapAddress : 0;
                        Caps.Delete(EchoContract.ReceiveSlot);
                        m = new Message(EchoContract.Pong, word, (ulong)writable, (ulong)mapped);
                        break;
                    }
                    case EchoContract.EchoPayload:
                    {
                        int length = m.Tag.Length;
                        previousHash = lastHash;
                        lastHash = EchoContract.Hash(buffer, length);
                        for (int i = 0; i < length; i++)
                            buffer[i]++;
                        m = new Message(EchoContract.Pong, lastHash, badge, (ulong)length) { Tag = MessageTag.Of(EchoContract.Pong, length) };
                        break;
                    }
                    case EchoContract.PayloadHashes:
                        m = new Message(EchoContract.Pong, previousHash, lastHash);
                        break;
                    default:
                        // Ping, and anything else (the fuzzer sends junk): echo w0 + 1.
                        m = new Message(EchoContract.Pong, m.W0 + 1, badge, served, (ulong)m.Tag.Length);
                        break;
                }
                r = endpoint.ReplyReceive(ref m);
            }
        }

        // `last`: afterwards ask pong to exit (the call then fails with ObjectGone), so the run can end.
        private static int Ping(int count, bool stopServer)
        {
            var pong = new Endpoint(1);
            ulong badge = 0, last = 0;
            for (int i = 0; i < count; i++)
            {
                var m = new Message(EchoContract.Ping, (ulong)i * 7);
                long r = pong.Call(ref m);
                if (r != 0 || m.Label != EchoContract.Pong || m.W0 != (ulong)i * 7 + 1)
                {
                    Sys.Write(string.Concat("ping: call ", i.ToString(), " -> ", r.ToString(), " label ", m.Label.ToString(), " w0 ", m.W0.ToString()));
                    return 1;
                }
                badge = m.W1;
                last = m.W0;
            }
            Sys.Write(string.Concat("ping: ", count.ToString(), " calls answered, badge ", badge.ToString(), ", last reply ", last.ToString()));
            if (stopServer)
            {
                var stop = new Message(EchoContract.Exit);
                Sys.Write(string.Concat("ping: asked pong to exit -> ", pong.Call(ref stop).ToString()));
            }
            return 0;
        }

        private static long PingOnce(int slot, ulong value, out ulong reply)
        {
            var m = new Message(EchoContract.Ping, value);
            long r = new Endpoint(slot).Call(ref m);
            reply = m.W0;
            return r;
        }

        private static int Rights()
        {
            long info = Caps.Inspect(1, out _);
            Sys.Write(string.Concat("rights: slot 1 type ", ((int)CapInfo.TypeOf(info)).ToString(), " rights ", ((int)CapInfo.RightsOf(info)).ToString()));
            Sys.Write(string.Concat("rights: mint read-only -> ", Caps.Mint(1, 2, CapRights.Read).ToString()));
            Sys.Write(string.Concat("rights: call without write -> ", PingOnce(2, 1, out _).ToString()));
            Sys.Write(string.Concat("rights: mint all from read-only -> ", Caps.Mint(2, 5, CapRights.All).ToString()));
            Sys.Write(string.Concat("rights: widened mint call -> ", PingOnce(5, 1, out _).ToString()));
            Sys.Write(string.Concat("rights: mint write-only -> ", Caps.Mint(1, 3, CapRights.Write).ToString()));
            long r = PingOnce(3, 42, out ulong reply);
            Sys.Write(string.Concat("rights: call with write -> ", r.ToString(), ", reply ", reply.ToString()));
            Sys.Write(string.Concat("rights: copy of the copy -> ", Caps.Copy(3, 4).ToString()));
            r = PingOnce(4, 99, out reply);
            Sys.Write(string.Concat("rights: grandchild call -> ", r.ToString(), ", reply ", reply.ToString()));
            Sys.Write(string.Concat("rights: wrong type -> ", new Notification(1).Signal().ToString()));
            Sys.Write(string.Concat("rights: empty slot -> ", PingOnce(9, 1, out _).ToString()));
            Sys.Write(string.Concat("rights: slot out of range -> ", PingOnce(100000, 1, out _).ToString()));
            Sys.Write(string.Concat("rights: revoke -> ", Caps.Revoke(1).ToString()));
            Sys.Write(string.Concat("rights: call after revoke -> ", PingOnce(3, 1, out _).ToString()));
            Sys.Write(string.Concat("rights: grandchild after revoke -> ", PingOnce(4, 1, out _).ToString()));
            r = PingOnce(1, 5, out reply);
            Sys.Write(string.Concat("rights: original after revoke -> ", r.ToString(), ", reply ", reply.ToString()));
            Sys.Write(string.Concat("rights: capabilities held ", Caps.Count().ToString()));
            return 0;
        }

        private static int Grant()
        {
            var pong = new Endpoint(1);
            long created = Caps.CreateNotification(5);
            var m = new Message(EchoContract.UseGrantedCap) { Tag = MessageTag.WithCap(EchoContract.UseGrantedCap, 5) };
            long r = pong.Call(ref m);
            long polled = new Notification(5).Poll(out ulong bits);
            Sys.Write(string.Concat("grant: create -> ", created.ToString(), ", call with grant -> ", r.ToString(), ", arrived ", m.W1.ToString(),
                ", pong's signal -> ", ((long)m.W0).ToString(), ", poll -> ", polled.ToString(), " bits ", bits.ToString()));
            Sys.Write(string.Concat("grant: revoke reached pong's copy -> ", Caps.Revoke(5).ToString()));
            m = new Message(EchoContract.UseGrantedCap) { Tag = MessageTag.WithCap(EchoContract.UseGrantedCap, 5) };
            r = pong.Call(ref m);
            Sys.Write(string.Concat("grant: again -> ", r.ToString(), ", arrived ", m.W1.ToString(), ", pong's signal -> ", ((long)m.W0).ToString(),
                ", revoke -> ", Caps.Revoke(5).ToString()));
            Caps.Mint(1, 2, CapRights.Write | CapRights.Read);
            m = new Message(EchoContract.UseGrantedCap) { Tag = MessageTag.WithCap(EchoContract.UseGrantedCap, 5) };
            r = new Endpoint(2).Call(ref m);
            Sys.Write(string.Concat("grant: call without grant -> ", r.ToString()));
            m = new Message(EchoContract.Ping, 10);
            r = new Endpoint(2).Call(ref m);
            Sys.Write(string.Concat("grant: plain call without grant -> ", r.ToString(), ", reply ", m.W0.ToString()));
            return 0;
        }

        private static int Share()
        {
            const ulong at = FrameCap.WindowBase;
            long created = Caps.CreateFrame(6, 1);
            long mapped = new FrameCap(6).Map(at, writable: true);
            if (created != 0 || mapped != 0)
            {
                Sys.Write(string.Concat("share: create -> ", created.ToString(), ", map -> ", mapped.ToString()));
                return 1;
            }
            *(ulong*)at = 0x5348_4152_4544_0001;        // "SHARED", 1
            long minted = Caps.Mint(6, 7, CapRights.Read);
            var m = new Message(EchoContract.ReadSharedFrame) { Tag = MessageTag.WithCap(EchoContract.ReadSharedFrame, 7) };
            long r = new Endpoint(1).Call(ref m);
            Sys.Write(string.Concat("share: mint -> ", minted.ToString(), ", call -> ", r.ToString(), ", pong read ", Hex(m.W0),
                ", pong's writable map -> ", ((long)m.W1).ToString(), ", read-only map -> ", ((long)m.W2).ToString()));
            return 0;
        }

        private static int DieClient()
        {
            var m = new Message(EchoContract.Exit);
            long r = new Endpoint(1).Call(ref m);
            Sys.Write(string.Concat("die-client: call -> ", r.ToString()));
            m = new Message(EchoContract.Ping, 1);
            r = new Endpoint(1).Call(ref m);
            Sys.Write(string.Concat("die-client: call after death -> ", r.ToString()));
            long info = Caps.Inspect(1, out _);
            Sys.Write(string.Concat("die-client: inspect -> ", info.ToString()));
            return 0;
        }

        // Device memory through a Frame cap (manifest mmio:b8000+1): the VGA text buffer's last cell.
        private static int Vga()
        {
            const ulong at = FrameCap.WindowBase;
            long mapped = new FrameCap(1).Map(at, writable: true);
            ushort* cell = (ushort*)(at + 2 * (24 * 80 + 79));
            if (mapped == 0)
                *cell = 0x1F4D;          // 'M', white on blue
            Sys.Write(string.Concat("vga: map -> ", mapped.ToString(), ", read back ", Hex(mapped == 0 ? *cell : 0UL)));
            return 0;
        }

        private static int Launcher()
        {
            long info = Caps.Inspect(1, out _);
            long server = Ipc.Syscall4(Syscall.ProcessStart, 1, 10, 0, 0, out _);
            long client = Ipc.Syscall4(Syscall.ProcessStart, 2, 11, 0, 0, out _);
            Sys.Write(string.Concat("launcher: slot 1 type ", ((int)CapInfo.TypeOf(info)).ToString(), ", started pong -> pid ", server.ToString(),
                ", ping-last -> pid ", client.ToString()));
            Sys.Write(string.Concat("launcher: start into an occupied slot -> ", Ipc.Syscall4(Syscall.ProcessStart, 1, 10, 0, 0, out _).ToString(),
                ", without a boot image cap -> ", Ipc.Syscall4(Syscall.ProcessStart, 10, 12, 0, 0, out _).ToString()));
            Sys.Sleep(500);
            Sys.Write(string.Concat("launcher: inspect pong after ping-last stopped it -> ", new ProcessCap(10).Inspect().ToString()));
            return 0;
        }

        private static int SlowCaller()
        {
            Sys.Write("slow-caller: calling");
            var m = new Message(EchoContract.SlowPing, 1);
            long r = new Endpoint(1).Call(ref m);
            Sys.Write(string.Concat("slow-caller: SURVIVED, call -> ", r.ToString()));
            return 0;
        }

        // Kills a caller blocked waiting for its reply, checks the server shrugs the reply off,
        // then kills the server while it waits in Recv. Slots: 1 = slow-caller, 2 = pong, 3 = pong's endpoint.
        private static int Killer()
        {
            Sys.Sleep(100);
            Sys.Write(string.Concat("killer: kill the waiting caller -> ", new ProcessCap(1).Kill().ToString()));
            Sys.Sleep(400);
            long r = PingOnce(3, 7, out ulong reply);
            Sys.Write(string.Concat("killer: pong after the dropped reply -> ", r.ToString(), ", reply ", reply.ToString()));
            Sys.Write(string.Concat("killer: kill pong waiting in recv -> ", new ProcessCap(2).Kill().ToString()));
            r = PingOnce(3, 7, out _);
            Sys.Write(string.Concat("killer: call the dead server -> ", r.ToString()));
            return 0;
        }

        private static int FaultVictim()
        {
            // Not near null: a null dereference is the runtime's NullReferenceException (the fault
            // upcall, Tasks/FaultUpcall.cs), which comes first. This address is in the frame window, unmapped.
            Sys.Write("fault-victim: reading 0x3500000000");
            ulong v = *(ulong*)0x0000_0035_0000_0000;
            Sys.Write(string.Concat("fault-victim: SURVIVED, read ", v.ToString()));
            return 0;
        }

        private static int FaultHandler()
        {
            long r = new Endpoint(1).Receive(out Message m);
            Sys.Write(string.Concat("fault-handler: receive -> ", r.ToString(), ", label ", Hex(m.Label), ", vector ", m.W0.ToString(),
                ", address ", Hex(m.W2), ", error code ", m.W3.ToString(), ", badge ", m.Badge.ToString()));
            // Resume: the reply runs the instruction again, which faults again: a second message.
            var resume = new Message(0);
            long replied = Ipc.Reply(ref resume);
            long again = new Endpoint(1).Receive(out Message second);
            Sys.Write(string.Concat("fault-handler: resume -> ", replied.ToString(), ", faulted again -> ", again.ToString(),
                ", same rip ", (second.W1 == m.W1 && second.W2 == m.W2).ToString()));
            var victim = new ProcessCap(2);
            Sys.Write(string.Concat("fault-handler: inspect -> ", victim.Inspect().ToString()));
            Sys.Write(string.Concat("fault-handler: kill -> ", victim.Kill().ToString()));
            Sys.Write(string.Concat("fault-handler: inspect after kill -> ", victim.Inspect().ToString()));
            return 0;
        }

        private static int CreateLoop()
        {
            int created = 0;
            long r;
            while (true)
            {
                r = (created & 1) == 0 ? Caps.CreateEndpoint(1) : Caps.CreateNotification(1);
                if (r < 0)
                    break;
                created++;
                Caps.Delete(1);
            }
            Sys.Write(string.Concat("create-loop: ", created.ToString(), " objects, then ", r.ToString()));
            // Still a working process: map_memory has nothing left either, but a yield works.
            Sys.Yield();
            Sys.Write(string.Concat("create-loop: map_memory now -> ", Sys.Call(Syscall.MapMemory, 4096).ToString()));
            return 0;
        }
    }
}
