using System;
using System.Collections.Generic;

namespace MicroOS.Kernel.Tasks
{
    // Process names and arguments that process_create made into strings, kept and reused: the
    // supervisor restarts the same servers again and again, and the kernel heap is never collected.
    internal static class Interned
    {
        private const int Max = 128;
        private static readonly List<string> s_strings = new List<string>(Max);

        public static string Of(ReadOnlySpan<byte> ascii)
        {
            foreach (string s in s_strings)
                if (Equal(s, ascii))
                    return s;
            char[] chars = new char[ascii.Length];
            for (int i = 0; i < ascii.Length; i++)
                chars[i] = ascii[i] < 0x80 ? (char)ascii[i] : '?';
            string made = new string(chars);
            if (s_strings.Count < Max)
                s_strings.Add(made);
            return made;
        }

        private static bool Equal(string s, ReadOnlySpan<byte> ascii)
        {
            if (s.Length != ascii.Length)
                return false;
            for (int i = 0; i < s.Length; i++)
                if (s[i] != (char)ascii[i])
                    return false;
            return true;
        }
    }
}
