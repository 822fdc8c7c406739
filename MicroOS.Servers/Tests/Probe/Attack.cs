using System.Runtime;
using System.Runtime.CompilerServices;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Runs one case of the attack catalogue (AttackCatalogue.cs): the case is picked by this
    // process's pid. It first says which case it is, then attempts it. An attempt that faults ends
    // here (the kernel kills the process); one that goes through ends in Attack.asm's attack_done,
    // which writes `attack: <case> completed` and exits with code 0.
    internal static unsafe class Attack
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("attack_segment")]
        private static extern void Segment(ulong op, ulong selector, byte* text, ulong length);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("attack_int")]
        private static extern void Int(ulong vector, byte* text, ulong length);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("attack_misc")]
        private static extern void Misc(ulong op, byte* text, ulong length);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("attack_flags_ac")]
        private static extern void FlagsAc(byte* text, ulong length, long* results);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("attack_flags_nt")]
        private static extern void FlagsNt(long* results);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("attack_flags_df")]
        private static extern void FlagsDf(byte* text, ulong length, long* results);

        private const long FlagAc = 1 << 18, FlagNt = 1 << 14, FlagDf = 1 << 10;

        public static int Run(string group)
        {
            string[] cases = AttackCatalogue.Cases(group);
            int pid = Sys.ProcessId;
            int index = pid - AttackCatalogue.FirstPid;
            if (cases == null || index < 0 || index >= cases.Length)
            {
                Sys.Write(string.Concat("attack: no case for pid ", pid.ToString(), " in group '", group, "'"));
                return 2;
            }
            string name = cases[index];
            Sys.Write(string.Concat("attack: ", name, " (pid ", pid.ToString(), ")"));

            // The completion line, as ASCII in this frame (Attack.asm never returns here when the
            // attempt goes through, so the frame outlives the attempt).
            string completed = string.Concat("attack: ", name, " completed");
            byte* text = stackalloc byte[128];
            ulong length = Ascii(completed, text, 128);

            int space = name.IndexOf(' ');
            string op = space < 0 ? name : name.Substring(0, space);
            if (op == "int")
            {
                Int((ulong)AttackCatalogue.ParseHex(name.Substring(space + 1)), text, length);
            }
            else if (space > 0)
            {
                int segmentOp = AttackCatalogue.IndexOf(AttackCatalogue.SegmentOps, op);
                if (segmentOp >= 0)
                    Segment((ulong)segmentOp, (ulong)AttackCatalogue.ParseHex(name.Substring(space + 1)), text, length);
            }
            else if (AttackCatalogue.IndexOf(AttackCatalogue.MiscOps, op) >= 0)
            {
                Misc((ulong)AttackCatalogue.IndexOf(AttackCatalogue.MiscOps, op), text, length);
            }
            else
            {
                return Flags(name);
            }
            Sys.Write(string.Concat("attack: ", name, " returned (a routine must fault or exit)"));
            return 4;
        }

        // The flag games: one RFLAGS bit set across syscalls; the syscalls must behave as usual and
        // the bit must come back to the process as it was.
        private static int Flags(string name)
        {
            long* results = stackalloc long[4];
            byte* text = stackalloc byte[128];
            switch (name)
            {
                case "ac-syscall":
                    FlagsAc(text, Ascii("attack: ac-syscall write with AC set", text, 128), results);
                    Sys.Write(string.Concat("attack: ac-syscall completed: write ", results[0].ToString(),
                        ", kernel pointer ", results[1].ToString(), ", AC ", Kept(results[2], FlagAc)));
                    return 0;
                case "nt-syscall":
                    FlagsNt(results);
                    Sys.Write(string.Concat("attack: nt-syscall completed: yield ", results[0].ToString(),
                        ", sleep ", results[1].ToString(), ", NT ", Kept(results[2], FlagNt)));
                    return 0;
                case "df-syscall":
                    FlagsDf(text, Ascii("attack: df-syscall text 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", text, 128), results);
                    Sys.Write(string.Concat("attack: df-syscall completed: write ", results[0].ToString(),
                        ", DF ", Kept(results[1], FlagDf)));
                    return 0;
                default:
                    Sys.Write(string.Concat("attack: unknown case '", name, "'"));
                    return 2;
            }
        }

        private static string Kept(long flags, long bit) => (flags & bit) != 0 ? "still set" : "cleared";

        private static ulong Ascii(string s, byte* buffer, int capacity)
        {
            int n = s.Length < capacity ? s.Length : capacity;
            for (int i = 0; i < n; i++)
                buffer[i] = (byte)s[i];
            return (ulong)n;
        }
    }
}
