using System.Collections.Generic;
using MicroOS.Kernel.Boot;

namespace MicroOS.Kernel.Memory
{
    // The kernel's one frame allocator, built from the multiboot2 memory map with the kernel image,
    // the boot modules, the boot information and low memory taken out. Frames come back zeroed.
    internal static unsafe class PhysicalMemory
    {
        public const ulong FrameSize = 4096;
        private static FrameBitmap s_frames;

        private static ulong s_managedFrames;

        public static ulong FreeFrames => s_frames.FreeFrames;
        // Frames the allocator manages (usable RAM minus what boot reserved) and how many are handed out.
        public static ulong ManagedFrames => s_managedFrames;
        public static ulong AllocatedFrames => s_managedFrames - s_frames.FreeFrames;

        public static void Initialize(BootInfo boot, ulong bootInfoPhysical, ulong bootInfoSize)
        {
            var reserved = new List<ReservedRange>();
            reserved.Add(new ReservedRange(0x100000, PhysMap.KernelToPhysical(Arch.X64.BootStub.KernelEnd()), "kernel image"));
            reserved.Add(new ReservedRange(bootInfoPhysical, bootInfoPhysical + bootInfoSize, "boot information"));
            foreach (BootModule m in boot.Modules)
                reserved.Add(new ReservedRange(m.Start, m.End, m.Name));
            s_frames = FrameBitmap.FromMemoryMap(boot.MemoryMap, reserved, PhysMap.MappedLimit);
            s_managedFrames = s_frames.FreeFrames;
        }

        // A zeroed frame, or false when memory is exhausted.
        public static bool TryAllocate(out ulong physical)
        {
            if (!s_frames.TryAllocate(out physical))
                return false;
            Arch.X64.BlockMemory.ZeroQwords((void*)PhysMap.ToVirtual(physical), FrameSize / 8);
            return true;
        }

        // `count` physically contiguous zeroed frames (for the kernel heap once the boot heap is used up).
        public static bool TryAllocateContiguous(int count, out ulong physical)
        {
            if (s_frames == null || !s_frames.TryAllocateContiguous(count, out physical))
            {
                physical = 0;
                return false;
            }
            Arch.X64.BlockMemory.ZeroQwords((void*)PhysMap.ToVirtual(physical), (ulong)count * FrameSize / 8);
            return true;
        }

        public static void Free(ulong physical)
        {
            if (!s_frames.Free(physical))
                Diagnostics.Panic.Halt(string.Concat("freeing frame ", Diagnostics.Log.Hex(physical), " that is not allocated"),
                    MicroOS.Shared.Abi.QemuExitCode.Panic);
        }
    }
}
