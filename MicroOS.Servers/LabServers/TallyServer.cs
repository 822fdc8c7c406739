using System;
using System.Buffers.Binary;
using MicroOS.Shared.Contracts;

namespace MicroOS.Servers.LabServers
{
    // Lab 6 (docs/labs/06-ipc-tax.md): `tally` adds up numbers (ITally). Add is the chatty way, one
    // message per number; AddMany takes up to TallyLimits.MaxBatch numbers in one message, 8 bytes
    // each, little-endian. A batch that is not a whole number of items, or too long, is refused as a
    // whole (BadBatch): nothing of it is added.
    internal sealed class TallyServer : ITally
    {
        private long _count, _sum;

        public long Add(long item)
        {
            _count++;
            _sum += item;
            return _count;
        }

        public long AddMany(ReadOnlySpan<byte> items)
        {
            // LAB 6 BEGIN: check the batch, then add every item in it
            if (items.Length % TallyLimits.ItemBytes != 0 || items.Length > TallyLimits.MaxBatch * TallyLimits.ItemBytes)
                return TallyError.BadBatch;
            int n = items.Length / TallyLimits.ItemBytes;
            for (int i = 0; i < n; i++)
                _sum += BinaryPrimitives.ReadInt64LittleEndian(items.Slice(i * TallyLimits.ItemBytes));
            _count += n;
            return n;
            // LAB 6 STARTER
            // return TallyError.NotImplemented;
            // LAB 6 END
        }

        public long Count() => _count;

        public long Sum() => _sum;

        public long Reset()
        {
            _count = 0;
            _sum = 0;
            return 0;
        }
    }
}
