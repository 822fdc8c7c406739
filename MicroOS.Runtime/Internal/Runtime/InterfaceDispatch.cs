using System;
using System.Runtime;

namespace Internal.Runtime
{
    // Resolves an interface call site. ILC emits a 16-byte cell per call site: { stub, cache }. The
    // stub starts as RhpInitialDynamicInterfaceDispatch (Native/Runtime.asm), which calls Resolve
    // with the cell. `cache` names the interface (low 2 bits say how); the slot is kept once per run
    // of cells, in the terminating cell whose stub is 0 (slot in bits 0-15, cell kind in bits 16+).
    // Verified against ILC 10.0.12 output; pinned with IlcVersion.
    public static unsafe class InterfaceDispatch
    {
        private struct Cell
        {
            public nint Stub;
            public nint Cache;
        }

        private const nint CachePointerMask = 3;
        private const nint InterfacePointer = 1;
        private const nint IndirectedInterfaceRelativePointer = 2;
        private const nint InterfaceRelativePointer = 3;
        private const int MaxVTableOffsetPlusOne = 0x1000;
        private const int KindInterfaceAndSlot = 0;

        // Layout known to RhpInterfaceDispatchCached (Native/Runtime.asm): Type at +0, Target at +8.
        private struct CacheEntry
        {
            public MethodTable* Type;
            public nint Target;
            public MethodTable* Interface;
            public nint Slot;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        [RuntimeImport("mos_interface_dispatch_cached_address")]
        private static extern nint CachedStubAddress();

        // How many call sites went through the resolver: the self-test checks that real dispatch ran.
        public static ulong ResolveCount;

        [RuntimeExport("RhpResolveInterfaceDispatch")]
        private static nint Resolve(object thisObject, Cell* cell)
        {
            ResolveCount++;
            if (thisObject == null)
                throw new NullReferenceException();
            MethodTable* type = thisObject.GetMethodTable();
            nint cache = cell->Cache;
            if (cache < MaxVTableOffsetPlusOne && (cache & CachePointerMask) == InterfacePointer)
                return *(nint*)((byte*)type + cache);       // a plain vtable-offset cell
            if ((cache & CachePointerMask) == 0)
            {
                // A cached cell that missed: same interface and slot, another type.
                var cached = (CacheEntry*)cache;
                nint retarget = FindImplementation(type, cached->Interface, (ushort)cached->Slot);
                cached->Type = null;                        // never a half-updated entry that matches
                cached->Target = retarget;
                cached->Type = type;
                return retarget;
            }

            Cell* terminator = cell;
            while (terminator->Stub != 0)
                terminator++;
            nint info = terminator->Cache;
            if ((int)(info >> 16) != KindInterfaceAndSlot)
                RuntimeHost.Fatal("System.NotSupportedException", "interface dispatch cell kind");
            ushort slot = (ushort)info;

            MethodTable* iface;
            switch (cache & CachePointerMask)
            {
                case InterfacePointer:
                    iface = (MethodTable*)(cache & ~CachePointerMask);
                    break;
                case InterfaceRelativePointer:
                    iface = (MethodTable*)(((nint)(&cell->Cache) + (int)cache) & ~CachePointerMask);
                    break;
                case IndirectedInterfaceRelativePointer:
                    iface = *(MethodTable**)(((nint)(&cell->Cache) + (int)cache) & ~CachePointerMask);
                    break;
                default:
                    RuntimeHost.Fatal("System.NotSupportedException", "interface dispatch cache pointer");
                    return 0;
            }
            nint target = FindImplementation(type, iface, slot);
            var entry = (CacheEntry*)Heap.AllocateRaw((nuint)sizeof(CacheEntry));
            entry->Type = type;
            entry->Target = target;
            entry->Interface = iface;
            entry->Slot = slot;
            cell->Cache = (nint)entry;                      // first the entry, then the stub that reads it
            cell->Stub = CachedStubAddress();
            return target;
        }

        internal static nint FindImplementation(MethodTable* type, MethodTable* iface, ushort slot)
        {
            // Each type's interface map is flattened, and a base type's interfaces keep their index in
            // the derived type, so one index serves the whole base chain. An array's MethodTable has
            // no base type (its related type is the element type): after its own map (a T[]'s
            // generic interfaces, from Array<T>) comes System.Array's, which implements IEnumerable
            // for every array (ILC gives an int[,] no dispatch map of its own).
            for (MethodTable* current = type; current != null; current = current->IsArray ? MethodTable.Of<System.Array>() : current->BaseType)
            {
                int index = IndexOfInterface(current, iface);
                if (index < 0 && current->IsArray)
                    continue;
                if (index < 0)
                    break;
                DispatchMap* map = current->DispatchMap;
                if (map == null)
                    continue;
                DispatchMapEntry* entries = map->Entries;
                for (int i = 0; i < map->StandardEntryCount; i++)
                {
                    if (entries[i].InterfaceIndex != index || entries[i].InterfaceMethodSlot != slot)
                        continue;
                    int impl = entries[i].ImplMethodSlot;
                    // A vtable slot may be overridden further down: read it from the object's own type.
                    // Sealed slots belong to the type that declares the entry (sealed, so the same type).
                    return impl < current->NumVtableSlots ? type->Vtable[impl] : current->GetSlot(impl);
                }
            }
            RuntimeHost.Fatal("System.EntryPointNotFoundException", "no implementation of the interface method (default interface methods are not supported)");
            return 0;
        }

        private static int IndexOfInterface(MethodTable* type, MethodTable* iface)
        {
            MethodTable** map = type->InterfaceMap;
            for (int i = 0; i < type->NumInterfaces; i++)
                if (map[i] == iface)
                    return i;
            return -1;
        }
    }
}
