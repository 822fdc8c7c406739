namespace MicroOS.Shared.Abi
{
    // What a capability lets its holder do with the object it names. A derived capability (mint,
    // copy) can only have fewer rights than its parent. The syscall table names, per syscall, the
    // rights its capability argument must carry.
    [System.Flags]
    public enum CapRights : uint
    {
        None = 0,
        Read = 1 << 0,      // receive on an endpoint, wait on a notification, map a frame readable
        Write = 1 << 1,     // send on an endpoint, signal a notification, map a frame writable
        Grant = 1 << 2,     // send capabilities along with a message
        Manage = 1 << 3,    // control the object itself: a process's fault endpoint, kill, inspect
        All = Read | Write | Grant | Manage,
    }
}
