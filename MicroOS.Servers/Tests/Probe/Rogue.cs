using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Each attack must end with the kernel killing this process (or, for bad syscall arguments,
    // refusing with an error code) while every other process keeps running.
    internal static unsafe class Rogue
    {
        public const ulong KernelAddress = 0xFFFFFFFF80101000;     // the kernel image: first page of kernel text
        public const ulong OtherServersHeap = 0x0000_0010_0020_0000; // inside the witness's heap (it maps 3 MiB)

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_cli")] private static extern void Cli();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_hlt")] private static extern void Hlt();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_out")] private static extern void Out();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_mov_cr3")] private static extern void MovCr3();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_jump")] private static extern void Jump(void* target);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_ud")] private static extern void InvalidOpcode();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("probe_divide")] private static extern ulong Divide(ulong dividend, ulong divisor);

        public static int Attack(string attack)
        {
            Sys.Write(string.Concat("rogue: attempting ", attack));
            switch (attack)
            {
                case "kernel-write":
                    *(ulong*)KernelAddress = 0xBAD;
                    break;
                case "kernel-read":
                    Sys.Write(string.Concat("rogue: read ", (*(ulong*)KernelAddress).ToString()));
                    break;
                case "other-read":
                    Sys.Sleep(300);     // let the witness map and fill its memory first
                    Sys.Write(string.Concat("rogue: read ", (*(ulong*)OtherServersHeap).ToString()));
                    break;
                case "nx":
                    byte* data = (byte*)Sys.MapMemory(4096);
                    data[0] = 0xC3;                 // `ret`: harmless if it ran, but the page is no-execute
                    Jump(data);
                    break;
                case "cli":
                    Cli();
                    break;
                case "hlt":
                    Hlt();
                    break;
                case "out":
                    Out();
                    break;
                case "mov-cr3":
                    MovCr3();
                    break;
                case "ud":
                    InvalidOpcode();
                    break;
                case "divide":
                    Sys.Write(string.Concat("rogue: quotient ", Divide(Sys.ReadTimestamp(), 0).ToString()));
                    break;
                case "syscall-args":
                    return BadSyscallArguments();
                default:
                    Sys.Write(string.Concat("rogue: unknown attack '", attack, "'"));
                    return 2;
            }
            Sys.Write(string.Concat("rogue: SURVIVED ", attack));
            return 1;
        }

        // Bad arguments are refused with an error code; the server lives on.
        private static int BadSyscallArguments()
        {
            Report("kernel pointer", Sys.Call(Syscall.DebugWrite, KernelAddress, 16));
            Report("unmapped pointer", Sys.Call(Syscall.DebugWrite, 0x0000_0000_1000_0000, 16));
            Report("non-canonical pointer", Sys.Call(Syscall.DebugWrite, 0x8000_0000_0000_0000, 16));
            Report("overflowing length", Sys.Call(Syscall.DebugWrite, 0x0000_7FFF_FFFF_F000, 0xFFFF_FFFF_FFFF_F000));
            Report("unknown syscall", Sys.Raw(999, 0, 0, 0, 0));
            Report("zero-length map", Sys.Call(Syscall.MapMemory, 0));
            Report("huge map", Sys.Call(Syscall.MapMemory, 1UL << 40));
            // unmap_memory gives back only the caller's own heap pages; map_memory at an address
            // only refills a hole below the heap's end.
            ulong heap = (ulong)Sys.Call(Syscall.MapMemory, 2 * 4096);
            Report("unmap kernel", Sys.Call(Syscall.UnmapMemory, KernelAddress & ~0xFFFUL, 4096));
            Report("unmap image", Sys.Call(Syscall.UnmapMemory, 0x40_0000, 4096));
            Report("unmap past heap end", Sys.Call(Syscall.UnmapMemory, heap + (1UL << 30), 4096));
            Report("unmap unaligned", Sys.Call(Syscall.UnmapMemory, heap + 8, 4096));
            Report("unmap partial page", Sys.Call(Syscall.UnmapMemory, heap, 100));
            Report("unmap overflowing length", Sys.Call(Syscall.UnmapMemory, heap, 0xFFFF_FFFF_FFFF_F000));
            Report("unmap own page", Sys.Call(Syscall.UnmapMemory, heap, 4096));
            Report("unmap it again", Sys.Call(Syscall.UnmapMemory, heap, 2 * 4096));
            Report("map over a mapped page", Sys.Call(Syscall.MapMemory, 2 * 4096, heap));
            Report("map past heap end", Sys.Call(Syscall.MapMemory, 4096, heap + (1UL << 30)));
            long refilled = Sys.Call(Syscall.MapMemory, 4096, heap);
            Report("refill own hole", refilled == (long)heap ? 0 : refilled);
            Sys.Write("rogue: still alive after bad syscalls");
            return 0;
        }

        private static void Report(string what, long result) =>
            Sys.Write(string.Concat("rogue: ", what, " -> ", result.ToString()));
    }
}
