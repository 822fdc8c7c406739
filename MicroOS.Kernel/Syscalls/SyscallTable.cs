using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // The system call table: one row per syscall, at the position of its number. SyscallDispatcher
    // reaches a handler only through its row; Verify (at boot) refuses a table whose numbers and
    // positions disagree or whose names repeat, so a misplaced row can never run the wrong handler.
    // `Requires` is the rights the syscall's capability argument must carry (None: it takes none).
    internal static unsafe class SyscallTable
    {
        public struct Row
        {
            public Syscall Number;
            public string Name;
            public CapType Object;          // the kind of capability rdi must name (None: no cap argument)
            public CapRights Requires;
            public delegate*<SyscallFrame*, long> Handler;
            public delegate*<SyscallFrame*, CapSlot, long> CapHandler;   // rows with an Object: gets the decoded cap
        }

        private static Row R(Syscall n, string name, CapRights requires, delegate*<SyscallFrame*, long> h) =>
            new Row { Number = n, Name = name, Requires = requires, Handler = h };

        // A syscall whose rdi is a capability slot: the dispatcher decodes it (Invocation) before the handler.
        private static Row R(Syscall n, string name, CapType obj, CapRights requires, delegate*<SyscallFrame*, CapSlot, long> h) =>
            new Row { Number = n, Name = name, Object = obj, Requires = requires, CapHandler = h };

        public static readonly Row[] Rows =
        {
            R(Syscall.DebugWrite,   "debug_write",    CapRights.None, &ProcessSyscalls.DebugWrite),
            R(Syscall.Exit,         "exit",           CapRights.None, &ProcessSyscalls.Exit),
            R(Syscall.Yield,        "yield",          CapRights.None, &ProcessSyscalls.Yield),
            R(Syscall.Sleep,        "sleep",          CapRights.None, &ProcessSyscalls.Sleep),
            R(Syscall.MapMemory,    "map_memory",     CapRights.None, &MemorySyscalls.MapMemory),
            R(Syscall.GetProcessId, "get_process_id", CapRights.None, &ProcessSyscalls.GetProcessId),
            R(Syscall.SetFaultHandler, "set_fault_handler", CapRights.None, &FaultSyscalls.SetFaultHandler),
            R(Syscall.CapCopy,            "cap_copy",            CapRights.None, &CapSyscalls.Copy),
            R(Syscall.CapMint,            "cap_mint",            CapRights.None, &CapSyscalls.Mint),
            R(Syscall.CapMove,            "cap_move",            CapRights.None, &CapSyscalls.Move),
            R(Syscall.CapDelete,          "cap_delete",          CapRights.None, &CapSyscalls.Delete),
            R(Syscall.CapRevoke,          "cap_revoke",          CapRights.None, &CapSyscalls.Revoke),
            R(Syscall.CapInspect,         "cap_inspect",         CapRights.None, &CapSyscalls.Inspect),
            R(Syscall.EndpointCreate,     "endpoint_create",     CapRights.None, &CapSyscalls.CreateEndpoint),
            R(Syscall.NotificationCreate, "notification_create", CapRights.None, &CapSyscalls.CreateNotification),
            R(Syscall.EndpointSend,       "endpoint_send",       CapType.Endpoint, CapRights.Write, &EndpointSyscalls.Send),
            R(Syscall.EndpointRecv,       "endpoint_recv",       CapType.Endpoint, CapRights.Read, &EndpointSyscalls.Recv),
            R(Syscall.EndpointCall,       "endpoint_call",       CapType.Endpoint, CapRights.Write, &EndpointSyscalls.Call),
            R(Syscall.EndpointReply,      "endpoint_reply",      CapRights.None, &EndpointSyscalls.Reply),
            R(Syscall.EndpointReplyRecv,  "endpoint_reply_recv", CapType.Endpoint, CapRights.Read, &EndpointSyscalls.ReplyRecv),
            R(Syscall.EndpointNBSend,     "endpoint_nbsend",     CapType.Endpoint, CapRights.Write, &EndpointSyscalls.NBSend),
            R(Syscall.EndpointNBRecv,     "endpoint_nbrecv",     CapType.Endpoint, CapRights.Read, &EndpointSyscalls.NBRecv),
            R(Syscall.NotificationSignal, "notification_signal", CapType.Notification, CapRights.Write, &NotificationSyscalls.Signal),
            R(Syscall.NotificationWait,   "notification_wait",   CapType.Notification, CapRights.Read, &NotificationSyscalls.Wait),
            R(Syscall.NotificationPoll,   "notification_poll",   CapType.Notification, CapRights.Read, &NotificationSyscalls.Poll),
            R(Syscall.NotificationBind,   "notification_bind",   CapType.Notification, CapRights.Read, &NotificationSyscalls.Bind),
            R(Syscall.IpcSetBuffer,       "ipc_set_buffer",      CapRights.None, &EndpointSyscalls.SetBuffer),
            R(Syscall.FrameCreate,        "frame_create",        CapRights.None, &CapSyscalls.CreateFrame),
            R(Syscall.FrameMap,           "frame_map",           CapType.Frame, CapRights.Read, &FrameSyscalls.Map),
            R(Syscall.IoPortRead,         "io_port_read",        CapType.IoPortRange, CapRights.Read, &HardwareSyscalls.PortRead),
            R(Syscall.IoPortWrite,        "io_port_write",       CapType.IoPortRange, CapRights.Write, &HardwareSyscalls.PortWrite),
            R(Syscall.IrqSetNotification, "irq_set_notification", CapType.IrqLine, CapRights.Manage, &HardwareSyscalls.IrqSetNotification),
            R(Syscall.IrqAck,             "irq_ack",             CapType.IrqLine, CapRights.Write, &HardwareSyscalls.IrqAck),
            R(Syscall.ProcessKill,        "process_kill",        CapType.Process, CapRights.Manage, &ProcessCapSyscalls.Kill),
            R(Syscall.ProcessInspect,     "process_inspect",     CapType.Process, CapRights.Read, &ProcessCapSyscalls.Inspect),
            R(Syscall.ProcessSetFaultEndpoint, "process_set_fault_endpoint", CapType.Process, CapRights.Manage, &ProcessCapSyscalls.SetFaultEndpoint),
            R(Syscall.CapCount,           "cap_count",           CapRights.None, &CapSyscalls.Count),
            R(Syscall.ProcessStart,       "process_start",       CapType.BootImage, CapRights.Write, &ProcessCapSyscalls.Start),
            R(Syscall.UnmapMemory,  "unmap_memory",   CapRights.None, &MemorySyscalls.UnmapMemory),
            R(Syscall.MemoryUsage,  "memory_usage",   CapRights.None, &MemorySyscalls.MemoryUsage),
            R(Syscall.SystemInfo,         "system_info",         CapRights.None, &ProcessSyscalls.SystemInfo),
            R(Syscall.ProcessCreate,      "process_create",      CapType.BootImage, CapRights.Write, &ProcessCapSyscalls.Create),
            R(Syscall.CapTransfer,        "cap_transfer",        CapType.Process, CapRights.Manage, &ProcessCapSyscalls.Transfer),
            R(Syscall.ProcessResume,      "process_resume",      CapType.Process, CapRights.Manage, &ProcessCapSyscalls.Resume),
            R(Syscall.ProcessCapRead,     "process_cap_read",    CapType.Process, CapRights.Read, &ProcessCapSyscalls.CapRead),
            R(Syscall.ThreadCreate,       "thread_create",       CapRights.None, &ThreadSyscalls.Create),
            R(Syscall.ThreadResume,       "thread_resume",       CapType.Thread, CapRights.Manage, &ThreadSyscalls.Resume),
            R(Syscall.ThreadKill,         "thread_kill",         CapType.Thread, CapRights.Manage, &ThreadSyscalls.Kill),
            R(Syscall.ThreadInspect,      "thread_inspect",      CapType.Thread, CapRights.Read, &ThreadSyscalls.Inspect),
            R(Syscall.ThreadExit,         "thread_exit",         CapRights.None, &ThreadSyscalls.Exit),
            R(Syscall.IoPortEnable,       "io_port_enable",      CapType.IoPortRange, CapRights.Read | CapRights.Write, &HardwareSyscalls.PortEnable),
            R(Syscall.FrameUnmap,         "frame_unmap",         CapRights.None, &FrameSyscalls.Unmap),
            R(Syscall.ProcessSetDeathNotification, "process_set_death_notification", CapType.Process, CapRights.Manage, &ProcessCapSyscalls.SetDeathNotification),
            R(Syscall.NotificationSignalAfter, "notification_signal_after", CapType.Notification, CapRights.Write, &NotificationSyscalls.SignalAfter),
            R(Syscall.ClockRead,          "clock_read",          CapRights.None, &ClockSyscalls.Read),
        };

        // Called once before the first process starts. A bad table is a kernel build error: panic.
        public static void Verify()
        {
            var numbers = new ulong[Rows.Length];
            var names = new string[Rows.Length];
            for (int i = 0; i < Rows.Length; i++)
            {
                numbers[i] = (ulong)Rows[i].Number;
                names[i] = Rows[i].Handler == null && Rows[i].CapHandler == null ? null : Rows[i].Name;
            }
            string problem = SyscallTableCheck.FindProblem(numbers, names);
            if (problem != null)
                Panic.Halt(string.Concat("syscall table: ", problem), QemuExitCode.Panic);
        }
    }
}
