using System;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Shared.Storage
{
    // The `ata` driver as an IBlockDevice (BlockContract over a shared frame; docs/storage.md). It
    // makes a Frame of FrameBytes (Caps.CreateFrame into `frameSlot`), maps it at `mapAddress` (page
    // aligned, in the mapping window FrameCap.WindowBase.., FrameBytes free there), lends it to the
    // driver once (Attach, which needs `g` on the endpoint) and moves sectors between that frame and
    // the caller's spans: the driver's `rep insw` fills the frame, one copy brings them to the caller.
    //   var disk = new AtaBlockDevice(new Endpoint(ataSlot), frameSlot: 20, mapAddress: FrameCap.WindowBase, ipcBuffer);
    //   long e = disk.Open();                  // 0, or BlockError.NoDevice (no disk), or a SyscallError
    //   e = disk.Read(0, 8, buffer);           // 8 sectors into buffer (8 * 512 bytes): 8 or an error
    // A driver that restarted (ObjectGone for a call in flight, NotAttached after) is attached again
    // and the request sent once more (MINIX 3's libbdev): the caller sees an error only if that fails.
    // Not thread-safe: one frame, one request at a time.
    public sealed unsafe class AtaBlockDevice : IBlockDevice
    {
        public const int FrameBytes = BlockContract.MaxSectors * BlockContract.SectorSize;    // 128 KiB: the largest request
        private const int FramePages = FrameBytes / 4096;

        private readonly Endpoint _ata;
        private readonly int _frameSlot;
        private readonly ulong _address;
        private readonly byte* _ipcBuffer;
        private bool _mapped, _attached;

        // `ipcBuffer`: the calling thread's IPC buffer (Ipc.SetBuffer), where Identify's model string
        // arrives; without one Model stays empty.
        public AtaBlockDevice(Endpoint ata, int frameSlot, ulong mapAddress, byte* ipcBuffer = null)
        {
            _ata = ata;
            _frameSlot = frameSlot;
            _address = mapAddress;
            _ipcBuffer = ipcBuffer;
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
            var m = new Message(BlockContract.Identify);
            long r = _ata.Call(ref m);
            if (r < 0)
                return r;
            if ((long)m.W0 < 0)
                return (long)m.W0;
            SectorCount = (long)m.W0;
            Lba48 = (m.W2 & BlockFlags.Lba48) != 0;
            if (_ipcBuffer != null)
            {
                int length = m.Tag.Length < 40 ? m.Tag.Length : 40;
                char[] chars = new char[length];
                for (int i = 0; i < length; i++)
                    chars[i] = (char)_ipcBuffer[i];
                Model = new string(chars);
            }
            return 0;
        }

        private long Attach()
        {
            var m = new Message(BlockContract.Attach, FrameBytes) { Tag = MessageTag.WithCap(BlockContract.Attach, _frameSlot) };
            long r = _ata.Call(ref m);
            _attached = r == 0 && m.W0 == 0;
            return r < 0 ? r : (long)m.W0;
        }

        public long Read(long lba, int count, Span<byte> destination)
        {
            if (count <= 0 || destination.Length != count * SectorSize || lba < 0)
                return (long)BlockError.BadRequest;
            for (int done = 0; done < count;)
            {
                int n = Math.Min(count - done, BlockContract.MaxSectors);
                long r = Request(BlockContract.Read, lba + done, n);
                if (r < 0)
                    return r;
                new Span<byte>((void*)_address, n * SectorSize).CopyTo(destination.Slice(done * SectorSize, n * SectorSize));
                done += n;
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
                long r = Request(BlockContract.Write, lba + done, n);
                if (r < 0)
                    return r;
                done += n;
            }
            return count;
        }

        public long Flush()
        {
            long opened = EnsureOpen();
            if (opened < 0)
                return opened;
            var m = new Message(BlockContract.Flush);
            long r = _ata.Call(ref m);
            if (r == (long)SyscallError.ObjectGone)
            {
                m = new Message(BlockContract.Flush);
                r = _ata.Call(ref m);
            }
            return r < 0 ? r : (long)m.W0;
        }

        private long EnsureOpen() => _mapped && _attached ? 0 : Open();

        // One Read or Write of n sectors at offset 0 of the frame; once more after re-attaching when
        // the driver restarted meanwhile.
        private long Request(uint label, long lba, int n)
        {
            long opened = EnsureOpen();
            if (opened < 0)
                return opened;
            for (int attempt = 0; ; attempt++)
            {
                var m = new Message(label, (ulong)lba, (ulong)n, 0);
                long r = _ata.Call(ref m);
                long result = r < 0 ? r : (long)m.W0;
                bool restarted = result == (long)SyscallError.ObjectGone || result == (long)BlockError.NotAttached;
                if (!restarted || attempt > 0)
                    return result;
                _attached = false;
                long again = Attach();
                if (again < 0)
                    return again;
            }
        }
    }
}
