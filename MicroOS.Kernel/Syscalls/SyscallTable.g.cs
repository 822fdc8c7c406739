// Generated from MicroOS.Shared/Abi/syscalls.spec by MicroOS.Build/SyscallGen/SyscallGenerator.cs: do not edit (SyscallSpecTests).
using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    internal static unsafe partial class SyscallTable
    {
        public static readonly Row[] Rows =
        {
            R(Syscall.DebugWrite, "debug_write", CapType.None, CapRights.None, &DecodeDebugWrite),
            R(Syscall.Exit, "exit", CapType.None, CapRights.None, &ProcessSyscalls.Exit),
            R(Syscall.Yield, "yield", CapType.None, CapRights.None, &ProcessSyscalls.Yield),
            R(Syscall.Sleep, "sleep", CapType.None, CapRights.None, &ProcessSyscalls.Sleep),
            R(Syscall.MapMemory, "map_memory", CapType.None, CapRights.None, &MemorySyscalls.MapMemory),
            R(Syscall.GetProcessId, "get_process_id", CapType.None, CapRights.None, &ProcessSyscalls.GetProcessId),
            R(Syscall.SetFaultHandler, "set_fault_handler", CapType.None, CapRights.None, &FaultSyscalls.SetFaultHandler),
            R(Syscall.CapCopy, "cap_copy", CapType.None, CapRights.None, &DecodeCapCopy),
            R(Syscall.CapMint, "cap_mint", CapType.None, CapRights.None, &DecodeCapMint),
            R(Syscall.CapMove, "cap_move", CapType.None, CapRights.None, &DecodeCapMove),
            R(Syscall.CapDelete, "cap_delete", CapType.None, CapRights.None, &DecodeCapDelete),
            R(Syscall.CapRevoke, "cap_revoke", CapType.None, CapRights.None, &DecodeCapRevoke),
            R(Syscall.CapInspect, "cap_inspect", CapType.None, CapRights.None, &DecodeCapInspect),
            R(Syscall.EndpointCreate, "endpoint_create", CapType.None, CapRights.None, &DecodeEndpointCreate),
            R(Syscall.NotificationCreate, "notification_create", CapType.None, CapRights.None, &DecodeNotificationCreate),
            R(Syscall.EndpointSend, "endpoint_send", CapType.Endpoint, CapRights.Write, &DecodeEndpointSend),
            R(Syscall.EndpointRecv, "endpoint_recv", CapType.Endpoint, CapRights.Read, &DecodeEndpointRecv),
            R(Syscall.EndpointCall, "endpoint_call", CapType.Endpoint, CapRights.Write, &DecodeEndpointCall),
            R(Syscall.EndpointReply, "endpoint_reply", CapType.None, CapRights.None, &EndpointSyscalls.Reply),
            R(Syscall.EndpointReplyRecv, "endpoint_reply_recv", CapType.Endpoint, CapRights.Read, &DecodeEndpointReplyRecv),
            R(Syscall.EndpointNBSend, "endpoint_nbsend", CapType.Endpoint, CapRights.Write, &DecodeEndpointNBSend),
            R(Syscall.EndpointNBRecv, "endpoint_nbrecv", CapType.Endpoint, CapRights.Read, &DecodeEndpointNBRecv),
            R(Syscall.NotificationSignal, "notification_signal", CapType.Notification, CapRights.Write, &DecodeNotificationSignal),
            R(Syscall.NotificationWait, "notification_wait", CapType.Notification, CapRights.Read, &DecodeNotificationWait),
            R(Syscall.NotificationPoll, "notification_poll", CapType.Notification, CapRights.Read, &DecodeNotificationPoll),
            R(Syscall.NotificationBind, "notification_bind", CapType.Notification, CapRights.Read, &DecodeNotificationBind),
            R(Syscall.IpcSetBuffer, "ipc_set_buffer", CapType.None, CapRights.None, &EndpointSyscalls.SetBuffer),
            R(Syscall.FrameCreate, "frame_create", CapType.None, CapRights.None, &DecodeFrameCreate),
            R(Syscall.FrameMap, "frame_map", CapType.Frame, CapRights.Read, &DecodeFrameMap),
            R(Syscall.IoPortRead, "io_port_read", CapType.IoPortRange, CapRights.Read, &DecodeIoPortRead),
            R(Syscall.IoPortWrite, "io_port_write", CapType.IoPortRange, CapRights.Write, &DecodeIoPortWrite),
            R(Syscall.IrqSetNotification, "irq_set_notification", CapType.IrqLine, CapRights.Manage, &DecodeIrqSetNotification),
            R(Syscall.IrqAck, "irq_ack", CapType.IrqLine, CapRights.Write, &DecodeIrqAck),
            R(Syscall.ProcessKill, "process_kill", CapType.Process, CapRights.Manage, &DecodeProcessKill),
            R(Syscall.ProcessInspect, "process_inspect", CapType.Process, CapRights.Read, &DecodeProcessInspect),
            R(Syscall.ProcessSetFaultEndpoint, "process_set_fault_endpoint", CapType.Process, CapRights.Manage, &DecodeProcessSetFaultEndpoint),
            R(Syscall.CapCount, "cap_count", CapType.None, CapRights.None, &CapSyscalls.Count),
            R(Syscall.ProcessStart, "process_start", CapType.BootImage, CapRights.Write, &DecodeProcessStart),
            R(Syscall.UnmapMemory, "unmap_memory", CapType.None, CapRights.None, &MemorySyscalls.UnmapMemory),
            R(Syscall.MemoryUsage, "memory_usage", CapType.None, CapRights.None, &MemorySyscalls.MemoryUsage),
            R(Syscall.SystemInfo, "system_info", CapType.None, CapRights.None, &ProcessSyscalls.SystemInfo),
            R(Syscall.ProcessCreate, "process_create", CapType.BootImage, CapRights.Write, &DecodeProcessCreate),
            R(Syscall.CapTransfer, "cap_transfer", CapType.Process, CapRights.Manage, &DecodeCapTransfer),
            R(Syscall.ProcessResume, "process_resume", CapType.Process, CapRights.Manage, &DecodeProcessResume),
            R(Syscall.ProcessCapRead, "process_cap_read", CapType.Process, CapRights.Read, &DecodeProcessCapRead),
            R(Syscall.ThreadCreate, "thread_create", CapType.None, CapRights.None, &DecodeThreadCreate),
            R(Syscall.ThreadResume, "thread_resume", CapType.Thread, CapRights.Manage, &DecodeThreadResume),
            R(Syscall.ThreadKill, "thread_kill", CapType.Thread, CapRights.Manage, &DecodeThreadKill),
            R(Syscall.ThreadInspect, "thread_inspect", CapType.Thread, CapRights.Read, &DecodeThreadInspect),
            R(Syscall.ThreadExit, "thread_exit", CapType.None, CapRights.None, &ThreadSyscalls.Exit),
            R(Syscall.IoPortEnable, "io_port_enable", CapType.IoPortRange, CapRights.Read | CapRights.Write, &DecodeIoPortEnable),
            R(Syscall.FrameUnmap, "frame_unmap", CapType.None, CapRights.None, &FrameSyscalls.Unmap),
            R(Syscall.ProcessSetDeathNotification, "process_set_death_notification", CapType.Process, CapRights.Manage, &DecodeProcessSetDeathNotification),
            R(Syscall.NotificationSignalAfter, "notification_signal_after", CapType.Notification, CapRights.Write, &DecodeNotificationSignalAfter),
            R(Syscall.ClockRead, "clock_read", CapType.None, CapRights.None, &ClockSyscalls.Read),
            R(Syscall.TraceControl, "trace_control", CapType.Trace, CapRights.Write, &DecodeTraceControl),
            R(Syscall.TraceRead, "trace_read", CapType.Trace, CapRights.Read, &DecodeTraceRead),
            // LAB 1 BEGIN: declare kernel_info (docs/labs/01-syscall.md)
            R(Syscall.KernelInfo, "kernel_info", CapType.None, CapRights.None, &InfoSyscalls.KernelInfo),
            // LAB 1 STARTER
            // R(Syscall.Reserved57, "reserved_57", CapType.None, CapRights.None, &SyscallTable.Reserved),
            // LAB 1 END
            R(Syscall.ProcessCreateFrame, "process_create_frame", CapType.Frame, CapRights.Read, &DecodeProcessCreateFrame),
        };

        // debug_write(text:in(length,4096), length:val)
        private static long DecodeDebugWrite(SyscallFrame* f)
        {
            if (f->Arg1 > 4096)
                return (long)SyscallError.InvalidArgument;
            SyscallError? textError = UserSpan.TryCreate(f->Arg0, f->Arg1, out UserSpan text);
            if (textError != null)
                return (long)textError.Value;
            return ProcessSyscalls.DebugWrite(f, text);
        }

        // cap_copy(source:cap(Any), destination:dst)
        private static long DecodeCapCopy(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot source = Invocation.Decode(objects, f->Arg0, CapType.None, CapRights.None);
            if (source == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.None, CapRights.None);
            long destinationError = Invocation.Destination(f->Arg1, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return CapSyscalls.Copy(f, source, destination);
        }

        // cap_mint(source:cap(Any), destination:dst, rights:val, badge:val)
        private static long DecodeCapMint(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot source = Invocation.Decode(objects, f->Arg0, CapType.None, CapRights.None);
            if (source == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.None, CapRights.None);
            long destinationError = Invocation.Destination(f->Arg1, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return CapSyscalls.Mint(f, source, destination);
        }

        // cap_move(source:held, destination:dst)
        private static long DecodeCapMove(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot source = Invocation.Held(objects, f->Arg0);
            if (source == null)
                return (long)SyscallError.InvalidCapability;
            long destinationError = Invocation.Destination(f->Arg1, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return CapSyscalls.Move(f, source, destination);
        }

        // cap_delete(slot:held)
        private static long DecodeCapDelete(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot slot = Invocation.Held(objects, f->Arg0);
            if (slot == null)
                return (long)SyscallError.InvalidCapability;
            return CapSyscalls.Delete(f, slot);
        }

        // cap_revoke(slot:held)
        private static long DecodeCapRevoke(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot slot = Invocation.Held(objects, f->Arg0);
            if (slot == null)
                return (long)SyscallError.InvalidCapability;
            return CapSyscalls.Revoke(f, slot);
        }

        // cap_inspect(slot:cap(Any))
        private static long DecodeCapInspect(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot slot = Invocation.Decode(objects, f->Arg0, CapType.None, CapRights.None);
            if (slot == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.None, CapRights.None);
            return CapSyscalls.Inspect(f, slot);
        }

        // endpoint_create(destination:dst)
        private static long DecodeEndpointCreate(SyscallFrame* f)
        {
            long destinationError = Invocation.Destination(f->Arg0, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return CapSyscalls.CreateEndpoint(f, destination);
        }

        // notification_create(destination:dst)
        private static long DecodeNotificationCreate(SyscallFrame* f)
        {
            long destinationError = Invocation.Destination(f->Arg0, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return CapSyscalls.CreateNotification(f, destination);
        }

        // endpoint_send(endpoint:cap(Endpoint:Write), tag:val, mr0:val, mr1:val, mr2:val, mr3:val)
        private static long DecodeEndpointSend(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot endpoint = Invocation.Decode(objects, f->Arg0, CapType.Endpoint, CapRights.Write);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Endpoint, CapRights.Write);
            return EndpointSyscalls.Send(f, endpoint);
        }

        // endpoint_recv(endpoint:cap(Endpoint:Read))
        private static long DecodeEndpointRecv(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot endpoint = Invocation.Decode(objects, f->Arg0, CapType.Endpoint, CapRights.Read);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Endpoint, CapRights.Read);
            return EndpointSyscalls.Recv(f, endpoint);
        }

        // endpoint_call(endpoint:cap(Endpoint:Write), tag:val, mr0:val, mr1:val, mr2:val, mr3:val)
        private static long DecodeEndpointCall(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot endpoint = Invocation.Decode(objects, f->Arg0, CapType.Endpoint, CapRights.Write);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Endpoint, CapRights.Write);
            return EndpointSyscalls.Call(f, endpoint);
        }

        // endpoint_reply_recv(endpoint:cap(Endpoint:Read), tag:val, mr0:val, mr1:val, mr2:val, mr3:val)
        private static long DecodeEndpointReplyRecv(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot endpoint = Invocation.Decode(objects, f->Arg0, CapType.Endpoint, CapRights.Read);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Endpoint, CapRights.Read);
            return EndpointSyscalls.ReplyRecv(f, endpoint);
        }

        // endpoint_nbsend(endpoint:cap(Endpoint:Write), tag:val, mr0:val, mr1:val, mr2:val, mr3:val)
        private static long DecodeEndpointNBSend(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot endpoint = Invocation.Decode(objects, f->Arg0, CapType.Endpoint, CapRights.Write);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Endpoint, CapRights.Write);
            return EndpointSyscalls.NBSend(f, endpoint);
        }

        // endpoint_nbrecv(endpoint:cap(Endpoint:Read))
        private static long DecodeEndpointNBRecv(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot endpoint = Invocation.Decode(objects, f->Arg0, CapType.Endpoint, CapRights.Read);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Endpoint, CapRights.Read);
            return EndpointSyscalls.NBRecv(f, endpoint);
        }

        // notification_signal(notification:cap(Notification:Write))
        private static long DecodeNotificationSignal(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot notification = Invocation.Decode(objects, f->Arg0, CapType.Notification, CapRights.Write);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Notification, CapRights.Write);
            return NotificationSyscalls.Signal(f, notification);
        }

        // notification_wait(notification:cap(Notification:Read))
        private static long DecodeNotificationWait(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot notification = Invocation.Decode(objects, f->Arg0, CapType.Notification, CapRights.Read);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Notification, CapRights.Read);
            return NotificationSyscalls.Wait(f, notification);
        }

        // notification_poll(notification:cap(Notification:Read))
        private static long DecodeNotificationPoll(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot notification = Invocation.Decode(objects, f->Arg0, CapType.Notification, CapRights.Read);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Notification, CapRights.Read);
            return NotificationSyscalls.Poll(f, notification);
        }

        // notification_bind(notification:cap(Notification:Read))
        private static long DecodeNotificationBind(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot notification = Invocation.Decode(objects, f->Arg0, CapType.Notification, CapRights.Read);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Notification, CapRights.Read);
            return NotificationSyscalls.Bind(f, notification);
        }

        // frame_create(destination:dst, pages:val)
        private static long DecodeFrameCreate(SyscallFrame* f)
        {
            long destinationError = Invocation.Destination(f->Arg0, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return CapSyscalls.CreateFrame(f, destination);
        }

        // frame_map(frame:cap(Frame:Read), address:val, writable:val)
        private static long DecodeFrameMap(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot frame = Invocation.Decode(objects, f->Arg0, CapType.Frame, CapRights.Read);
            if (frame == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Frame, CapRights.Read);
            return FrameSyscalls.Map(f, frame);
        }

        // io_port_read(ports:cap(IoPortRange:Read), port:val, width:val)
        private static long DecodeIoPortRead(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot ports = Invocation.Decode(objects, f->Arg0, CapType.IoPortRange, CapRights.Read);
            if (ports == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.IoPortRange, CapRights.Read);
            return HardwareSyscalls.PortRead(f, ports);
        }

        // io_port_write(ports:cap(IoPortRange:Write), port:val, width:val, value:val)
        private static long DecodeIoPortWrite(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot ports = Invocation.Decode(objects, f->Arg0, CapType.IoPortRange, CapRights.Write);
            if (ports == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.IoPortRange, CapRights.Write);
            return HardwareSyscalls.PortWrite(f, ports);
        }

        // irq_set_notification(irq:cap(IrqLine:Manage), notification:cap(Notification:Write))
        private static long DecodeIrqSetNotification(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot irq = Invocation.Decode(objects, f->Arg0, CapType.IrqLine, CapRights.Manage);
            if (irq == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.IrqLine, CapRights.Manage);
            CapSlot notification = Invocation.Decode(objects, f->Arg1, CapType.Notification, CapRights.Write);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg1, CapType.Notification, CapRights.Write);
            return HardwareSyscalls.IrqSetNotification(f, irq, notification);
        }

        // irq_ack(irq:cap(IrqLine:Write))
        private static long DecodeIrqAck(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot irq = Invocation.Decode(objects, f->Arg0, CapType.IrqLine, CapRights.Write);
            if (irq == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.IrqLine, CapRights.Write);
            return HardwareSyscalls.IrqAck(f, irq);
        }

        // process_kill(process:cap(Process:Manage))
        private static long DecodeProcessKill(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Manage);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Manage);
            return ProcessCapSyscalls.Kill(f, process);
        }

        // process_inspect(process:cap(Process:Read))
        private static long DecodeProcessInspect(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Read);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Read);
            return ProcessCapSyscalls.Inspect(f, process);
        }

        // process_set_fault_endpoint(process:cap(Process:Manage), endpoint:cap(Endpoint:Write))
        private static long DecodeProcessSetFaultEndpoint(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Manage);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Manage);
            CapSlot endpoint = Invocation.Decode(objects, f->Arg1, CapType.Endpoint, CapRights.Write);
            if (endpoint == null)
                return Invocation.DecodeError(objects, f->Arg1, CapType.Endpoint, CapRights.Write);
            return ProcessCapSyscalls.SetFaultEndpoint(f, process, endpoint);
        }

        // process_start(image:cap(BootImage:Write), destination:dst)
        private static long DecodeProcessStart(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot image = Invocation.Decode(objects, f->Arg0, CapType.BootImage, CapRights.Write);
            if (image == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.BootImage, CapRights.Write);
            long destinationError = Invocation.Destination(f->Arg1, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return ProcessCapSyscalls.Start(f, image, destination);
        }

        // process_create(image:cap(BootImage:Write), destination:dst, text:val, packed:val)
        private static long DecodeProcessCreate(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot image = Invocation.Decode(objects, f->Arg0, CapType.BootImage, CapRights.Write);
            if (image == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.BootImage, CapRights.Write);
            long destinationError = Invocation.Destination(f->Arg1, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return ProcessCapSyscalls.Create(f, image, destination);
        }

        // cap_transfer(process:cap(Process:Manage), source:cap(Any), theirSlot:dst(process), rights:val)
        private static long DecodeCapTransfer(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Manage);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Manage);
            CapSlot source = Invocation.Decode(objects, f->Arg1, CapType.None, CapRights.None);
            if (source == null)
                return Invocation.DecodeError(objects, f->Arg1, CapType.None, CapRights.None);
            long theirSlotError = Invocation.Destination(ProcessObjects.Of((Tasks.Process)process.Object), f->Arg2, out CapSlot theirSlot);
            if (theirSlotError != 0)
                return theirSlotError;
            return ProcessCapSyscalls.Transfer(f, process, source, theirSlot);
        }

        // process_resume(process:cap(Process:Manage))
        private static long DecodeProcessResume(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Manage);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Manage);
            return ProcessCapSyscalls.Resume(f, process);
        }

        // process_cap_read(process:cap(Process:Read), theirSlot:held(process))
        private static long DecodeProcessCapRead(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Read);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Read);
            CapSlot theirSlot = Invocation.Held(((Tasks.Process)process.Object).Objects, f->Arg1);
            if (theirSlot == null)
                return (long)SyscallError.InvalidCapability;
            return ProcessCapSyscalls.CapRead(f, process, theirSlot);
        }

        // thread_create(destination:dst, entry:val, stackTop:val, argument:val)
        private static long DecodeThreadCreate(SyscallFrame* f)
        {
            long destinationError = Invocation.Destination(f->Arg0, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return ThreadSyscalls.Create(f, destination);
        }

        // thread_resume(thread:cap(Thread:Manage))
        private static long DecodeThreadResume(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot thread = Invocation.Decode(objects, f->Arg0, CapType.Thread, CapRights.Manage);
            if (thread == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Thread, CapRights.Manage);
            return ThreadSyscalls.Resume(f, thread);
        }

        // thread_kill(thread:cap(Thread:Manage))
        private static long DecodeThreadKill(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot thread = Invocation.Decode(objects, f->Arg0, CapType.Thread, CapRights.Manage);
            if (thread == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Thread, CapRights.Manage);
            return ThreadSyscalls.Kill(f, thread);
        }

        // thread_inspect(thread:cap(Thread:Read))
        private static long DecodeThreadInspect(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot thread = Invocation.Decode(objects, f->Arg0, CapType.Thread, CapRights.Read);
            if (thread == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Thread, CapRights.Read);
            return ThreadSyscalls.Inspect(f, thread);
        }

        // io_port_enable(ports:cap(IoPortRange:Read+Write))
        private static long DecodeIoPortEnable(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot ports = Invocation.Decode(objects, f->Arg0, CapType.IoPortRange, CapRights.Read | CapRights.Write);
            if (ports == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.IoPortRange, CapRights.Read | CapRights.Write);
            return HardwareSyscalls.PortEnable(f, ports);
        }

        // process_set_death_notification(process:cap(Process:Manage), notification:cap(Notification:Write), bits:val)
        private static long DecodeProcessSetDeathNotification(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot process = Invocation.Decode(objects, f->Arg0, CapType.Process, CapRights.Manage);
            if (process == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Process, CapRights.Manage);
            CapSlot notification = Invocation.Decode(objects, f->Arg1, CapType.Notification, CapRights.Write);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg1, CapType.Notification, CapRights.Write);
            return ProcessCapSyscalls.SetDeathNotification(f, process, notification);
        }

        // notification_signal_after(notification:cap(Notification:Write), milliseconds:val, bits:val)
        private static long DecodeNotificationSignalAfter(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot notification = Invocation.Decode(objects, f->Arg0, CapType.Notification, CapRights.Write);
            if (notification == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Notification, CapRights.Write);
            return NotificationSyscalls.SignalAfter(f, notification);
        }

        // trace_control(trace:cap(Trace:Write), mode:val, pids:val, endpoint:val)
        private static long DecodeTraceControl(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot trace = Invocation.Decode(objects, f->Arg0, CapType.Trace, CapRights.Write);
            if (trace == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Trace, CapRights.Write);
            return TraceSyscalls.Control(f, trace);
        }

        // trace_read(trace:cap(Trace:Read), buffer:val, length:val, cursor:val)
        private static long DecodeTraceRead(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot trace = Invocation.Decode(objects, f->Arg0, CapType.Trace, CapRights.Read);
            if (trace == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Trace, CapRights.Read);
            return TraceSyscalls.Read(f, trace);
        }

        // process_create_frame(frame:cap(Frame:Read), destination:dst, text:val, packed:val, imageLength:val)
        private static long DecodeProcessCreateFrame(SyscallFrame* f)
        {
            ProcessObjects objects = Tasks.Scheduler.Current.Process.Objects;
            CapSlot frame = Invocation.Decode(objects, f->Arg0, CapType.Frame, CapRights.Read);
            if (frame == null)
                return Invocation.DecodeError(objects, f->Arg0, CapType.Frame, CapRights.Read);
            long destinationError = Invocation.Destination(f->Arg1, out CapSlot destination);
            if (destinationError != 0)
                return destinationError;
            return ProcessImageSyscalls.CreateFromFrame(f, frame, destination);
        }
    }
}
