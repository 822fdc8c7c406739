using MicroOS.Shared.Contracts;
using MicroOS.Shared.Storage;

namespace MicroOS.Tests.Host.Fat;

// A disk image file as the FAT library's block device, with the driver's checks (past the end:
// OutOfRange), counting requests.
public sealed class FileBlockDevice : IBlockDevice, IDisposable
{
    private readonly FileStream _file;

    public FileBlockDevice(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        SectorCount = _file.Length / SectorSize;
    }

    public long SectorCount { get; }
    public int SectorSize => 512;
    public int Reads, Writes, Flushes;

    public long Read(long lba, int count, Span<byte> destination)
    {
        if (count <= 0 || lba < 0 || lba + count > SectorCount || destination.Length != count * SectorSize)
            return (long)BlockError.OutOfRange;
        Reads++;
        _file.Position = lba * SectorSize;
        _file.ReadExactly(destination);
        return count;
    }

    public long Write(long lba, int count, ReadOnlySpan<byte> source)
    {
        if (count <= 0 || lba < 0 || lba + count > SectorCount || source.Length != count * SectorSize)
            return (long)BlockError.OutOfRange;
        Writes++;
        _file.Position = lba * SectorSize;
        _file.Write(source);
        return count;
    }

    public long Flush()
    {
        Flushes++;
        _file.Flush(true);
        return 0;
    }

    public void Dispose() => _file.Dispose();
}
