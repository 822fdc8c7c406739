namespace Internal.Runtime
{
    // Names of methods and types, for reports (stub: filled by the image's name table).
    internal static unsafe class SymbolNames
    {
        public static string MethodAt(ulong ip, out ulong offset)
        {
            offset = 0;
            return null;
        }

        public static string TypeNameOf(object obj) => null;
    }
}
