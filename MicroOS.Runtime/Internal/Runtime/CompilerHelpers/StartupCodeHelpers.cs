using System;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    // Brings an image's managed state to life before its first real C# statement: allocates the
    // GC static bases and runs eager class constructors, for every module header ILC placed in the
    // `__modules` section (the linker script brackets it with __modules_start/__modules_end).
    public static unsafe class StartupCodeHelpers
    {
        private static ReadyToRunHeader* s_header;

        internal static ReadyToRunHeader* Header => s_header;

        public static void InitializeModules(nint* start, nint* end)
        {
            for (nint* p = start; p < end; p++)
            {
                if (*p == 0)
                    continue;
                var header = (ReadyToRunHeader*)*p;
                if (header->Signature != ReadyToRunHeader.ExpectedSignature)
                    RuntimeHost.Fatal("BadImageFormat", "module header signature mismatch");
                s_header = header;
                InitializeTypeManagerSlot(header);
                InitializeStatics(header);
                RunInitializers(header, ReadyToRunSectionType.EagerCctor);
                RunInitializers(header, ReadyToRunSectionType.ModuleInitializerList);
            }
        }

        internal static void* GetSection(ReadyToRunHeader* header, ReadyToRunSectionType id, out int length)
        {
            var rows = (ModuleInfoRow*)(header + 1);
            for (int i = 0; i < header->NumberOfSections; i++)
            {
                if (rows[i].SectionId == id)
                {
                    length = (int)(rows[i].End - rows[i].Start);
                    return (void*)rows[i].Start;
                }
            }
            length = 0;
            return null;
        }

        private static void InitializeTypeManagerSlot(ReadyToRunHeader* header)
        {
            var slot = (TypeManagerSlot*)GetSection(header, ReadyToRunSectionType.TypeManagerIndirection, out _);
            if (slot != null)
            {
                slot->TypeManager = (nint)header;
                slot->ModuleIndex = 0;
            }
        }

        private static void* ReadRelPtr32(void* address) => (byte*)address + *(int*)address;

        private static void InitializeStatics(ReadyToRunHeader* header)
        {
            byte* region = (byte*)GetSection(header, ReadyToRunSectionType.GCStaticRegion, out int length);
            for (byte* entry = region; entry < region + length; entry += sizeof(int))
            {
                // Each entry is a relative pointer to a block; the block holds a relative pointer to the
                // statics' MethodTable with flags in its low bits, replaced by the allocated object.
                nint* block = (nint*)ReadRelPtr32(entry);
                nint value = (nint)ReadRelPtr32(block);
                if ((value & GCStaticRegionConstants.Uninitialized) == 0)
                    continue;
                var type = (MethodTable*)(value & ~(nint)GCStaticRegionConstants.Mask);
                object statics = System.Runtime.RuntimeExports.RhNewObject(type);
                if ((value & GCStaticRegionConstants.HasPreInitializedData) != 0)
                {
                    void* preinitialized = ReadRelPtr32((int*)block + 1);
                    Buffer.Memmove(ref statics.GetRawData(), ref *(byte*)preinitialized, statics.GetRawDataSize());
                }
                *block = Unsafe.As<object, nint>(ref statics);
            }
        }

        private static void RunInitializers(ReadyToRunHeader* header, ReadyToRunSectionType id)
        {
            byte* table = (byte*)GetSection(header, id, out int length);
            for (byte* entry = table; entry < table + length; entry += sizeof(int))
                ((delegate*<void>)ReadRelPtr32(entry))();
        }
    }

    public struct TypeManagerSlot
    {
        public nint TypeManager;
        public int ModuleIndex;
    }
}

namespace Internal.Runtime
{
    internal struct ReadyToRunHeader
    {
        public const uint ExpectedSignature = 0x00525452; // "RTR"
        public uint Signature;
        public ushort MajorVersion;
        public ushort MinorVersion;
        public uint Flags;
        public ushort NumberOfSections;
        public byte EntrySize;
        public byte EntryType;
    }

    internal struct ModuleInfoRow
    {
        public ReadyToRunSectionType SectionId;
        public int Flags;
        public nint Start;
        public nint End;
    }

    internal enum ReadyToRunSectionType
    {
        StringTable = 200,
        GCStaticRegion = 201,
        ThreadStaticRegion = 202,
        TypeManagerIndirection = 204,
        EagerCctor = 205,
        FrozenObjectRegion = 206,
        DehydratedData = 207,
        ThreadStaticOffsetRegion = 208,
        ModuleInitializerList = 213,
    }

    internal static class GCStaticRegionConstants
    {
        public const int Uninitialized = 0x1;
        public const int HasPreInitializedData = 0x2;
        public const int Mask = Uninitialized | HasPreInitializedData;
    }
}
