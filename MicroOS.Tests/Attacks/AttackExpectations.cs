using System.Text;
using MicroOS.Servers.Probe;

namespace MicroOS.Tests.Attacks;

// What each case of the attack catalogue (MicroOS.Servers/Tests/Probe/AttackCatalogue.cs) must end with,
// derived from the architecture's rules for the machine the tests boot: QEMU's qemu64 model
// (vendor AuthenticAMD, no XSAVE/FSGSBASE/MONITOR) with SMEP, SMAP and UMIP, and the kernel's GDT
// (the `far` group boots without SMAP, the `intel` group as GenuineIntel: AttackCatalogue.cs says why).
// `Sdm` is what the Intel SDM / AMD APM say; `Qemu` is what QEMU 7.2's TCG does where it departs
// from them (the boot tests assert `Qemu`, which is `Sdm` unless a note says why not).
//
// Outcomes: "#GP", "#UD", ... = the kernel kills the process with that fault (a ring-3 fault, the
// kill line names it); "completes" = the attempt goes through and the process says
// `attack: <case> completed` and exits with code 0; "completes: X" = the same line ending in ": X".
public sealed record AttackExpectation(string Group, string Case, string Instructions, string Sdm, string Qemu, string Why)
{
    // A case whose fault is reported at a non-canonical target rip, not at the instruction.
    public bool FaultsAtNonCanonicalTarget => Case is "jmp-noncanonical" or "iretq-noncanonical";

    // A line the process must also print (besides `attack: <case> (pid N)` and the outcome).
    public string? AlsoSays => Case == "df-syscall" ? "attack: df-syscall text 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : null;
}

public static class AttackExpectations
{
    public const string Completes = "completes";

    // The fault names of the kernel's kill line (FaultReport.Names).
    public static readonly IReadOnlyDictionary<string, string> FaultNames = new Dictionary<string, string>
    {
        ["#DE"] = "#DE Divide Error", ["#DB"] = "#DB Debug", ["#BP"] = "#BP Breakpoint", ["#UD"] = "#UD Invalid Opcode",
        ["#NP"] = "#NP Segment Not Present", ["#SS"] = "#SS Stack-Segment Fault", ["#GP"] = "#GP General Protection Fault",
        ["#PF"] = "#PF Page Fault", ["#MF"] = "#MF x87 Floating-Point Exception", ["#AC"] = "#AC Alignment Check",
        ["#XM"] = "#XM SIMD Floating-Point Exception",
    };

    public static IEnumerable<AttackExpectation> All() =>
        AttackCatalogue.Groups.SelectMany(group => AttackCatalogue.Cases(group).Select(c => For(group, c)));

    public static IEnumerable<AttackExpectation> ForGroup(string group) =>
        AttackCatalogue.Cases(group).Select(c => For(group, c));

    public static AttackExpectation For(string group, string name)
    {
        int space = name.IndexOf(' ');
        if (space > 0)
        {
            string op = name[..space];
            int argument = AttackCatalogue.ParseHex(name[(space + 1)..]);
            if (op == "int")
                return new(group, name, $"int 0x{argument:X2} (CD {argument:X2})", "#GP", "#GP",
                    "every IDT gate has DPL 0 < CPL 3 (the DPL check comes first, even for vectors of exceptions and IRQs)");
            return Segment(group, name, op, argument);
        }
        return Misc(group, name);
    }

    // ---- segment loads and far transfers -------------------------------------------------------

    private enum Kind { Null, Code, Data, System, OutOfLimit, Ldt }

    private sealed record Descriptor(Kind Kind, int Dpl, bool Long, string Name);

    // The kernel's GDT (Arch/X64/Gdt.cs), 8 entries, limit 0x3F; no LDT.
    private static Descriptor DescriptorOf(int selector)
    {
        if ((selector & 4) != 0)
            return new(Kind.Ldt, 0, false, "LDT selector: no LDT (a null LDTR, limit 0)");
        return (selector >> 3) switch
        {
            0 => new(Kind.Null, 0, false, "null selector"),
            1 => new(Kind.Code, 0, true, "kernel code (DPL 0)"),
            2 => new(Kind.Data, 0, false, "kernel data (DPL 0)"),
            3 => new(Kind.System, 0, false, "empty SYSRET base (all zero: a system descriptor of type 0)"),
            4 => new(Kind.Data, 3, false, "user data (DPL 3)"),
            5 => new(Kind.Code, 3, true, "user code, 64-bit (DPL 3, readable)"),
            6 => new(Kind.System, 0, false, "TSS (system descriptor)"),
            7 => new(Kind.System, 0, false, "TSS upper half (type 0)"),
            _ => new(Kind.OutOfLimit, 0, false, "past the GDT limit"),
        };
    }

