namespace MicroOS.Shared.Abi
{
    // The kind of kernel object a capability names (CapInspect reports it).
    public enum CapType : byte
    {
        None = 0,
        Endpoint = 1,
        Notification = 2,
        Frame = 3,
        IoPortRange = 4,
        IrqLine = 5,
        Process = 6,
        BootImage = 7,      // a boot manifest entry process_start can start
        Thread = 8,         // a thread of the holder's own process (thread_create)
        Trace = 9,          // the kernel's IPC trace ring (trace_control, trace_read; `trace:rw` in a manifest)
    }

    // CapInspect's value: type in bits 0..7, rights in bits 8..15.
    public static class CapInfo
    {
        public static long Pack(CapType type, CapRights rights) => (long)type | ((long)rights << 8);
        public static CapType TypeOf(long info) => (CapType)(info & 0xFF);
        public static CapRights RightsOf(long info) => (CapRights)((info >> 8) & 0xFF);
    }
}
