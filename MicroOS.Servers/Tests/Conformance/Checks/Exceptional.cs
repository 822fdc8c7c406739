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
            C("exc.array2d.covariance", Catch(() => { object[,] a = O(new string[1, 2]); a[0, 1] = O("ok"); a[0, 0] = O((object)1); return "stored"; }) + " " + Catch(() => { object[,] a = O(new string[1, 1]); a[0, 0] = null; return "null stored"; }));
            C("exc.int128", Catch(() => (O(Int128.MinValue) / -1).ToString()) + " " + Catch(() => (O((Int128)5) / 0).ToString()) + " " + Catch(() => (O((UInt128)5) % 0u).ToString()) + " " + Catch(() => Int128.Abs(O(Int128.MinValue)).ToString())
                + " " + Catch(() => Int128.Parse(O("170141183460469231731687303715884105728")).ToString()) + " " + Catch(() => UInt128.Parse(O("-1")).ToString()) + " " + Catch(() => Int128.Parse(O("1.5")).ToString()) + " " + Catch(() => Int128.Parse(O((string)null)).ToString()));
            C("exc.array2d", Catch(() => O(new int[2, 3])[O(2), 0].ToString()) + " " + Catch(() => O(new int[2, 3])[0, O(-1)].ToString()) + " " + Catch(() => O(new int[2, 3]).GetLength(O(2)).ToString())
                + " " + Catch(() => O(new int[2, 3]).GetUpperBound(O(-1)).ToString()) + " " + Catch(() => new int[O(-1), 2].Length.ToString()) + " " + Catch(() => { var e = ((System.Collections.IEnumerable)O(new int[1, 1])).GetEnumerator(); return e.Current.ToString(); })
                + " " + Catch(() => { var e = ((System.Collections.IEnumerable)O(new int[1, 1])).GetEnumerator(); e.MoveNext(); e.MoveNext(); return e.Current.ToString(); }));
            C("exc.cast", Catch(() => ((string)O<object>(5)).Length.ToString()));
            C("exc.linq", Catch(() => Array.Empty<int>().First().ToString()) + " " + Catch(() => new[] { 1, 2 }.Single().ToString()) + " " + Catch(() => Array.Empty<int>().Max().ToString()));
            C("exc.stack", Catch(() => new Stack<int>().Pop().ToString()) + " " + Catch(() => new Queue<int>().Dequeue().ToString()));
            C("exc.substring", Catch(() => O("abc").Substring(4)) + " " + Catch(() => O("abc").Substring(1, 5)));
            C("exc.format", Catch(() => string.Format(O("{1}"), 1)) + " " + Catch(() => string.Format(O("{0"), 1)) + " " + Catch(() => O(5).ToString("Q")));
            C("exc.nullable", Catch(() => O<int?>(null).Value.ToString()));
            C("exc.enum.parse", Catch(() => Enum.Parse<Color>(O("Purple")).ToString()));
            C("exc.finally", Finally());
            C("exc.message", Catch(() => throw new InvalidOperationException(O("custom"))));
            Encodings.Errors(Catch);
            // #DE with a non-zero divisor is OverflowException, with a zero one DivideByZeroException,
            // whatever register or memory operand holds the divisor.
            int[] divisors = O(new[] { -1, 0, 2 });
            long[] longDivisors = O(new[] { -1L, 0L });
            C("exc.divide.overflow", Catch(() => (O(int.MinValue) / O(-1)).ToString()) + " " + Catch(() => (O(long.MinValue) / O(-1L)).ToString()) + " " + Catch(() => (O(int.MinValue) % O(-1)).ToString()) + " " + Catch(() => (O(long.MinValue) % O(-1L)).ToString()));
            C("exc.divide.memory", Catch(() => (O(int.MinValue) / divisors[0]).ToString()) + " " + Catch(() => (O(int.MinValue) / divisors[1]).ToString()) + " " + Catch(() => (O(int.MinValue) / divisors[2]).ToString()) + " " + Catch(() => (O(long.MinValue) / longDivisors[0]).ToString()) + " " + Catch(() => (O(long.MinValue) % longDivisors[1]).ToString()) + " " + Catch(() => (s_divisor.Value / s_divisor.By).ToString()));
            C("exc.divide.zero", Catch(() => (O(int.MinValue) / O(0)).ToString()) + " " + Catch(() => (O(5u) / O(0u)).ToString()) + " " + Catch(() => (O(5UL) % O(0UL)).ToString()) + " " + Catch(() => (O((short)-32768) / O((short)-1)).ToString()) + " " + Catch(() => (O(sbyte.MinValue) / O((sbyte)-1)).ToString()) + " " + Catch(() => Math.DivRem(O(int.MinValue), O(-1)).ToString()) + " " + Catch(() => (O(-7) / O(-1)).ToString()));
            C("exc.divide.checked", Catch(() => checked(O(int.MinValue) / O(-1)).ToString()) + " " + Catch(() => unchecked(O(long.MinValue) / O(-1L)).ToString()));
            int[] five = O(new[] { 1, 2, 3, 4, 5 });
            C("exc.array.copy", Catch(() => { Array.Copy(five, 0, new int[3], 0, 5); return "copied"; }) + " " + Catch(() => { Array.Copy(five, 3, new int[5], 0, 4); return "copied"; }) + " " + Catch(() => { Array.Copy(five, -1, new int[5], 0, 1); return "copied"; }) + " " + Catch(() => { Array.Copy(five, 0, new int[5], 0, -1); return "copied"; }) + " " + Catch(() => { Array.Copy(five, O<int[]>(null), 1); return "copied"; }) + " " + Catch(() => { Array.Copy(five, 2, five, 0, 3); return string.Join(",", five); }));
            C("exc.span.copyto", Catch(() => { five.AsSpan().CopyTo(new int[4]); return "copied"; }) + " " + Catch(() => { ((ReadOnlySpan<int>)five).CopyTo(new int[2]); return "copied"; }) + " " + five.AsSpan().TryCopyTo(new int[4]));
            string first = Catch(() => BadInit.Value.ToString());
            string second = Catch(() => BadInit.Value.ToString());
            Exception e1 = null, e2 = null;
            try { _ = BadInit.Value; } catch (Exception e) { e1 = e; }
            try { _ = BadInit.Value; } catch (Exception e) { e2 = e; }
            C("exc.cctor", first + " | " + second + " | " + ReferenceEquals(e1, e2) + " " + (e1 is TypeInitializationException) + " " + (e1?.InnerException is InvalidOperationException) + " " + Catch(() => GoodInit.Value.ToString()));
            C("exc.throwif", Catch(() => { ArgumentNullException.ThrowIfNull(O<object>(null)); return "ok"; }) + " " + Catch(() => { ArgumentNullException.ThrowIfNull(O<object>("x")); return "passed"; }) + " " + Catch(() => { ArgumentException.ThrowIfNullOrEmpty(O("")); return "passed"; }) + " " + Catch(() => { ArgumentException.ThrowIfNullOrEmpty(O<string>(null)); return "passed"; }) + " " + Catch(() => { ArgumentException.ThrowIfNullOrWhiteSpace(O(" \t")); return "passed"; }) + " " + Catch(() => { ArgumentException.ThrowIfNullOrWhiteSpace(O(" a")); return "passed"; }));
            C("exc.throwif.range", Catch(() => { ArgumentOutOfRangeException.ThrowIfNegative(O(-1)); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfNegative(O(0L)); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfZero(O(0)); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(O(0.0)); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfGreaterThan(O(5), 4); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(O(4), 4); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfLessThan(O(3), 4); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(O(5), 4); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfEqual(O(4), 4); return "passed"; }) + " " + Catch(() => { ArgumentOutOfRangeException.ThrowIfNotEqual(O(4), 4); return "passed"; }));
            C("exc.throwif.message", Message(() => ArgumentNullException.ThrowIfNull(O<string>(null))) + " | " + Message(() => ArgumentOutOfRangeException.ThrowIfNegative(O(-3))) + " | " + Message(() => ArgumentException.ThrowIfNullOrEmpty(O(""))));
            C("exc.disposed", Catch(() => { ObjectDisposedException.ThrowIf(O(true), "x"); return "passed"; }) + " " + Catch(() => { ObjectDisposedException.ThrowIf(O(false), "x"); return "passed"; }) + " " + Catch(() => throw new ObjectDisposedException(O("Disk"))) + " " + (new ObjectDisposedException("Disk") is InvalidOperationException));
            C("exc.arithmetic", Catch(() => { try { return (O(1) / O(0)).ToString(); } catch (ArithmeticException a) { return "arithmetic " + (a is DivideByZeroException); } }) + " " + Catch(() => { try { return checked(O(int.MaxValue) + 1).ToString(); } catch (ArithmeticException a) { return "arithmetic " + (a is OverflowException); } }));
        }

        private struct Divisor
        {
            public int Value;
            public int By;
        }

        private static Divisor s_divisor = new Divisor { Value = int.MinValue, By = -1 };

        private static class BadInit
        {
            public static readonly int Value = Fail();
            private static int Fail() => O(true) ? throw new InvalidOperationException("init failed") : 1;
        }

        private static class GoodInit
        {
            public static readonly int Value = O(42);
        }

        // The message, its lines joined (ArgumentOutOfRangeException's has two).
        private static string Message(Action a)
        {
            try { a(); return "no exception"; }
            catch (Exception e) { return e.Message.Replace("\n", " / "); }
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
            catch (TypeInitializationException e) { return "TypeInitializationException(" + e.InnerException?.Message + ")"; }
            catch (ObjectDisposedException e) { return "ObjectDisposedException " + e.ObjectName; }
            catch (System.Text.DecoderFallbackException e) { return "DecoderFallbackException " + e.Index; }
            catch (System.Text.EncoderFallbackException e) { return "EncoderFallbackException " + e.Index; }
            catch (ArgumentException) { return "ArgumentException"; }
            catch (NullReferenceException) { return "NullReferenceException"; }
            catch (InvalidCastException) { return "InvalidCastException"; }
            catch (ArrayTypeMismatchException) { return "ArrayTypeMismatchException"; }
            catch (InvalidOperationException e) { return "InvalidOperationException " + e.Message; }
            catch (Exception) { return "Exception"; }
        }
    }
}
