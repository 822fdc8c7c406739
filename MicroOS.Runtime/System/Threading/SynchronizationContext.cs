namespace System.Threading
{
    public delegate void SendOrPostCallback(object state);

    // Where an `await` resumes. A server's event loop (MicroOS.Shared.User.EventLoop) installs one on
    // its thread: continuations completed elsewhere (a worker thread's IPC reply) are Posted to it and
    // run by the loop, in the order posted. The base class runs Send inline; Post needs a loop, which
    // the base has not (.NET's base posts to the thread pool).
    public class SynchronizationContext
    {
        [ThreadStatic] private static SynchronizationContext t_current;

        public static SynchronizationContext Current => t_current;

        public static void SetSynchronizationContext(SynchronizationContext syncContext) => t_current = syncContext;

        public virtual void Send(SendOrPostCallback d, object state) => d(state);

        public virtual void Post(SendOrPostCallback d, object state)
        {
            Internal.Runtime.AsyncPump pump = Internal.Runtime.AsyncPump.Required;
            pump.Post(() => d(state));
        }

        public virtual SynchronizationContext CreateCopy() => new SynchronizationContext();

        public virtual void OperationStarted() { }
        public virtual void OperationCompleted() { }
    }
}
