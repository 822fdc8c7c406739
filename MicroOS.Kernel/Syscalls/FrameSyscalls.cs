using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // frame_map(cap, address, writable): maps a Frame capability's memory into the caller, inside the
    // mapping window (docs/memory-layout.md), never wider than the cap allows: Read to map at all,
    // Write to map writable. The pages are marked Borrowed: the address space's teardown leaves them
    // to the Frame object (Objects/Frame.cs).
    // frame_unmap(address): undoes one frame_map, named by the address it mapped at (not by the cap:
    // a revoked cap must not leave its mapping stuck). The memory is never freed here: it stays the
    // Frame's, which frees it once dead and unmapped everywhere (device memory never).
    internal static unsafe class FrameSyscalls
    {
        public const ulong WindowBase = 0x0000_0030_0000_0000;
        public const ulong WindowTop = 0x0000_0040_0000_0000;

        public static long Map(SyscallFrame* f, CapSlot cap)
        {
            var frame = (Frame)cap.Object;
            ulong address = f->Arg1;
            bool writable = f->Arg2 != 0;
            ulong bytes = (ulong)frame.Pages * PhysicalMemory.FrameSize;
            if (writable && !CapRightsAlgebra.Has(cap.Rights, CapRights.Write))
                return (long)SyscallError.MissingRight;
            if ((address & (PhysicalMemory.FrameSize - 1)) != 0 || address < WindowBase || address > WindowTop - bytes)
                return (long)SyscallError.OutOfRange;
            Process p = Scheduler.Current.Process;
            ProcessObjects objects = ProcessObjects.Of(p);
            // Up to three new page tables per 2 MiB crossed; frames are capped at 64 pages (< 2 MiB).
            if (objects.MappingCount == ProcessObjects.MaxMappings || !p.Space.CanAllocate(6))
                return (long)SyscallError.OutOfMemory;
            for (int i = 0; i < frame.Pages; i++)
            {
                if (p.Space.TryTranslate(address + (ulong)i * PhysicalMemory.FrameSize, out _))
                    return (long)SyscallError.InvalidArgument;     // something is mapped there already
            }
            PageFlags flags = PageFlags.User | PageFlags.NoExecute | PageFlags.Borrowed;
            if (writable)
                flags |= PageFlags.Writable;
            if (frame.Device)
                flags |= PageFlags.CacheDisable;
            for (int i = 0; i < frame.Pages; i++)
            {
                ulong offset = (ulong)i * PhysicalMemory.FrameSize;
                if (!p.Space.Map(address + offset, frame.Physical + offset, flags))
                {
                    for (int j = 0; j < i; j++)
                        p.Space.Unmap(address + (ulong)j * PhysicalMemory.FrameSize);
                    return (long)SyscallError.OutOfMemory;
                }
            }
            objects.TryRecordMapping(frame, address);
            // A ring-3 console that maps the text screen writable owns it from now on: the kernel
            // log stops writing there (it stays on COM2) until a panic.
            if (frame.Device && writable && frame.Physical == Arch.X64.VgaText.BufferPhysical)
                Arch.X64.VgaText.HandOver();
            return 0;
        }

        public static long Unmap(SyscallFrame* f)
        {
            ulong address = f->Arg0;
            ProcessObjects objects = Scheduler.Current.Process.Objects;
            // Decode: a mapping frame_map made at exactly this address, or nothing is touched.
            Frame frame = objects?.TakeMapping(address);
            if (frame == null)
                return (long)SyscallError.InvalidArgument;
            AddressSpace space = Scheduler.Current.Process.Space;
            for (int i = 0; i < frame.Pages; i++)
                space.Unmap(address + (ulong)i * PhysicalMemory.FrameSize);     // Borrowed: the frame is not freed
            frame.Unmapped();
            return 0;
        }
    }
}
