using System.Collections.Generic;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Tasks
{
    internal enum ProcessState { Running, Exited, Killed }

    // A process: an address space, its threads, and its capability table with the objects it owns.
    // A capability can name it (CapType.Process), so it is a CapTarget: the same liveness test as
    // every kernel object (its Generation is its pid while it runs). Its capabilities are not
    // tracked (Untracked): a Process is never freed, only reset for the next one from the pool.
    internal sealed class Process : Objects.CapTarget
    {
        // User address space layout (see docs/memory-layout.md).
        public const ulong ImageBase = 0x0000_0000_0040_0000;
        public const ulong HeapBase = 0x0000_0010_0000_0000;
        public const ulong HeapLimit = 0x0000_0020_0000_0000;
        public const ulong StackTop = 0x0000_7FFF_FFF0_0000;
        public const ulong StackPages = 16;          // 64 KiB, with an unmapped guard page below
        public const ulong ArgumentsPage = 0x0000_7FFF_FFF8_0000;

        // Process objects are recycled (ProcessManager keeps a pool): the kernel heap is never collected.
        public int Id;
        public string Name;
        public AddressSpace Space;
        public readonly List<Thread> Threads = new List<Thread>(4);
        public ProcessState State;
        public int ExitCode;
        public ulong HeapNext;
        public int UnreapedThreads;     // threads whose kernel stack is not yet freed
        public Objects.ProcessObjects Objects;   // capabilities and owned kernel objects (Objects/ProcessObjects.cs)
        // The fault upcall (FaultUpcall.cs): the runtime's entry, the managed code it covers, and
        // whether it is armed (delivery disarms it until the runtime re-arms).
        public ulong FaultEntry, FaultCodeStart, FaultCodeEnd;
        public bool FaultUpcallArmed;
        // process_create: the first thread, loaded but not yet ready; process_resume makes it run.
        public Thread PendingThread;
        // The thread the loader started. Its end (exit, thread_exit, a fault) ends the process; the
        // threads thread_create added end alone (ProcessManager.EndThread).
        public Thread MainThread;
        // IPC messages this process sent (send, call) and received (recv, a call's reply excluded).
        public ulong MessagesSent, MessagesReceived;
        // io_port_enable'd ranges (Objects/IoPortGrant.cs): non-null puts the TSS I/O bitmap in force
        // while this process runs (IoPermissions).
        public Objects.IoPortGrant IoGrants;
        // Whose budget this process's limit was carved from (ProcessManager.Carve): the creator,
        // named by identity and generation (Parent and its pid, ParentId: Process objects are
        // recycled), or null for the kernel's root budget. The limit goes back there when it ends;
        // if the creator ended first, its children were handed to the creator's own parent.
        public Process Parent;
        public int ParentId;

        // process_create's names are written here (TakeName), not allocated: part of the Process,
        // made once with it and charged with it (ProcessManager.ProcessChargeBytes).
        public const int MaxNameLength = 64;
        private readonly string _nameBuffer = ReusedText.Make(MaxNameLength);

        public Process(int id, string name, AddressSpace space) => Reset(id, name, space);

        // The name becomes a copy in this Process's own buffer (a caller's buffer is reused for the
        // next process_create). A longer name stays the string given (the boot manifest's).
        public void TakeName(string name)
        {
            if (name.Length <= MaxNameLength)
                Name = ReusedText.Write(_nameBuffer, name);
        }

        public void Reset(int id, string name, AddressSpace space)
        {
            Id = id;
            Generation = (ulong)id;
            Untracked = true;
            Name = name;
            Space = space;
            Threads.Clear();
            State = ProcessState.Running;
            ExitCode = 0;
            HeapNext = HeapBase;
            UnreapedThreads = 0;
            FaultEntry = FaultCodeStart = FaultCodeEnd = 0;
            FaultUpcallArmed = false;
            PendingThread = null;
            MainThread = null;
            MessagesSent = MessagesReceived = 0;
            IoGrants = null;
            Parent = null;
            ParentId = 0;
        }
    }
}
