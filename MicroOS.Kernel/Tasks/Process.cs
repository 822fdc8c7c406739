using System.Collections.Generic;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Tasks
{
    internal enum ProcessState { Running, Exited, Killed }

    // A process: an address space and its threads (and, with the next step, its capability table).
    internal sealed class Process
    {
        // User address space layout (see docs/memory-layout.md).
        public const ulong ImageBase = 0x0000_0000_0040_0000;
        public const ulong HeapBase = 0x0000_0010_0000_0000;
        public const ulong HeapLimit = 0x0000_0020_0000_0000;
        public const ulong StackTop = 0x0000_7FFF_FFF0_0000;
        public const ulong StackPages = 16;          // 64 KiB, with an unmapped guard page below
        public const ulong ArgumentsPage = 0x0000_7FFF_FFF8_0000;

        public readonly int Id;
        public readonly string Name;
        public readonly AddressSpace Space;
        public readonly List<Thread> Threads = new List<Thread>();
        public ProcessState State = ProcessState.Running;
        public int ExitCode;
        public ulong HeapNext = HeapBase;

        public Process(int id, string name, AddressSpace space)
        {
            Id = id;
            Name = name;
            Space = space;
        }
    }
}
