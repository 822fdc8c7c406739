using System;
using System.Collections.Generic;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Tasks
{
    // Creates processes from server images and ends them: a process that exits or faults loses its
    // threads and every frame it owned; nothing else is touched.
    internal static unsafe class ProcessManager
    {
        private static readonly List<Process> s_processes = new List<Process>(128);
        // Ended processes whose threads are all reaped, ready for reuse (no GC in the kernel).
        private static readonly List<Process> s_pool = new List<Process>(64);
        private static readonly ElfImage s_elf = new ElfImage();

        private static Process TakeProcess(int id, string name, AddressSpace space)
        {
            if (s_pool.Count == 0)
                return new Process(id, name, space);
            Process p = s_pool[s_pool.Count - 1];
            s_pool.RemoveAt(s_pool.Count - 1);
            p.Reset(id, name, space);
            return p;
        }

        // Called by the scheduler when it frees a user thread's kernel stack.
        public static void OnThreadReaped(Thread thread)
        {
            Process p = thread.Process;
            if (p != null && --p.UnreapedThreads == 0 && p.State != ProcessState.Running)
                s_pool.Add(p);
        }
        private static int s_nextId = 1;
        private static ulong s_freeFramesBeforeFirst;
        private static ulong s_heapFramesBeforeFirst;

        // Frames the kernel heap took since the first process started (ReportFrames, the waves' lines).
        public static ulong HeapFramesKept => KernelHeapPages.FramesTaken - s_heapFramesBeforeFirst;
        private static ulong s_heapBytesBeforeFirst;
        private static bool s_anyStarted;

        public static int LiveCount => s_processes.Count;

        // With `exit`, the idle thread ends the test run once every process is gone.
        public static bool AllExited => s_anyStarted && LiveCount == 0;

        // Called by the idle thread once every process is gone and its stacks are reaped.
        public static void ReportFrames()
        {
            if (!s_anyStarted)
                return;
            // Frames the kernel heap took meanwhile (its pools warming up) are the kernel's for good,
            // not a process's leak: said apart, so the tests can add them back.
            Log.WriteLine(string.Concat("processes: all exited; free frames ", PhysicalMemory.FreeFrames.ToString(),
                " + ", HeapFramesKept.ToString(), " kept by the kernel heap (before the first process: ",
                s_freeFramesBeforeFirst.ToString(), ")"));
            Log.WriteLine(string.Concat("kernel heap: ", Internal.Runtime.Heap.AllocatedBytes.ToString(), " bytes in ",
                Internal.Runtime.Heap.ObjectCount.ToString(), " objects (before the first process: ", s_heapBytesBeforeFirst.ToString(), " bytes)"));
            Log.WriteLine(string.Concat("ipc: fast path ", Syscalls.IpcFastPath.Enabled ? "on" : "off", "; ",
                Syscalls.IpcFastPath.GeneralPathCount.ToString(), " call and reply_recv syscalls took the general path"));
        }

        // Loads `image` as a new process named `name`, its limit carved out of the kernel's root
        // budget. Returns null (after logging why) if the image is malformed or memory is short; the
        // caller goes on with the other servers.
        public static Process Start(string name, ReadOnlySpan<byte> image, ulong memoryLimitBytes, Priority priority, string arguments) =>
            Start(name, image, memoryLimitBytes, priority, arguments, false, null);

        // `suspended`: the process is complete (image, stack, arguments, thread) but its thread waits
        // for Resume, so its starter can fill its capability table first (process_create).
        // `creator`: whose budget the limit is carved out of (null: the root budget).
        public static Process Start(string name, ReadOnlySpan<byte> image, ulong memoryLimitBytes, Priority priority, string arguments, bool suspended, Process creator)
        {
            if (!s_anyStarted)
            {
                s_freeFramesBeforeFirst = PhysicalMemory.FreeFrames;
                s_heapFramesBeforeFirst = KernelHeapPages.FramesTaken;
                s_heapBytesBeforeFirst = Internal.Runtime.Heap.AllocatedBytes;
                s_anyStarted = true;
            }
            SetBudget();
            ulong limitFrames = (memoryLimitBytes + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
            ulong available = creator == null ? s_rootFrames : creator.Space.FreeFrames;
            if (limitFrames > available)
            {
                // Over-asking: a child gets at most what its creator has left.
                WriteLoaderLine("refused '", name, "': asks for a limit of ");
                Log.WriteDecimal(limitFrames * 4);
                Log.Write(" KiB, ");
                if (creator == null)
                    Log.Write("the kernel's root budget");
                else
                    WriteProcess(creator);
                Log.Write(" has ");
                Log.WriteDecimal(available * 4);
                Log.Write(" KiB left\n");
                return null;
            }
            string error = KnownRefusal(image);
            ElfImage elf = error == null ? ElfImage.Parse(image, Process.ImageBase, Process.HeapBase, out error, s_elf) : null;
            if (elf == null)
            {
                RememberRefusal(image, error);
                WriteLoaderLine("refused image '", name, "': ");
                Log.Write(error);
                Log.Write("\n");
                return null;
            }
            // Refused before running: everything the first steps take must fit the limit.
            ImageFit.Need need = ImageFit.Of(elf.Segments, Process.StackTop, Process.StackPages, Process.ArgumentsPage, Process.HeapBase, FirstHeapBytes);
            ulong kernelFrames = (ProcessChargeBytes + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize;
            if (need.Total + kernelFrames > limitFrames)
            {
                WriteLoaderLine("refused '", name, "': needs ");
                Log.WriteDecimal((need.Total + kernelFrames) * 4);
                Log.Write(" KiB (image ");
                Log.WriteDecimal(need.ImagePages * 4);
                Log.Write(", stack and arguments ");
                Log.WriteDecimal(need.StackPages * 4);
                Log.Write(", first heap ");
                Log.WriteDecimal(need.HeapPages * 4);
                Log.Write(", page tables ");
                Log.WriteDecimal(need.TablePages * 4);
                Log.Write(", kernel ");
                Log.WriteDecimal(kernelFrames * 4);
                Log.Write("), its limit is ");
                Log.WriteDecimal(limitFrames * 4);
                Log.Write(" KiB\n");
                return null;
            }
            AddressSpace space = AddressSpace.CreateUser(limitFrames);
            if (space == null)
            {
                WriteLoaderLine("no memory for '", name, "'\n");
                return null;
            }
            Process process = TakeProcess(s_nextId++, name, space);
            if (creator != null)
                process.TakeName(name);         // process_create's name is in a buffer it reuses
            name = process.Name;
            Carve(process, creator, limitFrames);
            // The main thread's kernel stack and the capability table are the process's from the start.
            bool charged = Objects.ProcessObjects.Of(process).TryCharge((int)ProcessChargeBytes);
            if (!charged || !LoadSegments(process, elf, image) || !MapStack(process) || !MapArguments(process, arguments, out ulong argsLength))
            {
                WriteLoaderLine("'", name, "' does not fit in its memory limit of ");
                Log.WriteDecimal(memoryLimitBytes >> 10);
                Log.Write(" KiB\n");
                Abandon(process);
                return null;
            }
            Thread thread = Scheduler.CreateUserThread(process, name, elf.Entry, Process.StackTop, Process.ArgumentsPage, argsLength, priority);
            if (thread == null)
            {
                WriteLoaderLine("no kernel stack for '", name, "'\n");
                Abandon(process);
                return null;
            }
            process.MainThread = thread;
            s_processes.Add(process);
            if (suspended)
                process.PendingThread = thread;
            else
                Scheduler.MakeReady(thread);
            return process;
        }

        // The runtime's first managed-heap chunk and its first chunk of runtime tables
        // (MicroOS.Runtime/Internal/Runtime/Heap.cs: ChunkSize 64 KiB, AllocateRaw 16 KiB): mapped in
        // its first steps, before ServerMain, so counted before loading.
        public const ulong FirstHeapBytes = 80 * 1024;
        // Charged to every process from its start (ProcessObjects.TryCharge): the main thread's kernel
        // stack, and its capability table (128 preallocated slots; the table never grows), its
        // Process (with its name buffer), ProcessObjects, Thread and ThreadIpc objects, and the first
        // page of its kernel objects (ObjectArena.Prepaid: the manifest's caps are made there).
        public const ulong ProcessChargeBytes = KernelStacks.StackPages * PhysicalMemory.FrameSize + 20 * 1024;

        // --- Budgets (docs/capabilities.md, "Kernel memory"). The root budget is what the machine had
        // free when the first process started, less the kernel's reserve; the kernel carves the limits
        // of the processes it starts itself (Init and the servers= test entries) out of it, and every
        // other process's limit is carved out of its creator's (AddressSpace.GivenFrames). A limit
        // goes back where it came from when the process ends. So the limits of all live processes
        // never add up to more than the root budget: what one process may take, no other needs.
        private static ulong s_rootFrames;
        private static bool s_budgetSet;

        // What the kernel's heap may still take after the first process starts (its pools' lists,
        // log and name strings, free lists of objects whose memory was charged while they lived):
        // 1/32 of the machine, at least 512 KiB.
        private static ulong KernelReserveFrames()
        {
            ulong reserve = PhysicalMemory.ManagedFrames / 32;
            return reserve < 128 ? 128 : reserve;
        }

        private static void SetBudget()
        {
            if (s_budgetSet)
                return;
            s_budgetSet = true;
            ulong free = PhysicalMemory.FreeFrames, reserve = KernelReserveFrames();
            s_rootFrames = free > reserve ? free - reserve : 0;
        }

        // The root budget not yet handed down (ServerStartup sizes Init's limit with it).
        public static ulong RootFreeFrames
        {
            get
            {
                SetBudget();
                return s_rootFrames;
            }
        }

        private static void Carve(Process p, Process creator, ulong limitFrames)
        {
            if (creator == null)
                s_rootFrames -= limitFrames;
            else
                creator.Space.GivenFrames += limitFrames;
            p.Parent = creator;
            p.ParentId = creator == null ? 0 : creator.Id;
        }

        // p ended (its space is gone): its live children are handed to its own parent with their
        // limits, and the rest of its limit goes back to its parent (or the root budget).
        private static void GiveBack(Process p, ulong limitFrames)
        {
            ulong kept = 0;
            foreach (Process q in s_processes)
            {
                if (q == p || q.Parent != p || q.ParentId != p.Id)
                    continue;
                q.Parent = p.Parent;
                q.ParentId = p.ParentId;
                kept += q.Space.LimitFrames;
            }
            ulong back = limitFrames - kept;
            Process parent = p.Parent;
            if (parent != null && parent.Id == p.ParentId && parent.State == ProcessState.Running)
                parent.Space.GivenFrames -= back;
            else
                s_rootFrames += back;
            p.Parent = null;
            p.ParentId = 0;
        }

        // A start that failed half-way: nothing it took stays taken.
        private static void Abandon(Process process)
        {
            ulong limit = process.Space.LimitFrames;
            Objects.ProcessObjects.OnProcessEnd(process);
            process.Space.Destroy();
            GiveBack(process, limit);
            s_pool.Add(process);
        }

        // One "loader: ..." line, written in pieces: a refused image must not allocate, since a restart
        // loop would repeat it forever.
        private static void WriteLoaderLine(string before, string name, string after)
        {
            Log.Write("loader: ");
            Log.Write(before);
            Log.Write(name);
            Log.Write(after);
        }

        // Boot images never change, so an image refused once is refused the same way again. Its error
        // text (built once, by ElfImage) is kept, keyed by where the image lies: a supervisor that
        // restarts a broken server forever costs the kernel heap nothing after the first refusal.
        private struct Refusal
        {
            public ulong Address;
            public int Length;
            public string Error;
        }
        private static readonly List<Refusal> s_refusals = new List<Refusal>(8);

        private static string KnownRefusal(ReadOnlySpan<byte> image)
        {
            fixed (byte* start = image)
                foreach (Refusal r in s_refusals)
                    if (r.Address == (ulong)start && r.Length == image.Length)
                        return r.Error;
            return null;
        }

        private static void RememberRefusal(ReadOnlySpan<byte> image, string error)
        {
            fixed (byte* start = image)
                foreach (Refusal r in s_refusals)
                    if (r.Address == (ulong)start && r.Length == image.Length)
                        return;
            fixed (byte* start = image)
                s_refusals.Add(new Refusal { Address = (ulong)start, Length = image.Length, Error = error });
        }

        private static bool LoadSegments(Process process, ElfImage elf, ReadOnlySpan<byte> image)
        {
            foreach (ElfSegment segment in elf.Segments)
            {
                // W^X: code is read+execute, data read+write+NX, read-only data NX.
                PageFlags flags = PageFlags.User;
                if (segment.Writable)
                    flags |= PageFlags.Writable | PageFlags.NoExecute;
                else if (!segment.Executable)
                    flags |= PageFlags.NoExecute;
                ulong first = VirtualAddress.PageBase(segment.VirtualAddress);
                ulong end = segment.VirtualAddress + segment.MemorySize;
                for (ulong page = first; page < end; page += PhysicalMemory.FrameSize)
                {
                    // A page is ~40,000 instructions (zeroed, then copied byte by byte); a 300 KiB
                    // image in one go kept interrupts out for 2.8 M (process_create, seen by `irqoff`).
                    // Inside a syscall, let them in after each page. (At boot no thread runs yet.)
                    if (Scheduler.Current != null)
                        Preemption.Window();
                    if (!process.Space.MapNew(page, flags, out ulong frame))
                        return false;
                    // Copy the part of the file that lands in this page; the rest stays zero (.bss).
                    // ElfImage.Parse checked that FileOffset + FileSize lies inside the image.
                    ulong from = Math.Max(page, segment.VirtualAddress);
                    ulong to = Math.Min(page + PhysicalMemory.FrameSize, segment.VirtualAddress + segment.FileSize);
                    if (from < to)
                        fixed (byte* file = image)
                            BlockMemory.Copy((byte*)PhysMap.ToVirtual(frame) + (from - page), file + segment.FileOffset + (from - segment.VirtualAddress), to - from);
                }
            }
            return true;
        }

        private static bool MapStack(Process process)
        {
            for (ulong i = 1; i <= Process.StackPages; i++)
                if (!process.Space.MapNew(Process.StackTop - i * PhysicalMemory.FrameSize, PageFlags.User | PageFlags.Writable | PageFlags.NoExecute, out _))
                    return false;
            return true;
        }

        // The arguments string (ASCII) on its own read-only page; the entry point gets (address, length).
        private static bool MapArguments(Process process, string arguments, out ulong length)
        {
            length = (ulong)Math.Min(arguments.Length, (int)PhysicalMemory.FrameSize);
            if (!process.Space.MapNew(Process.ArgumentsPage, PageFlags.User | PageFlags.NoExecute, out ulong frame))
                return false;
            byte* page = (byte*)PhysMap.ToVirtual(frame);
            for (int i = 0; i < (int)length; i++)
                page[i] = (byte)arguments[i];
            return true;
        }

        // Kernel option `timing`: each exit (and kill) also prints when it happened, in TSC ticks after
        // the kernel's first instruction (./microos bench: `driver restart`).
        public static bool ReportExitTimes;

        public static void ExitCurrent(int code)
        {
            ulong now = Cpu.ReadTsc();
            Process process = Scheduler.Current.Process;
            WriteProcess(process);
            Log.Write(" exited with code ");
            Log.WriteDecimal(code);
            Log.Write("\n");
            if (ReportExitTimes)
            {
                Log.Write("timing: ");
                WriteProcess(process);
                Log.Write(" exited ");
                Log.WriteDecimal(now - BootStub.EntryTsc());
                Log.Write(" TSC ticks after kernel entry\n");
            }
            End(process, ProcessState.Exited, code);
        }

        // A CPU exception in ring 3: only the process that caused it pays.
        public static void KillCurrentForFault(InterruptFrame* frame)
        {
            if (Objects.FaultMessages.TryDeliver(frame))
                return;     // its fault handler answered: run the instruction again
            Process process = Scheduler.Current.Process;
            WriteKilled(process, FaultReport.NameOf(frame->Vector));
            Log.Write(" at rip ");
            Log.WriteHex(frame->Rip);
            if (frame->Vector == 14)
            {
                Log.Write(" address ");
                Log.WriteHex(Cpu.ReadCr2());
                Log.Write(" (");
                FaultReport.WritePageFaultCause(frame->ErrorCode);
                Log.Write(")");
            }
            Log.Write("\n");
            End(process, ProcessState.Killed, -1);
        }

        // Ends the current process for a reason the kernel detected (not a CPU exception).
        public static void KillCurrent(string reason)
        {
            Process process = Scheduler.Current.Process;
            WriteKilled(process, reason);
            Log.Write("\n");
            End(process, ProcessState.Killed, -1);
        }

        // Ends another process (or the caller) for the holder of its Process capability.
        public static void Kill(Process process, string reason)
        {
            WriteKilled(process, reason);
            Log.Write("\n");
            End(process, ProcessState.Killed, -1);
        }

        // The running process started under `name` (the newest, if several), or null.
        public static Process FindLive(string name)
        {
            for (int i = s_processes.Count - 1; i >= 0; i--)
                if (s_processes[i].Name == name && s_processes[i].State == ProcessState.Running)
                    return s_processes[i];
            return null;
        }

        private static void WriteKilled(Process process, string reason)
        {
            WriteProcess(process);
            Log.Write(" killed: ");
            Log.Write(reason);
        }

        // "process NAME (pid N)", without allocating.
        private static void WriteProcess(Process process)
        {
            Log.Write("process ");
            Log.Write(process.Name);
            Log.Write(" (pid ");
            Log.WriteDecimal(process.Id);
            Log.Write(")");
        }

        // process_resume: false if it was not waiting to start.
        public static bool Resume(Process process)
        {
            Thread t = process.PendingThread;
            if (t == null || process.State != ProcessState.Running)
                return false;
            process.PendingThread = null;
            Scheduler.MakeReady(t);
            return true;
        }

        // One thread that thread_create added ends (thread_exit, thread_kill), in whatever state it
        // is: it leaves every IPC queue (a caller it owed a reply gets ObjectGone, a server holding
        // its call finds the reply slot empty), its Thread object dies (its caps: ObjectGone) and
        // its charge comes back; the scheduler frees its kernel stack. Its process goes on. Never
        // returns when `thread` is the current thread. The main thread ends through End instead.
        public static void EndThread(Thread thread, string how)
        {
            Process process = thread.Process;
            Objects.ThreadIpc ipc = thread.Ipc;
            if (ipc != null)
            {
                bool hadStaging = ipc.StagingFrame != 0;
                // Its IPC buffer page was pinned by ipc_set_buffer: the page is the process's again
                // (unmap_memory and another thread's ipc_set_buffer may take it). Cancel forgets it.
                if (ipc.BufferAddress != 0)
                    process.Space.Unpin(ipc.BufferAddress);
                ipc.Cancel();
                if (hadStaging)
                    process.Objects?.Uncharge((int)PhysicalMemory.FrameSize);
            }
            thread.Object?.End();
            thread.Suspended = false;
            process.Threads.Remove(thread);
            WriteProcess(process);
            Log.Write(" thread ");
            Log.WriteDecimal(thread.Id);
            Log.Write(" ");
            Log.Write(how);
            Log.Write("\n");
            if (thread == Scheduler.Current)
                Scheduler.ExitCurrent();
            Scheduler.Retire(thread);
        }

        private static void End(Process process, ProcessState state, int code)
        {
            // Children it created but never resumed were half-built (process_create, then its caps,
            // then process_resume): they end with it, before it stops being their parent, so their
            // limits come back to it first. Otherwise a process that dropped their caps could leave
            // processes nobody can run or kill, holding memory forever.
            for (int i = s_processes.Count - 1; i >= 0; i--)
            {
                if (i >= s_processes.Count)
                    continue;
                Process child = s_processes[i];
                if (child != process && child.Parent == process && child.ParentId == process.Id
                    && child.PendingThread != null && child.State == ProcessState.Running)
                    Kill(child, "its creator ended before resuming it");
            }
            if (ReportExitTimes && state == ProcessState.Killed)
            {
                // `./microos bench`'s driver restart starts here (the supervisor's death notice follows).
                ulong now = Cpu.ReadTsc();
                Log.Write("timing: ");
                WriteProcess(process);
                Log.Write(" killed ");
                Log.WriteDecimal(now - BootStub.EntryTsc());
                Log.Write(" TSC ticks after kernel entry\n");
            }
            process.PendingThread = null;
            process.State = state;
            process.Generation = 0;                 // every capability to it is stale from here on
            process.ExitCode = code;
            bool wasCurrent = Scheduler.Current.Process == process;
            if (wasCurrent)
                Scheduler.LoadAddressSpace(AddressSpace.Kernel);   // we are about to free the tables in use
            Objects.ProcessObjects.OnProcessEnd(process);           // IPC waits, objects, capabilities
            foreach (Thread t in process.Threads)
                Scheduler.Retire(t);
            ulong limit = process.Space.LimitFrames;
            process.Space.Destroy();
            GiveBack(process, limit);
            s_processes.Remove(process);
            if (ReportExitTimes)
            {
                // What the end itself cost (IPC waits, objects, capabilities, the address space): the
                // restart breakdown's first step.
                Log.Write("timing: ");
                WriteProcess(process);
                Log.Write(" torn down at ");
                Log.WriteDecimal(Cpu.ReadTsc() - BootStub.EntryTsc());
                Log.Write(" (TSC ticks after kernel entry)\n");
            }
            if (wasCurrent)
                Scheduler.ExitCurrent();
        }
    }
}
