using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // A file as the volume knows it while it is open: one per short entry, shared by every open of
    // that file so all of them see one length and one chain. The entry does not move while the file
    // is open (Delete and Rename refuse open files), so its sector and offset are kept.
    internal sealed class FileNode
    {
        public long EntrySector;
        public int EntryOffset;
        public uint FirstCluster;
        public long Length;
        public long Clusters;           // the chain's length, checked when the file was opened
        public byte Attributes;
        public int Opens;
        public long CursorIndex = -1;   // the last cluster visited, so sequential I/O walks the chain once
        public uint CursorCluster;
    }

    // One open of a file (what the fat server's handle names).
    public sealed class FatFile
    {
        internal readonly FileNode Node;
        public readonly FsAccess Access;
        internal bool Closed;

        internal FatFile(FileNode node, FsAccess access)
        {
            Node = node;
            Access = access;
        }

        public long Length => Node.Length;
        public bool CanRead => (Access & FsAccess.Read) != 0;
        public bool CanWrite => (Access & FsAccess.Write) != 0;
    }
}
