using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    // The callee-saved state of one frame (layout shared with Native/Exceptions.asm): where the
    // frame is executing (rip: a return address, or the faulting instruction), its stack pointer,
    // and the registers a callee must preserve. Unwinding one frame turns it into its caller's.
    internal struct ExceptionContext
    {
        public ulong Rip, Rsp, Rbp, Rbx, R12, R13, R14, R15;
    }

    // What the unwind tables say about the code at one address. ILC emits, for every method and
    // every funclet, a DWARF FDE in .eh_frame (prolog only, Windows-unwind-code style: the body has
    // one fixed frame) whose LSDA points into .dotnet_eh_table:
    //   byte flags (kind: 0 method, 1 catch/finally funclet, 2 filter funclet; 4 = has EH info;
    //               0x10 = has associated data)
    //   funclet: int32 relative pointer to the method's LSDA, int32 funclet start - method start
    //   method:  [int32 associated data] [int32 relative pointer to the EH info] GC info ...
    internal unsafe struct CodeInfo
    {
        public byte* FunctionStart;     // this FDE's code: the method, or one funclet
        public byte* MethodStart;       // the method's main body (clause offsets count from here)
        public byte* MainLsda;
        public byte Kind;
        public byte* Cfi, CfiEnd;       // FDE instructions
        public byte* CieCfi, CieCfiEnd; // CIE initial instructions
        public long DataAlign;
        public ulong CodeAlign;

        public const byte KindMethod = 0, KindHandler = 1, KindFilter = 2;
        private const byte HasEhInfo = 0x04, HasAssociatedData = 0x10;

        // The method's EH clause table, or null.
        public byte* EhInfo
        {
            get
            {
                byte* p = MainLsda;
                byte flags = *p++;
                if ((flags & HasAssociatedData) != 0)
                    p += 4;
                if ((flags & HasEhInfo) == 0)
                    return null;
                return p + *(int*)p;
            }
        }
    }

    // One clause of a method's EH table (innermost first, as ECMA orders them). Offsets are from the
    // method start; a finally is a Fault clause (its normal-path copy is inlined by the JIT).
    internal unsafe struct EhClause
    {
        public uint TryStart, TryEnd;
        public uint Kind;               // 0 typed catch, 1 fault/finally, 2 filter
        public byte* Handler;
        public byte* Filter;
        public MethodTable* CatchType;

        public const uint Typed = 0, Fault = 1, FilterKind = 2;

        public bool Contains(uint offset) => offset >= TryStart && offset < TryEnd;
    }

    internal unsafe struct EhClauseReader
    {
        private byte* _p;
        private byte* _methodStart;
        public uint Count;

        public EhClauseReader(byte* ehInfo, byte* methodStart)
        {
            _p = ehInfo;
            _methodStart = methodStart;
            Count = 0;
            Count = ReadUnsigned();
        }

        // Clause fields: try start, (try length << 2) | kind, handler offset, then a relative
        // pointer to the catch type (typed) or the filter offset (filter).
        public void Next(out EhClause clause)
        {
            clause = default;
            clause.TryStart = ReadUnsigned();
            uint lengthAndKind = ReadUnsigned();
            clause.Kind = lengthAndKind & 3;
            clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
            clause.Handler = _methodStart + ReadUnsigned();
            if (clause.Kind == EhClause.Typed)
            {
                clause.CatchType = (MethodTable*)(_p + *(int*)_p);
                _p += 4;
            }
            else if (clause.Kind == EhClause.FilterKind)
            {
                clause.Filter = _methodStart + ReadUnsigned();
            }
        }

        // NativeAOT's variable-length unsigned: the low bits of the first byte give the length
        // (x0: 1 byte, x01: 2, x011: 3, x0111: 4, 1111: 4 more bytes follow).
        private uint ReadUnsigned()
        {
            byte b = *_p;
            uint value;
            if ((b & 1) == 0) { value = (uint)b >> 1; _p += 1; }
            else if ((b & 2) == 0) { value = (uint)(*(ushort*)_p) >> 2; _p += 2; }
            else if ((b & 4) == 0) { value = ((uint)*(ushort*)_p | ((uint)_p[2] << 16)) >> 3; _p += 3; }
            else if ((b & 8) == 0) { value = *(uint*)_p >> 4; _p += 4; }
            else { value = *(uint*)(_p + 1); _p += 5; }
            return value;
        }
    }

    // Finds the unwind and EH data for a code address and steps a context to its caller. The table
    // is ld.lld's .eh_frame_hdr (--eh-frame-hdr; the linker scripts bracket it): a sorted array of
    // (function start, FDE) pairs, both 32-bit offsets from the header.
    internal static unsafe class Unwinder
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_eh_frame_hdr")]
        private static extern byte* EhFrameHeader();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_eh_frame_hdr_end")]
        private static extern byte* EhFrameHeaderEnd();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_managed_code_start")]
        internal static extern byte* ManagedCodeStart();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_managed_code_end")]
        internal static extern byte* ManagedCodeEnd();

        private const byte PcRelSData4 = 0x1B;     // DW_EH_PE_pcrel | DW_EH_PE_sdata4
        private const byte DataRelSData4 = 0x3B;   // DW_EH_PE_datarel | DW_EH_PE_sdata4
        private const byte UData4 = 0x03;

        public static bool IsManagedCode(ulong ip) => ip >= (ulong)ManagedCodeStart() && ip < (ulong)ManagedCodeEnd();

        public static bool Find(ulong ip, out CodeInfo info)
        {
            info = default;
            if (!IsManagedCode(ip))
                return false;
            byte* header = EhFrameHeader();
            if (EhFrameHeaderEnd() - header < 12 || header[0] != 1 || header[1] != PcRelSData4 || header[2] != UData4 || header[3] != DataRelSData4)
                return false;
            uint count = *(uint*)(header + 8);
            int* table = (int*)(header + 12);
            // The last entry whose start is <= ip.
            long low = 0, high = (long)count - 1, found = -1;
            while (low <= high)
            {
                long mid = (low + high) / 2;
                if ((ulong)(header + table[2 * mid]) <= ip) { found = mid; low = mid + 1; }
                else high = mid - 1;
            }
            if (found < 0)
                return false;
            return ParseFde(header + table[2 * found + 1], ip, ref info);
        }

        private static bool ParseFde(byte* fde, ulong ip, ref CodeInfo info)
        {
            uint length = *(uint*)fde;
            if (length == 0 || length == 0xFFFFFFFF)
                return false;
            byte* end = fde + 4 + length;
            byte* cie = fde + 4 - *(int*)(fde + 4);
            if (!ParseCie(cie, ref info, out bool hasAugmentation, out bool hasLsda))
                return false;
            byte* p = fde + 8;
            byte* start = p + *(int*)p;
            p += 4;
            long range = *(int*)p;
            p += 4;
            if (ip < (ulong)start || ip >= (ulong)start + (ulong)range)
                return false;
            byte* lsda = null;
            if (hasAugmentation)
            {
                ulong augmentationLength = ReadUleb(ref p);
                byte* data = p;
                if (hasLsda && augmentationLength >= 4)
                    lsda = data + *(int*)data;
                p = data + augmentationLength;
            }
            if (lsda == null)
                return false;       // not code ILC compiled
            info.FunctionStart = start;
            info.Cfi = p;
            info.CfiEnd = end;
            info.Kind = (byte)(*lsda & 3);
            if (info.Kind == CodeInfo.KindMethod)
            {
                info.MainLsda = lsda;
                info.MethodStart = start;
            }
            else
            {
                byte* q = lsda + 1;
                info.MainLsda = q + *(int*)q;
                info.MethodStart = start - *(int*)(q + 4);
            }
            return true;
        }

        // ILC's one CIE: "zLR", LSDA and FDE pointers pc-relative 32-bit.
        private static bool ParseCie(byte* cie, ref CodeInfo info, out bool hasAugmentation, out bool hasLsda)
        {
            hasAugmentation = false;
            hasLsda = false;
            uint length = *(uint*)cie;
            if (length == 0 || length == 0xFFFFFFFF || *(uint*)(cie + 4) != 0)
                return false;
            byte* end = cie + 4 + length;
            byte* p = cie + 8;
            byte version = *p++;
            byte* augmentation = p;
            while (*p != 0)
                p++;
            p++;
            info.CodeAlign = ReadUleb(ref p);
            info.DataAlign = ReadSleb(ref p);
            if (version == 1)
                p++;
            else
                ReadUleb(ref p);
            if (augmentation[0] == 'z')
            {
                hasAugmentation = true;
                ulong augmentationLength = ReadUleb(ref p);
                byte* data = p;
                for (byte* a = augmentation + 1; *a != 0; a++)
                {
                    if (*a == 'L') { if (*data++ != PcRelSData4) return false; hasLsda = true; }
                    else if (*a == 'R') { if (*data++ != PcRelSData4) return false; }
                    else return false;
                }
                p += augmentationLength;
            }
            else if (augmentation[0] != 0)
            {
                return false;
            }
            info.CieCfi = p;
            info.CieCfiEnd = end;
            return true;
        }

        private struct Rules
        {
            public int CfaRegister;
            public long CfaOffset;
            public fixed long Offset[17];       // where a register was saved, from the CFA
            public fixed byte Saved[17];
        }

        // DWARF register numbers of the registers an ExceptionContext holds.
        private const int Rbx = 3, Rbp = 6, Rsp = 7, R12 = 12, R13 = 13, R14 = 14, R15 = 15, ReturnAddress = 16;

        // Steps `context` from the frame it describes to its caller's, by the CFI row for context.Rip.
        public static bool Unwind(ref ExceptionContext context, in CodeInfo info)
        {
            Rules rules = default;
            if (!Execute(info.CieCfi, info.CieCfiEnd, 0, ulong.MaxValue, in info, ref rules))
                return false;
            if (!Execute(info.Cfi, info.CfiEnd, (ulong)info.FunctionStart, context.Rip, in info, ref rules))
                return false;
            ulong cfa;
            if (rules.CfaRegister == Rsp)
                cfa = context.Rsp;
            else if (rules.CfaRegister == Rbp)
                cfa = context.Rbp;
            else
                return false;
            cfa = (ulong)((long)cfa + rules.CfaOffset);
            if (rules.Saved[ReturnAddress] == 0)
                return false;
            ExceptionContext caller = context;
            caller.Rip = *(ulong*)((long)cfa + rules.Offset[ReturnAddress]);
            caller.Rsp = cfa;
            if (rules.Saved[Rbx] != 0) caller.Rbx = *(ulong*)((long)cfa + rules.Offset[Rbx]);
            if (rules.Saved[Rbp] != 0) caller.Rbp = *(ulong*)((long)cfa + rules.Offset[Rbp]);
            if (rules.Saved[R12] != 0) caller.R12 = *(ulong*)((long)cfa + rules.Offset[R12]);
            if (rules.Saved[R13] != 0) caller.R13 = *(ulong*)((long)cfa + rules.Offset[R13]);
            if (rules.Saved[R14] != 0) caller.R14 = *(ulong*)((long)cfa + rules.Offset[R14]);
            if (rules.Saved[R15] != 0) caller.R15 = *(ulong*)((long)cfa + rules.Offset[R15]);
            context = caller;
            return true;
        }

        // Runs CFA instructions while the row's location is <= ip. The subset ILC emits (and a little
        // more); anything else means "cannot unwind here".
        private static bool Execute(byte* p, byte* end, ulong location, ulong ip, in CodeInfo info, ref Rules rules)
        {
            while (p < end)
            {
                byte op = *p++;
                byte high = (byte)(op & 0xC0);
                byte low = (byte)(op & 0x3F);
                ulong advance = 0;
                if (high == 0x40)
                {
                    advance = low;
                }
                else if (high == 0x80)
                {
                    ulong offset = ReadUleb(ref p);
                    if (!Save(ref rules, low, (long)offset * info.DataAlign))
                        return false;
                    continue;
                }
                else if (high == 0xC0)
                {
                    if (low < 17)
                        rules.Saved[low] = 0;
                    continue;
                }
                else
                {
                    switch (op)
                    {
                        case 0x00: continue;                                    // nop
                        case 0x02: advance = *p; p += 1; break;                 // advance_loc1
                        case 0x03: advance = *(ushort*)p; p += 2; break;        // advance_loc2
                        case 0x04: advance = *(uint*)p; p += 4; break;          // advance_loc4
                        case 0x05:                                              // offset_extended
                        {
                            ulong reg = ReadUleb(ref p);
                            ulong offset = ReadUleb(ref p);
                            if (!Save(ref rules, reg, (long)offset * info.DataAlign))
                                return false;
                            continue;
                        }
                        case 0x11:                                              // offset_extended_sf
                        {
                            ulong reg = ReadUleb(ref p);
                            long offset = ReadSleb(ref p);
                            if (!Save(ref rules, reg, offset * info.DataAlign))
                                return false;
                            continue;
                        }
                        case 0x0C:                                              // def_cfa
                            rules.CfaRegister = (int)ReadUleb(ref p);
                            rules.CfaOffset = (long)ReadUleb(ref p);
                            continue;
                        case 0x0D:                                              // def_cfa_register
                            rules.CfaRegister = (int)ReadUleb(ref p);
                            continue;
                        case 0x0E:                                              // def_cfa_offset
                            rules.CfaOffset = (long)ReadUleb(ref p);
                            continue;
                        case 0x12:                                              // def_cfa_sf
                            rules.CfaRegister = (int)ReadUleb(ref p);
                            rules.CfaOffset = ReadSleb(ref p) * info.DataAlign;
                            continue;
                        case 0x13:                                              // def_cfa_offset_sf
                            rules.CfaOffset = ReadSleb(ref p) * info.DataAlign;
                            continue;
                        default:
                            return false;
                    }
                }
                location += advance * info.CodeAlign;
                if (location > ip)
                    return true;
            }
            return true;
        }

        private static bool Save(ref Rules rules, ulong register, long offset)
        {
            if (register >= 17)
                return true;        // a register the context does not hold (xmm...)
            rules.Offset[register] = offset;
            rules.Saved[register] = 1;
            return true;
        }

        private static ulong ReadUleb(ref byte* p)
        {
            ulong result = 0;
            int shift = 0;
            byte b;
            do
            {
                b = *p++;
                result |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return result;
        }

        private static long ReadSleb(ref byte* p)
        {
            long result = 0;
            int shift = 0;
            byte b;
            do
            {
                b = *p++;
                result |= (long)(b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (shift < 64 && (b & 0x40) != 0)
                result |= -1L << shift;
            return result;
        }
    }
}
