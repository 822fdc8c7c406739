using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // A capability as `caps` prints it, in the boot manifest's own words: "ioports:3f8+8 rw--".
    public static class CapText
    {
        public static string TypeName(CapType t)
        {
            switch (t)
            {
                case CapType.Endpoint: return "endpoint";
                case CapType.Notification: return "notification";
                case CapType.Frame: return "frame";
                case CapType.IoPortRange: return "ioports";
                case CapType.IrqLine: return "irq";
                case CapType.Process: return "process";
                case CapType.BootImage: return "bootimage";
                case CapType.Thread: return "thread";
                case CapType.Trace: return "trace";
            }
            return "?";
        }

        // Which hardware, as the boot manifest writes it: ":3f8+8" (ports), ":4" (IRQ), ":b8000+1" (device frame).
        public static string Device(CapType type, ulong device)
        {
            switch (type)
            {
                case CapType.IoPortRange:
                    return string.Concat(":", (device & 0xFFFF).ToString("x"), "+", (device >> 16).ToString());
                case CapType.IrqLine:
                    return string.Concat(":", device.ToString());
                case CapType.Frame:
                    return device == 0 ? "" : string.Concat(":", (device >> 12).ToString("x"), "000+", (device & 0xFFF).ToString());
            }
            return "";
        }

        public static string Rights(CapRights r) => string.Concat(
            (r & CapRights.Read) != 0 ? "r" : "-", (r & CapRights.Write) != 0 ? "w" : "-",
            (r & CapRights.Grant) != 0 ? "g" : "-", (r & CapRights.Manage) != 0 ? "m" : "-");
    }
}
