using MicroOS.Kernel.Diagnostics;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Arch.X64
{
    // A CPU exception in ring 0 is a kernel bug: print everything a developer needs, then stop.
    internal static unsafe class FaultReport
    {
        private static readonly string[] Names =
        {
            "#DE Divide Error", "#DB Debug", "NMI Non-Maskable Interrupt", "#BP Breakpoint",
            "#OF Overflow", "#BR Bound Range Exceeded", "#UD Invalid Opcode", "#NM Device Not Available",
            "#DF Double Fault", "Coprocessor Segment Overrun", "#TS Invalid TSS", "#NP Segment Not Present",
            "#SS Stack-Segment Fault", "#GP General Protection Fault", "#PF Page Fault", "Reserved (15)",
            "#MF x87 Floating-Point Exception", "#AC Alignment Check", "#MC Machine Check", "#XM SIMD Floating-Point Exception",
            "#VE Virtualization Exception", "#CP Control Protection Exception", "Reserved (22)", "Reserved (23)",
            "Reserved (24)", "Reserved (25)", "Reserved (26)", "Reserved (27)",
            "#HV Hypervisor Injection Exception", "#VC VMM Communication Exception", "#SX Security Exception", "Reserved (31)",
        };

        public static string NameOf(ulong vector) => vector < 32 ? Names[(int)vector] : "Interrupt";

        public static void Report(InterruptFrame* f)
        {
            Log.WriteLine(string.Concat("FAULT: ", NameOf(f->Vector), " (vector ", f->Vector.ToString(), ") in ",
                f->FromUserMode ? "ring 3" : "ring 0"));
            Log.WriteLine(string.Concat("  error code ", Log.Hex(f->ErrorCode), "  rip ", Log.Hex(f->Rip), "  rsp ", Log.Hex(f->Rsp)));
            if (f->Vector == 14)
            {
                Log.Write("  cr2 ");
                Log.WriteHex(Cpu.ReadCr2());
                Log.Write("  (");
                WritePageFaultCause(f->ErrorCode);
                Log.Write(")\n");
            }
            Log.WriteLine(string.Concat("  rax ", Log.Hex(f->Rax), "  rbx ", Log.Hex(f->Rbx), "  rcx ", Log.Hex(f->Rcx)));
            Log.WriteLine(string.Concat("  rdx ", Log.Hex(f->Rdx), "  rsi ", Log.Hex(f->Rsi), "  rdi ", Log.Hex(f->Rdi)));
            Log.WriteLine(string.Concat("  rbp ", Log.Hex(f->Rbp), "  r8  ", Log.Hex(f->R8), "  r9  ", Log.Hex(f->R9)));
            Log.WriteLine(string.Concat("  r10 ", Log.Hex(f->R10), "  r11 ", Log.Hex(f->R11), "  r12 ", Log.Hex(f->R12)));
            Log.WriteLine(string.Concat("  r13 ", Log.Hex(f->R13), "  r14 ", Log.Hex(f->R14), "  r15 ", Log.Hex(f->R15)));
            Log.WriteLine(string.Concat("  cs ", Log.Hex(f->Cs), "  ss ", Log.Hex(f->Ss), "  rflags ", Log.Hex(f->Rflags), "  cr3 ", Log.Hex(Cpu.ReadCr3())));
            Panic.Halt(string.Concat("CPU exception ", NameOf(f->Vector)), QemuExitCode.Fault);
        }

        // Decodes a #PF error code, written without allocating (the ring-3 kill path uses it too).
        public static void WritePageFaultCause(ulong error)
        {
            Log.Write((error & 1) != 0 ? "protection violation" : "page not present");
            Log.Write((error & 2) != 0 ? ", write" : ", read");
            Log.Write((error & 4) != 0 ? ", user" : ", supervisor");
            Log.Write((error & 16) != 0 ? ", instruction fetch" : "");
        }
    }
}
