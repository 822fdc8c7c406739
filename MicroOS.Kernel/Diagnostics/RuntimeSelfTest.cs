namespace MicroOS.Kernel.Diagnostics
{
    internal static class RuntimeSelfTest
    {
        public static void Run()
        {
            Log.WriteLine("SELFTEST placeholder");
        }
    }
}
