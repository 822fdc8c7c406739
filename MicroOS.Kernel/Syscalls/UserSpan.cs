using System;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Memory;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // A range of the calling process's memory that a syscall names. The only way from a raw user
    // address to bytes the kernel reads or writes: TryCreate checks that the range lies wholly in the
    // user half (so a user pointer can never name kernel memory), and CopyIn/CopyOut move the bytes
    // with the user-copy routines (Arch/X64/UserCopy.asm), the only code SMAP lets touch user pages.
    // A page that is unmapped, not user, or (for CopyOut) read-only makes the copy fail with
    // BadAddress: the CPU checks it during the copy, so there is no gap between check and use.
    // Copy a syscall's input in once, then work on the kernel's copy (never read user memory twice).
    internal readonly unsafe struct UserSpan
    {
        public const ulong MaxLength = 64 * 1024;

        public readonly ulong Address;
        public readonly int Length;

        private UserSpan(ulong address, int length)
        {
            Address = address;
            Length = length;
        }

        public static SyscallError? TryCreate(ulong address, ulong length, out UserSpan span)
        {
            span = default;
            if (length > MaxLength)
                return SyscallError.InvalidArgument;
            if (!VirtualAddress.IsUserRange(address, length))
                return SyscallError.BadAddress;
            span = new UserSpan(address, (int)length);
            return null;
        }

        // Copies the whole range into `destination` (which must be at least Length long).
        public SyscallError? CopyIn(Span<byte> destination)
        {
            if (destination.Length < Length)
                return SyscallError.InvalidArgument;
            fixed (byte* d = destination)
                return UserCopy.FromUser(d, Address, (ulong)Length) == 0 ? null : SyscallError.BadAddress;
        }

        // Copies `source` to the start of the range (at most Length bytes).
        public SyscallError? CopyOut(ReadOnlySpan<byte> source)
        {
            if (source.Length > Length)
                return SyscallError.InvalidArgument;
            fixed (byte* s = source)
                return UserCopy.ToUser(Address, s, (ulong)source.Length) == 0 ? null : SyscallError.BadAddress;
        }
    }

    // One value of type T in user memory, e.g. a message or a result structure.
    internal readonly unsafe struct UserPtr<T> where T : unmanaged
    {
        public readonly ulong Address;

        public UserPtr(ulong address) => Address = address;

        public SyscallError? Read(out T value)
        {
            value = default;
            if (!VirtualAddress.IsUserRange(Address, (ulong)sizeof(T)))
                return SyscallError.BadAddress;
            fixed (T* v = &value)
                return UserCopy.FromUser(v, Address, (ulong)sizeof(T)) == 0 ? null : SyscallError.BadAddress;
        }

        public SyscallError? Write(in T value)
        {
            if (!VirtualAddress.IsUserRange(Address, (ulong)sizeof(T)))
                return SyscallError.BadAddress;
            fixed (T* v = &value)
                return UserCopy.ToUser(Address, v, (ulong)sizeof(T)) == 0 ? null : SyscallError.BadAddress;
        }
    }
}
