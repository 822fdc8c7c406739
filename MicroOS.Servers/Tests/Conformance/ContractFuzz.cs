using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Input;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Conformance
{
    // `contract fuzz N SEED` (MicroOS.Tests/Boot/ContractTests.cs; in conformance.elf, whose test
    // limits have room, not in the probe, whose small limits its size would break): N malformed and random messages
    // to each system server's generated dispatcher: a random label (the contract's own half the time,
    // so the decoders run, else any), a random payload length (0..4096, sometimes past the page),
    // random words and payload bytes, and now and then a capability (its own notification). The
    // Debug contract's Crash is never sent (crashing on request is its job), and a payload never
    // starts with a name or pid character, so no request names a server the supervisor would kill.
    // Then each server must still answer IDebug.Ping, a well-formed request of its contract and a
    // describe request (ContractInfo.DescribeLabel, which the fuzz sends too, malformed and not).
    // The storage servers (ata, fat) are fuzzed without a disk.
    // One line per server: "contract-fuzz: NAME: N messages, R refused, A answered, F failed; ping P, request Q, describe ICONTRACT".
    internal static unsafe class ContractFuzz
    {
        private static ulong s_state;

        private static ulong Next()
        {
            s_state ^= s_state << 13;
            s_state ^= s_state >> 7;
            s_state ^= s_state << 17;
            return s_state;
        }

        public static int Run(string[] args)
        {
            int count = args.Length > 2 && int.TryParse(args[2], out int n) ? n : 1000;
            s_state = args.Length > 3 && ulong.TryParse(args[3], out ulong seed) && seed != 0 ? seed : 0x2545F4914F6CDD1D;
            byte* buffer = (byte*)Sys.MapMemory(4096);
            int receiveSlot = 100;
            Ipc.SetBuffer(buffer, receiveSlot);
            IpcBuffer.Adopt(buffer, receiveSlot);
            Server.Begin("contract-fuzz");
            Notification own = new Notification(Caps.NewSlot());
            Caps.CreateNotification(own.Slot);

            Fuzz("names", Caps.Endpoint("names"), new uint[] { INames.Labels.Register, INames.Labels.Lookup }, count, buffer, own, receiveSlot,
                e => new INames.Client(e).Lookup("serial", out Endpoint found) == 0 && Caps.Inspect(found.Slot, out _) >= 0);
            Fuzz("serial", Caps.Endpoint("serial"), new uint[] { ISerialLine.Labels.Write, ISerialLine.Labels.Read }, count, buffer, own, receiveSlot,
                e => new ISerialLine.Client(e).Write(new byte[] { (byte)'o', (byte)'k', (byte)'\n' }) == 3);
            Fuzz("keyboard", Caps.Endpoint("keyboard"), new uint[] { IKeyboard.Labels.Read }, count, buffer, own, receiveSlot,
                e => new IKeyboard.Client(e).Read(out KeyEvent[] events) == 0 && events != null);
            Fuzz("console", Caps.Endpoint("console"), new uint[] { IConsole.Labels.Write, IConsole.Labels.ReadLine, IConsole.Labels.Clear }, count, buffer, own, receiveSlot,
                e => new IConsole.Client(e).Write("contract-fuzz\n") == 14);
            Fuzz("supervisor", Caps.Endpoint("supervisor"), new uint[] { ISupervisor.Labels.List, ISupervisor.Labels.Kill, ISupervisor.Labels.Restart,
                ISupervisor.Labels.Crash, ISupervisor.Labels.CapsOf, ISupervisor.Labels.Update }, count, buffer, own, receiveSlot,
                e => new ISupervisor.Client(e).List(out ServerRecord[] servers) == 0 && servers.Length > 0);
            Fuzz("init", Caps.Endpoint("init"), new uint[] { IInit.Labels.Restart, IInit.Labels.Update }, count, buffer, own, receiveSlot,
                e => new IInit.Client(e).Restart(1, "nobody") == (long)SyscallError.InvalidArgument);   // not the supervisor: refused
            // The storage stack, without a disk: ata answers NoDevice and fat NotMounted once a
            // request decodes, so the decoders and the implementations' refusals are what runs.
            Fuzz("ata", Caps.Endpoint("ata"), new uint[] { IBlock.Labels.Attach, IBlock.Labels.Identify, IBlock.Labels.Read,
                IBlock.Labels.Write, IBlock.Labels.Flush }, count, buffer, own, receiveSlot,
                e => new IBlock.Client(e).Identify(out _, out _, out _) == (long)BlockError.NoDevice
                    && new IBlock.Client(e).Read(0, 1, 0) == (long)BlockError.NoDevice);
            Fuzz("fat", Caps.Endpoint("fat"), new uint[] { IFileSystem.Labels.Connect, IFileSystem.Labels.Open, IFileSystem.Labels.Read,
                IFileSystem.Labels.Write, IFileSystem.Labels.SetLength, IFileSystem.Labels.Flush, IFileSystem.Labels.Close,
                IFileSystem.Labels.Stat, IFileSystem.Labels.List, IFileSystem.Labels.Delete, IFileSystem.Labels.Rename,
                IFileSystem.Labels.CreateDirectory, IFileSystem.Labels.RemoveDirectory, IFileSystem.Labels.Sync, IFileSystem.Labels.Volume },
                count, buffer, own, receiveSlot, e =>
                {
                    var fs = new IFileSystem.Client(e);
                    bool volume = fs.Volume(out _, out _, out _, out _) == (long)FsError.NotMounted && ErrorDetail.Last == (ulong)FsMountError.NoDisk;
                    bool connected = fs.Connect(out Endpoint session) == 0 && session.Slot != 0;
                    bool stat = connected && new IFileSystem.Client(session).Stat("/README", out _, out _, out _) == (long)FsError.NotMounted;
                    if (session.Slot != 0)
                        Caps.FreeSlot(session.Slot);
                    return volume && stat;
                });
            Sys.Write("contract-fuzz: done");
            return 0;
        }

        private delegate bool Check(Endpoint e);

        private static void Fuzz(string name, Endpoint server, uint[] labels, int count, byte* buffer, Notification own, int receiveSlot, Check works)
        {
            int refused = 0, answered = 0, failed = 0;
            for (int i = 0; i < count; i++)
            {
                ulong r = Next();
                // The contract's labels and the describe request every generated dispatcher answers.
                int mine = (int)((r >> 1) % (ulong)(labels.Length + 1));
                uint label = (r & 1) == 0 ? (mine == labels.Length ? ContractInfo.DescribeLabel : labels[mine]) : (uint)(r >> 32);
                if (label == IDebug.Labels.Crash)
                    label = IDebug.Labels.Ping;
                ulong pick = Next();
                int length = (pick & 3) == 0 ? 0 : (pick & 3) == 1 ? (int)(pick >> 8) % 16 : (pick & 3) == 2 ? (int)(pick >> 8) % 300 : (int)(pick >> 8) % 4200;
                if (length > MessageTag.MaxPayload && (pick & 0x10000) == 0)
                    length = MessageTag.MaxPayload;
                for (int b = 0; b < length && b < MessageTag.MaxPayload; b++)
                    buffer[b] = (byte)Next();
                if (length > 0)
                    buffer[0] = 0xFF;      // never a server's name or pid (Kill, Restart, Crash, Update would obey)
                var m = new Message(label, Next(), Next(), Next(), Next());
                bool withCap = (Next() & 7) == 0;
                m.Tag = withCap ? MessageTag.WithCap(label, own.Slot, length) : MessageTag.Of(label, length);
                long c = server.Call(ref m);
                if (c < 0)
                    failed++;
                else if ((long)m.W0 == ContractError.BadMessage)
                    refused++;
                else
                    answered++;
                if (c >= 0 && m.Tag.CapCount != 0)
                    Caps.Delete(receiveSlot);
            }
            long ping = new IDebug.Client(server).Ping(41);
            bool request = works(server);
            Sys.Write(string.Concat(string.Concat("contract-fuzz: ", name, ": ", count.ToString(), " messages, "),
                string.Concat(refused.ToString(), " refused, ", answered.ToString(), " answered, ", failed.ToString(), " failed; "),
                string.Concat("ping ", ping.ToString(), ", request ", request ? "ok" : "failed", ", describe ", Describe(server))));
        }

        // The contract's name from a well-formed describe request, or why not.
        private static string Describe(Endpoint server)
        {
            var m = new Message(ContractInfo.DescribeLabel);
            long c = server.Call(ref m);
            if (c < 0 || m.Label != ContractInfo.DescribeLabel || m.W0 != 0 || m.W1 != ContractInfo.Version)
                return "failed";
            ContractInfo info = ContractInfo.Read(m.Tag.Length);
            return info == null ? "malformed" : info.Name;
        }
    }
}
