using MicroOS.Shared.Abi;
using MicroOS.Shared.Testing;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // notification_signal_after (syscall 53) as a server meets it (MicroOS.Tests/Boot/TimerTests.cs).
    //   timer probe   wait, bound receive, replace, cancel, errors; then, with timer-owner: a timer
    //                 another process set, one whose setter was killed, one on a dead notification
    //   timer owner   owns notification `tmrgone` and endpoint `tmr`; arms timers on the caps it is sent
    // Elapsed times are checked as "at least" (the ABI's promise), in timer ticks, never as an upper bound.
    // The probe reports in TestReport lines (`ok N name key=value ...`): it knows what each call must
    // return (SyscallError: -2 InvalidArgument, -5 InvalidCapability, -6 WrongType, -7 MissingRight,
    // -9 ObjectGone, -10 WouldBlock).
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
            var report = new TestReport(9);

            ulong hz = Hertz();
            ulong start = Ticks();
            long armed = n.SignalAfter(50, 0x5);
            long waited = n.Wait(out ulong bits);
            ulong elapsed = Ticks() - start;
            bool lateEnough = elapsed * 1000 >= 50 * hz;
            // A waiting thread wakes, with the bits, no sooner than asked.
            report.Check("wait", armed == 0 && waited == 0 && bits == 5 && lateEnough, string.Concat(
                TestReport.Value("arm", armed), " ", TestReport.Value("wait", waited), " ", TestReport.Value("bits", (long)bits),
                " ", TestReport.Value("at-least-50ms", lateEnough)));

            // Bound to this thread: the timer ends a Recv on an endpoint nobody sends to.
            Caps.CreateEndpoint(11);
            long bound = n.BindToThisThread();
            n.SignalAfter(30, 0x8);
            long received = new Endpoint(11).Receive(out Message m);
            // A thread whose Recv the notification is bound to wakes from the Recv (1 = a signal).
            report.Check("bound", bound == 0 && received == 1 && m.Badge == 8, string.Concat(
                TestReport.Value("bind", bound), " ", TestReport.Value("receive", received), " ", TestReport.Value("bits", (long)m.Badge)));

            // A second call replaces the first: its bits, its deadline (the first, sooner, never fires).
            n.SignalAfter(20, 0x1);
            n.SignalAfter(60, 0x2);
            n.Wait(out bits);
            Sys.Sleep(60);
            long after = n.Poll(out _);
            // The first call's sooner deadline would have delivered 1.
            report.Check("replaced", bits == 2 && after == (long)SyscallError.WouldBlock, string.Concat(
                TestReport.Value("bits", (long)bits), " ", TestReport.Value("later", after)));

            long cancelled = n.SignalAfter(20, 0x4);
            cancelled |= n.CancelTimer();
            Sys.Sleep(60);
            long polled = n.Poll(out bits);
            report.Check("cancel", cancelled == 0 && polled == (long)SyscallError.WouldBlock, string.Concat(
                TestReport.Value("cancel", cancelled), " ", TestReport.Value("poll-60ms-later", polled)));

            Caps.Mint(10, 12, CapRights.Read);
            long empty = new Notification(30).SignalAfter(10, 1);
            long endpoint = new Notification(11).SignalAfter(10, 1);
            long readOnly = new Notification(12).SignalAfter(10, 1);
            long noBits = n.SignalAfter(10, 0);
            long overADay = n.SignalAfter(24UL * 3600 * 1000 + 1, 1);
            long slotMax = Ipc.Syscall4(Syscall.NotificationSignalAfter, ulong.MaxValue, 10, 1, 0, out _);
            report.Check("errors",
                empty == (long)SyscallError.InvalidCapability && endpoint == (long)SyscallError.WrongType
                && readOnly == (long)SyscallError.MissingRight && noBits == (long)SyscallError.InvalidArgument
                && overADay == (long)SyscallError.InvalidArgument && slotMax == (long)SyscallError.InvalidCapability,
                string.Concat(TestReport.Value("empty-slot", empty), " ", TestReport.Value("endpoint", endpoint), " ",
                    TestReport.Value("read-only", readOnly), " ", TestReport.Value("zero-bits", noBits), " ",
                    TestReport.Value("over-a-day", overADay), " ", TestReport.Value("slot-max", slotMax)));

            // Another process arms a timer on my notification (sent to it with the call).
            long call = Arm(owner, 10, 20, 0x10, out long ownerArmed);
            waited = n.Wait(out bits);
            report.Check("set-by-another", call == 0 && ownerArmed == 0 && waited == 0 && bits == 16, string.Concat(
                TestReport.Value("call", call), " ", TestReport.Value("its-arm", ownerArmed), " ", TestReport.Value("wait", waited),
                " ", TestReport.Value("bits", (long)bits)));

            // ... and is killed before it fires: the timer goes with its setter.
            call = Arm(owner, 10, 40, 0x20, out ownerArmed);
            long killed = ownerProcess.Kill();
            Sys.Sleep(100);
            polled = n.Poll(out bits);
            report.Check("setter-killed", call == 0 && ownerArmed == 0 && killed == 0 && polled == (long)SyscallError.WouldBlock, string.Concat(
                TestReport.Value("call", call), " ", TestReport.Value("its-arm", ownerArmed), " ", TestReport.Value("kill", killed),
                " ", TestReport.Value("poll-100ms-later", polled)));

            // Its notification died with it.
            long dead = gone.SignalAfter(10, 1);
            report.Check("dead-notification", dead == (long)SyscallError.ObjectGone, TestReport.Value("arm", dead));

            // A timer armed on my own notification just before I delete every cap to it: still mine
            // (objects live as long as their owner), so it still fires on a copy.
            Caps.Copy(10, 13);
            n.SignalAfter(20, 0x40);
            Caps.Delete(10);
            new Notification(13).Wait(out bits);
            report.Check("after-delete", bits == 64, TestReport.Value("bits", (long)bits));
            return report.ExitCode;
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
