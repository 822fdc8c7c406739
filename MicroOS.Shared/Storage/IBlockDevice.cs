using System;

namespace MicroOS.Shared.Storage
{
    // A disk as the filesystem code sees it: numbered sectors of SectorSize bytes. The fat server
    // reaches the `ata` driver through one (IBlock over a shared frame); the host tests use a
    // file. Every call returns 0 (or a count) or a negative BlockError; a buffer's length must be
    // count * SectorSize.
    public interface IBlockDevice
    {
        long SectorCount { get; }
        int SectorSize { get; }
        long Read(long lba, int count, Span<byte> destination);
        long Write(long lba, int count, ReadOnlySpan<byte> source);
        long Flush();
    }
}
