using System.Collections.Generic;
using System.Runtime.InteropServices;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;

namespace MicroOS.Kernel.Tasks
{
    // Preemptive round-robin scheduling with two priority levels. Runs with interrupts off (interrupt
    // gates and SYSCALL's FMASK see to that), on one CPU. The timer tick (Pit, 100 Hz) ends a thread's
    // quantum; a ready High thread always runs before a Normal one; the idle thread runs when nothing
    // else can, and halts.
    internal static unsafe partial class Scheduler
    {
        public const int QuantumTicks = 2;

        private static readonly Queue<Thread>[] s_ready = { new Queue<Thread>(64), new Queue<Thread>(64) };
        private static readonly List<Thread> s_sleeping = new List<Thread>(64);
        private static readonly List<Thread> s_dead = new List<Thread>(64);
        private static Thread s_idle;
        private static ulong s_ticks;
        private static int s_nextThreadId = 1;
        private static ulong s_bootRsp;

        // What every switch and the IPC fast path (Syscalls/IpcFastPath.cs) read, in a class without a
        // static constructor: Scheduler's own statics (the queues above) need one, and ILC then checks
        // for it on every access (three instructions each, several times per IPC).
        private static class Hot
        {
            public static Thread Current;
            public static int QuantumLeft;
            public static ulong LoadedPml4;
            public static ulong ContextSwitches;
            public static bool SwitchHooks;
        }

        public static Thread Current
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get => Hot.Current;
        }
        public static ulong ContextSwitches => Hot.ContextSwitches;
        public static ulong Ticks => s_ticks;

        // TSC ticks the idle thread has run (halted, waiting for an interrupt, plus the interrupts
        // taken meanwhile): system_info's r8. Under QEMU's -icount the TSC counts guest instructions
        // but also runs on while the CPU is halted, as far as the host takes to complete a disk read;
        // elapsed minus idle is what the guest executed (tools/bench.sh's restart figures). Kept in
        // Schedule only: the IPC fast path (SwitchDirect) never switches to or from the idle thread.
        private static ulong s_idleTsc, s_idleSince;
        public static ulong IdleTsc => Hot.Current == s_idle && s_idleSince != 0 ? s_idleTsc + (Cpu.ReadTsc() - s_idleSince) : s_idleTsc;

        // Reaped threads wait here to be reused: the kernel heap is never collected.
        private static readonly List<Thread> s_pool = new List<Thread>(64);

        private static Thread TakeThread(Process process, string name, Priority priority, ulong stack)
        {
            if (s_pool.Count == 0)
                return new Thread(s_nextThreadId++, process, name, priority, stack);
            Thread t = s_pool[s_pool.Count - 1];
            s_pool.RemoveAt(s_pool.Count - 1);
            t.Reset(s_nextThreadId++, process, name, priority, stack);
            return t;
        }

        // Switches CR3 only when it changes (comparing the loaded tables, not objects that get recycled).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static void LoadAddressSpace(AddressSpace space)
        {
            ulong pml4 = space.Pml4Physical;
            if (pml4 == Hot.LoadedPml4)
                return;
            Cpu.WriteCr3(pml4);
            Hot.LoadedPml4 = pml4;
        }

        public static Thread CreateKernelThread(string name, delegate*<ulong, void> entry, ulong argument, Priority priority)
        {
            ulong stack = KernelStacks.Allocate();
            if (stack == 0)
                return null;
            Thread thread = TakeThread(null, name, priority, stack);
            thread.PrepareFirstSwitch(ContextSwitch.KernelThreadStartAddress(), (ulong)entry, argument, 0, 0);
            return thread;
        }

        public static Thread CreateUserThread(Process process, string name, ulong rip, ulong rsp, ulong arg0, ulong arg1, Priority priority)
        {
            ulong stack = KernelStacks.Allocate();
            if (stack == 0)
                return null;
            Thread thread = TakeThread(process, name, priority, stack);
            thread.PrepareFirstSwitch(ContextSwitch.UserThreadStartAddress(), rip, rsp, arg0, arg1);
            process.Threads.Add(thread);
            process.UnreapedThreads++;
            return thread;
        }

        public static void Initialize(delegate*<ulong, void> idleEntry)
        {
            s_idle = CreateKernelThread("idle", idleEntry, 0, Priority.Normal);
        }

        // Leaves the boot stack for good: from here on everything runs in threads.
        public static void Start()
        {
            Pit.Initialize();
            Hot.Current = null;
            Thread first = PickNext();
            ulong unused;
            SwitchTo(first, &unused);
        }

        public static void MakeReady(Thread thread)
        {
            thread.State = ThreadState.Ready;
            if (thread != s_idle && !thread.InReadyQueue)
            {
                thread.InReadyQueue = true;
                s_ready[(int)thread.Priority].Enqueue(thread);
            }
        }

        public static void Yield()
        {
            if (Hot.Current != s_idle)
                MakeReady(Hot.Current);
            Schedule();
        }

        public static void Sleep(ulong ticks)
        {
            Hot.Current.State = ThreadState.Sleeping;
            Hot.Current.WakeTick = s_ticks + (ticks == 0 ? 1 : ticks);
            s_sleeping.Add(Hot.Current);
            Schedule();
        }

        // A sleeping thread's bound notification was signalled: it runs now, not at its wake tick.
        public static void EndSleep(Thread thread)
        {
            if (thread == null || thread.State != ThreadState.Sleeping)
                return;
            s_sleeping.Remove(thread);
            MakeReady(thread);
        }

