using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Arch.X64
{
    // The CPU protections of the kernel boundary, each turned on when CPUID reports it, and named in
    // one boot line ("protections: ..."):
    //   CR0.WP   supervisor writes honour read-only pages (also set by the boot stub)
    //   CR0.NE   x87 errors are reported as #MF exceptions, not through the legacy IRQ 13 path
    //   NXE      no-execute pages (EFER, set by the boot stub); kernel W^X (Memory/KernelImageMap.cs)
    //   SMEP     ring 0 never executes a user page       (CPUID.7.0:EBX[7],  CR4 bit 20)
    //   SMAP     ring 0 never touches a user page, except inside UserCopy.asm's stac/clac window
    //                                                    (CPUID.7.0:EBX[20], CR4 bit 21)
    //   UMIP     sgdt, sidt, sldt, str, smsw fault in ring 3, so they cannot reveal kernel addresses
    //                                                    (CPUID.7.0:ECX[2],  CR4 bit 11)
    // CR4.PCE, TSD and FSGSBASE stay clear: rdpmc and wr/rdfsbase fault in ring 3 (rdtsc is allowed).
    internal static unsafe class Protections
    {
        private const ulong Cr0Ne = 1UL << 5, Cr0Wp = 1UL << 16;
        private const ulong Cr4Umip = 1UL << 11, Cr4Smep = 1UL << 20, Cr4Smap = 1UL << 21;
        private const uint Leaf7EbxSmep = 1u << 7, Leaf7EbxSmap = 1u << 20, Leaf7EcxUmip = 1u << 2;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_set_smap_enabled")] private static extern void SetSmapEnabled(byte on);

        public static bool Smep, Smap, Umip, KernelWx;

        public static void Enable()
        {
            Cpu.WriteCr0(Cpu.ReadCr0() | Cr0Ne | Cr0Wp);
            KernelWx = KernelImageMap.Apply();

            uint* r = stackalloc uint[4];
            Cpu.CpuId(0, 0, r);
            uint maxLeaf = r[0];
            uint ebx7 = 0, ecx7 = 0;
            if (maxLeaf >= 7)
            {
                Cpu.CpuId(7, 0, r);
                ebx7 = r[1];
                ecx7 = r[2];
            }
            Smep = (ebx7 & Leaf7EbxSmep) != 0;
            Smap = (ebx7 & Leaf7EbxSmap) != 0;
            Umip = (ecx7 & Leaf7EcxUmip) != 0;
            ulong cr4 = Cpu.ReadCr4();
            if (Smep) cr4 |= Cr4Smep;
            if (Umip) cr4 |= Cr4Umip;
            if (Smap)
            {
                // The flag first: from the CR4 write on, user-copy routines need their stac/clac.
                SetSmapEnabled(1);
                cr4 |= Cr4Smap;
            }
            Cpu.WriteCr4(cr4);

            Log.Write("protections: ");
            Log.Write(KernelWx ? "kernel W^X (text RX, rodata R, data/stacks/physmap RW+NX)" : "kernel W^X OFF (no frame for the tables)");
            Log.Write(", NX, CR0.WP, CR0.NE, SMEP ");
            Log.Write(Smep ? "on" : "off (CPU lacks it)");
            Log.Write(", SMAP ");
            Log.Write(Smap ? "on" : "off (CPU lacks it)");
            Log.Write(", UMIP ");
            Log.Write(Umip ? "on" : "off (CPU lacks it)");
            Log.Write("\n");
        }
    }
}
