using MicroOS.Shared.Abi;
using MicroOS.Shared.Testing;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The boot tests of io_port_enable (the TSS I/O bitmap) and frame_unmap
    // (MicroOS.Tests/Boot/HardwareTests.cs). `hw <role>`; slot 1 is the manifest's first cap.
    // COM1's scratch register (0x3ff) is the port: it holds any byte written to it and drives nothing.
    //   io-direct       enable io:3f8+8, in/out the scratch register, then `in` from 0x3f7 (outside): killed
    //   io-revoke       enable a copy, revoke the original's children, then `in` again: killed
    //   io-delete       enable, delete the cap, then `in` again: killed
    //   io-keep         enable and use the port across 50 yields while other processes run, then exit
    //   io-none [ms]    holds io:3f8+8 but never enables it: `in` (after ms) is killed
    //   frames          frame_map / frame_unmap / map again; then touches the unmapped page: killed
    //   frame-peer      maps a frame it is sent (slot 1: ep hwshare, served), reads it after the sender unmapped and ended
    //   frame-owner     creates, writes, shares and unmaps a frame (slot 1: ep hwshare)
    // Each role reports its results as TestReport lines (`ok N name key=value ...`) before its last,
    // deliberate, fault: errors are SyscallError (-2 InvalidArgument, -5 InvalidCapability,
    // -8 OutOfRange, -9 ObjectGone).
    internal static unsafe class HardwareProbe
    {
        private const ushort Scratch = 0x3FF;
        private const ushort Outside = 0x3F7;
        private const ulong At = FrameCap.WindowBase;
        private const uint ShareLabel = 1, ReadLabel = 2;
        private const int ReceiveSlot = 9;

        public static int Run(string[] args)
        {
            string role = args.Length > 1 ? args[1] : "";
            switch (role)
            {
                case "io-direct": return IoDirect();
                case "io-revoke": return IoRevoke();
                case "io-delete": return IoDelete();
                case "io-keep": return IoKeep();
                case "io-none": return IoNone(args.Length > 2 && int.TryParse(args[2], out int ms) ? ms : 0);
                case "frames": return Frames();
                case "frame-peer": return FramePeer();
                case "frame-owner": return FrameOwner();
            }
            Sys.Write(string.Concat("hw: unknown role '", role, "'"));
            return 2;
        }

        private static string Hex(ulong v) => string.Concat("0x", v.ToString("X"));

        // Writes `value` to the scratch register with `out` and reads it back with `in`.
        private static ulong RoundTrip(byte value)
        {
            IoPorts.Out8(Scratch, value);
            return IoPorts.In8(Scratch);
        }

        private static int IoDirect()
        {
            var ports = new IoPorts(1);
            long checkedWrite = ports.Write8(Scratch, 0x33);
            long checkedRead = ports.Read8(Scratch);
            long enabled = ports.Enable();
            long again = ports.Enable();
            ulong direct = RoundTrip(0x5A);
            long viaSyscall = ports.Read8(Scratch);      // the checked path still works beside the bitmap
            long outsideChecked = ports.Read8(Outside);
            var report = new TestReport(2);
            // Checked syscalls first (a port outside the range is OutOfRange) ...
            report.Check("checked", checkedWrite == 0 && checkedRead == 0x33 && outsideChecked == (long)SyscallError.OutOfRange, string.Concat(
                TestReport.Value("write", checkedWrite), " ", TestReport.Hex("read", (ulong)checkedRead), " ", TestReport.Value("outside", outsideChecked)));
            // ... then the bitmap: enabling twice is harmless, in/out reach the device and the checked path still works beside it.
            report.Check("enabled", enabled == 0 && again == 0 && direct == 0x5A && viaSyscall == 0x5A, string.Concat(
                TestReport.Value("enable", enabled), " ", TestReport.Value("again", again), " ", TestReport.Hex("in-out", direct),
                " ", TestReport.Hex("checked-read", (ulong)viaSyscall)));
            Sys.Write("io-direct: in from 0x3f7 (outside the range)");
            ulong v = IoPorts.In8(Outside);
            Sys.Write(string.Concat("io-direct: SURVIVED, read ", Hex(v)));
            return 1;
        }

        private static int IoRevoke()
        {
            long copied = Caps.Copy(1, 5);
            long enabled = new IoPorts(5).Enable();
            ulong before = RoundTrip(0xA5);
            long revoked = Caps.Revoke(1);
            long enableGone = new IoPorts(5).Enable();
            new TestReport(1).Check("revoke", copied == 0 && enabled == 0 && before == 0xA5 && revoked == 1 && enableGone == (long)SyscallError.InvalidCapability,
                string.Concat(TestReport.Value("copy", copied), " ", TestReport.Value("enable-copy", enabled), " ", TestReport.Hex("in-out", before),
                    " ", TestReport.Value("revoke", revoked), " ", TestReport.Value("enable-after", enableGone)));
            Sys.Write("io-revoke: in after revoke");
            ulong v = IoPorts.In8(Scratch);
            Sys.Write(string.Concat("io-revoke: SURVIVED, read ", Hex(v)));
            return 1;
        }

        private static int IoDelete()
        {
            long enabled = new IoPorts(1).Enable();
            ulong before = RoundTrip(0x3C);
            long deleted = Caps.Delete(1);
            new TestReport(1).Check("delete", enabled == 0 && before == 0x3C && deleted == 0, string.Concat(
                TestReport.Value("enable", enabled), " ", TestReport.Hex("in-out", before), " ", TestReport.Value("delete", deleted)));
            Sys.Write("io-delete: in after delete");
            ulong v = IoPorts.In8(Scratch);
            Sys.Write(string.Concat("io-delete: SURVIVED, read ", Hex(v)));
            return 1;
        }

        // Other processes run between the rounds (yield, sleep): each time this one runs again the
        // bitmap must hold its ports.
        private static int IoKeep()
        {
            long enabled = new IoPorts(1).Enable();
            int good = 0;
            for (int i = 0; i < 50; i++)
            {
                if (RoundTrip((byte)(0x80 + i)) == (ulong)(0x80 + i))
                    good++;
                if (i % 10 == 0)
                    Sys.Sleep(10);
                else
                    Sys.Yield();
            }
            var report = new TestReport(1);
            report.Check("kept", enabled == 0 && good == 50, string.Concat(TestReport.Value("enable", enabled), " ", TestReport.Value("rounds-read-back", good)));
            return report.ExitCode;
        }

        private static int IoNone(int ms)
        {
            if (ms > 0)
                Sys.Sleep((ulong)ms);
            long checkedRead = new IoPorts(1).Read8(Scratch);
            Sys.Write(string.Concat("io-none: checked read -> ", checkedRead >= 0 ? "ok" : checkedRead.ToString(), "; in without enable"));
            ulong v = IoPorts.In8(Scratch);
            Sys.Write(string.Concat("io-none: SURVIVED, read ", Hex(v)));
            return 1;
        }

        private static ulong FreeFrames()
        {
            Ipc.Syscall4(Syscall.SystemInfo, 0, 0, 0, 0, out IpcRegisters r);
            return r.A0;
        }

        private static int Frames()
        {
            long created = Caps.CreateFrame(5, 2);
            long mapped = new FrameCap(5).Map(At, writable: true);
            ulong* words = (ulong*)At;
            words[0] = 0x4652_414D_4501;                 // "FRAME", 1
            words[512] = 0x4652_414D_4502;               // second page
            ulong free = FreeFrames();
            long unmapped = FrameCap.Unmap(At);
            ulong freeAfter = FreeFrames();
            long unmapAgain = FrameCap.Unmap(At);
            long unmapMiddle = FrameCap.Unmap(At + 4096);
            long unmapNothing = FrameCap.Unmap(At + 0x100000);
            long unmapHeap = FrameCap.Unmap(0x10_0000_0000);
            var report = new TestReport(2);
            long invalid = (long)SyscallError.InvalidArgument;
            // Unmap frees no frame (the memory is the Frame's); an address where no mapping starts is
            // InvalidArgument, the middle of a mapping and a heap page included.
            report.Check("unmap", created == 0 && mapped == 0 && unmapped == 0 && free == freeAfter && unmapAgain == invalid
                    && unmapMiddle == invalid && unmapNothing == invalid && unmapHeap == invalid,
                string.Concat(TestReport.Value("create", created), " ", TestReport.Value("map", mapped), " ", TestReport.Value("unmap", unmapped),
                    " ", TestReport.Value("frames-freed", (long)freeAfter - (long)free), " ", TestReport.Value("again", unmapAgain),
                    " ", TestReport.Value("mid-mapping", unmapMiddle), " ", TestReport.Value("nothing-mapped", unmapNothing),
                    " ", TestReport.Value("heap", unmapHeap)));
            long remapped = new FrameCap(5).Map(At, writable: false);
            long second = new FrameCap(5).Map(At + 0x10000, writable: true);
            ulong first = words[0], secondPage = words[512];
            long unmapFirst = FrameCap.Unmap(At);
            ulong viaSecond = *(ulong*)(At + 0x10000 + 4096);
            long unmapSecond = FrameCap.Unmap(At + 0x10000);
            // Mapped again, the data written before is still there; two mappings of one frame are undone one at a time.
            report.Check("map-again", remapped == 0 && first == 0x4652_414D_4501 && secondPage == 0x4652_414D_4502 && second == 0
                    && unmapFirst == 0 && viaSecond == 0x4652_414D_4502 && unmapSecond == 0,
                string.Concat(TestReport.Value("map", remapped), " ", TestReport.Hex("page0", first), " ", TestReport.Hex("page1", secondPage),
                    " ", TestReport.Value("second-map", second), " ", TestReport.Value("unmap-first", unmapFirst),
                    " ", TestReport.Hex("via-second", viaSecond), " ", TestReport.Value("unmap-second", unmapSecond)));
            Sys.Write("frames: touching the unmapped page");
            ulong v = words[0];
            Sys.Write(string.Concat("frames: SURVIVED, read ", Hex(v)));
            return 1;
        }

        // Serves the owner: maps the frame it is sent, reads it when asked. After the owner unmapped
        // its own mapping and ended, the memory is still here (mapped in this process); then unmaps.
        private static int FramePeer()
        {
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, ReceiveSlot);
            var endpoint = new Endpoint(1);
            long r = endpoint.Receive(out Message m);
            long mapped = r == 0 ? new FrameCap(ReceiveSlot).Map(At, writable: false) : r;
            ulong* word = (ulong*)At;
            m = new Message(ShareLabel, mapped == 0 ? *word : 0, (ulong)mapped);
            r = endpoint.ReplyReceive(ref m);
            m = new Message(ReadLabel, r == 0 ? *word : 0);
            Ipc.Reply(ref m);
            Sys.Sleep(300);                                 // the owner ends meanwhile: the frame object dies
            ulong late = *word;
            long inspect = Caps.Inspect(ReceiveSlot, out _);
            ulong free = FreeFrames();
            long unmapped = FrameCap.Unmap(At);
            long freed = (long)FreeFrames() - (long)free;
            // The last mapping of a dead frame: its memory goes back now.
            var report = new TestReport(1);
            // The frame object is dead (its cap ObjectGone) but its memory stayed while mapped here;
            // this unmap, the last mapping, gives that frame back, and the owner's object page that
            // was kept for the frame's object (Objects/ObjectArena.cs): 2.
            report.Check("after-owner-ended", late == 0x5348_4152_4544_0002 && inspect == (long)SyscallError.ObjectGone && unmapped == 0 && freed == 2,
                string.Concat(TestReport.Hex("read", late), " ", TestReport.Value("cap", inspect), " ", TestReport.Value("unmap", unmapped),
                    " ", TestReport.Value("frames-freed", freed)));
            return report.ExitCode;
        }

        private static int FrameOwner()
        {
            long created = Caps.CreateFrame(5, 1);
            long mapped = new FrameCap(5).Map(At, writable: true);
            *(ulong*)At = 0x5348_4152_4544_0002;          // "SHARED", 2
            Caps.Mint(5, 6, CapRights.Read);
            var m = new Message(ShareLabel) { Tag = MessageTag.WithCap(ShareLabel, 6) };
            long call = new Endpoint(1).Call(ref m);
            ulong peerRead = m.W0;
            ulong free = FreeFrames();
            long unmapped = FrameCap.Unmap(At);
            long freed = (long)FreeFrames() - (long)free;        // 0: the frame lives (caps, the peer's mapping)
            m = new Message(ReadLabel);
            long call2 = new Endpoint(1).Call(ref m);
            var report = new TestReport(1);
            // The owner's unmap frees nothing: the peer still reads the frame.
            report.Check("shared", created == 0 && mapped == 0 && call == 0 && peerRead == 0x5348_4152_4544_0002 && unmapped == 0 && freed == 0
                    && call2 == 0 && m.W0 == 0x5348_4152_4544_0002,
                string.Concat(TestReport.Value("create", created), " ", TestReport.Value("map", mapped), " ", TestReport.Value("call", call),
                    " ", TestReport.Hex("peer-read", peerRead), " ", TestReport.Value("unmap", unmapped), " ", TestReport.Value("frames-freed", freed),
                    " ", TestReport.Value("call-after", call2), " ", TestReport.Hex("peer-read-after", m.W0)));
            return report.ExitCode;
        }
    }
}
