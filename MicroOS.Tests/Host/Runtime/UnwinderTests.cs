extern alias mos;
using Xunit;
using CodeInfo = mos::Internal.Runtime.CodeInfo;
using EhClause = mos::Internal.Runtime.EhClause;
using EhClauseReader = mos::Internal.Runtime.EhClauseReader;
using ExceptionContext = mos::Internal.Runtime.ExceptionContext;
using Unwinder = mos::Internal.Runtime.Unwinder;

namespace MicroOS.Tests.Host.Runtime;

// The exception unwinder's table readers (MicroOS.Runtime/Internal/Runtime/Unwinder.cs) on bytes:
// ILC's EH clause encoding and the DWARF CFI of its prologs. The boot tests (ExceptionTests) run
// them on real images; these pin the formats down one case at a time.
public sealed unsafe class UnwinderTests
{
    // The EH info ILC 10.0.12 emitted for
    //   try { Thrower(n); } catch (MyError e) when (...) { } catch (Exception) { throw; } finally { }
    // (three clauses, innermost first; a finally is a fault clause).
    private static readonly byte[] IlcClauses =
    {
        0x06,                                   // 3 clauses
        0x24, 0x3C, 0xCA, 0x52,                 // try 0x12, length 7, filter; handler 0x65, filter 0x29
        0x24, 0x38, 0xF2, 0x80, 0x00, 0x00, 0x00, // try 0x12, length 7, typed; handler 0x79, type +0x80
        0x24, 0x42, 0x01, 0x02,                 // try 0x12, length 8, fault; handler 0x80 (2-byte form)
    };

    [Fact]
    public void ReadsIlcsClauseTable()
    {
        byte* methodStart = (byte*)0x400210;
        fixed (byte* info = IlcClauses)
        {
            var reader = new EhClauseReader(info, methodStart);
            Assert.Equal(3u, reader.Count);

            reader.Next(out EhClause filter);
            Assert.Equal((EhClause.FilterKind, 0x12u, 0x19u), (filter.Kind, filter.TryStart, filter.TryEnd));
            Assert.Equal((nint)(methodStart + 0x65), (nint)filter.Handler);
            Assert.Equal((nint)(methodStart + 0x29), (nint)filter.Filter);

            reader.Next(out EhClause typed);
            Assert.Equal((EhClause.Typed, 0x12u, 0x19u), (typed.Kind, typed.TryStart, typed.TryEnd));
            Assert.Equal((nint)(methodStart + 0x79), (nint)typed.Handler);
            Assert.Equal((nint)(info + 8 + 0x80), (nint)typed.CatchType);      // relative to the field itself

            reader.Next(out EhClause fault);
            Assert.Equal((EhClause.Fault, 0x12u, 0x1Au), (fault.Kind, fault.TryStart, fault.TryEnd));
            Assert.Equal((nint)(methodStart + 0x80), (nint)fault.Handler);
            Assert.True(fault.Contains(0x19) && !fault.Contains(0x1A) && !fault.Contains(0x11));
        }
    }

    [Theory]
    [InlineData(0x3Fu)]             // 1 byte
    [InlineData(0x1234u)]           // 2 bytes
    [InlineData(0x12345u)]          // 3 bytes
    [InlineData(0x0ABCDEFu)]        // 4 bytes
    [InlineData(0xFEDCBA98u)]       // 5 bytes
    public void ReadsEveryLengthOfTheVariableLengthNumbers(uint value)
    {
        // One fault clause whose try start is `value`: count, try start, length 1 | fault, handler 4.
        var bytes = new List<byte> { 0x02 };
        bytes.AddRange(Encode(value));
        bytes.AddRange(Encode((1u << 2) | EhClause.Fault));
        bytes.AddRange(Encode(4));
        fixed (byte* info = bytes.ToArray())
        {
            var reader = new EhClauseReader(info, null);
            reader.Next(out EhClause clause);
            Assert.Equal(value, clause.TryStart);
            Assert.Equal(value + 1, clause.TryEnd);
            Assert.Equal(4, (nint)clause.Handler);
        }
    }

    private static byte[] Encode(uint v) =>
        v < 1u << 7 ? new[] { (byte)(v << 1) }
        : v < 1u << 14 ? BitConverter.GetBytes((ushort)((v << 2) | 1))
        : v < 1u << 21 ? BitConverter.GetBytes((v << 3) | 3).Take(3).ToArray()
        : v < 1u << 28 ? BitConverter.GetBytes((v << 4) | 7)
        : new byte[] { 0x0F }.Concat(BitConverter.GetBytes(v)).ToArray();

