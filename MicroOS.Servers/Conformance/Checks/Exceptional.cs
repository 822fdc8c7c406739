using System;
using System.Collections.Generic;
using System.Linq;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // Checks that need caught exceptions: the exception types the BCL throws for bad input, overflow,
    // missing keys, bad indices... They run with the `exceptions` argument (see Suite.Run), which the
    // boot manifest passes since servers catch exceptions.
    internal static class Exceptional
    {
        public static void Run()
        {
            string[] bad = { "", " ", "abc", "12a", "0x10", "1e3", "2147483648", "-2147483649", "99999999999999999999", "--1", "+", "1 2" };
            for (int i = 0; i < bad.Length; i++)
            {
                C($"exc.int.parse#{i}", Catch(() => int.Parse(O(bad[i])).ToString()));
                C($"exc.long.parse#{i}", Catch(() => long.Parse(O(bad[i])).ToString()));
                C($"exc.byte.parse#{i}", Catch(() => byte.Parse(O(bad[i])).ToString()));
                C($"exc.uint.parse#{i}", Catch(() => uint.Parse(O(bad[i])).ToString()));
                C($"exc.double.parse#{i}", Catch(() => double.Parse(O(bad[i])).ToString()));
            }
            C("exc.bool.parse", Catch(() => bool.Parse(O("yes")).ToString()));
            C("exc.math.abs", Catch(() => Math.Abs(O(int.MinValue)).ToString()) + " " + Catch(() => Math.Abs(O(long.MinValue)).ToString()));
            C("exc.checked", Catch(() => checked(O(int.MaxValue) + 1).ToString()) + " " + Catch(() => checked((byte)O(300)).ToString()));
            C("exc.divide", Catch(() => (O(1) / O(0)).ToString()));
            C("exc.dict", Catch(() => new Dictionary<string, int>()[O("missing")].ToString()) + " " + Catch(() => { var d = new Dictionary<int, int> { [1] = 1 }; d.Add(O(1), 2); return "added"; }));
            C("exc.index", Catch(() => O(new int[2])[O(2)].ToString()) + " " + Catch(() => new List<int>()[O(0)].ToString()) + " " + Catch(() => O("ab")[5].ToString()));
            C("exc.null", Catch(() => O<string>(null).Length.ToString()));
            C("exc.cast", Catch(() => ((string)O<object>(5)).Length.ToString()));
            C("exc.linq", Catch(() => Array.Empty<int>().First().ToString()) + " " + Catch(() => new[] { 1, 2 }.Single().ToString()) + " " + Catch(() => Array.Empty<int>().Max().ToString()));
            C("exc.stack", Catch(() => new Stack<int>().Pop().ToString()) + " " + Catch(() => new Queue<int>().Dequeue().ToString()));
            C("exc.substring", Catch(() => O("abc").Substring(4)) + " " + Catch(() => O("abc").Substring(1, 5)));
            C("exc.format", Catch(() => string.Format(O("{1}"), 1)) + " " + Catch(() => string.Format(O("{0"), 1)) + " " + Catch(() => O(5).ToString("Q")));
            C("exc.nullable", Catch(() => O<int?>(null).Value.ToString()));
            C("exc.enum.parse", Catch(() => Enum.Parse<Color>(O("Purple")).ToString()));
            C("exc.finally", Finally());
            C("exc.message", Catch(() => throw new InvalidOperationException(O("custom"))));
        }

        private static string Finally()
        {
            string log = "";
            try
            {
                try { log += "t"; throw new ArgumentException("x"); }
                finally { log += "f"; }
            }
            catch (ArgumentException) { log += "c"; }
            return log;
        }

        private static string Catch(Func<string> f)
        {
            try
            {
                return "ok " + f();
            }
            catch (FormatException) { return "FormatException"; }
            catch (OverflowException) { return "OverflowException"; }
            catch (DivideByZeroException) { return "DivideByZeroException"; }
            catch (KeyNotFoundException) { return "KeyNotFoundException"; }
            catch (IndexOutOfRangeException) { return "IndexOutOfRangeException"; }
            catch (ArgumentOutOfRangeException) { return "ArgumentOutOfRangeException"; }
            catch (ArgumentNullException) { return "ArgumentNullException"; }
            catch (ArgumentException) { return "ArgumentException"; }
            catch (NullReferenceException) { return "NullReferenceException"; }
            catch (InvalidCastException) { return "InvalidCastException"; }
            catch (InvalidOperationException e) { return "InvalidOperationException " + e.Message; }
            catch (Exception) { return "Exception"; }
        }
    }
}
