namespace System.Runtime.InteropServices
{
    // Roslyn encodes the `unmanaged` generic constraint as modreq(UnmanagedType); only the type's
    // existence matters.
    public enum UnmanagedType
    {
    }
}
