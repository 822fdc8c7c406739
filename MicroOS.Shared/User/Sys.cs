using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // The system calls, as a server sees them. Thin: each wraps one generated stub (SysCalls.g.cs,
    // from syscalls.spec), which is one `syscall` (User.asm).
    public static unsafe class Sys
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_syscall")]
        public static extern long Raw(ulong number, ulong a0, ulong a1, ulong a2, ulong a3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_user_rdtsc")]
        public static extern ulong ReadTimestamp();

        public static long Call(Syscall number, ulong a0 = 0, ulong a1 = 0) => Raw((ulong)number, a0, a1, 0, 0);

        // One line in the kernel log, prefixed by the kernel with this server's name.
        public static long Write(string text)
        {
            int length = text.Length < 1024 ? text.Length : 1024;
            byte* buffer = stackalloc byte[length];
            for (int i = 0; i < length; i++)
                buffer[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            return SysCalls.DebugWrite((ulong)buffer, (ulong)length);
        }

        public static void Exit(int code)
        {
            SysCalls.Exit((ulong)code);
            while (true) { }
        }

        public static void Yield() => SysCalls.Yield();

        public static void Sleep(ulong milliseconds) => SysCalls.Sleep(milliseconds);

        public static int ProcessId => (int)SysCalls.GetProcessId();

        // Timer ticks since boot, and the machine's free and managed physical frames (system_info).
        public static ulong SystemInfo(out ulong freeFrames, out ulong hertz, out ulong managedFrames)
        {
            long ticks = SysCalls.SystemInfo(out IpcRegisters r);
            freeFrames = r.A0;
            hertz = r.A1;
            managedFrames = r.A2 & 0xFFFF_FFFF;         // the high half: frames the kernel heap kept (KernelHeap)
            return (ulong)ticks;
        }

        // The kernel heap's bytes in use and the frames it kept since the first process started
        // (system_info r8, rdx's high half): what the kernel's `waves=N` line prints, for a leak
        // check in ring 3.
        public static void KernelHeap(out ulong bytes, out ulong framesKept)
        {
            SysCalls.SystemInfo(out IpcRegisters r);
            bytes = r.A4;
            framesKept = r.A2 >> 32;
        }

        // TSC ticks the CPU has spent idle since boot (system_info's r9: the idle thread's time,
        // halted). Under QEMU's -icount the TSC counts guest instructions and also runs on while the
        // CPU waits for the host (a disk read): elapsed ticks minus idle ticks are instructions executed.
        public static ulong IdleTicks()
        {
            SysCalls.SystemInfo(out IpcRegisters r);
            return r.A5;
        }

        // The clock (clock_read): the TSC's frequency and the UTC time (100 ns ticks since 0001-01-01)
        // at TSC zero; WouldBlock while the kernel still measures the TSC after boot.
        public static long ClockRead(out long tscHertz, out long utcAtTscZero)
        {
            long r = SysCalls.ClockRead(out IpcRegisters regs);
            tscHertz = (long)regs.A0;
            utcAtTscZero = (long)regs.A1;
            return r;
        }

        // Arms (or, after a delivery, re-arms) the kernel's fault upcall (see ServerRuntime).
        public static long SetFaultHandler(ulong entry, ulong codeStart, ulong codeEnd) =>
            SysCalls.SetFaultHandler(entry, codeStart, codeEnd);

        // Fresh zeroed memory, or null when the process is at its memory limit.
        public static void* MapMemory(ulong length)
        {
            long result = SysCalls.MapMemory(length, 0);
            return result < 0 ? null : (void*)result;
        }

        // Fresh zeroed memory again at `address`, a hole this process unmapped below its heap's end;
        // null when refused.
        public static void* MapMemoryAt(void* address, ulong length)
        {
            long result = SysCalls.MapMemory(length, (ulong)address);
            return result < 0 ? null : (void*)result;
        }

        // Gives whole pages of the heap back to the kernel (0, or a SyscallError).
        public static long UnmapMemory(void* address, ulong length) => SysCalls.UnmapMemory((ulong)address, length);

        // Frames counted against this process's memory limit, page tables included (the kernel's count).
        public static long MemoryFrames => SysCalls.MemoryUsage();
    }
}
