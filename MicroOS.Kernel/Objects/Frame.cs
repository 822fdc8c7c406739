using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Objects
{
    // Physical memory as a capability: `Pages` contiguous frames from the allocator (frame_create,
    // charged to the creator), or device memory named by the boot manifest (`mmio:`), which is never
    // the allocator's. Mapped by FrameSyscalls.Map into any process holding a cap, with rights no
    // wider than the cap's; those mappings are marked Borrowed so AddressSpace.Destroy never frees
    // them: the frames go back only when the object is dead AND its last mapping is gone.
    internal sealed class Frame : KernelObject
    {
        public const int MaxPages = 256;       // 1 MiB: a program read from disk for process_create_frame fits one frame

        public ulong Physical;
        public int Pages;
        public bool Device;
        public int MapCount;

        public override CapType Type => CapType.Frame;

        public static Frame Create(Process owner, int pages)
        {
            ProcessObjects objects = ProcessObjects.Of(owner);
            var f = (Frame)objects.Arena.Take(objects, CapType.Frame);
            if (f == null)
                return null;
            if (!PhysicalMemory.TryAllocateContiguous(pages, out ulong physical))
            {
                objects.Arena.Free(f);
                return null;
            }
            f.Begin(owner, pages * (int)PhysicalMemory.FrameSize);
            f.Physical = physical;
            f.Pages = pages;
            f.Device = false;
            f.MapCount = 0;
            return f;
        }

        public static Frame CreateDevice(Process owner, ulong physical, int pages)
        {
            var f = (Frame)ProcessObjects.Of(owner).Arena.Take(ProcessObjects.Of(owner), CapType.Frame);
            if (f == null)
                return null;
            f.Begin(owner, 0);
            f.Physical = physical;
            f.Pages = pages;
            f.Device = true;
            f.MapCount = 0;
            return f;
        }

        protected override bool OnDestroy()
        {
            if (MapCount > 0)
                return false;       // Unmapped frees it
            FreeMemory();
            return true;
        }


        // A process that mapped it ended (ProcessObjects.OnProcessEnd).
        public void Unmapped()
        {
            MapCount--;
            if (!IsLive && MapCount == 0)
            {
                FreeMemory();
                ObjectArena.ReleaseOrphan(this);        // its owner ended: its object page was kept for it
            }
        }

        private void FreeMemory()
        {
            if (!Device)
                for (int i = 0; i < Pages; i++)
                    PhysicalMemory.Free(Physical + (ulong)i * PhysicalMemory.FrameSize);
            Physical = 0;
            Pages = 0;
        }
    }
}
