using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Rtc
{
    // The CMOS real-time clock (MC146818) as a user-mode driver (IClock): everything it touches is a
    // capability its manifest line grants — the port range 0x70..0x71 (index, data) and IRQ line 8 —
    // and the endpoint it serves. It turns on the chip's update-ended interrupt (register B bit 4):
    // once a second, right after the chip has updated its registers, IRQ 8 fires; the driver reads
    // register C (which the chip needs before it raises the next one) and acknowledges the line.
    // Now reads the registers itself (RtcRegisters.Read): the interrupts only prove the line works
    // and are counted. The kernel reads the same chip once at boot (Kernel/Arch/X64/Rtc.cs).
    internal sealed class RtcServer : IClock
    {
        private readonly IoPorts _ports = Caps.IoPorts(RtcRegisters.IndexPort);
        private readonly IrqLineCap _irq = Caps.Irq(8);
        private long _interrupts;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("rtc");
            var rtc = new RtcServer();
            long created = Caps.NewNotification(out Notification interrupts);
            long bound = interrupts.BindToThisThread();
            long routed = rtc._irq.SetNotification(interrupts);
            if (created < 0 || bound < 0 || routed < 0)
            {
                Sys.Write(string.Concat("rtc: setup failed: notification ", created.ToString(), ", bind ", bound.ToString(),
                    ", irq ", routed.ToString()));
                return 1;
            }
            // Not while the kernel measures the TSC against the PIT (clock_read answers WouldBlock
            // until then, ~250 ms after boot): a second interrupt source during those ticks showed
            // up as a wrong rate under -icount (ClockTests).
            for (int wait = 0; wait < 200 && SysCalls.ClockRead() == (long)SyscallError.WouldBlock; wait++)
                Sys.Sleep(10);
            // Update-ended interrupts on; register C read once so a flag left from before (a
            // restarted driver) does not hold the line.
            byte b = RtcRegisters.Register(rtc._ports, RtcRegisters.StatusB);
            RtcRegisters.SetRegister(rtc._ports, RtcRegisters.StatusB, (byte)(b | RtcRegisters.UpdateEndedInterrupt));
            RtcRegisters.Register(rtc._ports, RtcRegisters.StatusC);
            Sys.Write("rtc: CMOS clock ready (ports 0x70-0x71, IRQ 8)");
            return Server.Serve("rtc", new IClock.Dispatcher(rtc), bits =>
            {
                if ((RtcRegisters.Register(rtc._ports, RtcRegisters.StatusC) & RtcRegisters.UpdateEndedInterrupt) != 0)
                    rtc._interrupts++;
                rtc._irq.Acknowledge();
            });
        }

        public long Now(out long date, out long time, out long interrupts)
        {
            interrupts = _interrupts;
            if (!RtcRegisters.Read(_ports, out ClockTime t) || !t.IsValid)
            {
                date = 0;
                time = 0;
                return ClockError.NoTime;
            }
            date = t.Year * 10000L + t.Month * 100 + t.Day;
            time = t.Hour * 10000L + t.Minute * 100 + t.Second;
            return 0;
        }
    }

    // A date and time as read from the chip, 24-hour, the year with its century.
    internal struct ClockTime
    {
        public int Year, Month, Day, Hour, Minute, Second;

        public bool IsValid => Year >= 2000 && Year <= 2099 && Month >= 1 && Month <= 12 && Day >= 1 && Day <= 31
                               && Hour >= 0 && Hour < 24 && Minute >= 0 && Minute < 60 && Second >= 0 && Second < 60;
    }
}
