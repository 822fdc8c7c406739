namespace MicroOS.Kernel.Syscalls
{
    // The start-up check of the syscall table (SyscallTable.Verify), kept free of kernel types so the
    // host tests run it as written: a row's number must equal its position, and names must not repeat.
    internal static class SyscallTableCheck
    {
        // Returns null for a good table, else what is wrong with it.
        public static string FindProblem(ulong[] numbers, string[] names)
        {
            if (numbers.Length != names.Length)
                return "numbers and names differ in count";
            for (int i = 0; i < numbers.Length; i++)
            {
                if (numbers[i] != (ulong)i)
                    return string.Concat("row ", i.ToString(), " (", names[i], ") has number ", numbers[i].ToString());
                if (names[i] == null || names[i].Length == 0)
                    return string.Concat("row ", i.ToString(), " has no name");
                for (int j = 0; j < i; j++)
                    if (string.Equals(names[i], names[j]))
                        return string.Concat("name '", names[i], "' repeats (rows ", j.ToString(), " and ", i.ToString(), ")");
            }
            return null;
        }
    }
}
