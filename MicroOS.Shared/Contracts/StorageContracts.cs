namespace MicroOS.Shared.Contracts
{
    // The storage stack (docs/storage.md):
    //   client ──IFileSystem──► fat ──IBlock──► ata ──ports 1F0+8, 3F6, IRQ 14──► disk
    // Both are generated contracts (MicroOS.Build/Contracts; the interfaces are in StorageServices.cs,
    // this file is their data, which the host tests compile too): the layout of every message is the
    // generator's. A negative answer is an error of the contract's enum (BlockError -32..-47,
    // FsError -64..-127), a ContractError (-48..-50: a malformed message), or a SyscallError
    // (the server died: ObjectGone).

    // IBlock (StorageServices.cs): sector size and the largest request.
    public static class BlockContract
    {
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
        DeviceError = -37,      // ERR set; the error's detail = the error register (ABRT, IDNF, UNC, ...)
        DeviceFault = -38,      // DF set
        BadRequest = -39,       // no client slot left (Attach), or a request AtaBlockDevice refuses; a malformed message is ContractError.BadMessage
    }

    // One entry of IFileSystem.List.
    public struct FsEntry
    {
        public byte Attributes;         // FsAttributes
        public ulong Length;
        public uint LastWrite;          // FAT date << 16 | FAT time
        public string Name;

        public const int FixedBytes = 1 + 8 + 4 + 2;    // on the wire, before the name's UTF-8 bytes
    }

    public static class FileSystemContract
    {
        public const int MaxPath = 1024;
        public const int MaxData = 4096;                // a Read's count or a Write's bytes: the message's only payload (no length), one page
    }

    // Open's mode, as System.IO.FileMode.
    public enum FsOpenMode : ulong { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }

    // Open's access, as System.IO.FileAccess.
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
        InvalidPath = -70,      // empty, reserved characters, '..' above the root (ArgumentException); a bad UTF-8 sequence is a malformed message (ContractError.BadMessage)
        NameTooLong = -71,      // a component over 255 UTF-16 units or a path over MaxPath (PathTooLongException)
        DiskFull = -72,         // no free cluster (IOException); nothing was written
        AccessDenied = -73,     // the read-only attribute, or a handle opened without the access (UnauthorizedAccessException)
        BadHandle = -74,        // not a handle of this session (ObjectDisposedException / IOException)
        TooManyOpen = -75,      // the session's handle table is full
        NotMounted = -76,       // no disk, or the disk is not FAT: the detail says why (FsMountError)
        Corrupt = -77,          // the volume's structures are unsound here (a chain loop, a cluster past the end): detail = FsMountError
        DeviceError = -78,      // the block driver answered an error (detail = the BlockError) or is gone
        InvalidArgument = -79,  // an offset or count out of range, an unknown mode, a malformed request
        InUse = -80,            // Delete, Rename or RemoveDirectory of something open, or the root
    }

    // Why a volume was refused or a structure found unsound (the detail of NotMounted or Corrupt).
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
