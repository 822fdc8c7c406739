namespace MicroOS.Shared.Contracts
{
    // The storage stack (docs/storage.md):
    //   client ──FileSystemContract──► fat ──BlockContract──► ata ──ports 1F0+8, 3F6, IRQ 14──► disk
    // Words in W0..W3, bytes in the IPC buffer's payload (tag length), as in SystemContracts.cs.
    // A negative W0 in a reply is an error of the contract's enum; a negative syscall result is a
    // SyscallError (the server died: ObjectGone).

    // The ATA driver (server `ata`): sectors of 512 bytes moved through a Frame the client owns and
    // lends the driver once (Attach), so blocks never travel through messages.
    //   Attach + Frame cap (tag cap), W0 = the frame's size in bytes -> W0 = 0 or BlockError; the
    //                                  driver maps it; one frame per client badge (a new Attach replaces it)
    //   Identify                     -> W0 = sectors on the disk, W1 = sector size (512), W2 = BlockFlags;
    //                                  payload = the model string (ASCII, trimmed)
    //   Read,  W0 = LBA, W1 = sectors, W2 = byte offset into the attached frame -> W0 = sectors read or BlockError
    //   Write, W0 = LBA, W1 = sectors, W2 = byte offset into the attached frame -> W0 = sectors written or BlockError
    //                                  (fewer than asked, never 0, when the request ran out of the driver's
    //                                  time budget: ask again for the rest)
    //   Flush                        -> W0 = 0 or BlockError (ATA CACHE FLUSH)
    // A request past the disk's end, past the frame's end, of 0 or more than MaxSectors sectors is
    // refused (OutOfRange / BadFrameRange) before the device is touched.
    public static class BlockContract
    {
        public const uint Attach = 1;
        public const uint Identify = 2;
        public const uint Read = 3;
        public const uint Write = 4;
        public const uint Flush = 5;
        public const int SectorSize = 512;
        public const int MaxSectors = 256;
    }

    public static class BlockFlags
    {
        public const ulong Lba48 = 1;
    }

    public enum BlockError : long
    {
        NoDevice = -32,         // no drive answered IDENTIFY on the channel
        NotAttached = -33,      // Read/Write before Attach
        BadFrameRange = -34,    // offset + sectors * 512 outside the attached frame, or the frame cap is unusable
        OutOfRange = -35,       // LBA + sectors past the disk's end, or sectors 0 / > MaxSectors
        Timeout = -36,          // BSY stuck or no IRQ within the deadline
        DeviceError = -37,      // ERR set; W1 = the error register (ABRT, IDNF, UNC, ...)
        DeviceFault = -38,      // DF set
        BadRequest = -39,       // unknown label or malformed arguments
    }

    // The FAT filesystem server (server `fat`, registered with Names as "fat"). Paths are UTF-8 in
    // the payload, absolute ('/'-separated, from the volume's root), at most MaxPath bytes. Two
    // paths (Rename) are separated by one 0 byte.
    //   Connect                      -> W0 = 0 or FsError and a cap: the caller's own session (the fat
    //                                  endpoint with a badge of its own); handles are per session,
    //                                  so one client cannot name another's
    //   Open(path), W0 = FsOpenMode, W1 = FsAccess -> W0 = handle (>= 0) or FsError, W1 = the file's length
    //   Read,  W0 = handle, W1 = offset, W2 = count (<= MaxData) -> W0 = bytes read (0 at the end) or FsError; payload = the bytes
    //   Write, W0 = handle, W1 = offset, payload = the bytes       -> W0 = bytes written or FsError (DiskFull: nothing written)
    //   SetLength, W0 = handle, W1 = length -> W0 = 0 or FsError (grows with zeros, or truncates)
    //   Flush, W0 = handle           -> W0 = 0: the file's data and directory entry are on the disk
    //   Close, W0 = handle           -> W0 = 0 or FsError
    //   Stat(path)                   -> W0 = 0 or FsError, W1 = length, W2 = FsAttributes, W3 = last write (FAT date << 16 | FAT time)
    //   List(path), W0 = index to start at -> W0 = entries in the payload or FsError, W1 = index of the
    //                                  next entry (0: the listing is complete); payload = entries, each
    //                                  [u8 FsAttributes][u64 length LE][u32 last write LE][u16 name bytes LE][name UTF-8]
    //   Delete(path)                 -> W0 = 0 or FsError (a file)
    //   Rename(old \0 new)           -> W0 = 0 or FsError (file or directory; the target must not exist)
    //   CreateDirectory(path)        -> W0 = 0 or FsError (AlreadyExists when it exists)
    //   RemoveDirectory(path)        -> W0 = 0 or FsError (NotEmpty unless empty)
    //   Sync                         -> W0 = 0: every write before it is on the disk (cache, FATs, FSInfo)
    //   Volume                       -> W0 = total clusters, W1 = free clusters, W2 = bytes per cluster,
    //                                  W3 = FAT type (12, 16, 32), or W0 = FsError (NotMounted); payload = volume label
    public static class FileSystemContract
    {
        public const uint Connect = 1;
        public const uint Open = 2;
        public const uint Read = 3;
        public const uint Write = 4;
        public const uint SetLength = 5;
        public const uint Flush = 6;
        public const uint Close = 7;
        public const uint Stat = 8;
        public const uint List = 9;
        public const uint Delete = 10;
        public const uint Rename = 11;
        public const uint CreateDirectory = 12;
        public const uint RemoveDirectory = 13;
        public const uint Sync = 14;
        public const uint Volume = 15;
        public const int MaxPath = 1024;
        public const int MaxData = 4096;
    }

    // Open's W0, as System.IO.FileMode.
    public enum FsOpenMode : ulong { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }

    // Open's W1, as System.IO.FileAccess.
    public enum FsAccess : ulong { Read = 1, Write = 2, ReadWrite = 3 }

    // FAT's attribute byte (List, Stat).
    public static class FsAttributes
    {
        public const byte ReadOnly = 0x01, Hidden = 0x02, System = 0x04, VolumeLabel = 0x08, Directory = 0x10, Archive = 0x20;
    }

    public enum FsError : long
    {
        NotFound = -64,         // no such file (FileNotFoundException)
        PathNotFound = -65,     // a directory on the way does not exist (DirectoryNotFoundException)
        AlreadyExists = -66,    // CreateNew, CreateDirectory or Rename onto an existing name (IOException)
        NotADirectory = -67,    // a file where the path needs a directory
        IsADirectory = -68,     // Open or Delete of a directory (UnauthorizedAccessException, as .NET)
        NotEmpty = -69,         // RemoveDirectory of a directory with entries (IOException)
        InvalidPath = -70,      // empty, reserved characters, '..' above the root, a bad UTF-8 sequence (ArgumentException)
        NameTooLong = -71,      // a component over 255 UTF-16 units or a path over MaxPath (PathTooLongException)
        DiskFull = -72,         // no free cluster (IOException); nothing was written
        AccessDenied = -73,     // the read-only attribute, or a handle opened without the access (UnauthorizedAccessException)
        BadHandle = -74,        // not a handle of this session (ObjectDisposedException / IOException)
        TooManyOpen = -75,      // the session's handle table is full
        NotMounted = -76,       // no disk, or the disk is not FAT: W1 says why (FsMountError)
        Corrupt = -77,          // the volume's structures are unsound here (a chain loop, a cluster past the end): W1 = FsMountError
        DeviceError = -78,      // the block driver answered an error (W1 = the BlockError) or is gone
        InvalidArgument = -79,  // an offset or count out of range, an unknown mode, a malformed request
        InUse = -80,            // Delete, Rename or RemoveDirectory of something open, or the root
    }

    // Why a volume was refused or a structure found unsound (W1 with NotMounted or Corrupt).
    public enum FsMountError : ulong
    {
        None = 0,
        NoDisk = 1,             // the block driver reports no device
        BadSignature = 2,       // no 0x55AA at the boot sector's end
        BadBpb = 3,             // bytes per sector, sectors per cluster, reserved sectors, FAT count or sizes out of range
        Truncated = 4,          // the BPB's volume is larger than the disk
        ChainLoop = 5,          // a cluster chain that comes back on itself
        ClusterOutOfRange = 6,  // a FAT entry or start cluster past the last cluster, or 1
        DirectoryLoop = 7,      // a directory that contains itself (or an ancestor)
        DirectoryTooLarge = 8,  // a directory past 65,536 entries (the FAT limit)
    }
}
