using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // 100,000 random capability and IPC syscalls with random arguments and slot numbers (empty,
    // wrong type, out of range, huge; kernel, unmapped and valid pointers). Calls that would block
    // this thread forever become their non-blocking forms; Exit and thread_exit are left out. The
    // thread calls (thread_create with valid entries and stacks too) are among them. Slot 1 (pong, the
    // witness) is kept out of destructive calls; at the end pong must still answer. Slot 2 starts as
    // an io range (io:3f8+8, COM1: not the kernel log's COM2) for io_port_enable; frame_unmap gets frame-window addresses half the time;
    // notification_signal_after (53) is picked as often as frame_unmap, with short delays half the time.
    internal static unsafe class IpcFuzz
    {
        public const int Calls = 100_000;

        // An entry that ends the thread at once without touching its stack (Rogue.asm).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        [System.Runtime.RuntimeImport("probe_thread_exit_address")]
        private static extern ulong ThreadExitEntry();

        public static int Run(string seedText)
        {
            ulong state = int.TryParse(seedText, out int seed) && seed != 0 ? (ulong)seed * 0x9E3779B97F4A7C15 : 0x9E3779B97F4A7C15;
            byte* buffer = (byte*)Sys.MapMemory(8192);
            int values = 0, errors = 0;
            IpcRegisters r;
            for (int i = 0; i < Calls; i++)
            {
                ulong number = PickNumber(ref state);
                r.A0 = PickSlot(ref state);
                r.A1 = PickArgument(ref state, buffer);
                r.A2 = PickArgument(ref state, buffer);
                r.A3 = PickArgument(ref state, buffer);
                r.A4 = Next(ref state);
                r.A5 = Next(ref state);
                if (number == (ulong)Syscall.Sleep)
                    r.A0 %= 2;
                if (number == (ulong)Syscall.NotificationSignalAfter && (r.A4 & 1) != 0)
                    r.A1 %= 50;     // short timers that fire during the run (long ones are cancelled when it ends)
                if (number == (ulong)Syscall.FrameUnmap && (r.A4 & 1) != 0)
                    r.A0 = 0x0000_0030_0000_0000 + (Next(ref state) % 64) * 4096;    // the frame window, where frame_map maps
                if (number >= (ulong)Syscall.CapCopy && number <= (ulong)Syscall.NotificationCreate)
                {
                    if (r.A0 == 1) r.A0 = 2;
                    r.A1 = PickSlot(ref state);
                    if (r.A1 == 1) r.A1 = 2;
                }
                if (number == (ulong)Syscall.EndpointSend || number == (ulong)Syscall.EndpointCall || number == (ulong)Syscall.EndpointNBSend)
                {
                    // Any label but Exit (which would end the witness); random lengths and carried caps.
                    ulong label = Next(ref state) % 8;
                    if (label == EchoContract.Exit)
                        label = EchoContract.Ping;
                    r.A1 = (label << 32) | (r.A1 & 0xFFFF_FFFF);
                    if (number == (ulong)Syscall.EndpointCall && r.A0 != 1)
                        number = (ulong)Syscall.EndpointNBSend;
                }
                if (number == (ulong)Syscall.ThreadCreate)
                {
                    // Real threads now and then (a valid entry and stack: they run, exit, and leave
                    // stale caps behind), in a few slots so their charge stays bounded.
                    r.A0 = 2 + Next(ref state) % 16;
                    if ((Next(ref state) & 1) == 0)
                        r.A1 = ThreadExitEntry();
                    if ((Next(ref state) & 1) == 0)
                        r.A2 = (ulong)buffer + 4096 * (1 + Next(ref state) % 2);
                }
                long result = Ipc.Raw(number, &r);
                if (result < 0) errors++; else values++;
            }
            var m = new Message(EchoContract.Ping, 41);
            long last = new Endpoint(1).Call(ref m);
            Sys.Write(string.Concat("ipc-fuzz: ", Calls.ToString(), " calls, ", values.ToString(), " values, ", errors.ToString(),
                " error codes; pong -> ", last.ToString(), ", reply ", m.W0.ToString()));
            return 0;
        }

        private static ulong PickNumber(ref ulong state)
        {
            ulong r = Next(ref state) % 22;
            ulong n;
            if (r < 17)
                n = (ulong)Syscall.CapCopy + Next(ref state) % ((ulong)Syscall.ProcessStart - (ulong)Syscall.CapCopy + 1);
            else if (r == 17)
                n = (ulong)Syscall.ThreadCreate + Next(ref state) % ((ulong)Syscall.ThreadExit - (ulong)Syscall.ThreadCreate + 1);
            else if (r >= 20)
                n = r == 20 ? (ulong)Syscall.IoPortEnable : (Next(ref state) & 1) == 0 ? (ulong)Syscall.FrameUnmap : (ulong)Syscall.NotificationSignalAfter;     // slot 2 is an io range
            else
                n = r == 18 ? SyscallAbi.Count + Next(ref state) % 50 : Next(ref state);    // past the table (SyscallAbi.Count on)
            // thread_exit from this (the main) thread would end the run, as exit would.
            if (n == (ulong)Syscall.ThreadExit || n == (ulong)Syscall.Exit) return (ulong)Syscall.ThreadInspect;
            // What would wait forever becomes its non-blocking form.
            if (n == (ulong)Syscall.EndpointRecv || n == (ulong)Syscall.EndpointReplyRecv) return (ulong)Syscall.EndpointNBRecv;
            if (n == (ulong)Syscall.EndpointSend) return (ulong)Syscall.EndpointNBSend;
            if (n == (ulong)Syscall.NotificationWait) return (ulong)Syscall.NotificationPoll;
            return n;
        }

        private static ulong PickSlot(ref ulong state)
        {
            switch (Next(ref state) % 6)
            {
                case 0: return 1;
                case 1: return Next(ref state) % 8;
                case 2: return Next(ref state) % 130;
                case 3: return 0x7FFF_FFFF;
                case 4: return ulong.MaxValue - Next(ref state) % 4;
                default: return 2 + Next(ref state) % 30;
            }
        }

        private static ulong PickArgument(ref ulong state, byte* buffer)
        {
            switch (Next(ref state) % 9)
            {
                case 0: return 0;
                case 1: return 0xFFFF_FFFF_8010_0000 + Next(ref state) % 0x100000;     // kernel image
                case 2: return 0x8000_0000_0000_0000 | Next(ref state);               // non-canonical
                case 3: return 0x0000_0030_0000_0000 + (Next(ref state) % 64) * 4096; // the frame window
                case 4: return (ulong)buffer + (Next(ref state) % 2) * 4096;           // valid, page aligned
                case 5: return (ulong)buffer + Next(ref state) % 8192;                 // valid, any alignment
                case 6: return Next(ref state) % 0x2000;                               // small number
                case 7: return ulong.MaxValue - Next(ref state) % 0x10000;             // huge number
                default: return Next(ref state);
            }
        }

        private static ulong Next(ref ulong state)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        }
    }
}
