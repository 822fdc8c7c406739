namespace System.IO
{
    // The values are .NET's and FsAccess's: passed through as they are.
    [Flags]
    public enum FileAccess { Read = 1, Write = 2, ReadWrite = 3 }
}
