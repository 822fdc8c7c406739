using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Nothing of one process's register state may change behind its back, nor leak to another:
    //   xmm-check   RegisterCheck.asm loads patterns into xmm0-15, the x87 stack, FCW and MXCSR and
    //               into the general registers, makes syscalls (get_pid, yield, sleep, debug_write)
    //               and spins across many timer ticks (announced by `xmm-check: spinning with every
    //               register live`), then this compares. Prints `xmm-check: ok` and
    //               `gpr-check: ok`, or the first register that differs with both values.
    //   sse-churn   a busy neighbour that rewrites its SSE/x87 state and modes without pause.
    internal static unsafe class RegisterCheck
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("register_check")]
        private static extern void Run(byte* results);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("sse_churn")]
        private static extern void Churn(ulong rounds);

        private const int AfterSyscalls = 128, AfterSpin = 256, FxBefore = 512, FxAfter = 1024;
        private const ushort ChosenFcw = 0x0A7F;
        private const uint ChosenMxcsr = 0xFFC0;

        private static readonly string[] GprNames =
        {
            "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
        };

        public static int Check()
        {
            byte* results = (byte*)Sys.MapMemory(4096);     // page-aligned: FXSAVE needs 16
            Run(results);
            string xmm = CompareFpu(results + FxBefore, results + FxAfter);
            Sys.Write(string.Concat("xmm-check: ", xmm));
            string gpr = CompareGprs((ulong*)results);
            Sys.Write(string.Concat("gpr-check: ", gpr));
            return xmm == "ok" && gpr == "ok" ? 0 : 1;
        }

        public static int ChurnForever()
        {
            for (int n = 1; ; n++)
            {
                Churn(20_000);
                Sys.Write(string.Concat("sse-churn: ", n.ToString()));
            }
        }

        // The FXSAVE images: FCW, FSW, FTW, MXCSR, ST0-7 (80 bits each), XMM0-15. (Not FOP/FIP/FDP.)
        private static string CompareFpu(byte* before, byte* after)
        {
            if (*(ushort*)before != ChosenFcw || *(uint*)(before + 24) != ChosenMxcsr)
                return string.Concat("the patterns did not load: FCW ", Hex(*(ushort*)before, 4), ", MXCSR ", Hex(*(uint*)(before + 24), 8));
            string d = Differs("fcw", before, after, 0, 2)
                ?? Differs("fsw", before, after, 2, 2)
                ?? Differs("ftw", before, after, 4, 1)
                ?? Differs("mxcsr", before, after, 24, 4);
            for (int i = 0; d == null && i < 8; i++)
                d = Differs(string.Concat("st", i.ToString()), before, after, 32 + 16 * i, 10);
            for (int i = 0; d == null && i < 16; i++)
                d = Differs(string.Concat("xmm", i.ToString()), before, after, 160 + 16 * i, 16);
            return d ?? "ok";
        }

        private static string Differs(string name, byte* before, byte* after, int offset, int length)
        {
            for (int i = 0; i < length; i++)
                if (before[offset + i] != after[offset + i])
                    return string.Concat(name, " before 0x", Bytes(before + offset, length), " after 0x", Bytes(after + offset, length));
            return null;
        }

        // Across syscalls every register but rax, rcx, r11 (the syscall's own) must keep its value;
        // across preemption every one of them.
        private static string CompareGprs(ulong* slots)
        {
            for (int r = 0; r < 16; r++)
            {
                if (r == 7)
                    continue;   // rsp: not part of the pattern
                if (r != 0 && r != 2 && r != 11 && slots[AfterSyscalls / 8 + r] != slots[r])
                    return string.Concat(GprNames[r], " after syscalls 0x", Hex(slots[AfterSyscalls / 8 + r], 16), ", before 0x", Hex(slots[r], 16));
                if (slots[AfterSpin / 8 + r] != slots[r])
                    return string.Concat(GprNames[r], " after preemption 0x", Hex(slots[AfterSpin / 8 + r], 16), ", before 0x", Hex(slots[r], 16));
            }
            return "ok";
        }

        // Little-endian bytes as one hex number (most significant first).
        private static string Bytes(byte* p, int length)
        {
            var chars = new char[2 * length];
            for (int i = 0; i < length; i++)
            {
                byte b = p[length - 1 - i];
                chars[2 * i] = HexDigit(b >> 4);
                chars[2 * i + 1] = HexDigit(b & 0xF);
            }
            return new string(chars);
        }

        private static string Hex(ulong value, int digits)
        {
            var chars = new char[digits];
            for (int i = 0; i < digits; i++)
                chars[i] = HexDigit((int)(value >> (4 * (digits - 1 - i))) & 0xF);
            return new string(chars);
        }

        private static char HexDigit(int d) => (char)(d < 10 ? '0' + d : 'A' + d - 10);
    }
}