    private static readonly Dictionary<string, string> SegmentInstructions = new()
    {
        ["mov-ds"] = "mov ds, {0}", ["mov-es"] = "mov es, {0}", ["mov-fs"] = "mov fs, {0}", ["mov-gs"] = "mov gs, {0}",
        ["mov-ss"] = "mov ss, {0}", ["pop-fs"] = "push {0}; pop fs", ["pop-gs"] = "push {0}; pop gs",
        ["lss"] = "lss eax, [m16:32 = {0}:0]", ["lfs"] = "lfs eax, [m16:32 = {0}:0]", ["lgs"] = "lgs eax, [m16:32 = {0}:0]",
        ["jmp-far"] = "jmp far [m16:32 = {0}:next]", ["call-far"] = "call far [m16:64 = {0}:next] (REX.W)",
        ["retf"] = "push {0}; push next; retfq", ["iretq"] = "iretq to CS {0}, SS 0x23",
        ["iretq-ss"] = "iretq to CS 0x2B, SS {0}",
    };

    private static AttackExpectation Segment(string group, string name, string op, int selector)
    {
        string sel = AttackCatalogue.Hex(selector, selector > 0xFF ? 4 : 2);
        string instructions = string.Format(SegmentInstructions[op], sel);
        Descriptor d = DescriptorOf(selector);
        int rpl = selector & 3;
        const int cpl = 3;
        (string outcome, string why) = op switch
        {
            "mov-ds" or "mov-es" or "mov-fs" or "mov-gs" or "pop-fs" or "pop-gs" or "lfs" or "lgs" => d.Kind switch
            {
                Kind.Null => (Completes, "a null selector may be loaded into DS/ES/FS/GS"),
                Kind.Data or Kind.Code when rpl <= d.Dpl && cpl <= d.Dpl => (Completes, d.Name + ": RPL and CPL <= DPL"),
                Kind.Data or Kind.Code => ("#GP", d.Name + ": DPL < CPL"),
                _ => ("#GP", d.Name),
            },
            "mov-ss" or "lss" or "iretq-ss" => d.Kind switch
            {
                Kind.Null => ("#GP", "a null SS is refused at CPL 3"),
                _ when rpl != cpl => ("#GP", d.Name + ": SS RPL must equal CPL"),
                Kind.Data when d.Dpl == cpl => (Completes, d.Name + ": writable data, DPL = RPL = CPL"),
                Kind.Code => ("#GP", d.Name + ": SS must be writable data"),
                _ => ("#GP", d.Name),
            },
            "jmp-far" or "call-far" => d.Kind switch
            {
                Kind.Null => ("#GP", "null selector"),
                Kind.Code when d.Dpl == cpl => (Completes, d.Name + ": non-conforming code, DPL = CPL, RPL <= CPL"),
                Kind.Code => ("#GP", d.Name + ": non-conforming code needs DPL = CPL"),
                Kind.System => ("#GP", d.Name + ": only a call gate may be a far target in long mode"),
                _ => ("#GP", d.Name),
            },
            _ /* retf, iretq */ => d.Kind switch
            {
                Kind.Null => ("#GP", "null selector"),
                _ when rpl < cpl => ("#GP", d.Name + ": a return to RPL " + rpl + " < CPL (inner level) is refused"),
                Kind.Code when d.Dpl == rpl => (Completes, d.Name + ": DPL = RPL = CPL"),
                Kind.Code => ("#GP", d.Name + ": non-conforming code needs DPL = RPL"),
                _ => ("#GP", d.Name + ": not a code segment"),
            },
        };
        return new(group, name, instructions, outcome, outcome, why);
    }

    // ---- one instruction or short sequence each --------------------------------------------------

