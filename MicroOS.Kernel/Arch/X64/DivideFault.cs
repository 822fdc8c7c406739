namespace MicroOS.Kernel.Arch.X64
{
    // #DE has two causes the CPU does not tell apart: a zero divisor, and a quotient too large for
    // the destination (C#'s int.MinValue / -1, long.MinValue % -1). .NET throws DivideByZeroException
    // for the first and OverflowException for the second; CoreCLR and NativeAOT tell them apart the
    // same way as this: decode the faulting div/idiv (F6/F7 /6 or /7) and read its divisor, from the
    // saved registers or, for a memory operand, from user memory through the user-copy routines (a
    // bad address only means "cannot tell": the fault stays a divide by zero).
    internal static unsafe class DivideFault
    {
        private const int MaxInstruction = 15;

        public static bool DivisorIsNonZero(InterruptFrame* frame)
        {
            byte* code = stackalloc byte[MaxInstruction];
            int n = 0;
            while (n < MaxInstruction && Memory.VirtualAddress.IsUserRange(frame->Rip + (ulong)n, 1) &&
                   UserCopy.FromUser(code + n, frame->Rip + (ulong)n, 1) == 0)
                n++;
            int i = 0;
            bool operand16 = false;
            while (i < n && IsLegacyPrefix(code[i]))
                operand16 |= code[i++] == 0x66;
            int rex = i < n && (code[i] & 0xF0) == 0x40 ? code[i++] : 0;
            if (i + 2 > n || (code[i] != 0xF6 && code[i] != 0xF7))
                return false;
            bool byteOperand = code[i++] == 0xF6;
            byte modrm = code[i++];
            int operation = modrm >> 3 & 7, mod = modrm >> 6, rm = modrm & 7;
            if (operation != 6 && operation != 7)       // div, idiv
                return false;
            int size = byteOperand ? 1 : (rex & 8) != 0 ? 8 : operand16 ? 2 : 4;
            ulong divisor;
            if (mod == 3)
            {
                // Without REX, byte registers 4..7 are AH, CH, DH, BH.
                divisor = byteOperand && rex == 0 && rm >= 4 ? Register(frame, rm - 4) >> 8 : Register(frame, rm | (rex & 1) << 3);
            }
            else
            {
                ulong address;
                if (rm == 4)
                {
                    if (i >= n) return false;
                    byte sib = code[i++];
                    int index = (sib >> 3 & 7) | (rex & 2) << 2, baseRegister = sib & 7;
                    address = index == 4 ? 0 : Register(frame, index) << (sib >> 6);
                    if (baseRegister == 5 && mod == 0)
                    {
                        if (!Displacement(code, n, ref i, 4, out long absolute)) return false;
                        address += (ulong)absolute;
                    }
                    else
                    {
                        address += Register(frame, baseRegister | (rex & 1) << 3);
                    }
                }
                else if (rm == 5 && mod == 0)
                {
                    if (!Displacement(code, n, ref i, 4, out long relative)) return false;
                    address = frame->Rip + (ulong)i + (ulong)relative;     // rip-relative: from the next instruction (div has no immediate)
                }
                else
                {
                    address = Register(frame, rm | (rex & 1) << 3);
                }
                if (mod == 1 || mod == 2)
                {
                    if (!Displacement(code, n, ref i, mod == 1 ? 1 : 4, out long displacement)) return false;
                    address += (ulong)displacement;
                }
                ulong value = 0;
                // Only the faulting server's own memory: never a kernel address it names.
                if (!Memory.VirtualAddress.IsUserRange(address, (ulong)size) || UserCopy.FromUser(&value, address, (ulong)size) != 0)
                    return false;
                divisor = value;
            }
            if (size < 8)
                divisor &= (1UL << (8 * size)) - 1;
            return divisor != 0;
        }

        private static bool IsLegacyPrefix(byte b) =>
            b == 0x66 || b == 0x67 || b == 0xF0 || b == 0xF2 || b == 0xF3 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x26 || b == 0x64 || b == 0x65;

        private static bool Displacement(byte* code, int n, ref int i, int bytes, out long value)
        {
            value = 0;
            if (i + bytes > n)
                return false;
            value = bytes == 1 ? (sbyte)code[i] : *(int*)(code + i);
            i += bytes;
            return true;
        }

        // Register number as ModRM/SIB encode it: 0 rax, 1 rcx, 2 rdx, 3 rbx, 4 rsp, 5 rbp, 6 rsi, 7 rdi, 8..15 r8..r15.
        private static ulong Register(InterruptFrame* f, int number) => number switch
        {
            0 => f->Rax, 1 => f->Rcx, 2 => f->Rdx, 3 => f->Rbx, 4 => f->Rsp, 5 => f->Rbp, 6 => f->Rsi, 7 => f->Rdi,
            8 => f->R8, 9 => f->R9, 10 => f->R10, 11 => f->R11, 12 => f->R12, 13 => f->R13, 14 => f->R14, _ => f->R15,
        };
    }
}
