namespace MicroOS.Servers.Probe
{
    // The attack catalogue's case list: every way a ring-3 program can reach privileged state, one
    // process per case (the first attempt that faults ends the process). Pure data and string
    // building, shared by the probe (which runs a case) and MicroOS.Tests (linked source: the boot
    // tests expect an outcome for exactly these cases, and docs/attack-catalogue.md must list them).
    //
    // A group runs as `nosystem servers=witness,attack-<group>*N` (manifest entries attack-*): the
    // witness gets pid 1 and the N copies pids 2..N+1, so copy `pid` runs case `pid - FirstPid`.
    internal static class AttackCatalogue
    {
        public const int FirstPid = 2;

        // Segment loads and far transfers, each tried with every selector below (Attack.asm: the
        // op number is the position here).
        public static readonly string[] SegmentOps =
        {
            "mov-ds", "mov-es", "mov-fs", "mov-gs", "mov-ss", "pop-fs", "pop-gs", "lss", "lfs", "lgs",
            "jmp-far", "call-far", "retf", "iretq", "iretq-ss",
        };

        // Every GDT index (0..7: null, kernel code, kernel data, the empty SYSRET base, user data,
        // user code, TSS low, TSS high) with RPL 0 and 3; an LDT selector (TI = 1) with RPL 0 and 3;
        // and selectors past the GDT limit.
        // (Built in code: the freestanding runtime has no initializer for arrays of numbers.)
        public static readonly int[] Selectors = BuildSelectors();

        private static int[] BuildSelectors()
        {
            var selectors = new int[22];
            for (int index = 0; index < 8; index++)
            {
                selectors[2 * index] = index << 3;              // RPL 0
                selectors[2 * index + 1] = (index << 3) | 3;    // RPL 3
            }
            selectors[16] = 0x04;       // LDT index 0, RPL 0
            selectors[17] = 0x07;       // LDT index 0, RPL 3
            selectors[18] = 0x40;       // GDT index 8: just past the limit (8 entries)
            selectors[19] = 0x43;
            selectors[20] = 0xFFF8;     // the last GDT index
            selectors[21] = 0xFFFB;
            return selectors;
        }

        // One instruction or short sequence each (Attack.asm misc_ops: the op number is the position).
        public static readonly string[] MiscOps =
        {
            "int3", "icebp", "into", "sgdt", "sidt", "sldt", "str", "smsw", "smsw-mem",
            "lgdt", "lidt", "lldt", "ltr",
            "read-cr0", "write-cr0", "read-cr2", "write-cr2", "read-cr3", "write-cr3",
            "read-cr4", "write-cr4", "read-cr8", "write-cr8",
            "read-dr0", "write-dr0", "read-dr7", "write-dr7", "rdmsr", "wrmsr",
            "in-dx", "in-imm", "out-dx", "out-imm", "insb", "outsb",
            "cli", "sti", "hlt", "invlpg", "invd", "wbinvd", "clts", "lmsw", "swapgs",
            "sysret", "sysexit", "sysenter", "rdpmc", "xsetbv",
            "wrfsbase", "wrgsbase", "rdfsbase", "rdgsbase", "monitor", "mwait",
            "pop-ds", "pop-es", "pop-ss", "push-ds", "jmp-far-direct", "call-far-direct",
            "iretq-ring0", "iretq-noncanonical", "jmp-noncanonical",
            "iretq-iopl3-cli", "popf-iopl3-cli", "popf-clear-if",
            "compat-syscall", "compat-sysenter", "compat-int80", "compat-retf",
            "syscall-tf", "ldmxcsr-reserved", "fxrstor-reserved", "sse-unmasked", "x87-pending",
            "sse-unmasked-at-once", "sysenter-intel", "sysexit-intel",
            "syscall-rsp-kernel", "syscall-rsp-noncanonical", "ticks-rsp-noncanonical",
            "thread-entry-noncanonical", "thread-entry-kernel",
        };

        // The misc cases whose outcome depends on the CPU vendor: qemu64 says AuthenticAMD, where
        // SYSENTER and SYSEXIT are #UD in long mode, so the kernel's SYSENTER_CS = 0 is never read.
        // The "intel" group boots the same model as GenuineIntel (IntelGroupCpu) to reach it.
        public static readonly string[] IntelMiscOps = { "sysenter-intel", "sysexit-intel" };