        // The current thread is finished; another thread frees its stack. Never returns.
        public static void ExitCurrent()
        {
            Hot.Current.State = ThreadState.Dead;
            s_dead.Add(Hot.Current);
            Schedule();
            Panic.Halt("a dead thread was scheduled", MicroOS.Shared.Abi.QemuExitCode.Panic);
        }

        // Marks a thread that is not running dead (its process was killed).
        public static void Retire(Thread thread)
        {
            if (thread.State == ThreadState.Sleeping)
                s_sleeping.Remove(thread);
            thread.State = ThreadState.Dead;
            if (thread != Hot.Current)
                s_dead.Add(thread);
        }


        public static void OnTimerTick(bool fromUserMode)
        {
            s_ticks++;
            Objects.NotificationTimer.OnTick(s_ticks);
            for (int i = s_sleeping.Count - 1; i >= 0; i--)
            {
                Thread t = s_sleeping[i];
                if (t.WakeTick <= s_ticks)
                {
                    s_sleeping.RemoveAt(i);
                    MakeReady(t);
                }
            }
            if (Hot.Current == null)
                return;
            Hot.Current.Ticks++;
            bool higherWaiting = Hot.Current.Priority == Priority.Normal && s_ready[(int)Priority.High].Count > 0;
            if (--Hot.QuantumLeft <= 0 || higherWaiting || Hot.Current == s_idle)
            {
                if (!fromUserMode && Hot.Current != s_idle)
                    Preemption.Pending = true;
                else
                    Yield();
            }
        }

        private static Thread PickNext()
        {
            for (int level = (int)Priority.High; level >= 0; level--)
            {
                Queue<Thread> queue = s_ready[level];
                while (queue.Count > 0)
                {
                    Thread t = queue.Dequeue();
                    t.InReadyQueue = false;
                    if (t.State == ThreadState.Ready)
                        return t;
                }
            }
            return s_idle;
        }

        private static void Schedule()
        {
            Preemption.Pending = false;
            ReapDeadThreads();
            Thread next = PickNext();
            if (next == Hot.Current)
            {
                next.State = ThreadState.Running;
                Hot.QuantumLeft = QuantumTicks;
                return;
            }
            if (Hot.Current == s_idle || next == s_idle)
            {
                ulong now = Cpu.ReadTsc();
                if (Hot.Current == s_idle && s_idleSince != 0)
                    s_idleTsc += now - s_idleSince;
                s_idleSince = next == s_idle ? now : 0;
            }
            // Objects never move (no GC), so the field's address stays valid across the switch.
            fixed (ulong* save = &Hot.Current.SavedRsp)
                SwitchTo(next, save);
        }

        // Inlined (into Schedule, Start and SwitchDirect): as a call of its own it saved and restored
        // six registers that mos_switch_context saves again, on every IPC round trip twice.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static void SwitchTo(Thread next, ulong* saveRsp)
        {
            Thread previous = Hot.Current;
            next.State = ThreadState.Running;
            Hot.QuantumLeft = QuantumTicks;
            ulong stack = next.StackStart;
            Gdt.SetKernelStack(stack);
            SyscallMsrs.SetSyscallStack(stack);
            LoadAddressSpace(next.Process != null ? next.Process.Space : AddressSpace.Kernel);
            if (previous != null)
                previous.ThreadStatics = Internal.Runtime.ThreadStatics.CurrentStorage;
            Internal.Runtime.ThreadStatics.CurrentStorage = next.ThreadStatics;
            if (previous == null || previous.FsBase != next.FsBase)
                Cpu.WriteMsr(SyscallMsrs.FsBase, next.FsBase);
            Hot.Current = next;
            Hot.ContextSwitches++;
            if (Hot.SwitchHooks)
                RunSwitchHooks(previous, next);
            ContextSwitch.Switch(saveRsp, next.SavedRsp);
        }

        // What only some switches need, behind one flag so the others (the IPC fast path) pay one
        // test: the TSS I/O bitmap while any process has io_port_enable'd ports (IoPermissions), and
        // the `irqoff` measurement (Preemption). Set by IoPermissions and Preemption.Start.
        public static bool SwitchHooks
        {
            get => Hot.SwitchHooks;
            set => Hot.SwitchHooks = value;
        }

        private static void RunSwitchHooks(Thread previous, Thread next)
        {
            if (IoPermissions.Active || (next.Process != null && next.Process.IoGrants != null))
                IoPermissions.Load(next.Process);
            if (Preemption.Measuring)
                Preemption.SwitchingOut(previous);
        }

        public static void ReapDeadThreads()
        {
            for (int i = s_dead.Count - 1; i >= 0; i--)
            {
                Thread t = s_dead[i];
                if (t == Hot.Current || t.InReadyQueue)
                    continue;   // still running on its stack, or a queue still points at it
                s_dead.RemoveAt(i);
                KernelStacks.Free(t.KernelStackTop);
                ProcessManager.OnThreadReaped(t);
                t.Process = null;
                s_pool.Add(t);
            }
        }

        public static int ReadyCount => s_ready[0].Count + s_ready[1].Count;

        [UnmanagedCallersOnly(EntryPoint = "KernelThreadExit")]
        private static void KernelThreadExit() => ExitCurrent();
    }
}
