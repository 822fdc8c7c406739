using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Exceptions
{
    internal class MyError : Exception
    {
        public readonly int Code;
        public MyError(string message, int code = 0) : base(message) { Code = code; }
    }

    internal sealed class OtherError : MyError
    {
        public OtherError(string message) : base(message) { }
    }

    // Heap objects held by the frames an exception crosses (GcUnwind).
    internal sealed class Node
    {
        public int Depth;
        public int[] Data;
        public Node Next;
    }

    internal sealed class ChainError : Exception
    {
        public readonly Node Chain;
        public ChainError(Node chain) : base("chain") { Chain = chain; }
    }

    // Test-only server: exceptions in ring 3 (ExceptionTests.cs reads its lines). Its first argument
    // picks what it does:
    //   checks <n>      every check, one line each: `exc <check>: <what was observed>`, then exit 0
    //   unhandled <n>   throws MyError and catches nothing: the runtime's one-line report, exit -1
    //   unhandled-null <n>  dereferences null with no handler: the same, for the fault upcall
    //   unhandled-oom <n>   allocates until the memory limit with no handler: the same
    //   fault-in-handler / bad-stack   break the upcall itself: the kernel must kill the process
    // <n> comes from the boot manifest, so no value the checks print is a compile-time constant.
    internal static unsafe class ExceptionsServer
    {
        private static int s_n;
        private static int s_finallyCount;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            string[] args = ServerRuntime.Arguments.Split(' ');
            s_n = args.Length > 1 && int.TryParse(args[1], out int n) ? n : 1;
            switch (args[0])
            {
                case "checks":
                    RunChecks();
                    Sys.Write("exc: all checks done");
                    return 0;
                case "unhandled":
                    Explode(s_n);
                    return 1;
                case "unhandled-null":
                    Sys.Write(string.Concat("exc: length ", NullString(s_n).Length.ToString()));
                    return 1;
                case "unhandled-oom":
                    Hog(s_n);
                    return 1;
                case "fault-in-handler":
                    return FaultInHandler();
                case "bad-stack":
                    return BadStack();
                default:
                    Sys.Write(string.Concat("exc: unknown mode '", args[0], "'"));
                    return 2;
            }
        }

        private static void Say(string check, string observed) => Sys.Write(string.Concat("exc ", check, ": ", observed));

        private static string Describe(Exception e) => string.Concat(e.TypeName, " \"", e.Message, "\"");

        private static void RunChecks()
        {
            CatchByType();
            CatchByBaseType();
            Filters();
            Finallys();
            Rethrow();
            NestedTryInCatch();
            ThrowFromCatch();
            NestedTryInFinally();
            ThrowFromFinally();
            ThrowFromFilter();
            GcUnwind();
            NullDereference();
            NullInHelpers();
            DivideByZero();
            IndexOutOfRange();
            InvalidCast();
            CheckedOverflow();
            MissingKey();
            ArgumentChecks();
            InvalidOperation();
            OutOfMemory();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Throw(int code) => throw new MyError(string.Concat("x", code.ToString()), code);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Explode(int n) => throw new MyError(string.Concat("boom ", n.ToString()));

        private static List<int[]> s_hog;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Hog(int n)
        {
            s_hog = new List<int[]>();
            while (true)
                s_hog.Add(new int[1024 * n]);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string NullString(int n) => n > 1000 ? "never" : null;

        private static void CatchByType()
        {
            int finallyRan = 0;
            try
            {
                Throw(s_n);
                Say("catch-by-type", "nothing thrown");
            }
            catch (OtherError)
            {
                Say("catch-by-type", "wrong clause");
            }
            catch (MyError e)
            {
                finallyRan = 0;
                Say("catch-by-type", string.Concat("caught MyError \"", e.Message, "\" code=", e.Code.ToString(), " finally=", (finallyRan + FinallyAfter()).ToString()));
            }
        }

        private static int FinallyAfter()
        {
            int ran = 0;
            try
            {
                Throw(s_n);
            }
            catch (MyError)
            {
            }
            finally
            {
                ran = 1;
            }
            return ran;
        }

        private static void CatchByBaseType()
        {
            try
            {
                throw new OtherError(string.Concat("base ", s_n.ToString()));
            }
            catch (Exception e)
            {
                Say("catch-base", string.Concat("caught ", Describe(e), " as Exception"));
            }
        }

        private static int s_filterRuns;

        private static bool CountedFilter(bool result)
        {
            s_filterRuns++;
            return result;
        }

        private static void Filters()
        {
            string which = "none";
            try
            {
                Throw(s_n);
            }
            catch (MyError e) when (CountedFilter(e.Code == s_n + 1))
            {
                which = "first";
            }
            catch (MyError e) when (CountedFilter(e.Code == s_n))
            {
                which = "second";
            }
            Say("filter", string.Concat("false then true: caught by ", which, " clause, filters run ", s_filterRuns.ToString()));
        }

        private static void Finallys()
        {
            int normal = 0, exceptional = 0;
            try
            {
                normal = s_n;
            }
            finally
            {
                normal = normal == s_n ? 1 : -1;
            }
            try
            {
                try
                {
                    Throw(s_n);
                }
                finally
                {
                    exceptional++;
                }
            }
            catch (MyError)
            {
                exceptional *= 10;      // the finally ran before the catch: 10
            }
            Say("finally", string.Concat("normal=", normal.ToString(), " exceptional=", exceptional.ToString()));
        }

        private static void Rethrow()
        {
            MyError first = null;
            try
            {
                try
                {
                    Throw(s_n);
                }
                catch (Exception e)
                {
                    first = e as MyError;
                    throw;
                }
            }
            catch (MyError e)
            {
                Say("rethrow", string.Concat("outer caught ", Describe(e), " same object ", (e == first).ToString()));
            }
        }

        private static void NestedTryInCatch()
        {
            string inner = "none";
            try
            {
                Throw(s_n);
            }
            catch (MyError outer)
            {
                try
                {
                    throw new InvalidOperationException(string.Concat("inner ", s_n.ToString()));
                }
                catch (InvalidOperationException e)
                {
                    inner = e.Message;
                }
                Say("nested-in-catch", string.Concat("inner caught \"", inner, "\" while handling \"", outer.Message, "\""));
            }
        }

        private static void ThrowFromCatch()
        {
            try
            {
                try
                {
                    Throw(s_n);
                }
                catch (MyError)
                {
                    throw new InvalidOperationException("from catch");
                }
                catch (InvalidOperationException)
                {
                    Say("throw-from-catch", "WRONG: a sibling clause caught it");
                }
            }
            catch (InvalidOperationException e)
            {
                Say("throw-from-catch", string.Concat("outer caught ", Describe(e)));
            }
        }

        // While MyError unwinds, its finally throws and catches one of its own: the inner dispatch
        // resumes inside the finally, then the outer one goes on to its catch.
        private static void NestedTryInFinally()
        {
            string inner = "none";
            try
            {
                try
                {
                    Throw(s_n);
                }
                finally
                {
                    try
                    {
                        throw new InvalidOperationException(string.Concat("in finally ", s_n.ToString()));
                    }
                    catch (InvalidOperationException e)
                    {
                        inner = e.Message;
                    }
                }
            }
            catch (MyError e)
            {
                Say("nested-in-finally", string.Concat("finally caught \"", inner, "\", then outer caught ", Describe(e)));
            }
        }

        private static void ThrowFromFinally()
        {
            try
            {
                try
                {
                    Throw(s_n);
                }
                finally
                {
                    s_finallyCount++;
                    throw new OtherError(string.Concat("from finally ", s_finallyCount.ToString()));
                }
            }
            catch (MyError e)
            {
                Say("finally-replaces", string.Concat("caught ", Describe(e)));
            }
        }

        private static bool Faulty(MyError e) => e.Code > 0 ? throw new InvalidOperationException("from filter") : true;

        private static void ThrowFromFilter()
        {
            string result = "none";
            try
            {
                Throw(s_n);
            }
            catch (MyError e) when (Faulty(e))
            {
                result = "filter";
            }
            catch (MyError e)
            {
                result = string.Concat("next clause, code ", e.Code.ToString());
            }
            Say("throw-from-filter", string.Concat("filter counted false, caught by ", result));
        }

        // An exception crosses 10 frames that each hold a heap object; a finally on the way and the
        // catch allocate far past the 1 MiB limit, so the collector runs while the stack unwinds and
        // again inside the catch. Every object must come through intact.
        private static ulong s_collectionsInFinally;

        private static void GcUnwind()
        {
            var held = new Node { Depth = -1, Data = Fill(64, s_n) };
            ulong before = Heap.Collections;
            try
            {
                Descend(1, null);
            }
            catch (ChainError e)
            {
                Churn(3 * 1024 * 1024);
                int frames = 0;
                bool intact = true;
                for (Node node = e.Chain; node != null; node = node.Next)
                {
                    frames++;
                    intact &= Check(node.Data, node.Depth + s_n);
                }
                intact &= Check(held.Data, s_n);
                Say("gc-unwind", string.Concat("frames ", frames.ToString(), ", objects intact ", intact.ToString(),
                    ", collected while unwinding ", (s_collectionsInFinally > before).ToString(),
                    " and in the catch ", (Heap.Collections > s_collectionsInFinally).ToString()));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static unsafe void Descend(int depth, Node chain)
        {
            var node = new Node { Depth = depth, Data = Fill(256, depth + s_n), Next = chain };
            // A stack allocation of run-time size: the frame's unwind data is rbp-based from here.
            int* scratch = stackalloc int[depth + s_n];
            scratch[depth] = depth;
            try
            {
                if (depth == 10)
                    throw new ChainError(node);
                Descend(depth + 1, node);
            }
            finally
            {
                if (depth == 5)
                {
                    Churn(2 * 1024 * 1024);
                    s_collectionsInFinally = Heap.Collections;
                    if (!Check(node.Data, depth + s_n) || scratch[depth] != depth)
                        Say("gc-unwind", "WRONG: a frame's object died during the unwind");
                }
            }
        }

        private static int[] Fill(int length, int seed)
        {
            var data = new int[length];
            for (int i = 0; i < length; i++)
                data[i] = seed * 1000 + i;
            return data;
        }

        private static bool Check(int[] data, int seed)
        {
            for (int i = 0; i < data.Length; i++)
                if (data[i] != seed * 1000 + i)
                    return false;
            return true;
        }

        private static byte[] s_last;

        // Garbage: each block is dropped when the next one is made.
        private static void Churn(int bytes)
        {
            for (int done = 0; done < bytes; done += 4096)
                s_last = new byte[4096 - 32];
            s_last = null;
        }

        private class Holder
        {
            public int Value;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Holder NullHolder(int n) => n > 1000 ? new Holder() : null;

        private static void NullDereference()
        {
            try
            {
                Holder h = NullHolder(s_n);
                Say("null-deref", string.Concat("WRONG: read ", h.Value.ToString()));
            }
            catch (NullReferenceException e)
            {
                Say("null-deref", string.Concat("caught ", Describe(e)));
            }
        }

        private interface IShape
        {
            int Sides();
        }

        private sealed class Square : IShape
        {
            public int Sides() => 4;
        }

        private sealed class Triangle : IShape
        {
            public int Sides() => 3;
        }

        private sealed class RefHolder
        {
            public object Ref;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IShape Shape(int n) => n == 1000 ? new Square() : n == 1001 ? new Triangle() : null;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static RefHolder NullRefHolder(int n) => n > 1000 ? new RefHolder() : null;

        // A null `this` in an interface call and a null object in a reference store fault inside the
        // runtime's assembly helpers (interface dispatch, write barrier), not in the method itself.
        private static void NullInHelpers()
        {
            string call = "none", store = "none";
            try
            {
                call = string.Concat("WRONG ", Shape(s_n).Sides().ToString());
            }
            catch (NullReferenceException e)
            {
                call = e.TypeName;
            }
            try
            {
                NullRefHolder(s_n).Ref = call;
                store = "WRONG: stored";
            }
            catch (NullReferenceException e)
            {
                store = e.TypeName;
            }
            Say("null-helpers", string.Concat("interface call ", call, ", reference store ", store,
                ", then a real call ", Shape(1000).Sides().ToString()));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Divide(int a, int b) => a / b;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static uint Remainder(uint a, uint b) => a % b;

        private static void DivideByZero()
        {
            string signed = "none", unsigned = "none";
            try
            {
                signed = Divide(s_n, s_n - s_n).ToString();
            }
            catch (DivideByZeroException e)
            {
                signed = Describe(e);
            }
            try
            {
                unsigned = Remainder((uint)s_n, (uint)(s_n - s_n)).ToString();
            }
            catch (DivideByZeroException e)
            {
                unsigned = e.TypeName;
            }
            Say("divide-by-zero", string.Concat("caught ", signed, ", unsigned ", unsigned));
        }

        private static void IndexOutOfRange()
        {
            var array = new int[s_n];
            try
            {
                array[s_n + 2] = 1;
                Say("index", "WRONG: stored out of bounds");
            }
            catch (IndexOutOfRangeException e)
            {
                Say("index", string.Concat("caught ", Describe(e)));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object SomeObject(int n) => n > 1000 ? new MyError("never") : (object)string.Concat("s", n.ToString());

        private static void InvalidCast()
        {
            try
            {
                var e = (MyError)SomeObject(s_n);
                Say("invalid-cast", string.Concat("WRONG: cast ", e.Message));
            }
            catch (InvalidCastException e)
            {
                Say("invalid-cast", string.Concat("caught ", Describe(e)));
            }
        }

        private static void CheckedOverflow()
        {
            int big = int.MaxValue - s_n;
            try
            {
                int sum = checked(big + s_n + 1);
                Say("overflow", string.Concat("WRONG: sum ", sum.ToString()));
            }
            catch (OverflowException e)
            {
                Say("overflow", string.Concat("caught ", Describe(e)));
            }
        }

        private static void MissingKey()
        {
            var map = new Dictionary<string, int>();
            map["one"] = 1;
            try
            {
                Say("missing-key", string.Concat("WRONG: ", map[string.Concat("k", s_n.ToString())].ToString()));
            }
            catch (KeyNotFoundException e)
            {
                Say("missing-key", string.Concat("caught ", Describe(e)));
            }
        }

        private static void ArgumentChecks()
        {
            var list = new List<int>();
            list.Add(s_n);
            string range = "none", argument = "none";
            try
            {
                range = list[s_n + 1].ToString();
            }
            catch (ArgumentOutOfRangeException e)
            {
                range = Describe(e);
            }
            try
            {
                var map = new Dictionary<int, int>();
                map.Add(s_n, 1);
                map.Add(s_n, 2);
            }
            catch (ArgumentException e)
            {
                argument = Describe(e);
            }
            Say("argument", string.Concat("caught ", range, " and ", argument));
        }

        private static void InvalidOperation()
        {
            var queue = new Queue<int>();
            try
            {
                Say("invalid-operation", string.Concat("WRONG: ", queue.Dequeue().ToString()));
            }
            catch (InvalidOperationException e)
            {
                Say("invalid-operation", string.Concat("caught ", Describe(e)));
            }
        }

        // Fills the 1 MiB limit with live arrays until the allocator gives up, catches that, lets
        // the arrays go and shows the server still works.
        private static void OutOfMemory()
        {
            string caught = FillHeap(out bool filled);
            var after = new List<string>();
            for (int i = 0; i < 2000; i++)
                after.Add(i.ToString());
            Say("oom", string.Concat("caught ", caught, " after filling the heap ", filled.ToString(),
                ", then allocated ", after.Count.ToString(), " strings, last \"", after[after.Count - 1], "\""));
        }

        // Its frame, and with it the only reference to the arrays, is gone when it returns.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string FillHeap(out bool filled)
        {
            var hog = new List<int[]>();
            filled = false;
            try
            {
                while (true)
                    hog.Add(new int[1024 * (s_n + 1)]);
            }
            catch (OutOfMemoryException e)
            {
                filled = hog.Count * 4096 * (s_n + 1) > 256 * 1024;    // a good part of the 1 MiB limit
                return Describe(e);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("exc_faulting_entry_address")]
        private static extern ulong FaultingEntryAddress();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("exc_null_read_on_bad_stack")]
        private static extern void NullReadOnBadStack();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("exc_null_read_on_bad_stack_address")]
        private static extern ulong NullReadOnBadStackAddress();

        // The upcall's entry itself faults: the kernel disarmed the upcall on delivery, so the
        // second fault kills the process (at the entry's rip) instead of looping.
        private static int FaultInHandler()
        {
            Sys.SetFaultHandler(FaultingEntryAddress(), RuntimeHost.ManagedCodeStart, RuntimeHost.ManagedCodeEnd);
            Sys.Write(string.Concat("exc: fault-in-handler armed, entry 0x", FaultingEntryAddress().ToString("X16")));
            Holder h = NullHolder(s_n);
            Sys.Write(string.Concat("exc: SURVIVED ", h.Value.ToString()));
            return 1;
        }

        // A null read with rsp pointing at unmapped memory: the kernel must not resume ring 3 on
        // that stack. The code range is widened to cover the assembly routine, so only the stack
        // check stands between the fault and an upcall.
        private static int BadStack()
        {
            Sys.SetFaultHandler(RuntimeHost.FaultEntry, NullReadOnBadStackAddress(), RuntimeHost.ManagedCodeEnd);
            Sys.Write(string.Concat("exc: bad-stack armed, null read at 0x", NullReadOnBadStackAddress().ToString("X16")));
            NullReadOnBadStack();
            Sys.Write("exc: SURVIVED bad-stack");
            return 1;
        }
    }
}
