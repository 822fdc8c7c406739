using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Shell
{
    // `uname`: the system in one line, from the kernel_info syscall (57); `uname ITEM` shows one raw
    // answer of it, an error by its name. Lab 1's command (docs/labs/01-syscall.md): the student
    // declares kernel_info in syscalls.spec, regenerates, writes the handler and this call.
    internal static class UnameCommand
    {
        public const string Usage = "usage: uname [ITEM]\n";

        public static string Run(string[] words)
        {
            if (words.Length > 2)
                return Usage;
            ulong item = 0;
            if (words.Length == 2 && !TryParse(words[1], out item))
                return Usage;
            // LAB 1 BEGIN: call kernel_info through its generated stub (SysCalls.KernelInfo)
            if (words.Length == 2)
            {
                long r = SysCalls.KernelInfo(item);
                return r < 0 ? string.Concat("kernel_info(", words[1], "): ", SyscallErrors.Name(r), "\n")
                             : string.Concat("kernel_info(", words[1], ") = ", r.ToString(), "\n");
            }
            long syscalls = SysCalls.KernelInfo(0), processes = SysCalls.KernelInfo(1);
            if (syscalls < 0 || processes < 0)
                return string.Concat("uname: kernel_info: ", SyscallErrors.Name(syscalls < 0 ? syscalls : processes), "\n");
            return string.Concat("MicroOS x86-64: ", syscalls.ToString(), " syscalls, ", processes.ToString(), " processes\n");
            // LAB 1 STARTER
            // return "uname: not written yet (lab 1: UnameCommand.cs)\n";
            // LAB 1 END
        }

        // A decimal number that fits a ulong (any: the kernel must refuse what it does not know).
        private static bool TryParse(string text, out ulong value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 20)
                return false;
            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                    return false;
                ulong next = value * 10 + (ulong)(c - '0');
                if (next / 10 != value)
                    return false;
                value = next;
            }
            return true;
        }
    }
}
