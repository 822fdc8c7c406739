using System;

namespace Internal.Runtime
{
    // The runtime's view of a server's event loop: what Task.Delay, CancelAfter, Task.Yield and a
    // blocking .Wait()/.Result need and the core library cannot do itself (they take syscalls).
    // MicroOS.Shared.User.EventLoop is the implementation; it installs itself as Current when a
    // server creates it, so a server that never uses timers or waits pays nothing for it.
    public abstract class AsyncPump
    {
        public static AsyncPump Current;

        internal static AsyncPump Required =>
            Current ?? throw new InvalidOperationException("no event loop runs in this server: create a MicroOS.Shared.User.EventLoop first (Task.Delay, CancelAfter and Task.Yield need its timers and queue)");

        // Calls `callback` on the loop's thread after at least `milliseconds`; the handle stops it.
        public abstract object StartTimer(ulong milliseconds, Action callback);
        public abstract void StopTimer(object handle);

        // Runs `action` on the loop's thread, after what is already queued.
        public abstract void Post(Action action);

        // Waits for the next event (message, signal, timer, posted work) and handles it: a task's
        // blocking .Wait() calls this until the task completes.
        public abstract void RunOnce();
    }
}
