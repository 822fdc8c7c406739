using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // notification_signal_after (syscall 53) as a server meets it (MicroOS.Tests/Boot/TimerTests.cs).
    //   timer probe   wait, bound receive, replace, cancel, errors; then, with timer-owner: a timer
    //                 another process set, one whose setter was killed, one on a dead notification
    //   timer owner   owns notification `tmrgone` and endpoint `tmr`; arms timers on the caps it is sent
    // Elapsed times are checked as "at least" (the ABI's promise), in timer ticks, never as an upper bound.
    internal static class TimerProbe
    {
        private const uint ArmLabel = 0x71;     // (cap, ms in W0, bits in W1) -> reply W0 = the arm's result
        private const int Receive = 20;

        public static int Run(string[] args) =>
            args.Length > 1 && args[1] == "owner" ? Owner() : Probe();

        private static unsafe int Probe()
        {
            var gone = new Notification(1);     // ntfn:tmrgone:w, owned by timer-owner
            var owner = new Endpoint(2);        // ep:tmr:w
            var ownerProcess = new ProcessCap(3);
            Caps.CreateNotification(10);
            var n = new Notification(10);

            ulong hz = Hertz();
            ulong start = Ticks();
            long armed = n.SignalAfter(50, 0x5);
            long waited = n.Wait(out ulong bits);
            ulong elapsed = Ticks() - start;
            Sys.Write(string.Concat("timer: arm 50 ms -> ", armed.ToString(), ", wait -> ", waited.ToString(), " bits ", bits.ToString(),
                ", at least 50 ms later: ", (elapsed * 1000 >= 50 * hz).ToString()));

            // Bound to this thread: the timer ends a Recv on an endpoint nobody sends to.
            Caps.CreateEndpoint(11);
            long bound = n.BindToThisThread();
            n.SignalAfter(30, 0x8);
            long received = new Endpoint(11).Receive(out Message m);
            Sys.Write(string.Concat("timer: bound -> ", bound.ToString(), ", receive -> ", received.ToString(), " bits ", m.Badge.ToString()));

            // A second call replaces the first: its bits, its deadline (the first, sooner, never fires).
            n.SignalAfter(20, 0x1);
            n.SignalAfter(60, 0x2);
            n.Wait(out bits);
            Sys.Sleep(60);
            long after = n.Poll(out _);
            Sys.Write(string.Concat("timer: replaced -> bits ", bits.ToString(), ", nothing later: ", after.ToString()));

            long cancelled = n.SignalAfter(20, 0x4);
            cancelled |= n.CancelTimer();
            Sys.Sleep(60);
            long polled = n.Poll(out bits);
            Sys.Write(string.Concat("timer: cancel -> ", cancelled.ToString(), ", poll 60 ms later -> ", polled.ToString()));

            Caps.Mint(10, 12, CapRights.Read);
            Sys.Write(string.Concat("timer: errors: empty slot ", new Notification(30).SignalAfter(10, 1).ToString(),
                ", endpoint ", new Notification(11).SignalAfter(10, 1).ToString(),
                ", read-only ", new Notification(12).SignalAfter(10, 1).ToString(),
                ", 0 bits ", n.SignalAfter(10, 0).ToString(),
                ", over a day ", n.SignalAfter(24UL * 3600 * 1000 + 1, 1).ToString(),
                ", slot ~0 ", Ipc.Syscall4(Syscall.NotificationSignalAfter, ulong.MaxValue, 10, 1, 0, out _).ToString()));

            // Another process arms a timer on my notification (sent to it with the call).
            long call = Arm(owner, 10, 20, 0x10, out long ownerArmed);
            waited = n.Wait(out bits);
            Sys.Write(string.Concat("timer: set by timer-owner -> call ", call.ToString(), ", its arm ", ownerArmed.ToString(),
                ", wait -> ", waited.ToString(), " bits ", bits.ToString()));

            // ... and is killed before it fires: the timer goes with its setter.
            call = Arm(owner, 10, 40, 0x20, out ownerArmed);
            long killed = ownerProcess.Kill();
            Sys.Sleep(100);
            polled = n.Poll(out bits);
            Sys.Write(string.Concat("timer: setter killed -> call ", call.ToString(), ", its arm ", ownerArmed.ToString(), ", kill ", killed.ToString(),
                ", poll 100 ms later -> ", polled.ToString()));

            // Its notification died with it.
            Sys.Write(string.Concat("timer: dead notification -> ", gone.SignalAfter(10, 1).ToString()));

            // A timer armed on my own notification just before I delete every cap to it: still mine
            // (objects live as long as their owner), so it still fires on a copy.
            Caps.Copy(10, 13);
            n.SignalAfter(20, 0x40);
            Caps.Delete(10);
            new Notification(13).Wait(out bits);
            Sys.Write(string.Concat("timer: after the cap's delete -> bits ", bits.ToString()));
            return 0;
        }

        private static long Arm(Endpoint owner, int slot, ulong ms, ulong bits, out long armed)
        {
            var m = new Message(ArmLabel, ms, bits) { Tag = MessageTag.WithCap(ArmLabel, slot) };
            long r = owner.Call(ref m);
            armed = (long)m.W0;
            return r;
        }

        private static unsafe int Owner()
        {
            // Slot 1: ntfn:tmrgone (mine: it dies with me); slot 2: ep:tmr.
            var endpoint = new Endpoint(2);
            byte* buffer = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(buffer, Receive);
            long r = endpoint.Receive(out Message m);
            while (true)
            {
                if (r < 0)
                    return 1;
                long armed = (long)SyscallError.InvalidCapability;
                if (r == 0 && m.Label == ArmLabel && m.Tag.CapCount == 1)
                {
                    armed = new Notification(Receive).SignalAfter(m.W0, m.W1);
                    Caps.Delete(Receive);      // the timer stays: it belongs to the notification, not to this cap
                }
                m = new Message(ArmLabel, (ulong)armed);
                r = endpoint.ReplyReceive(ref m);
            }
        }

        private static ulong Ticks() => Sys.SystemInfo(out _, out _, out _);

        private static ulong Hertz()
        {
            Sys.SystemInfo(out _, out ulong hz, out _);
            return hz;
        }
    }
}
