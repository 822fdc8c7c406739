using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Manifest;
using MicroOS.Shared.Testing;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // A compromised filesystem server stays in its sandbox (issue 17 item 7; MicroOS.Tests/Boot/
    // EvilFatTests.cs): `evil-fat` runs in fat's place with exactly fat's manifest capabilities
    // (the test manifest's [evil-fat]: 1 = its own endpoint, 2 = ata's endpoint as fat holds it,
    // 3 = Names with the system badge) and tries what a taken-over fat would:
    //   holds      what its table holds: three endpoints, no device of any kind
    //   ports      every I/O port through every slot (io_port_read): none answers
    //   mapping    mapping its capabilities as memory (ata's endpoint, Names'): refused
    //   names      posing as the disk driver or as Names' other servers: refused (Taken), its own name fine
    //   ata-bounds the ata endpoint with its own lent frame, every out-of-range request: refused before
    //              the device is touched
    //   ata-other  ata as Names hands it out (to anyone): it reaches no client's frame (NotAttached)
    //   ata-alive  after all that, the driver still answers and reads sector 0 into this frame
    // One TestReport line each (`ok N name key=value`); the host checks the observed values.
    internal static class EvilFat
    {
        private const int Own = 1, Ata = 2, Names = 3;
        private const ulong FrameAt = FrameCap.WindowBase;

        public static int Run()
        {
            IpcBuffer.Setup();
            var report = new TestReport(7);

            int endpoints = 0, devices = 0, others = 0;
            for (int slot = 1; slot <= ManifestCaps.MaxItems; slot++)
            {
                long info = Caps.Inspect(slot, out _);
                if (info < 0)
                    continue;
                CapType type = CapInfo.TypeOf(info);
                if (type == CapType.Endpoint)
                    endpoints++;
                else if (type == CapType.IoPortRange || type == CapType.IrqLine || type == CapType.Frame)
                    devices++;
                else
                    others++;
            }
            report.Check("holds", endpoints == 3 && devices == 0 && others == 0, string.Concat(
                TestReport.Value("endpoints", endpoints), " ", TestReport.Value("devices", devices), " ", TestReport.Value("others", others)));

            long tried = 0, answered = 0;
            for (ulong slot = 0; slot <= 4; slot++)
                for (ulong port = 0; port <= 0xFFFF; port++, tried++)
                    if (SysCalls.IoPortRead(slot, port, 1) >= 0)
                        answered++;
            report.Check("ports", answered == 0, string.Concat(TestReport.Value("tried", tried), " ", TestReport.Value("answered", answered)));

            long mapAta = SysCalls.FrameMap(Ata, FrameAt, 0), mapNames = SysCalls.FrameMap(Names, FrameAt, 1);
            report.Check("mapping", mapAta == (long)SyscallError.WrongType && mapNames == (long)SyscallError.WrongType,
                string.Concat(TestReport.Value("ata", mapAta), " ", TestReport.Value("names", mapNames)));

            var names = new INames.Client(new Endpoint(Names));
            long asAta = names.Register("ata", new Endpoint(Own));
            long asFat = names.Register("fat", new Endpoint(Own));
            report.Check("names", asAta == (long)NamesError.Taken && asFat == 0,
                string.Concat(TestReport.Value("ata", asAta), " ", TestReport.Value("fat", asFat)));

            var ata = new IBlock.Client(new Endpoint(Ata));
            int frame = Caps.NewSlot();
            long attached = Caps.CreateFrame(frame, 1) == 0 ? ata.Attach(4096, new FrameCap(frame)) : -1;
            long sectors = ata.Identify(out _, out _, out _);
            long pastFrame = ata.Read(0, 1, 4096);
            long overFrame = ata.Read(0, 9, 0);
            long hugeOffset = ata.Write(0, 1, 1UL << 63);
            long none = ata.Read(0, 0, 0);
            long tooMany = ata.Read(0, BlockContract.MaxSectors + 1, 0);
            long pastDisk = sectors > 0 ? ata.Read((ulong)sectors, 1, 0) : 0;
            long wrapping = ata.Write(ulong.MaxValue, 2, 0);
            report.Check("ata-bounds", attached == 0 && sectors > 0
                && pastFrame == (long)BlockError.BadFrameRange && overFrame == (long)BlockError.BadFrameRange
                && hugeOffset == (long)BlockError.BadFrameRange && none == (long)BlockError.OutOfRange
                && tooMany == (long)BlockError.OutOfRange && pastDisk == (long)BlockError.OutOfRange && wrapping == (long)BlockError.OutOfRange,
                string.Concat(
                    string.Concat(TestReport.Value("attach", attached), " ", TestReport.Value("past-frame", pastFrame), " ", TestReport.Value("over-frame", overFrame), " "),
                    string.Concat(TestReport.Value("huge-offset", hugeOffset), " ", TestReport.Value("zero", none), " ", TestReport.Value("too-many", tooMany), " "),
                    string.Concat(TestReport.Value("past-disk", pastDisk), " ", TestReport.Value("wrapping", wrapping))));

            long found = names.Lookup("ata", out Endpoint published);
            long otherRead = found == 0 ? new IBlock.Client(published).Read(0, 1, 0) : found;
            long otherWrite = found == 0 ? new IBlock.Client(published).Write(0, 1, 0) : found;
            report.Check("ata-other", otherRead == (long)BlockError.NotAttached && otherWrite == (long)BlockError.NotAttached,
                string.Concat(TestReport.Value("read", otherRead), " ", TestReport.Value("write", otherWrite)));

            long again = ata.Identify(out _, out _, out _);
            long read = ata.Read(0, 1, 0);
            long mapped = new FrameCap(frame).Map(FrameAt, false);
            bool signature = false;
            if (mapped == 0)
                unsafe { signature = ((byte*)FrameAt)[510] == 0x55 && ((byte*)FrameAt)[511] == 0xAA; }
            report.Check("ata-alive", again == sectors && read == 1 && signature,
                string.Concat(TestReport.Value("identify-same", again == sectors), " ", TestReport.Value("read", read), " ", TestReport.Value("boot-signature", signature)));
            Sys.Write(string.Concat("evil-fat: done, ", report.Failed.ToString(), " failed"));
            return report.ExitCode;
        }
    }
}
