using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // process_create_frame as an attacker uses it (issue 17, item 4; MicroOS.Tests/Boot/RunFromDiskTests.cs).
    // `frameexec`; slot 1: mmio:b8000+1:r (a device frame). The program it starts is made here: a
    // 188-byte static ELF (one read+execute PT_LOAD) whose code is `exit(7)`. Each case is one line,
    // "frameexec: CASE -> RESULT" (a pid as `pid`, or the error's name), in this order:
    //   valid (then it runs and exits 7), zero-length, past-the-frame, truncated, segment-past-image,
    //   wrong-machine, read-only-copy (Read is enough), write-only-copy, no-rights, device-frame,
    //   endpoint, over-budget, too-small, revoked, bad-text, occupied, budget (two children of half
    //   the budget: the second refused until the first ends), and a loop of malformed images.
    internal static unsafe class FrameExecProbe
    {
        private const ulong At = FrameCap.WindowBase;
        private const ulong ChildKiB = 512;
        private const int DeviceSlot = 1;

        public static int Run(string[] args)
        {
            Server.Begin("frameexec");
            byte[] tiny = Tiny(7);
            int frame = Caps.NewSlot();
            long r = Caps.CreateFrame(frame, 1);
            if (r != 0 || new FrameCap(frame).Map(At, writable: true) != 0)
            {
                Sys.Write(string.Concat("frameexec: no frame (", r.ToString(), ")"));
                return 1;
            }
            byte* page = (byte*)At;
            Put(page, tiny);

            // A valid image: a pid, then it runs and exits with 7 (the kernel logs it).
            int child = Caps.NewSlot();
            long pid = Create(frame, child, "tiny", tiny.Length, ChildKiB);
            Report("valid", pid);
            if (pid > 0)
            {
                Caps.NewNotification(out Notification death);
                var process = new ProcessCap(child);
                process.SetDeathNotification(death, 1);
                process.Resume();
                death.Wait(out _);
                Sys.Write(string.Concat("frameexec: valid ended, inspect -> ", Name(process.Inspect())));
                Caps.FreeSlot(child);
            }

            Report("zero-length", Create(frame, Caps.NewSlot(), "tiny", 0, ChildKiB));
            Report("past-the-frame", Create(frame, Caps.NewSlot(), "tiny", 4097, ChildKiB));
            Report("truncated", Create(frame, Caps.NewSlot(), "tiny", 100, ChildKiB));
            // The segment's file size says 0x2000 bytes: past the image's 188.
            *(ulong*)(page + 64 + 32) = 0x2000;
            *(ulong*)(page + 64 + 40) = 0x2000;
            Report("segment-past-image", Create(frame, Caps.NewSlot(), "tiny", tiny.Length, ChildKiB));
            Put(page, tiny);
            page[18] = 3;           // e_machine: i386
            Report("wrong-machine", Create(frame, Caps.NewSlot(), "tiny", tiny.Length, ChildKiB));
            Put(page, tiny);

            // Rights: Read is what it takes (the kernel only reads); Write alone or nothing is refused.
            int readOnly = Caps.NewSlot(), writeOnly = Caps.NewSlot(), none = Caps.NewSlot();
            Caps.Mint(frame, readOnly, CapRights.Read);
            Caps.Mint(frame, writeOnly, CapRights.Write);
            Caps.Mint(frame, none, CapRights.None);
            int unstarted = Caps.NewSlot();
            long readPid = Create(readOnly, unstarted, "tiny", tiny.Length, ChildKiB);
            Report("read-only-copy", readPid);
            if (readPid > 0)
                new ProcessCap(unstarted).Kill();       // never resumed: it ends unstarted
            Report("write-only-copy", Create(writeOnly, Caps.NewSlot(), "tiny", tiny.Length, ChildKiB));
            Report("no-rights", Create(none, Caps.NewSlot(), "tiny", tiny.Length, ChildKiB));
            Report("device-frame", Create(DeviceSlot, Caps.NewSlot(), "tiny", 188, ChildKiB));
            int endpoint = Caps.NewSlot();
            Caps.CreateEndpoint(endpoint);
            Report("endpoint", Create(endpoint, Caps.NewSlot(), "tiny", tiny.Length, ChildKiB));

            // Memory: more than the caller has left, and less than the image needs.
            Report("over-budget", Create(frame, Caps.NewSlot(), "tiny", tiny.Length, 256 * 1024));
            Report("too-small", Create(frame, Caps.NewSlot(), "tiny", tiny.Length, 64));

            // A revoked copy: its slot answers as empty, never the frame.
            int copy = Caps.NewSlot();
            Caps.Copy(frame, copy);
            Caps.Revoke(frame);             // removes `copy`, a child of `frame`; `frame` stays
            Report("revoked", Create(copy, Caps.NewSlot(), "tiny", tiny.Length, ChildKiB));

            // Bad text and an occupied destination.
            int dest = Caps.NewSlot();
            Report("bad-text", SysCalls.ProcessCreateFrame((ulong)frame, (ulong)dest, 0x10, ProcessCreateArgs.Pack(4, ChildKiB, false), (ulong)tiny.Length, out _));
            Report("occupied", Create(frame, endpoint, "tiny", tiny.Length, ChildKiB));

            // Budget: children's limits come out of this process's (4 MiB): half of it twice does not
            // fit beside what it uses itself; once the first ends its limit comes back.
            int first = Caps.NewSlot(), second = Caps.NewSlot();
            long a = Create(frame, first, "tiny", tiny.Length, 2048);
            long b = Create(frame, second, "tiny", tiny.Length, 2048);
            if (a > 0)
                new ProcessCap(first).Kill();
            Caps.FreeSlot(first);
            long c = Create(frame, second, "tiny", tiny.Length, 2048);
            if (c > 0)
                new ProcessCap(second).Kill();
            Sys.Write(string.Concat("frameexec: budget -> ", Name(a), ", ", Name(b), "; after the first ended -> ", Name(c)));

            // Many refusals: each an error, the kernel describes the first few only (its heap is never collected).
            page[0] = 0;
            int refused = 0;
            for (int i = 0; i < 1000; i++)
                if (Create(frame, dest, "bad", tiny.Length, ChildKiB) == (long)SyscallError.InvalidArgument)
                    refused++;
            Sys.Write(string.Concat("frameexec: 1000 malformed -> ", refused.ToString(), " InvalidArgument"));
            Sys.Write("frameexec: done");
            return 0;
        }

        private static long Create(int frame, int destination, string text, int length, ulong memoryKiB)
        {
            byte* bytes = stackalloc byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                bytes[i] = (byte)text[i];
            return SysCalls.ProcessCreateFrame((ulong)frame, (ulong)destination, (ulong)bytes, ProcessCreateArgs.Pack(text.Length, memoryKiB, false), (ulong)length, out _);
        }

        private static string Name(long r) => r > 0 ? "pid" : SyscallErrors.Name(r);

        private static void Report(string what, long r) => Sys.Write(string.Concat("frameexec: ", what, " -> ", Name(r)));

        private static void Put(byte* page, byte[] bytes)
        {
            for (int i = 0; i < 4096; i++)
                page[i] = i < bytes.Length ? bytes[i] : (byte)0;
        }

        // An ELF64 x86-64 executable: the header (64 bytes), one PT_LOAD (56 bytes: offset 0 at
        // 0x400000, read+execute, the whole file), then the code at 0x400078: mov edi, code;
        // mov eax, 1 (exit); syscall; ud2.
        private static byte[] Tiny(byte code)
        {
            var e = new byte[188];
            e[0] = 0x7F; e[1] = (byte)'E'; e[2] = (byte)'L'; e[3] = (byte)'F';
            e[4] = 2; e[5] = 1; e[6] = 1;                       // 64-bit, little-endian, version 1
            Put16(e, 16, 2);                                    // ET_EXEC
            Put16(e, 18, 62);                                   // x86-64
            Put32(e, 20, 1);
            Put64(e, 24, 0x400078);                             // entry
            Put64(e, 32, 64);                                   // program headers at 64
            Put16(e, 52, 64);                                   // header size
            Put16(e, 54, 56);                                   // program header size
            Put16(e, 56, 1);                                    // one
            Put32(e, 64, 1);                                    // PT_LOAD
            Put32(e, 68, 5);                                    // R + X
            Put64(e, 72, 0);                                    // offset
            Put64(e, 80, 0x400000);                             // vaddr
            Put64(e, 88, 0x400000);                             // paddr
            Put64(e, 96, 188);                                  // file size
            Put64(e, 104, 188);                                 // memory size
            Put64(e, 112, 0x1000);                              // align
            byte[] text = { 0xBF, code, 0, 0, 0, 0xB8, 1, 0, 0, 0, 0x0F, 0x05, 0x0F, 0x0B };
            for (int i = 0; i < text.Length; i++)
                e[120 + i] = text[i];
            return e;
        }

        private static void Put16(byte[] b, int at, ushort v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }
        private static void Put32(byte[] b, int at, uint v) { for (int i = 0; i < 4; i++) b[at + i] = (byte)(v >> (8 * i)); }
        private static void Put64(byte[] b, int at, ulong v) { for (int i = 0; i < 8; i++) b[at + i] = (byte)(v >> (8 * i)); }
    }
}
