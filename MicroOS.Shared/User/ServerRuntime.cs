using System.Runtime.InteropServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // Brings a server's own copy of the runtime up before its ServerMain runs: its heap grows
    // through map_memory in its own address space only and is garbage-collected (Collector.cs);
    // an unhandled exception ends the server (with a log line), never anything else.
    public static unsafe class ServerRuntime
    {
        // The arguments from the boot manifest entry (e.g. "busy a").
        public static string Arguments { get; private set; }

        [UnmanagedCallersOnly(EntryPoint = "ServerStart")]
        private static void Start(byte* arguments, ulong length, nint* modulesStart, nint* modulesEnd)
        {
            RuntimeHost.Initialize(&MoreMemory, &Fatal, &Write);
            RuntimeHost.SetMemoryReturn(&ReleaseMemory, &RemapMemory);
            // Before the first object: every object must come from the collector's heap.
            Heap.EnableCollector(StackTop());
            StartupCodeHelpers.InitializeModules(modulesStart, modulesEnd);
            // Exceptions: the report of an unhandled one, an OutOfMemoryException made while there
            // is memory, and the kernel's fault upcall for the faults C# code expects as exceptions
            // (a null dereference, an integer division by zero) in this image's managed code.
            RuntimeHost.SetExceptionHooks(&UnhandledException, &ArmFaultUpcall);
            RuntimeClock.SetSource(&ClockCounter, &ClockCalibration);
            Heap.PrepareOutOfMemory();
            ArmFaultUpcall();
            char[] chars = new char[(int)length];
            for (int i = 0; i < (int)length; i++)
                chars[i] = (char)arguments[i];
            Arguments = new string(chars);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        [System.Runtime.RuntimeImport("mos_user_stack_top")]
        private static extern nint StackTop();

        private static void* MoreMemory(nuint bytes) => Sys.MapMemory(bytes);

        private static bool ReleaseMemory(void* address, nuint bytes) => Sys.UnmapMemory(address, bytes) == 0;

        private static bool RemapMemory(void* address, nuint bytes) => Sys.MapMemoryAt(address, bytes) == address;

        // Must not allocate: it also reports an exhausted heap (then one more object is one too many).
        // The line is put together on the stack, as Sys.Write would copy it.
        private static void Fatal(string kind, string message)
        {
            byte* line = stackalloc byte[FatalLineMax];
            int length = 0;
            if (message != null)
                length = AppendAscii(line, length, "unhandled exception ");
            length = AppendAscii(line, length, kind);
            if (message != null)
            {
                length = AppendAscii(line, length, ": ");
                length = AppendAscii(line, length, message);
            }
            Sys.Call(Syscall.DebugWrite, (ulong)line, (ulong)length);
            Sys.Exit(-1);
        }

        private const int FatalLineMax = 1024;

        private static int AppendAscii(byte* line, int length, string text)
        {
            for (int i = 0; i < text.Length && length < FatalLineMax; i++)
                line[length++] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            return length;
        }

        private static void Write(string text) => Sys.Write(text);

        // DateTime.UtcNow, Stopwatch, Environment.TickCount64: the TSC, read in ring 3, and the
        // kernel's calibration, asked once; in the first ~280 ms after boot the kernel is still
        // measuring the TSC, so the first use waits for it.
        private static long ClockCounter() => (long)Sys.ReadTimestamp();

        private static bool ClockCalibration(long* hertz, long* utcAtZero)
        {
            long r;
            while ((r = Sys.ClockRead(out *hertz, out *utcAtZero)) == (long)SyscallError.WouldBlock)
                Sys.Sleep(10);
            return r == 0;
        }

        private static void ArmFaultUpcall() =>
            Sys.SetFaultHandler(RuntimeHost.FaultEntry, RuntimeHost.ManagedCodeStart, RuntimeHost.ManagedCodeEnd);

        // One line, then the exit: the line is built by the runtime without allocating.
        private static void UnhandledException(byte* line, int length)
        {
            SysCalls.DebugWrite((ulong)line, (ulong)length);
            Sys.Exit(-1);
        }
    }
}
