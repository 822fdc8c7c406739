using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    // Names of the image's methods and types, from the name table the build links into every
    // server (MicroOS.Build/NameTable.cs writes it from the ELF symbol table; the linker script
    // brackets it with __microos_names_start/_end). The kernel has none: lookups return null.
    //   u32 magic "MNAM", u32 count, count x { u64 address, u32 name offset, u32 length | kind << 31 }
    //   sorted by address, then the names. Strings are made on demand (the table holds bytes).
    internal static unsafe class SymbolNames
    {
        private const uint Magic = 0x4D414E4D;
        private const uint TypeKind = 1u << 31;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_names_start")]
        private static extern byte* TableStart();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_names_end")]
        private static extern byte* TableEnd();

        private struct Entry
        {
            public ulong Address;
            public uint NameOffset;
            public uint LengthAndKind;
        }

        private static bool Table(out Entry* entries, out uint count, out byte* names)
        {
            byte* start = TableStart();
            entries = null;
            count = 0;
            names = null;
            if (TableEnd() - start < 8 || *(uint*)start != Magic)
                return false;
            count = *(uint*)(start + 4);
            entries = (Entry*)(start + 8);
            names = (byte*)(entries + count);
            return names <= TableEnd();
        }

        // The last entry at or below `address`, or -1.
        private static long Floor(Entry* entries, uint count, ulong address)
        {
            long low = 0, high = (long)count - 1, found = -1;
            while (low <= high)
            {
                long mid = (low + high) / 2;
                if (entries[mid].Address <= address) { found = mid; low = mid + 1; }
                else high = mid - 1;
            }
            return found;
        }

        // The method whose code holds `ip` (e.g. "MicroOS.Servers.Probe.ProbeServer.Main"), as bytes
        // in the table: the unhandled-exception report must not allocate.
        public static bool FindMethod(ulong ip, out byte* name, out int length)
        {
            name = null;
            length = 0;
            if (!Unwinder.IsManagedCode(ip) || !Table(out Entry* entries, out uint count, out byte* names))
                return false;
            long i = Floor(entries, count, ip);
            if (i < 0 || (entries[i].LengthAndKind & TypeKind) != 0)
                return false;
            name = names + entries[i].NameOffset;
            length = (int)(entries[i].LengthAndKind & ~TypeKind);
            return true;
        }

        // The full name of an object's type (exact MethodTable match).
        public static bool FindType(object obj, out byte* name, out int length)
        {
            name = null;
            length = 0;
            if (obj == null || !Table(out Entry* entries, out uint count, out byte* names))
                return false;
            ulong type = (ulong)obj.GetMethodTable();
            long i = Floor(entries, count, type);
            if (i < 0 || entries[i].Address != type || (entries[i].LengthAndKind & TypeKind) == 0)
                return false;
            name = names + entries[i].NameOffset;
            length = (int)(entries[i].LengthAndKind & ~TypeKind);
            return true;
        }

        public static string TypeNameOf(object obj) => FindType(obj, out byte* name, out int length) ? ToString(name, length) : null;

        public static string MethodAt(ulong ip) => FindMethod(ip, out byte* name, out int length) ? ToString(name, length) : null;

        private static string ToString(byte* text, int length)
        {
            if (length > 1024)
                length = 1024;
            char* chars = stackalloc char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)text[i];
            return new string(chars, 0, length);
        }
    }
}
