using System;
using MicroOS.Shared.User;

namespace MicroOS.Shared.Contracts
{
    // The storage stack's two contracts (docs/storage.md); their enums, limits and records are in
    // StorageContracts.cs.
    //   client ──IFileSystem──► fat ──IBlock──► ata ──ports 1F0+8, 3F6, IRQ 14──► disk

    // The ATA driver (server `ata`): sectors of 512 bytes moved through a Frame the client owns and
    // lends the driver once (Attach), so blocks never travel through messages. Every method answers
    // >= 0 or a BlockError; an error reply's detail (ErrorDetail.Last) is the device's error
    // register for DeviceError. A request past the disk's end, past the frame's end, of 0 or more
    // than MaxSectors sectors is refused (OutOfRange / BadFrameRange) before the device is touched.
    // A malformed message (an unknown label, a capability with anything but Attach) is answered
    // with ContractError.BadMessage.
    [Contract(ErrorDetail = true)]
    public partial interface IBlock
    {
        // The frame (needs `g` on the endpoint to send) becomes this client badge's, replacing an
        // earlier one; `bytes` of it are used (at most the frame's size). 0 or BadFrameRange.
        long Attach(ulong bytes, FrameCap frame);
        // Sectors on the disk (NoDevice without one); sectorSize = 512; flags: BlockFlags; the model (ASCII, trimmed).
        long Identify(out ulong sectorSize, out ulong flags, out string model);
        // Sectors moved between the disk at `lba` and the attached frame at byte `offset`: fewer than
        // asked (never 0) when the request ran out of the driver's time budget: ask again for the rest.
        long Read(ulong lba, ulong sectors, ulong offset);
        long Write(ulong lba, ulong sectors, ulong offset);
        long Flush();                                   // 0: the disk's cache is written (ATA CACHE FLUSH)
    }

    // The FAT filesystem server (server `fat`, registered with Names as "fat"). Paths are UTF-8
    // strings, absolute ('/'-separated, from the volume's root), at most MaxPath bytes. Every method
    // answers >= 0 or an FsError; an error reply's detail (ErrorDetail.Last) says more for some:
    // NotMounted and Corrupt an FsMountError, DeviceError the BlockError. Without a volume every
    // method but Connect answers NotMounted. Open files are named by handle within a session:
    // Connect gives the caller its own session (the fat endpoint with a badge of its own), so one
    // client cannot name another's handles.
    [Contract(ErrorDetail = true)]
    public partial interface IFileSystem
    {
        long Connect(out Endpoint session);                                         // 0
        long Open(string path, FsOpenMode mode, FsAccess access, out long length);  // a handle (>= 0)
        long Read(ulong handle, ulong offset, ulong count, Span<byte> data);        // bytes read into data (0 at the end), count <= MaxData
        long Write(ulong handle, ulong offset, ReadOnlySpan<byte> data);            // bytes written (DiskFull: nothing written)
        long SetLength(ulong handle, ulong length);                                 // grows with zeros, or truncates
        long Flush(ulong handle);                                                   // the file's data and entry are on the disk
        long Close(ulong handle);
        long Stat(string path, out ulong length, out byte attributes, out uint lastWrite);    // lastWrite: FAT date << 16 | time
        // Entries from index `start` on, as many as fit in a reply: how many; next = the index to
        // ask for next (0: the listing is complete).
        long List(string path, ulong start, out ulong next, out FsEntry[] entries);
        long Delete(string path);                       // a file
        long Rename(string from, string to);            // a file or directory; the target must not exist
        long CreateDirectory(string path);              // AlreadyExists when it exists
        long RemoveDirectory(string path);              // NotEmpty unless empty
        long Sync();                                    // every write before it is on the disk (cache, FATs, FSInfo)
        long Volume(out ulong freeClusters, out ulong bytesPerCluster, out ulong fatType, out string label);  // total clusters; fatType 12, 16, 32
    }

}
