namespace System.Collections.Generic
{
    // MicroOS.Runtime's Nullable<T> exposes its `value` field internally and the linked
    // NullableEqualityComparer<T> reads it directly; the BCL's field is private. This extension
    // property gives the linked source the same read access on the host.
    internal static class NullableValueShim
    {
        extension<T>(T? nullable) where T : struct
        {
            internal T value => nullable.GetValueOrDefault();
        }
    }
}
