using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Shared.Storage
{
    // The `ata` driver as an IBlockDevice (IBlock's generated client over a shared frame; docs/storage.md). It
    // makes a Frame of FrameBytes (Caps.CreateFrame into `frameSlot`), maps it at `mapAddress` (page
    // aligned, in the mapping window FrameCap.WindowBase.., FrameBytes free there), lends it to the
    // driver once (Attach, which needs `g` on the endpoint) and moves sectors between that frame and
    // the caller's spans: the driver's `rep insw` fills the frame, one copy brings them to the caller.
    //   var disk = new AtaBlockDevice(Caps.Endpoint("ata"), Caps.NewSlot(), mapAddress: FrameCap.WindowBase);
    //   long e = disk.Open();                  // 0, or BlockError.NoDevice (no disk), or a SyscallError
    //   e = disk.Read(0, 8, buffer);           // 8 sectors into buffer (8 * 512 bytes): 8 or an error
    // A driver that restarted (ObjectGone for a call in flight, NotAttached after) is attached again
    // and the request sent once more (MINIX 3's libbdev): the caller sees an error only if that fails.
    // Not thread-safe: one frame, one request at a time.
    public sealed unsafe class AtaBlockDevice : IBlockDevice
    {
        public const int FrameBytes = BlockContract.MaxSectors * BlockContract.SectorSize;    // 128 KiB: the largest request
        private const int FramePages = FrameBytes / 4096;

        private readonly IBlock.Client _ata;
        private readonly int _frameSlot;
        private readonly ulong _address;
        private bool _mapped, _attached;

        // The calls go through the thread's IPC buffer (IpcBuffer: Setup, or Adopt for a program
        // that maps its own).
        public AtaBlockDevice(Endpoint ata, int frameSlot, ulong mapAddress)
        {
            _ata = new IBlock.Client(ata);
            _frameSlot = frameSlot;
            _address = mapAddress;
            Model = "";
        }

        public long SectorCount { get; private set; }
        public int SectorSize => BlockContract.SectorSize;
        public bool Lba48 { get; private set; }
        public string Model { get; private set; }

        // Frame, mapping, Attach, Identify: 0, or the first error (a BlockError, or a SyscallError
        // from the frame or the call). Read/Write/Flush open on first use too.
        public long Open()
        {
            if (!_mapped)
            {
                long e = Caps.CreateFrame(_frameSlot, FramePages);
                if (e < 0)
                    return e;
                e = new FrameCap(_frameSlot).Map(_address, writable: true);
                if (e < 0)
                {
                    Caps.Delete(_frameSlot);
                    return e;
                }
                _mapped = true;
            }
            long attached = Attach();
            if (attached < 0)
                return attached;
            long r = _ata.Identify(out _, out ulong flags, out string model);
            if (r < 0)
                return r;
            SectorCount = r;
            Lba48 = (flags & BlockFlags.Lba48) != 0;
            Model = model == null ? "" : model.Length > 40 ? model.Substring(0, 40) : model;
            return 0;
        }

        private long Attach()
        {
            long r = _ata.Attach(FrameBytes, new FrameCap(_frameSlot));
            _attached = r == 0;
            return r;
        }

        public long Read(long lba, int count, Span<byte> destination)
        {
            if (count <= 0 || destination.Length != count * SectorSize || lba < 0)
                return (long)BlockError.BadRequest;
            for (int done = 0; done < count;)
            {
                int n = Math.Min(count - done, BlockContract.MaxSectors);
                long r = Request(false, lba + done, n);
                if (r < 0)
                    return r;
                new Span<byte>((void*)_address, (int)r * SectorSize).CopyTo(destination.Slice(done * SectorSize, (int)r * SectorSize));
                done += (int)r;
            }
            return count;
        }

        public long Write(long lba, int count, ReadOnlySpan<byte> source)
        {
            if (count <= 0 || source.Length != count * SectorSize || lba < 0)
                return (long)BlockError.BadRequest;
            long opened = EnsureOpen();
            if (opened < 0)
                return opened;
            for (int done = 0; done < count;)
            {
                int n = Math.Min(count - done, BlockContract.MaxSectors);
                source.Slice(done * SectorSize, n * SectorSize).CopyTo(new Span<byte>((void*)_address, n * SectorSize));
                long r = Request(true, lba + done, n);
                if (r < 0)
                    return r;
                done += (int)r;
            }
            return count;
        }

        public long Flush()
        {
            long opened = EnsureOpen();
            if (opened < 0)
                return opened;
            long r = _ata.Flush();
            if (r == (long)SyscallError.ObjectGone)
                r = _ata.Flush();
            return r;
        }

        private long EnsureOpen() => _mapped && _attached ? 0 : Open();

        // One Read or Write of up to n sectors at offset 0 of the frame: the sectors moved (1..n: the
        // driver stops a request at its time budget, the caller asks again for the rest) or an error.
        // Once more after re-attaching when the driver restarted meanwhile, or after a Timeout (the
        // driver has reset the channel).
        private long Request(bool write, long lba, int n)
        {
            long opened = EnsureOpen();
            if (opened < 0)
                return opened;
            for (int attempt = 0; ; attempt++)
            {
                long result = write ? _ata.Write((ulong)lba, (ulong)n, 0) : _ata.Read((ulong)lba, (ulong)n, 0);
                if (result == 0 || result > n)
                    return (long)BlockError.BadRequest;    // not what the contract answers
                bool restarted = result == (long)SyscallError.ObjectGone || result == (long)BlockError.NotAttached;
                if (attempt > 0 || (!restarted && result != (long)BlockError.Timeout))
                    return result;
                if (restarted)
                {
                    _attached = false;
                    long again = Attach();
                    if (again < 0)
                        return again;
                }
            }
        }
    }
}
