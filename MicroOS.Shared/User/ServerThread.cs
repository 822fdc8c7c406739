using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // A second (third, ...) thread in a server: its own stack from the heap window (with an
    // unmapped guard page below it), its own thread statics, its own IPC state in the kernel
    // (so each thread needs its own Ipc.SetBuffer for payloads). Start makes it, Kill ends it
    // from another thread of the same server, and returning from its body ends it.
    //
    // The rule the runtime keeps (RuntimeThreads.cs): one thread at a time runs managed code, and
    // the others wait in blocking syscalls (yield, sleep, send, recv, call, reply_recv,
    // notification wait). So code between two such calls never interleaves with a sibling's, and
    // the collector sees every thread's references. A thread of this server must therefore not
    // be killed from outside the server (thread_kill by another process) while it runs code: it
    // may hold the lock. From inside, Kill is always safe: the caller holds the lock, so the victim
    // is parked.
    public sealed unsafe class ServerThread
    {
        public const ulong DefaultStackBytes = 64 * 1024;
        private const ulong GuardBytes = 4096;

        private static readonly ServerThread[] s_threads = new ServerThread[RuntimeThreads.MaxThreads];

        public readonly int Slot;           // its Thread cap
        public readonly long Id;            // the kernel's thread id
        private readonly int _index;
        private readonly byte* _mapping;    // guard page + stack
        private readonly ulong _mappingBytes;
        private Action _body;
        private bool _ended;                // returned from its body: the stack waits to be unmapped

        private ServerThread(int slot, long id, int index, byte* mapping, ulong mappingBytes, Action body)
        {
            Slot = slot;
            Id = id;
            _index = index;
            _mapping = mapping;
            _mappingBytes = mappingBytes;
            _body = body;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_runtime_threads_on")]
        private static extern void ThreadsOn();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_thread_entry_address")]
        private static extern ulong EntryAddress();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_user_stack_top")]
        private static extern nint MainStackTop();

        // Runs `body` on a new thread whose Thread cap goes to `slot` (an empty slot of this
        // server's table). The thread, or null with the reason in `error` (OutOfMemory at the memory
        // limit or with MaxThreads running, a SyscallError from thread_create).
        public static ServerThread Start(int slot, Action body, out long error, ulong stackBytes = DefaultStackBytes)
        {
            FreeEndedStacks();
            stackBytes = (stackBytes + 4095) & ~4095UL;
            if (!RuntimeThreads.Active)
            {
                RuntimeThreads.Activate(MainStackTop());
                ThreadsOn();
            }
            byte* mapping = (byte*)Sys.MapMemory(GuardBytes + stackBytes);
            if (mapping == null)
            {
                error = (long)SyscallError.OutOfMemory;
                return null;
            }
            Sys.UnmapMemory(mapping, GuardBytes);       // a stack overrun faults instead of writing the heap
            nint top = (nint)(mapping + GuardBytes + stackBytes);
            int index = RuntimeThreads.Reserve(top);
            if (index < 0)
            {
                Sys.UnmapMemory(mapping + GuardBytes, stackBytes);
                error = (long)SyscallError.OutOfMemory;
                return null;
            }
            long id = SysCalls.ThreadCreate((ulong)slot, EntryAddress(), (ulong)top, (ulong)index);
            if (id < 0)
            {
                RuntimeThreads.Release(index);
                Sys.UnmapMemory(mapping + GuardBytes, stackBytes);
                error = id;
                return null;
            }
            var thread = new ServerThread(slot, id, index, mapping, GuardBytes + stackBytes, body);
            s_threads[index] = thread;
            error = SysCalls.ThreadResume((ulong)slot);
            if (error != 0)
            {
                thread.Kill();
                return null;
            }
            return thread;
        }

        // Has it ended (returned, or been killed)?
        public bool HasEnded => _ended || s_threads[_index] != this;

        // thread_inspect: the kernel's thread id, or ObjectGone once it has ended; state and ticks.
        public long Inspect(out ThreadInfo state, out ulong ticks)
        {
            long r = SysCalls.ThreadInspect((ulong)Slot, out IpcRegisters regs);
            state = (ThreadInfo)regs.A0;
            ticks = regs.A1;
            return r;
        }

        // Ends the thread wherever it waits (its IPC waits are cancelled by the kernel) and gives
        // its stack and cap slot back. Called by another thread of this server (see the top).
        public long Kill()
        {
            if (HasEnded)
            {
                FreeEndedStacks();
                return (long)SyscallError.ObjectGone;
            }
            long r = SysCalls.ThreadKill((ulong)Slot);
            Forget();
            return r;
        }

        private void Forget()
        {
            RuntimeThreads.Release(_index);
            s_threads[_index] = null;
            _body = null;
            Sys.UnmapMemory(_mapping + GuardBytes, _mappingBytes - GuardBytes);
            Caps.Delete(Slot);
        }

        // Threads that returned from their body left their stacks (they were still on them);
        // any thread running now can give those back.
        private static void FreeEndedStacks()
        {
            for (int i = 0; i < s_threads.Length; i++)
                if (s_threads[i] != null && s_threads[i]._ended)
                    s_threads[i].Forget();
        }

        // mos_thread_entry, holding the lock: the body, then the thread's record goes. An unhandled
        // exception ends the server, as on the main thread.
        [UnmanagedCallersOnly(EntryPoint = "ServerThreadMain")]
        private static void Main(int index)
        {
            ServerThread me = s_threads[index];
            Action body = me?._body;
            body?.Invoke();
            if (me != null)
            {
                me._ended = true;
                me._body = null;
            }
            RuntimeThreads.Release(index);
        }
    }
}
