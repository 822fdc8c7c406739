using System.Collections.Generic;
using MicroOS.Kernel.Boot;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// What an image needs before it runs (MicroOS.Kernel/Boot/ImageFit.cs), as the kernel compiles it:
// the loader refuses an image whose need exceeds its limit (issue 14).
public sealed class ImageFitTests
{
    private const ulong ImageBase = 0x40_0000, HeapBase = 0x10_0000_0000, StackTop = 0x7FFF_FFF0_0000, Arguments = 0x7FFF_FFF8_0000;

    private static ImageFit.Need Of(params ElfSegment[] segments) =>
        ImageFit.Of(new List<ElfSegment>(segments), StackTop, 16, Arguments, HeapBase, 80 * 1024);

    [Fact]
    public void CountsEveryPageTheLoaderAndTheFirstHeapTake()
    {
        // Code 8 KiB and data 5 KiB (two pages), in one 2 MiB region.
        ImageFit.Need n = Of(new ElfSegment(ImageBase, 0, 8192, 8192, false, true),
                             new ElfSegment(ImageBase + 0x2000, 8192, 100, 5000, true, false));
        Assert.Equal(4UL, n.ImagePages);
        Assert.Equal(17UL, n.StackPages);          // 16 of stack and the arguments page
        Assert.Equal(20UL, n.HeapPages);           // 80 KiB
        // PML4; PDPTs: image and heap share the first 512 GiB, the stack is in the last (2); page
        // directories: image (0 GiB), heap (64 GiB), stack (3); page tables: 3.
        Assert.Equal(1UL + 2 + 3 + 3, n.TablePages);
        Assert.Equal(n.ImagePages + n.StackPages + n.HeapPages + n.TablePages, n.Total);
    }

    [Fact]
    public void PagesSharedBySegmentsAreCountedOnceAndRegionsCrossedAreCounted()
    {
        // Two segments in the same page: one page. A segment across a 2 MiB boundary: two page tables.
        ImageFit.Need shared = Of(new ElfSegment(ImageBase, 0, 100, 100, false, true), new ElfSegment(ImageBase + 200, 200, 100, 100, true, false));
        Assert.Equal(1UL, shared.ImagePages);
        ImageFit.Need across = Of(new ElfSegment(0x1F_F000, 0, 0x2000, 0x2000, false, true));
        Assert.Equal(2UL, across.ImagePages);
        Assert.Equal(1UL + 2 + 3 + 4, across.TablePages);
    }
}