    private static AttackExpectation Misc(string group, string name)
    {
        (string instructions, string sdm, string qemu, string why) = name switch
        {
            "int3" => ("int3 (CC)", "#GP", "#GP", "the breakpoint gate (vector 3) has DPL 0: INT3 is subject to the DPL check"),
            "icebp" => ("int1 / icebp (F1)", "#DB", "#UD", "SDM: INT1 raises #DB without a DPL check. QEMU 7.2 builds ICEBP only with WANT_ICEBP (undefined), so F1 is #UD"),
            "into" => ("into (CE)", "#UD", "#UD", "INTO is invalid in 64-bit mode"),
            "sgdt" => ("sgdt [rsp]", "#GP", "#GP", "UMIP (CR4.UMIP = 1): descriptor-table reads fault at CPL > 0"),
            "sidt" => ("sidt [rsp]", "#GP", "#GP", "UMIP"),
            "sldt" => ("sldt ax", "#GP", "#GP", "UMIP"),
            "str" => ("str ax", "#GP", "#GP", "UMIP"),
            "smsw" => ("smsw eax", "#GP", "#GP", "UMIP"),
            "smsw-mem" => ("smsw [rsp]", "#GP", "#GP", "UMIP"),
            "lgdt" => ("lgdt [rsp]", "#GP", "#GP", "privileged (CPL 0 only)"),
            "lidt" => ("lidt [rsp]", "#GP", "#GP", "privileged"),
            "lldt" => ("lldt ax (0)", "#GP", "#GP", "privileged"),
            "ltr" => ("ltr ax (0x30)", "#GP", "#GP", "privileged"),
            "read-cr0" => ("mov rax, cr0", "#GP", "#GP", "privileged"),
            "write-cr0" => ("mov cr0, rax", "#GP", "#GP", "privileged"),
            "read-cr2" => ("mov rax, cr2", "#GP", "#GP", "privileged"),
            "write-cr2" => ("mov cr2, rax", "#GP", "#GP", "privileged"),
            "read-cr3" => ("mov rax, cr3", "#GP", "#GP", "privileged"),
            "write-cr3" => ("mov cr3, rax", "#GP", "#GP", "privileged"),
            "read-cr4" => ("mov rax, cr4", "#GP", "#GP", "privileged"),
            "write-cr4" => ("mov cr4, rax", "#GP", "#GP", "privileged"),
            "read-cr8" => ("mov rax, cr8", "#GP", "#GP", "privileged"),
            "write-cr8" => ("mov cr8, rax", "#GP", "#GP", "privileged"),
            "read-dr0" => ("mov rax, dr0", "#GP", "#GP", "privileged"),
            "write-dr0" => ("mov dr0, rax", "#GP", "#GP", "privileged"),
            "read-dr7" => ("mov rax, dr7", "#GP", "#GP", "privileged"),
            "write-dr7" => ("mov dr7, rax", "#GP", "#GP", "privileged"),
            "rdmsr" => ("rdmsr (LSTAR)", "#GP", "#GP", "privileged"),
            "wrmsr" => ("wrmsr (LSTAR)", "#GP", "#GP", "privileged"),
            "in-dx" => ("in al, dx (0x60)", "#GP", "#GP", "IOPL 0 < CPL and the TSS has no I/O bitmap"),
            "in-imm" => ("in al, 0x64", "#GP", "#GP", "IOPL 0, no I/O bitmap"),
            "out-dx" => ("out dx, al (0x80)", "#GP", "#GP", "IOPL 0, no I/O bitmap"),
            "out-imm" => ("out 0x80, al", "#GP", "#GP", "IOPL 0, no I/O bitmap"),
            "insb" => ("insb (dx = 0x60)", "#GP", "#GP", "IOPL 0, no I/O bitmap"),
            "outsb" => ("outsb (dx = 0x80)", "#GP", "#GP", "IOPL 0, no I/O bitmap"),
            "cli" => ("cli", "#GP", "#GP", "IOPL 0 < CPL"),
            "sti" => ("sti", "#GP", "#GP", "IOPL 0 < CPL"),
            "hlt" => ("hlt", "#GP", "#GP", "privileged"),
            "invlpg" => ("invlpg [rsp]", "#GP", "#GP", "privileged"),
            "invd" => ("invd", "#GP", "#GP", "privileged"),
            "wbinvd" => ("wbinvd", "#GP", "#GP", "privileged"),
            "clts" => ("clts", "#GP", "#GP", "privileged"),
            "lmsw" => ("lmsw ax", "#GP", "#GP", "privileged"),
            "swapgs" => ("swapgs", "#GP", "#GP", "privileged"),
            "sysret" => ("sysretq", "#GP", "#GP", "SYSRET at CPL != 0"),
            "sysexit" => ("sysexitq", "#UD", "#UD", "qemu64 reports AuthenticAMD: AMD64 makes SYSEXIT #UD in long mode (an Intel CPU: #GP, CPL != 0)"),
            "sysenter" => ("sysenter (64-bit mode)", "#UD", "#UD", "AuthenticAMD: SYSENTER is #UD in long mode (the `intel` group tries it on an Intel CPU)"),
            "sysenter-intel" => ("sysenter (64-bit mode), vendor GenuineIntel", "#GP", "#GP", "Intel: SYSENTER is valid in 64-bit mode, but the kernel leaves SYSENTER_CS = 0, so it is #GP(0)"),
            "sysexit-intel" => ("sysexitq, vendor GenuineIntel", "#GP", "#GP", "Intel: SYSEXIT at CPL != 0 is #GP(0)"),
            "rdpmc" => ("rdpmc (ecx = 0)", "#GP", "#GP", "CR4.PCE = 0 at CPL 3"),
            "xsetbv" => ("xsetbv", "#UD", "#UD", "qemu64 has no XSAVE (CPUID.1:ECX.XSAVE = 0, CR4.OSXSAVE = 0)"),
            "wrfsbase" => ("wrfsbase rax", "#UD", "#UD", "CR4.FSGSBASE = 0 (qemu64 has no FSGSBASE)"),
            "wrgsbase" => ("wrgsbase rax", "#UD", "#UD", "CR4.FSGSBASE = 0"),
            "rdfsbase" => ("rdfsbase rax", "#UD", "#UD", "CR4.FSGSBASE = 0"),
            "rdgsbase" => ("rdgsbase rax", "#UD", "#UD", "CR4.FSGSBASE = 0"),
            "monitor" => ("monitor", "#UD", "#UD", "CPUID.1:ECX.MONITOR = 0 on qemu64 (and CPL > 0)"),
            "mwait" => ("mwait", "#UD", "#UD", "CPUID.1:ECX.MONITOR = 0 (and CPL > 0)"),
            "pop-ds" => ("pop ds (1F)", "#UD", "#UD", "invalid in 64-bit mode"),
            "pop-es" => ("pop es (07)", "#UD", "#UD", "invalid in 64-bit mode"),
            "pop-ss" => ("pop ss (17)", "#UD", "#UD", "invalid in 64-bit mode"),
            "push-ds" => ("push ds (1E)", "#UD", "#UD", "invalid in 64-bit mode"),
            "jmp-far-direct" => ("jmp 0x2B:0 (EA ptr16:32)", "#UD", "#UD", "invalid in 64-bit mode"),
            "call-far-direct" => ("call 0x2B:0 (9A ptr16:32)", "#UD", "#UD", "invalid in 64-bit mode"),
            "iretq-ring0" => ("iretq to CS 0x08, SS 0x10", "#GP", "#GP", "return to RPL 0 < CPL 3"),
            "iretq-noncanonical" => ("iretq to rip 0x0000800000000000", "#GP", "#GP", "non-canonical rip (reported at the target rip)"),
            "jmp-noncanonical" => ("jmp rax (0x0000800000000000)", "#GP", "#GP", "non-canonical rip (reported at the target rip)"),
            "iretq-iopl3-cli" => ("iretq with IOPL 3 in RFLAGS, then cli", "#GP", "#GP", "IRET at CPL 3 leaves IOPL unchanged (0), so cli still faults"),
            "popf-iopl3-cli" => ("popf with IOPL 3, then cli", "#GP", "#GP", "POPF at CPL 3 leaves IOPL unchanged"),
            "popf-clear-if" => ("popf with IF = 0, then pushf", Completes, Completes, "POPF at CPL 3 > IOPL leaves IF unchanged (still 1: exit code 3 otherwise)"),
            "compat-syscall" => ("jmp far 0x1B:x, then syscall", "#GP", "#GP", "no 32-bit user code: GDT 0x18 is empty, the far jump faults (CSTAR kills as a second line)"),
            "compat-sysenter" => ("jmp far 0x1B:x, then sysenter", "#GP", "#GP", "GDT 0x18 is empty: the far jump faults"),
            "compat-int80" => ("jmp far 0x1B:x, then int 0x80", "#GP", "#GP", "GDT 0x18 is empty: the far jump faults"),
            "compat-retf" => ("push 0x1B; push x; retfq", "#GP", "#GP", "GDT 0x18 is empty: not a code segment"),
            "syscall-tf" => ("popf with TF, then syscall", "#DB", "#DB", "FMASK clears TF in the kernel; SYSRET restores it, so the single-step trap is taken in ring 3 after the syscall"),
            "ldmxcsr-reserved" => ("ldmxcsr [0x00011F80]", "#GP", Completes, "SDM: reserved MXCSR bits (16 and up) #GP. QEMU 7.2 does not check them"),
            "fxrstor-reserved" => ("fxrstor64 of an area with MXCSR 0x00011F80", "#GP", Completes, "SDM: reserved MXCSR bits #GP. QEMU 7.2 does not check them"),
            "sse-unmasked" => ("ldmxcsr 0, fldcw 0x0340; yield, sleep 30 ms, write, spin; check MXCSR/FCW; divss 1/0", "#XM", Completes,
                "the kernel must run on its own MXCSR/FCW and give the process's back (exit code 3 if MXCSR or FCW changed). SDM: #XM for the divide. QEMU 7.2 does not raise #XM (see sse-unmasked-at-once)"),
            "sse-unmasked-at-once" => ("ldmxcsr 0; divss 1/0", "#XM", Completes, "SDM: #XM (CR4.OSXMMEXCPT = 1). QEMU 7.2 does not raise SIMD exceptions"),
            "x87-pending" => ("fldcw 0x037B; fld1; fldz; fdivp; yield, sleep, write, spin; fwait", "#MF", "#MF", "the pending x87 exception survives the kernel (FXSAVE/FXRSTOR) and is raised in ring 3 at fwait (CR0.NE = 1)"),
            "syscall-rsp-kernel" => ("mov rsp, 0xFFFFFFFF80100000; syscall (get_process_id)", Completes, Completes,
                "SYSCALL does not touch the stack and the entry stub switches to the thread's kernel stack before any push"),
            "syscall-rsp-noncanonical" => ("mov rsp, 0x0000800000000000; syscall (get_process_id)", Completes, Completes,
                "the same with a non-canonical rsp; SYSRET loads it back unchecked"),
            "ticks-rsp-noncanonical" => ("mov rsp, 0x0000800000000000; spin ~0.1 s of TSC", Completes, Completes,
                "timer interrupts from ring 3 switch to RSP0 (TSS); IRETQ returns the non-canonical rsp as it was (only a later use of it would fault)"),
            "thread-entry-noncanonical" => ("thread_create(entry 0x0000800000000000, a valid stack); thread_resume; yield", Completes, Completes,
                "the kernel IRETQs to a new thread's entry: a non-canonical rip would fault in ring 0, so thread_create refuses it (BadAddress; exit code 3 otherwise)"),
            "thread-entry-kernel" => ("thread_create(entry 0xFFFFFFFF80100000, a valid stack); thread_resume; yield", Completes, Completes,
                "a kernel-half entry is refused the same way (BadAddress): no thread of a process ever starts outside its user half"),
            "ac-syscall" => ("popf with AC; write text; write kernel pointer; pushf", "completes: write 0, kernel pointer -3, AC still set", null!,
                "FMASK clears AC (with SMAP, an inherited AC would open user memory to the kernel); the syscalls behave as usual; SYSRET gives AC back"),
            "nt-syscall" => ("popf with NT; yield; sleep 30 ms; spin across ticks; pushf", "completes: yield 0, sleep 0, NT still set", null!,
                "FMASK clears NT: a kernel IRETQ with NT set would #GP (no task returns in long mode)"),
            "df-syscall" => ("std; write text; pushf; cld", "completes: write 0, DF still set", null!,
                "FMASK clears DF: the kernel's copy goes forward (the exact text must arrive)"),
            _ => throw new ArgumentException($"no expectation for attack case '{name}'"),
        };
        return new(group, name, instructions, sdm, qemu ?? sdm, why);
    }

    // ---- the documentation table ------------------------------------------------------------------

    public const string TableStart = "<!-- attack-catalogue table: generated from AttackExpectations.cs; AttackCatalogueDocTests keeps it in sync -->";
    public const string TableEnd = "<!-- end of attack-catalogue table -->";

    public static string MarkdownTable()
    {
        var text = new StringBuilder();
        text.AppendLine(TableStart);
        foreach (string group in AttackCatalogue.Groups)
        {
            List<AttackExpectation> cases = ForGroup(group).ToList();
            text.AppendLine();
            text.AppendLine($"### Group `{group}` ({cases.Count} cases, test `{TestName(group)}`)");
            text.AppendLine();
            text.AppendLine("| case | instruction(s) | expected (SDM/APM) | on QEMU 7.2 TCG | why |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (AttackExpectation e in cases)
                text.AppendLine($"| `{e.Case}` | `{e.Instructions}` | {e.Sdm} | {(e.Qemu == e.Sdm ? "same" : "**" + e.Qemu + "**")} | {e.Why} |");
        }
        text.AppendLine();
        text.Append(TableEnd);
        return text.ToString();
    }

    public static string TestName(string group) => $"AttackCatalogueTests.EveryCaseEndsAsCatalogued(group: \"{group}\")";
}
