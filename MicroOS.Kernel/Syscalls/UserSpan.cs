using System;
using MicroOS.Kernel.Memory;
using MicroOS.Shared.Abi;
using MicroOS.Kernel.Tasks;

namespace MicroOS.Kernel.Syscalls
{
    // A range of the calling process's memory that a syscall may touch. The only way from a raw
    // user address to bytes the kernel reads or writes: the range must lie in the user half and every
    // page of it must be mapped user-accessible (and writable, for output) in the caller's space.
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

        public static SyscallError? TryCreate(ulong address, ulong length, bool writable, out UserSpan span)
        {
            span = default;
            if (length > MaxLength)
                return SyscallError.InvalidArgument;
            if (!VirtualAddress.IsUserRange(address, length))
                return SyscallError.BadAddress;
            AddressSpace space = Scheduler.Current.Process.Space;
            for (ulong page = VirtualAddress.PageBase(address); page < address + length; page += PhysicalMemory.FrameSize)
            {
                if (!space.TryTranslate(page, out PageTableEntry leaf) || !leaf.IsUser || (writable && !leaf.IsWritable))
                    return SyscallError.BadAddress;
            }
            span = new UserSpan(address, (int)length);
            return null;
        }

        // Valid while the caller's address space is loaded, i.e. during its own syscall.
        public ReadOnlySpan<byte> AsReadOnlySpan() => new ReadOnlySpan<byte>((void*)Address, Length);
    }
}
