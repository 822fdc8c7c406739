using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Ata
{
    // The ATA disk driver: the primary channel's master (command block 0x1F0..0x1F7, control 0x3F6,
    // IRQ 14), PIO transfers, serving IBlock (Contracts/StorageContracts.cs; docs/storage.md) through
    // its generated dispatcher. Blocks never travel in messages: each client lends a Frame once
    // (Attach) and names byte ranges of it; `rep insw`/`rep outsw` move the sectors between the data
    // port and that frame, which this driver maps in its window. Every wait on the device has a
    // deadline (AwaitInterrupt: the one-shot timer on the interrupt notification; AwaitStatus: polls
    // against the tick count): a missing IRQ or a BSY that never clears becomes BlockError.Timeout,
    // and a channel reset, never a hang. With no drive (IDENTIFY fails) the driver stays up and
    // answers NoDevice, so the layers above can say "no disk". Capabilities (boot manifest `caps=`):
    // io:1f0+8, io:3f6+1, irq:14, its endpoint `ata`, Names (system badge: it registers `ata`); it
    // makes its interrupt notification, and keeps each client's frame in a slot of its own.
    internal sealed unsafe class AtaServer : IBlock
    {
        private const int MaxClients = 8;
        private const ulong PublicBadge = 0xA7A;        // the copy registered with Names (no frame, ever)
        // Each client's frame gets a window slice as large as the largest Frame (64 pages).
        private const ulong ClientSpan = 64UL * 4096;

        private const ushort Data = 0x1F0, Error = 0x1F1, SectorCount = 0x1F2, LbaLow = 0x1F3, LbaMid = 0x1F4, LbaHigh = 0x1F5,
            DeviceSelect = 0x1F6, StatusCommand = 0x1F7, AltStatusControl = 0x3F6;
        // Device control (3F6, write): nIEN (bit 1) clear = the device interrupts; SRST (bit 2) resets the channel.
        private const byte ControlInterruptsOn = 0x00, ControlReset = 0x04;

        // The deadline of one wait (an interrupt, BSY clearing, DRQ): far beyond what a sector takes
        // (microseconds under QEMU, even a loaded host's tens of milliseconds; milliseconds on a real
        // disk) and below the supervisor's heartbeat limit (10 missed pings, 1 s: a driver in a wait
        // takes no ping), so a stuck device makes a Timeout reply, not a kill. A cache flush (one
        // wait) gets a little more; longer would have to answer pings meanwhile.
        private const ulong WaitMilliseconds = 500;
        private const ulong FlushMilliseconds = 800;
        // A request's time budget (see Transfer) and the sectors of one ATA command within it: with
        // READ/WRITE MULTIPLE a command of 128 sectors is 128 / s_block interrupts (8 under QEMU).
        private const ulong RequestMilliseconds = 300;
        private const int ChunkSectors = 128;
        // The interrupt notification's bits: IRQ 14 (the line's default, 1 << irq: the cap is
        // unbadged) and the one-shot timer (notification_signal_after) that ends a wait.
        private const ulong IrqBit = 1UL << 14, DeadlineBit = 1;

        private static IrqLineCap s_irq;
        private static Notification s_interrupts;
        private static byte* s_sector;          // IDENTIFY's 512 bytes
        private static bool s_present;
        private static AtaIdentity s_disk;
        // Sectors per DRQ block (and interrupt): SET MULTIPLE MODE's, or 1 (READ/WRITE SECTORS) when
        // the drive has no multiple mode or refused it.
        private static int s_block = 1;
        private static ulong s_hertz = 100;

        private static readonly ulong[] s_badges = new ulong[MaxClients];
        private static readonly bool[] s_attached = new bool[MaxClients];
        private static readonly ulong[] s_frameBytes = new ulong[MaxClients];
        private static readonly int[] s_frameSlots = new int[MaxClients];

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("ata");
            s_sector = (byte*)Sys.MapMemory(4096);
            Sys.SystemInfo(out _, out s_hertz, out _);
            s_irq = Caps.Irq(14);
            long created = Caps.NewNotification(out s_interrupts);
            long command = Caps.IoPorts(0x1F0).Enable();
            long control = Caps.IoPorts(0x3F6).Enable();
            long routed = created < 0 ? created : s_irq.SetNotification(s_interrupts);
            if (created < 0 || command < 0 || control < 0 || routed < 0)
            {
                // Without its ports or IRQ it cannot reach a disk; it still answers (NoDevice).
                Sys.Write(string.Concat("ata: setup failed: notification ", created.ToString(), ", ports 1f0 ", command.ToString(),
                    ", port 3f6 ", control.ToString(), ", irq ", routed.ToString(), "; answering NoDevice"));
            }
            else
            {
                IoPorts.Out8(AltStatusControl, ControlInterruptsOn);
                s_present = Identify(out string why);
                if (s_present)
                {
                    s_block = SetMultiple(s_disk.MultipleMax);
                    Sys.Write(string.Concat("ata: primary master: ", s_disk.Sectors.ToString(), " sectors (", (s_disk.Sectors / 2048).ToString(), " MiB), ",
                        s_disk.Lba48 ? "LBA48" : "LBA28", ", ", s_block.ToString(), " sectors per interrupt, model '", s_disk.Model, "'"));
                }
                else
                    Sys.Write(string.Concat("ata: no disk on the primary master (", why, "); answering NoDevice"));
            }
            // Names gets a write-only copy with a badge of its own (PublicBadge): what anyone looks up
            // as `ata` can ping the driver and ask Identify, but names no client's frame (fat's cap
            // is unbadged: with the endpoint itself, `call ata Read` from the shell moved sectors
            // into fat's frame) and, without `g`, can lend none.
            Endpoint own = Caps.Endpoint("ata");
            int published = Caps.NewSlot();
            long minted = Caps.Mint(own.Slot, published, CapRights.Write, PublicBadge);
            long registered = minted < 0 ? minted : new INames.Client(Caps.Endpoint("names")).Register("ata", new Endpoint(published));
            Sys.Write(string.Concat("ata: ready; registered -> ", registered.ToString()));
            return Server.Serve("ata", own, new IBlock.Dispatcher(new AtaServer()), register: false);
        }

        public long Identify(out ulong sectorSize, out ulong flags, out string model)
        {
            sectorSize = BlockContract.SectorSize;
            flags = s_present && s_disk.Lba48 ? BlockFlags.Lba48 : 0;
            model = s_present ? s_disk.Model : null;
            return s_present ? (long)s_disk.Sectors : (long)BlockError.NoDevice;
        }

        public long Read(ulong lba, ulong sectors, ulong offset) => Answer(Transfer(Server.CallerBadge, false, lba, sectors, offset, out ulong detail), detail);

        public long Write(ulong lba, ulong sectors, ulong offset) => Answer(Transfer(Server.CallerBadge, true, lba, sectors, offset, out ulong detail), detail);

        public long Flush()
        {
            ulong detail = 0;
            return Answer(s_present ? Flush(out detail) : (long)BlockError.NoDevice, detail);
        }

        // An error's detail (the error register) travels in the error reply.
        private static long Answer(long result, ulong detail)
        {
            if (result < 0)
                ErrorDetail.Reply = detail;
            return result;
        }

        // Attach: the frame just received (the dispatcher's slot, now ours) becomes this badge's,
        // mapped writable in its slice of the window, replacing the badge's earlier one. Its size is
        // the kernel's word, not the client's: `bytes` may be smaller (the driver then uses only that
        // much), never larger.
        public long Attach(ulong bytes, FrameCap frame)
        {
            ulong badge = Server.CallerBadge;
            if (frame.Slot == 0 || badge == PublicBadge)
            {
                if (frame.Slot != 0)
                    Caps.FreeSlot(frame.Slot);
                return (long)BlockError.BadFrameRange;
            }
            long info = Caps.Inspect(frame.Slot, out _, out int pages);
            int client = ClientOf(badge, allocate: true);
            if (info < 0 || CapInfo.TypeOf(info) != CapType.Frame || bytes == 0 || bytes > (ulong)pages * 4096 || client < 0)
            {
                Caps.FreeSlot(frame.Slot);
                return client < 0 ? (long)BlockError.BadRequest : (long)BlockError.BadFrameRange;
            }
            Detach(client);
            long e = frame.Map(FrameOf(client), writable: true);
            if (e != 0)
            {
                Caps.FreeSlot(frame.Slot);
                s_badges[client] = 0;
                return (long)BlockError.BadFrameRange;   // a read-only frame (MissingRight), or no memory for its page tables
            }
            s_badges[client] = badge;
            s_attached[client] = true;
            s_frameBytes[client] = bytes;
            s_frameSlots[client] = frame.Slot;
            return 0;
        }

        private static void Detach(int client)
        {
            if (!s_attached[client])
                return;
            FrameCap.Unmap(FrameOf(client));
            Caps.FreeSlot(s_frameSlots[client]);
            s_frameSlots[client] = 0;
            s_attached[client] = false;
            s_frameBytes[client] = 0;
        }

        private static ulong FrameOf(int client) => FrameCap.WindowBase + (ulong)client * ClientSpan;

        // The client index of `badge`, or a free one when asked (-1: none). A client slot is kept for
        // its badge once taken: clients are servers with fixed badges, a handful.
        private static int ClientOf(ulong badge, bool allocate)
        {
            for (int i = 0; i < MaxClients; i++)
                if (s_attached[i] && s_badges[i] == badge)
                    return i;
            if (!allocate)
                return -1;
            for (int i = 0; i < MaxClients; i++)
                if (!s_attached[i])
                    return i;
            return -1;
        }

        // Read or Write: sectors read or written, or a BlockError (detail: the error register).
        private static long Transfer(ulong badge, bool write, ulong lba, ulong sectors, ulong offset, out ulong detail)
        {
            detail = 0;
            if (!s_present)
                return (long)BlockError.NoDevice;
            int client = ClientOf(badge, allocate: false);
            if (client < 0)
                return (long)BlockError.NotAttached;
            BlockError refused = AtaProtocol.CheckRequest(lba, sectors, offset, s_disk.Sectors, s_frameBytes[client]);
            if (refused != 0)
                return (long)refused;
            // One ATA command per ChunkSectors, and no new command once the request has run for its
            // budget: the reply then says how many sectors were moved (fewer than asked; the client
            // asks again for the rest). A driver busy with one request receives no message, and the
            // supervisor kills a server that takes no heartbeat and no message for 1 s.
            ulong started = Now();
            int done = 0;
            while (done < (int)sectors)
            {
                int n = (int)sectors - done < ChunkSectors ? (int)sectors - done : ChunkSectors;
                if (!AtaProtocol.Plan(lba + (ulong)done, n, write, s_disk.Lba48, out AtaTransfer t, multiple: s_block > 1))
                    return done > 0 ? done : (long)BlockError.OutOfRange;
                byte* buffer = (byte*)FrameOf(client) + offset + (ulong)done * AtaProtocol.SectorSize;
                long e = write ? WriteSectors(t, buffer, n, out detail) : ReadSectors(t, buffer, n, out detail);
                if (e < 0)
                    return done > 0 && e == (long)BlockError.Timeout ? done : e;
                done += n;
                if (done < (int)sectors && Now() - started >= Ticks(RequestMilliseconds))
                    break;
            }
            return done;
        }

        private static long ReadSectors(AtaTransfer t, byte* buffer, int sectors, out ulong detail)
        {
            detail = 0;
            long e = Issue(t);
            if (e != 0)
                return e;
            for (int i = 0; i < sectors; i += s_block)
            {
                // Each DRQ block (s_block sectors, the last perhaps fewer): an interrupt once it is
                // in the device's buffer (DRQ), then its words in one `rep insw`.
                int n = sectors - i < s_block ? sectors - i : s_block;
                e = AwaitInterrupt(WaitMilliseconds, needData: true, out detail);
                if (e != 0)
                    return e;
                IoPorts.InsW(Data, buffer + i * AtaProtocol.SectorSize, (ulong)(n * AtaProtocol.SectorSize / 2));
            }
            return 0;
        }

        private static long WriteSectors(AtaTransfer t, byte* buffer, int sectors, out ulong detail)
        {
            detail = 0;
            long e = Issue(t);
            if (e != 0)
                return e;
            // The first DRQ block goes as soon as the device asks (DRQ, no interrupt); each later one
            // after the interrupt for the one before; the last interrupt says the last is written.
            e = AwaitStatus(StatusWaitKind.DataRequest, WaitMilliseconds, out detail);
            if (e != 0)
                return e;
            for (int i = 0; i < sectors; i += s_block)
            {
                int n = sectors - i < s_block ? sectors - i : s_block;
                IoPorts.OutsW(Data, buffer + i * AtaProtocol.SectorSize, (ulong)(n * AtaProtocol.SectorSize / 2));
                e = AwaitInterrupt(WaitMilliseconds, needData: i + n < sectors, out detail);
                if (e != 0)
                    return e;
            }
            return 0;
        }

        private static long Flush(out ulong detail)
        {
            detail = 0;
            long e = AwaitStatus(StatusWaitKind.NotBusy, WaitMilliseconds, out detail);
            if (e != 0)
                return e;
            Drain();
            IoPorts.Out8(DeviceSelect, AtaProtocol.DeviceMasterLba);
            Settle();
            IoPorts.Out8(StatusCommand, s_disk.Lba48 ? AtaProtocol.FlushCacheExt : AtaProtocol.FlushCache);
            return AwaitInterrupt(FlushMilliseconds, needData: false, out detail);
        }

        // The task file, then the command (the device must be idle first: BSY and DRQ clear).
        private static long Issue(AtaTransfer t)
        {
            long e = AwaitStatus(StatusWaitKind.NotBusy, WaitMilliseconds, out _);
            if (e != 0)
                return e;
            Drain();
            IoPorts.Out8(DeviceSelect, t.Device);
            Settle();
            if (t.Lba48)
            {
                IoPorts.Out8(SectorCount, t.CountHigh);
                IoPorts.Out8(LbaLow, t.Lba3);
                IoPorts.Out8(LbaMid, t.Lba4);
                IoPorts.Out8(LbaHigh, t.Lba5);
            }
            IoPorts.Out8(SectorCount, t.CountLow);
            IoPorts.Out8(LbaLow, t.Lba0);
            IoPorts.Out8(LbaMid, t.Lba1);
            IoPorts.Out8(LbaHigh, t.Lba2);
            IoPorts.Out8(StatusCommand, t.Command);
            return 0;
        }

        // SET MULTIPLE MODE to `block` sectors (IDENTIFY word 47's largest power of two): the size
        // taken, or 1 when the drive has none or aborts it (READ/WRITE SECTORS then, a sector per
        // interrupt). Its completion is an interrupt like any non-data command's.
        private static int SetMultiple(int block)
        {
            if (block <= 1 || AwaitStatus(StatusWaitKind.NotBusy, WaitMilliseconds, out _) != 0)
                return 1;
            Drain();
            IoPorts.Out8(DeviceSelect, AtaProtocol.DeviceMasterLba);
            Settle();
            IoPorts.Out8(SectorCount, (byte)block);
            IoPorts.Out8(StatusCommand, AtaProtocol.SetMultipleMode);
            long e = AwaitInterrupt(WaitMilliseconds, needData: false, out ulong error);
            if (e != 0)
            {
                Sys.Write(string.Concat("ata: SET MULTIPLE MODE ", block.ToString(), " -> ", e.ToString(), ", error register ", error.ToString("X2"), "; a sector per interrupt"));
                return 1;
            }
            return block;
        }

        // IDENTIFY DEVICE: true and s_disk when a disk answered; else why not. First a channel reset
        // (SRST): a driver restarted after a crash finds the device as the dead one left it, perhaps
        // in the middle of a transfer, and a device with DRQ set ignores a new command.
        private static bool Identify(out string why)
        {
            why = null;
            IoPorts.Out8(DeviceSelect, 0xA0);       // master, CHS bits: IDENTIFY ignores them
            Settle();
            byte status = IoPorts.In8(StatusCommand);
            if (status == 0xFF || status == 0x00)
            {
                // 0xFF: nothing drives the bus; 0x00 (QEMU): a channel with no drive on it.
                why = string.Concat("status ", status.ToString("X2"));
                return false;
            }
            IoPorts.Out8(AltStatusControl, ControlReset);
            Settle();
            IoPorts.Out8(AltStatusControl, ControlInterruptsOn);
            Settle();
            if (AwaitStatus(StatusWaitKind.NotBusy, WaitMilliseconds, out _) != 0)
            {
                why = "BSY stuck after a reset";
                return false;
            }
            IoPorts.Out8(DeviceSelect, 0xA0);       // the reset selected the master again; say so anyway
            Settle();
            Drain();
            IoPorts.Out8(SectorCount, 0);
            IoPorts.Out8(LbaLow, 0);
            IoPorts.Out8(LbaMid, 0);
            IoPorts.Out8(LbaHigh, 0);
            IoPorts.Out8(StatusCommand, AtaProtocol.IdentifyDevice);
            if (IoPorts.In8(AltStatusControl) == 0)
            {
                why = "no drive answered IDENTIFY";
                return false;
            }
            long e = AwaitInterrupt(WaitMilliseconds, needData: true, out ulong error);
            if (e != 0)
            {
                // An ATAPI device (a CD) aborts IDENTIFY DEVICE and leaves its signature 14/EB in LBA mid/high.
                why = string.Concat("IDENTIFY -> ", e.ToString(), ", error register ", error.ToString("X2"),
                    ", signature ", IoPorts.In8(LbaMid).ToString("X2"), IoPorts.In8(LbaHigh).ToString("X2"));
                return false;
            }
            IoPorts.InsW(Data, s_sector, 256);
            if (!AtaProtocol.TryParseIdentify(new System.ReadOnlySpan<byte>(s_sector, 512), out s_disk))
            {
                why = "IDENTIFY data without LBA or sectors";
                return false;
            }
            return true;
        }

        private enum StatusWaitKind { NotBusy, DataRequest }

        // Polls the alternate status (which acknowledges nothing) until the device is idle (BSY and DRQ
        // clear) or asks for data (DRQ); ERR/DF end the wait as the error they mean; the deadline as Timeout.
        private static long AwaitStatus(StatusWaitKind kind, ulong milliseconds, out ulong detail)
        {
            detail = 0;
            ulong deadline = Now() + Ticks(milliseconds);
            for (int spin = 0; ; spin++)
            {
                byte status = IoPorts.In8(AltStatusControl);
                if ((status & AtaProtocol.StatusBusy) == 0)
                {
                    BlockError error = AtaProtocol.Decode(status);
                    if (kind == StatusWaitKind.DataRequest && error != 0)
                    {
                        detail = IoPorts.In8(Error);
                        IoPorts.In8(StatusCommand);
                        return (long)error;
                    }
                    if (kind == StatusWaitKind.NotBusy && (status & AtaProtocol.StatusDataRequest) == 0)
                        return 0;
                    if (kind == StatusWaitKind.DataRequest && (status & AtaProtocol.StatusDataRequest) != 0)
                        return 0;
                }
                // A status change is usually at once (QEMU sets DRQ as the command is written); past a
                // few polls the others get the CPU, past a few hundred the driver waits on its
                // notification for a tick or the device's interrupt, whichever comes first.
                if (spin >= 64)
                {
                    if (Now() >= deadline)
                        return TimedOut();
                    if (spin < 512)
                        Sys.Yield();
                    else
                        AwaitTickOrInterrupt();
                }
            }
        }

        // Waits for the device's interrupt with the deadline, then reads the status (which acknowledges
        // the device) and unmasks the line: 0, or the error the status names (detail = error register),
        // or Timeout. The thread sleeps in notification_wait until the IRQ or the timer signals; an
        // interrupt while BSY is still set (a late one from an abandoned command) is not it, and a
        // timer bit left from an earlier wait is not this wait's end (the tick count decides).
        private static long AwaitInterrupt(ulong milliseconds, bool needData, out ulong detail)
        {
            detail = 0;
            ulong deadline = Now() + Ticks(milliseconds);
            s_interrupts.SignalAfter(milliseconds, DeadlineBit);
            while (true)
            {
                if (s_interrupts.Wait(out ulong bits) < 0)
                    bits = DeadlineBit;
                if ((bits & IrqBit) != 0)
                {
                    byte status = IoPorts.In8(StatusCommand);
                    s_irq.Acknowledge();
                    if ((status & AtaProtocol.StatusBusy) == 0)
                    {
                        s_interrupts.CancelTimer();
                        BlockError error = AtaProtocol.Decode(status);
                        if (error != 0)
                        {
                            detail = IoPorts.In8(Error);
                            return (long)error;
                        }
                        if (needData && (status & AtaProtocol.StatusDataRequest) == 0)
                        {
                            detail = IoPorts.In8(Error);
                            return (long)BlockError.DeviceError;
                        }
                        return 0;
                    }
                }
                if ((bits & DeadlineBit) != 0)
                {
                    if (Now() >= deadline)
                        return TimedOut();
                    s_interrupts.SignalAfter(milliseconds, DeadlineBit);     // a stale bit: wait on
                }
            }
        }

        // Waits for the next tick or an interrupt. An interrupt taken here is no command's completion
        // the driver waits for (AwaitStatus runs before a command, or for the first DRQ of a write,
        // which comes without one; the status decides either way): the device is acknowledged
        // (status read) and the line unmasked, or no later interrupt would arrive.
        private static void AwaitTickOrInterrupt()
        {
            s_interrupts.SignalAfter(1000 / s_hertz + 1, DeadlineBit);
            if (s_interrupts.Wait(out ulong bits) < 0)
                return;
            if ((bits & IrqBit) != 0)
            {
                s_interrupts.CancelTimer();
                IoPorts.In8(StatusCommand);
                s_irq.Acknowledge();
            }
        }

        // A device that missed its deadline is reset (SRST), so the next request starts on an idle channel.
        private static long TimedOut()
        {
            Sys.Write("ata: a wait missed its deadline; resetting the channel");
            IoPorts.Out8(AltStatusControl, ControlReset);
            Settle();
            IoPorts.Out8(AltStatusControl, ControlInterruptsOn);
            Drain();
            return (long)BlockError.Timeout;
        }

        // A pending signal from an earlier interrupt or timer is not this command's.
        private static void Drain()
        {
            s_interrupts.CancelTimer();
            s_interrupts.Poll(out _);
            s_irq.Acknowledge();
        }

        // The 400 ns the device may take to show a new status after a register write: four reads of
        // the alternate status (each ≥ 100 ns on ISA timing).
        private static void Settle()
        {
            for (int i = 0; i < 4; i++)
                IoPorts.In8(AltStatusControl);
        }

        private static ulong Now() => Sys.SystemInfo(out _, out _, out _);

        private static ulong Ticks(ulong milliseconds) => (milliseconds * s_hertz + 999) / 1000 + 1;
    }
}
