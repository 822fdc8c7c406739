using System;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // debug_write, exit, yield, sleep, get_process_id.
    internal static unsafe class ProcessSyscalls
    {
        private const ulong MaxSleepMilliseconds = 24UL * 3600 * 1000;

        private const int MaxDebugWrite = 4096;
        private const int WriteSlice = 16;
        private static byte* s_debugText;

        // The stub checked the length (≤ 4096, syscalls.spec's in(length,4096)) and the range.
        public static long DebugWrite(SyscallFrame* f, UserSpan text)
        {
            // Copied in once; syscalls do not switch threads, so one kernel buffer serves every caller.
            if (s_debugText == null)
                s_debugText = (byte*)Memory.KernelHeapPages.AllocateZeroed(MaxDebugWrite);
            var bytes = new Span<byte>(s_debugText, text.Length);
            SyscallError? error = text.CopyIn(bytes);
            if (error != null)
                return (long)error.Value;
            int length = bytes.Length;
            while (length > 0 && (bytes[length - 1] == '\n' || bytes[length - 1] == '\r'))
                length--;
            // No allocation here: servers may print often and the kernel heap is never collected.
            Log.Write("[");
            Log.Write(Scheduler.Current.Process.Name);
            Log.Write("] ");
            // The serial port is slow (one emulated port write per byte): interrupts get a window
            // every WriteSlice bytes instead of waiting for the whole line.
            for (int done = 0; done < length; done += WriteSlice)
            {
                if (done > 0)
                    Preemption.Window();
                Log.WriteAscii(bytes.Slice(done, length - done < WriteSlice ? length - done : WriteSlice));
            }
            // Kernel option `timing`: when the line was written and the CPU's idle time so far, both
            // in TSC ticks (after kernel entry; since boot): tools/bench.sh's restart breakdown.
            if (ProcessManager.ReportExitTimes)
            {
                Log.Write(" [timing ");
                Log.WriteDecimal(Cpu.ReadTsc() - BootStub.EntryTsc());
                Log.Write(" idle ");
                Log.WriteDecimal(Scheduler.IdleTsc);
                Log.Write("]");
            }
            Log.Write("\n");
            return 0;
        }

        public static long Exit(SyscallFrame* f)
        {
            ProcessManager.ExitCurrent((int)f->Arg0);
            return 0;
        }

        public static long Yield(SyscallFrame* f)
        {
            Scheduler.Yield();
            return 0;
        }

        public static long Sleep(SyscallFrame* f)
        {
            ulong ms = f->Arg0;
            if (ms > MaxSleepMilliseconds)
                return (long)SyscallError.InvalidArgument;
            if (ms == 0)
            {
                Scheduler.Yield();      // sleep(0): give up the slice, come back at once
                return 0;
            }
            // Bits already pending on the thread's bound notification end the sleep before it starts
            // (Notification.Signal wakes a sleeping bound thread; this closes the gap before the call).
            Objects.Notification bound = Scheduler.Current.Ipc?.Bound;
            if (bound != null && bound.Bits != 0)
                return 0;
            Scheduler.Sleep((ms * Pit.HertzRate + 999) / 1000);
            return 0;
        }

        public static long GetProcessId(SyscallFrame* f) => Scheduler.Current.Process.Id;

        // The shell's uptime and mem: nothing to decode, reads counters. The kernel heap's figures are
        // the `waves=N` leak check's (ServerStartup.StartNextWave prints the same two), so a ring-3
        // test root can make that check too (docs/kernel-options.md).
        public static long SystemInfo(SyscallFrame* f)
        {
            f->Arg0 = Memory.PhysicalMemory.FreeFrames;
            f->Arg1 = Pit.HertzRate;
            f->Arg2 = Memory.PhysicalMemory.ManagedFrames | (ulong)ProcessManager.HeapFramesKept << 32;
            f->Arg3 = IpcFastPath.GeneralPathCount;
            f->Arg4 = Internal.Runtime.Heap.AllocatedBytes;
            f->Arg5 = Scheduler.IdleTsc;
            return (long)Scheduler.Ticks;
        }
    }
}
