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

        public static long DebugWrite(SyscallFrame* f)
        {
            SyscallError? error = UserSpan.TryCreate(f->Arg0, f->Arg1, writable: false, out UserSpan text);
            if (error != null)
                return (long)error.Value;
            if (text.Length > 4096)
                return (long)SyscallError.InvalidArgument;
            ReadOnlySpan<byte> bytes = text.AsReadOnlySpan();
            int length = bytes.Length;
            while (length > 0 && (bytes[length - 1] == '\n' || bytes[length - 1] == '\r'))
                length--;
            // No allocation here: servers may print often and the kernel heap is never collected.
            Log.Write("[");
            Log.Write(Scheduler.Current.Process.Name);
            Log.Write("] ");
            Log.WriteAscii(bytes.Slice(0, length));
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
            Scheduler.Sleep((ms * Pit.HertzRate + 999) / 1000);
            return 0;
        }

        public static long GetProcessId(SyscallFrame* f) => Scheduler.Current.Process.Id;
    }
}
