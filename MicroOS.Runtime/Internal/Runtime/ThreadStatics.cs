using System;
using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime
{
    // [ThreadStatic] fields: each thread owns an object[] with one storage object per type that has
    // thread statics, allocated on first use. The current thread's array hangs off CurrentStorage,
    // which the scheduler saves and restores on every context switch (a thread's statics are its own).
    public static unsafe class ThreadStatics
    {
        // The current thread's object[] (as an address: a plain static, readable before statics are set up).
        public static nint CurrentStorage;

        internal static object GetThreadStaticBaseForType(TypeManagerSlot* pModuleData, int typeTlsIndex)
        {
            object[] storage = System.Runtime.CompilerServices.Unsafe.As<nint, object[]>(ref CurrentStorage);
            if (storage == null || typeTlsIndex >= storage.Length)
            {
                storage = Grow(storage, typeTlsIndex + 1);
                CurrentStorage = System.Runtime.CompilerServices.Unsafe.As<object[], nint>(ref storage);
            }
            object block = storage[typeTlsIndex];
            if (block == null)
            {
                block = AllocateBlock(typeTlsIndex);
                storage[typeTlsIndex] = block;
            }
            return block;
        }

        private static object[] Grow(object[] old, int length)
        {
            var grown = new object[length < 8 ? 8 : length];
            if (old != null)
                for (int i = 0; i < old.Length; i++)
                    grown[i] = old[i];
            return grown;
        }

        private static object AllocateBlock(int typeTlsIndex)
        {
            // The ThreadStaticRegion lists, per index, the MethodTable describing that type's block.
            nint* region = (nint*)StartupCodeHelpers.GetSection(StartupCodeHelpers.Header, ReadyToRunSectionType.ThreadStaticRegion, out int length);
            if (region == null || typeTlsIndex >= length / sizeof(nint))
                RuntimeHost.Fatal("ThreadStatics", "thread static index outside the module's region");
            return System.Runtime.RuntimeExports.RhNewObject((MethodTable*)region[typeTlsIndex]);
        }
    }
}
