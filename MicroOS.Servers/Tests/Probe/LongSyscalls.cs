using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The longest work a single syscall can be asked for, for the kernel's `irqoff` measurement
    // (Tasks/Preemption.cs): debug writes of the maximum 4096 bytes, one map_memory of the maximum
    // 64 MiB, and the expensive capability calls: a revoke of ~500 derived caps (a chain 118 deep,
    // then 127 children in each of three other processes' tables), cap_transfer, a process kill with
    // a full table, and calls carrying 4 KiB. Slot 1: a BootImage cap for `irqoff-holder`, of which
    // it makes the other processes (process_create); one of them runs as the 4 KiB echo server.
    internal static unsafe class LongSyscalls
    {
        private const int MaxWrite = 4096;
        private const ulong MaxMap = 64UL * 1024 * 1024;
        private const int Image = 1, Root = 2, FirstHolder = 3, Holders = 3;
        private const int ChainStart = 10, TableSlots = 128;

        public static int Run()
        {
            byte* text = stackalloc byte[MaxWrite];
            for (int i = 0; i < MaxWrite; i++)
                text[i] = (byte)('a' + i % 26);
            long written = 0;
            for (int round = 0; round < 3; round++)
                written += Sys.Call(Syscall.DebugWrite, (ulong)text, MaxWrite);
            long mapped = Sys.Call(Syscall.MapMemory, MaxMap);
            Sys.Write(string.Concat("long-syscalls: 3 writes of 4096 bytes returned ", written.ToString(),
                ", map_memory(64 MiB) ", mapped > 0 ? "succeeded" : mapped.ToString()));
            if (CapInfo.TypeOf(Caps.Inspect(Image, out _)) == CapType.BootImage)
                return CapabilityCalls();
            return 0;
        }

        private static int CapabilityCalls()
        {
            long created = Caps.CreateEndpoint(Root);
            for (int h = 0; h < Holders; h++)
            {
                long pid = new BootImageCap(Image).Create(FirstHolder + h, string.Concat("irqoff-holder-", h.ToString(), " irqoff holder"), 1024 * 1024, false);
                if (pid < 0)
                {
                    Sys.Write(string.Concat("long-syscalls: process_create -> ", pid.ToString()));
                    return 1;
                }
            }
            int transfers = Fill();
            long revoked = Caps.Revoke(Root);
            int refilled = Fill();
            // The third holder serves 4 KiB calls on a child of the root endpoint in its slot 1... which
            // Fill gave it already (every slot 1..127 holds one). Start it.
            var server = new ProcessCap(FirstHolder + Holders - 1);
            long resumed = server.Resume();
            byte* buffer = (byte*)Sys.MapMemory(4096);
            for (int i = 0; i < 4096; i++)
                buffer[i] = (byte)i;
            Ipc.SetBuffer(buffer, 0);
            int calls = 0;
            IpcRegisters r;
            for (int i = 0; i < 20; i++)
            {
                r.A0 = Root; r.A1 = (1UL << 32) | 4096; r.A2 = (ulong)i; r.A3 = r.A4 = r.A5 = 0;
                if (Ipc.Raw((ulong)Syscall.EndpointCall, &r) == 0 && r.A2 == (ulong)i + 1)
                    calls++;
            }
            long killed = 0;
            for (int h = 0; h < Holders; h++)
                killed += new ProcessCap(FirstHolder + h).Kill();
            Sys.Write(string.Concat("long-syscalls: endpoint -> ", created.ToString(), ", ", transfers.ToString(), " caps derived, revoke -> ",
                revoked.ToString(), ", derived again ", refilled.ToString(), ", echo server resumed -> ", resumed.ToString(), ", ",
                calls.ToString(), " of 20 calls of 4 KiB answered, 3 kills -> ", killed.ToString()));
            return 0;
        }

        // A chain of copies of the root, 118 deep in this table, then 127 children of its deepest link
        // in each holder's table (cap_transfer). Returns how many caps it made.
        private static int Fill()
        {
            int made = 0;
            int parent = Root;
            for (int slot = ChainStart; slot < TableSlots; slot++)
            {
                if (Caps.Copy(parent, slot) == 0)
                    made++;
                parent = slot;
            }
            for (int h = 0; h < Holders; h++)
            {
                var holder = new ProcessCap(FirstHolder + h);
                for (int slot = 1; slot < TableSlots; slot++)
                    if (holder.Transfer(parent, slot, CapRights.All) == 0)
                        made++;
            }
            return made;
        }

        // A holder: only the last one runs. It answers 4 KiB calls on slot 1 with w0 + 1, forever
        // (long-syscalls kills it).
        public static int Holder()
        {
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, 0);
            IpcRegisters r;
            r.A0 = 1; r.A1 = r.A2 = r.A3 = r.A4 = r.A5 = 0;
            long result = Ipc.Raw((ulong)Syscall.EndpointRecv, &r);
            while (result >= 0)
            {
                ulong w0 = r.A2;
                r.A0 = 1; r.A1 = (1UL << 32) | 4096; r.A2 = w0 + 1;
                result = Ipc.Raw((ulong)Syscall.EndpointReplyRecv, &r);
            }
            Sys.Write(string.Concat("irqoff-holder: receive -> ", result.ToString()));
            return 1;
        }
    }
}
