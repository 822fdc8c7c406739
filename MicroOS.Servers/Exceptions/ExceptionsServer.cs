using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Exceptions
{
    internal sealed class MyError : Exception
    {
        public MyError(string message) : base(message) { }
        public override string TypeName => "MicroOS.Servers.Exceptions.MyError";
    }

    internal static class ExceptionsServer
    {
        private static int s_finally;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            int n = (int)(Sys.ReadTimestamp() & 1) + 1;
            Sys.Write(string.Concat("exc: ", Probe(n).ToString()));
            return 0;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Thrower(int n)
        {
            if (n > 0)
                throw new MyError("x");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Probe(int n)
        {
            int result = 0;
            try
            {
                Thrower(n);
            }
            catch (MyError e) when (e.Message.Length == n)
            {
                result = 1;
            }
            catch (Exception)
            {
                result = 2;
                throw;
            }
            finally
            {
                s_finally++;
            }
            return result;
        }
    }
}
