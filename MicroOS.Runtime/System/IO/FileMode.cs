namespace System.IO
{
    // The values are .NET's and FsOpenMode's (MicroOS.Shared/Contracts/StorageContracts.cs): passed through as they are.
    public enum FileMode { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }
}