        public const string IntelGroupCpu = "qemu64,vendor=GenuineIntel,+smep,+smap,+umip";

        // The misc cases that return through the stack with a far return or iretq: they run in the
        // "far" group (see FarGroupCpu).
        public static readonly string[] FarMiscOps = { "iretq-ring0", "iretq-noncanonical", "iretq-iopl3-cli", "compat-retf" };

        // Flag games across a syscall that must come back (AttackFlags in the probe).
        public static readonly string[] FlagCases = { "ac-syscall", "nt-syscall", "df-syscall" };

        // A group is one boot (at most 256 processes). "far" holds every transfer that reads or
        // writes the stack on the way (far call, far return, iretq): QEMU 7.2's TCG does those stack
        // accesses as supervisor accesses, so with SMAP on they all end in #PF before the CPU
        // looks at a selector. The "far" group therefore boots a CPU without SMAP (FarGroupCpu).
        public static readonly string[] Groups = { "segment", "far", "int", "misc", "intel" };

        public const string FarGroupCpu = "qemu64,+smep,+umip";

        // SegmentOps[0..FarSplit) load a segment register; the rest are far transfers.
        private const int FarSplit = 10;

        // The cases of `group`, in pid order; null for an unknown group.
        public static string[] Cases(string group)
        {
            switch (group)
            {
                case "segment":
                    return SegmentCases(0, FarSplit);
                case "far":
                    string[] transfers = SegmentCases(FarSplit, SegmentOps.Length);
                    var far = new string[transfers.Length + FarMiscOps.Length];
                    for (int i = 0; i < transfers.Length; i++)
                        far[i] = transfers[i];
                    for (int i = 0; i < FarMiscOps.Length; i++)
                        far[transfers.Length + i] = FarMiscOps[i];
                    return far;
                case "int":
                    var ints = new string[256];
                    for (int v = 0; v < 256; v++)
                        ints[v] = string.Concat("int ", Hex(v, 2));
                    return ints;
                case "intel":
                    return IntelMiscOps;
                case "misc":
                    var misc = new string[MiscOps.Length - FarMiscOps.Length - IntelMiscOps.Length + FlagCases.Length];
                    int n = 0;
                    for (int i = 0; i < MiscOps.Length; i++)
                        if (IndexOf(FarMiscOps, MiscOps[i]) < 0 && IndexOf(IntelMiscOps, MiscOps[i]) < 0)
                            misc[n++] = MiscOps[i];
                    for (int i = 0; i < FlagCases.Length; i++)
                        misc[n++] = FlagCases[i];
                    return misc;
                default:
                    return null;
            }
        }

        private static string[] SegmentCases(int firstOp, int endOp)
        {
            var cases = new string[(endOp - firstOp) * Selectors.Length];
            int n = 0;
            for (int op = firstOp; op < endOp; op++)
                for (int s = 0; s < Selectors.Length; s++)
                    cases[n++] = string.Concat(SegmentOps[op], " ", Hex(Selectors[s], Selectors[s] > 0xFF ? 4 : 2));
            return cases;
        }

        // "0x2B": upper-case hex with at least `digits` digits.
        public static string Hex(int value, int digits)
        {
            const string symbols = "0123456789ABCDEF";
            int length = digits;
            while (length < 8 && (value >> (4 * length)) != 0)
                length++;
            var chars = new char[2 + length];
            chars[0] = '0';
            chars[1] = 'x';
            for (int i = 0; i < length; i++)
                chars[2 + i] = symbols[(value >> (4 * (length - 1 - i))) & 0xF];
            return new string(chars);
        }

        // The inverse of Hex for "0x..." (no validation beyond the digits: the names come from here).
        public static int ParseHex(string text)
        {
            int value = 0;
            for (int i = 2; i < text.Length; i++)
            {
                char c = text[i];
                value = value * 16 + (c <= '9' ? c - '0' : c - 'A' + 10);
            }
            return value;
        }

        public static int IndexOf(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
                if (names[i] == name)
                    return i;
            return -1;
        }
    }
}