    // ILC's one CIE: CFA = rsp + 8, return address at CFA - 8.
    private static readonly byte[] Cie = { 0x0C, 0x07, 0x08, 0x90, 0x01 };

    // The prolog `push rbp; push r15; push rbx; sub rsp, 0x20; lea rbp, [rsp + 0x30]`, as ILC
    // describes it: the CFA follows rsp through the pushes, then rbp (CFA = rbp + 16).
    private static readonly byte[] Fde =
    {
        0x41, 0x0E, 0x10, 0x86, 0x02,           // +1  CFA rsp+16, rbp at CFA-16
        0x42, 0x0E, 0x18, 0x8F, 0x03,           // +3  CFA rsp+24, r15 at CFA-24
        0x41, 0x0E, 0x20, 0x83, 0x04,           // +4  CFA rsp+32, rbx at CFA-32
        0x44, 0x0E, 0x40,                       // +8  CFA rsp+64
        0x45, 0x0D, 0x06, 0x0E, 0x10,           // +13 CFA rbp+16
        0x00, 0x00,                             // padding
    };

    private const ulong ReturnAddress = 0x401234, CallerRbp = 0x1111, CallerR15 = 0x2222, CallerRbx = 0x3333;

    [Theory]
    [InlineData(0x40)]      // in the body: the CFA comes from rbp
    [InlineData(0x0D)]      // the first instruction after the prolog
    [InlineData(0x08)]      // between `sub rsp` and `lea rbp`: still from rsp
    public void UnwindsAFrameFromItsBody(int ipOffset)
    {
        ulong[] stack = new ulong[32];
        fixed (ulong* s = stack)
        fixed (byte* cie = Cie)
        fixed (byte* fde = Fde)
        {
            ulong entry = (ulong)(s + 20);              // rsp at the call: the return address is here
            s[20] = ReturnAddress;
            s[19] = CallerRbp;
            s[18] = CallerR15;
            s[17] = CallerRbx;
            byte* start = (byte*)0x400000;
            var code = new CodeInfo
            {
                FunctionStart = start, CieCfi = cie, CieCfiEnd = cie + Cie.Length, Cfi = fde, CfiEnd = fde + Fde.Length,
                CodeAlign = 1, DataAlign = -8,
            };
            var context = new ExceptionContext
            {
                Rip = (ulong)(start + ipOffset),
                Rsp = entry - 56,                       // 3 pushes + 0x20
                Rbp = ipOffset >= 0x0D ? entry - 8 : 0xBAD,
                Rbx = 0xB0B, R15 = 0xF15, R12 = 0x5555, R13 = 0x6666, R14 = 0x7777,
            };
            Assert.True(Unwinder.Unwind(ref context, in code));
            Assert.Equal(ReturnAddress, context.Rip);
            Assert.Equal(entry + 8, context.Rsp);
            Assert.Equal((CallerRbp, CallerR15, CallerRbx), (context.Rbp, context.R15, context.Rbx));
            Assert.Equal((0x5555UL, 0x6666UL, 0x7777UL), (context.R12, context.R13, context.R14));   // not saved: unchanged
        }
    }

    [Fact]
    public void UnwindsFromTheFirstInstructionByTheCieAlone()
    {
        ulong[] stack = new ulong[4];
        fixed (ulong* s = stack)
        fixed (byte* cie = Cie)
        fixed (byte* fde = Fde)
        {
            s[1] = ReturnAddress;
            var code = new CodeInfo
            {
                FunctionStart = (byte*)0x400000, CieCfi = cie, CieCfiEnd = cie + Cie.Length, Cfi = fde, CfiEnd = fde + Fde.Length,
                CodeAlign = 1, DataAlign = -8,
            };
            var context = new ExceptionContext { Rip = 0x400000, Rsp = (ulong)(s + 1), Rbp = CallerRbp };
            Assert.True(Unwinder.Unwind(ref context, in code));
            Assert.Equal((ReturnAddress, (ulong)(s + 2), CallerRbp), (context.Rip, context.Rsp, context.Rbp));
        }
    }

    [Fact]
    public void RefusesCfiItDoesNotUnderstand()
    {
        byte[] unknown = { 0x41, 0x2F };        // DW_CFA_GNU_args_size-like opcode it does not implement
        fixed (byte* cie = Cie)
        fixed (byte* fde = unknown)
        {
            var code = new CodeInfo { FunctionStart = (byte*)0x400000, CieCfi = cie, CieCfiEnd = cie + Cie.Length, Cfi = fde, CfiEnd = fde + 2, CodeAlign = 1, DataAlign = -8 };
            var context = new ExceptionContext { Rip = 0x400010, Rsp = 0x1000 };
            Assert.False(Unwinder.Unwind(ref context, in code));
        }
    }
}
