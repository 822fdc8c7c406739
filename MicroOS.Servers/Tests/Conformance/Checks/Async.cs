using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // async/await, Task, ValueTask, TaskCompletionSource, WhenAll/WhenAny, Delay, cancellation: the
    // order continuations run in, what surfaces at an await and at .Result, cancellation's order.
    // Deterministic on both sides: completions come from TaskCompletionSource calls made here, and
    // the few timers are far enough apart (tens of ms) that their order cannot change. The server
    // runs these with an EventLoop installed (a blocking .Result or .Wait() pumps it); the host
    // blocks its thread. Needs caught exceptions: runs with `exceptions`.
    internal static class Async
    {
        private static string s_log;

        private static void L(string s) => s_log = s_log == null ? s : string.Concat(s_log, ",", s);

        private static string TakeLog()
        {
            string log = s_log ?? "";
            s_log = null;
            return log;
        }

        public static void Run()
        {
            Basics();
            Ordering();
            Exceptions();
            Cancellation();
            Combinators();
            Delays();
            ValueTasks();
            Continuations();
        }

        // ---- plain async methods

        private static async Task<int> AddAsync(int a, int b) => a + O(b);

        private static async Task<int> AwaitTwice(Task<int> first, Task<int> second) => await first * 10 + await second;

        private static async Task Nothing() { }

        private static async Task<string> Chain(int depth) => depth == 0 ? "bottom" : string.Concat(await Chain(depth - 1), "<", depth.ToString());

        private static void Basics()
        {
            Task<int> sum = AddAsync(O(2), 3);
            C("async.sync.completed", sum.IsCompleted);
            C("async.sync.status", sum.Status.ToString());
            C("async.sync.result", sum.Result);
            C("async.nothing", Nothing().IsCompletedSuccessfully);
            C("async.chain", Chain(O(4)).Result);
            C("async.completedtask", Task.CompletedTask.IsCompleted + " " + Task.CompletedTask.Status);
            C("async.fromresult", Task.FromResult(O("x")).Result + " " + Task.FromResult(O(7)).Status);
            var tcs = new TaskCompletionSource<int>();
            C("async.tcs.status.before", tcs.Task.Status.ToString());
            Task<int> both = AwaitTwice(tcs.Task, Task.FromResult(O(4)));
            C("async.pending", both.IsCompleted + " " + both.Status);
            tcs.SetResult(O(3));
            C("async.resumed", both.IsCompleted + " " + both.Result);
            C("async.tcs.trysetagain", tcs.TrySetResult(9) + " " + tcs.Task.Result);
            C("async.tcs.setagain", Catch(() => tcs.SetResult(10)));
            var plain = new TaskCompletionSource();
            Task waiting = AwaitPlain(plain.Task);
            plain.SetResult();
            C("async.tcs.plain", waiting.IsCompletedSuccessfully + " " + TakeLog());
        }

        private static async Task AwaitPlain(Task t)
        {
            L("before");
            await t;
            L("after");
        }

        // ---- the order continuations run in

        private static async Task Waiter(string name, Task gate)
        {
            L(string.Concat(name, ".start"));
            await gate;
            L(string.Concat(name, ".resume"));
        }

        private static async Task<int> Relay(string name, Task<int> gate)
        {
            int v = await gate;
            L(string.Concat(name, "=", v.ToString()));
            return v + 1;
        }

        private static void Ordering()
        {
            // One awaiter per task: .NET runs only the first of several inline (the rest go to its
            // thread pool, in no fixed order), so several awaiters are checked for outcome, not order.
            var gate = new TaskCompletionSource<int>();
            Task a = Waiter("a", gate.Task);
            L("set");
            gate.SetResult(1);
            L("after-set");
            C("order.one-waiter", TakeLog());
            var shared = new TaskCompletionSource<int>();
            Task[] several = { Relay("x", shared.Task), Relay("y", shared.Task), Relay("z", shared.Task) };
            shared.SetResult(O(5));
            Task.WhenAll(several).Wait();
            TakeLog();
            C("order.several-waiters", a.IsCompleted + " " + several[0].IsCompletedSuccessfully + " " + several[1].IsCompletedSuccessfully + " " + several[2].IsCompletedSuccessfully);

            var first = new TaskCompletionSource<int>();
            Task<int> r1 = Relay("r1", first.Task);
            Task<int> r2 = Relay("r2", r1);
            Task<int> r3 = Relay("r3", r2);
            first.SetResult(O(10));
            C("order.relay", TakeLog() + " " + r3.Result);

            var g = new TaskCompletionSource<bool>();
            L("1");
            Task inner = Nested(g.Task);
            L("3");
            g.SetResult(true);
            L("6");
            C("order.nested", TakeLog() + " " + inner.Status);
        }

        private static async Task Nested(Task gate)
        {
            L("2");
            await gate;
            L("4");
            await Task.CompletedTask;       // already complete: no suspension
            L("5");
        }

        // ---- exceptions at the await, at .Result, at .Wait()

        private static async Task<int> Thrower(string message, Task gate)
        {
            await gate;
            throw new InvalidOperationException(message);
        }

        private static async Task<int> ThrowsAtOnce() => throw new ArgumentException(O("at once"));

        private static async Task<string> CatchAwait(Task<int> t)
        {
            try { return (await t).ToString(); }
            catch (Exception e) { return string.Concat(Name(e), ": ", e.Message); }
        }

        private static void Exceptions()
        {
            var gate = new TaskCompletionSource<bool>();
            Task<int> t = Thrower(O("boom"), gate.Task);
            Task<string> caught = CatchAwait(t);
            C("exc.async.pending", t.Status.ToString());
            gate.SetResult(true);
            C("exc.async.status", t.Status + " " + t.IsFaulted + " " + t.IsCompleted);
            C("exc.async.await", caught.Result);
            C("exc.async.result", Catch(() => t.Result.ToString()));
            C("exc.async.wait", Catch(() => t.Wait()));
            C("exc.async.exception", Name(t.Exception) + " " + t.Exception.InnerExceptions.Count + " " + t.Exception.InnerException.Message);
            C("exc.async.getresult", Catch(() => t.GetAwaiter().GetResult().ToString()));
            Task<int> early = ThrowsAtOnce();
            C("exc.async.atonce", early.Status + " " + CatchAwait(early).Result);
            C("exc.fromexception", Catch(() => Task.FromException<int>(new FormatException(O("bad"))).Result.ToString()));
            var tcs = new TaskCompletionSource<int>();
            tcs.SetException(new Exception[] { new InvalidOperationException("one"), new ArgumentException("two") });
            C("exc.tcs.many", tcs.Task.Exception.InnerExceptions.Count + " " + CatchAwait(tcs.Task).Result);
            C("exc.tcs.many.message", tcs.Task.Exception.Message);
            C("exc.aggregate.message", new AggregateException(new Exception("a"), new Exception("b")).Message);
            C("exc.aggregate.empty", new AggregateException().Message + " | " + new AggregateException(O("custom")).Message);
            var nested = new AggregateException(new AggregateException(new Exception("x"), new Exception("y")), new Exception("z"));
            C("exc.aggregate.flatten", nested.Flatten().InnerExceptions.Count + " " + nested.Flatten().Message);
            C("exc.aggregate.base", new AggregateException(new AggregateException(new FormatException("deep"))).GetBaseException().Message);
            C("exc.async.finally", Finally().Result);
        }

        private static async Task<string> Finally()
        {
            var log = new List<string>();
            var gate = new TaskCompletionSource<bool>();
            Task<string> inner = Guarded(log, gate.Task);
            gate.SetException(new FormatException("late"));
            try { await inner; }
            catch (FormatException e) { log.Add(string.Concat("caught ", e.Message)); }
            return string.Join("|", log);
        }

        private static async Task<string> Guarded(List<string> log, Task gate)
        {
            try
            {
                log.Add("try");
                await gate;
                log.Add("unreached");
                return "x";
            }
            finally
            {
                log.Add("finally");
            }
        }

        // ---- cancellation

        private static async Task<int> Cancellable(CancellationToken token, Task gate)
        {
            await gate;
            token.ThrowIfCancellationRequested();
            return 1;
        }

        private static void Cancellation()
        {
            var cts = new CancellationTokenSource();
            CancellationToken token = cts.Token;
            C("cancel.token.initial", token.IsCancellationRequested + " " + token.CanBeCanceled + " " + CancellationToken.None.CanBeCanceled);
            token.Register(() => L("first"));
            CancellationTokenRegistration second = token.Register(() => L("second"));
            token.Register(() => L("third"));
            token.Register(s => L((string)s), O("with-state"));
            second.Dispose();
            cts.Cancel();
            C("cancel.callbacks", TakeLog());
            token.Register(() => L("late"));
            C("cancel.late", TakeLog());
            cts.Cancel();
            C("cancel.twice", TakeLog() + " " + token.IsCancellationRequested);
            C("cancel.throw", Catch(() => token.ThrowIfCancellationRequested()));
            C("cancel.default.message", new OperationCanceledException().Message + " | " + new TaskCanceledException().Message);
            C("cancel.exception.token", new OperationCanceledException(token).CancellationToken == token);
            C("cancel.token.equality", (cts.Token == token) + " " + (token == CancellationToken.None) + " " + new CancellationToken(true).IsCancellationRequested);

            var gate = new TaskCompletionSource<bool>();
            var source = new CancellationTokenSource();
            Task<int> work = Cancellable(source.Token, gate.Task);
            source.Cancel();
            gate.SetResult(true);
            C("cancel.async.status", work.Status + " " + work.IsCanceled + " " + work.IsFaulted);
            C("cancel.async.await", CatchAwait(work).Result);
            C("cancel.async.result", Catch(() => work.Result.ToString()));
            C("cancel.async.exception-null", work.Exception == null);

            var tcs = new TaskCompletionSource<int>();
            tcs.SetCanceled();
            C("cancel.tcs", tcs.Task.Status + " " + CatchAwait(tcs.Task).Result);
            C("cancel.tcs.wait", Catch(() => tcs.Task.Wait()));
            C("cancel.fromcanceled", Task.FromCanceled(new CancellationToken(true)).Status.ToString());
            C("cancel.fromcanceled.bad", Catch(() => Task.FromCanceled(CancellationToken.None)));

            var a = new CancellationTokenSource();
            var b = new CancellationTokenSource();
            CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(a.Token, b.Token);
            linked.Token.Register(() => L("linked"));
            C("cancel.linked.before", linked.IsCancellationRequested);
            b.Cancel();
            C("cancel.linked.after", linked.IsCancellationRequested + " " + a.IsCancellationRequested + " " + TakeLog());

            var throwing = new CancellationTokenSource();
            throwing.Token.Register(() => throw new InvalidOperationException("cb1"));
            throwing.Token.Register(() => L("cb2"));
            C("cancel.callback.throws", Catch(() => throwing.Cancel()) + " " + TakeLog());
        }

        // ---- WhenAll / WhenAny

        private static void Combinators()
        {
            var x = new TaskCompletionSource<int>();
            var y = new TaskCompletionSource<int>();
            Task<int[]> all = Task.WhenAll(x.Task, y.Task);
            y.SetResult(O(2));
            C("whenall.partial", all.IsCompleted);
            x.SetResult(O(1));
            C("whenall.results", string.Join(",", all.Result));
            C("whenall.empty", Task.WhenAll(new Task[0]).IsCompletedSuccessfully + " " + Task.WhenAll(new Task<int>[0]).Result.Length);

            var f1 = new TaskCompletionSource<int>();
            var f2 = new TaskCompletionSource<int>();
            var ok = new TaskCompletionSource<int>();
            Task<int[]> failing = Task.WhenAll(f1.Task, ok.Task, f2.Task);
            f2.SetException(new FormatException("second"));
            ok.SetResult(3);
            f1.SetException(new InvalidOperationException("first"));
            C("whenall.faulted", failing.Status + " " + failing.Exception.InnerExceptions.Count);
            C("whenall.faulted.order", failing.Exception.InnerExceptions[0].Message + " " + failing.Exception.InnerExceptions[1].Message);
            C("whenall.await", CatchAwait(Sum(failing)).Result);

            var c1 = new TaskCompletionSource<int>();
            c1.SetCanceled();
            C("whenall.canceled", Task.WhenAll(c1.Task, Task.FromResult(1)).Status.ToString());
            C("whenall.fault-beats-cancel", Task.WhenAll(c1.Task, Task.FromException<int>(new Exception("e"))).Status.ToString());
            C("whenall.null", Catch(() => Task.WhenAll(new Task[] { null })));

            var p = new TaskCompletionSource<int>();
            var q = new TaskCompletionSource<int>();
            Task<Task<int>> any = Task.WhenAny(p.Task, q.Task);
            C("whenany.pending", any.IsCompleted);
            q.SetResult(O(20));
            C("whenany.winner", (any.Result == q.Task) + " " + any.Result.Result);
            p.SetException(new Exception("ignored"));
            C("whenany.after", any.Result == q.Task);
            C("whenany.completed-first", Task.WhenAny(Task.FromResult(1), Task.FromResult(2)).Result.Result);
            var fails = new TaskCompletionSource<int>();
            Task<Task<int>> anyFault = Task.WhenAny(fails.Task, new TaskCompletionSource<int>().Task);
            fails.SetException(new FormatException("f"));
            C("whenany.fault", anyFault.Status + " " + anyFault.Result.Status);
            C("whenany.empty", Catch(() => Task.WhenAny(new Task[0])));
        }

        private static async Task<int> Sum(Task<int[]> all)
        {
            int[] r = await all;
            return r[0] + r[1];
        }

        // ---- Task.Delay (the event loop's timers on MicroOS; the thread pool's on .NET)

        private static async Task<string> DelayedLog(int ms, string name)
        {
            await Task.Delay(ms);
            return name;
        }

        private static void Delays()
        {
            C("delay.zero", Task.Delay(0).IsCompleted);
            Task slow = Task.Delay(O(400));
            Task fast = Task.Delay(O(20));
            C("delay.any", (Task.WhenAny(slow, fast).Result == fast) + " " + slow.IsCompleted);
            Task<string[]> ordered = Task.WhenAll(DelayedLog(O(60), "b"), DelayedLog(O(20), "a"));
            C("delay.all", string.Join(",", ordered.Result));
            C("delay.negative", Catch(() => Task.Delay(O(-2))));
            C("delay.precanceled", Task.Delay(1000, new CancellationToken(true)).Status.ToString());
            var cts = new CancellationTokenSource();
            Task long1 = Task.Delay(O(5000), cts.Token);
            cts.CancelAfter(O(20));
            C("delay.cancelafter", CatchAwaitPlain(long1).Result + " " + long1.Status);
            var never = new CancellationTokenSource();
            never.CancelAfter(O(5000));
            never.Dispose();
            C("delay.disposed", never.IsCancellationRequested);
            C("delay.wait", Catch(() => Task.Delay(O(20)).Wait()) + " done");
        }

        private static async Task<string> CatchAwaitPlain(Task t)
        {
            try { await t; return "ok"; }
            catch (Exception e) { return string.Concat(Name(e), ": ", e.Message); }
        }

        // ---- ValueTask

        private static async ValueTask<int> ValueSync(int v) => v * O(2);

        private static async ValueTask<int> ValueAsync(Task<int> gate) => await gate + 1;

        private static async ValueTask ValuePlain(Task gate) { await gate; L("vt"); }

        private static void ValueTasks()
        {
            ValueTask<int> now = ValueSync(O(21));
            C("valuetask.sync", now.IsCompletedSuccessfully + " " + now.Result);
            var gate = new TaskCompletionSource<int>();
            ValueTask<int> later = ValueAsync(gate.Task);
            C("valuetask.pending", later.IsCompleted);
            gate.SetResult(O(1));
            C("valuetask.later", later.IsCompleted + " " + later.Result);
            C("valuetask.astask", ValueSync(3).AsTask().Result + " " + new ValueTask<int>(5).Result + " " + new ValueTask<int>(Task.FromResult(6)).Result);
            C("valuetask.default", default(ValueTask).IsCompleted + " " + ValueTask.CompletedTask.IsCompletedSuccessfully);
            var g2 = new TaskCompletionSource<bool>();
            ValueTask plain = ValuePlain(g2.Task);
            g2.SetResult(true);
            C("valuetask.plain", plain.IsCompletedSuccessfully + " " + TakeLog());
            C("valuetask.fromresult", ValueTask.FromResult(O("r")).Result);
            C("valuetask.faulted", Catch(() => new ValueTask<int>(Task.FromException<int>(new FormatException("vf"))).Result.ToString()));
            C("valuetask.equal", (new ValueTask<int>(4) == new ValueTask<int>(4)) + " " + new ValueTask<int>(8).ToString());
        }

        // ---- ContinueWith (ExecuteSynchronously: the option under which .NET runs it inline too)

        private static void Continuations()
        {
            const TaskContinuationOptions Sync = TaskContinuationOptions.ExecuteSynchronously;
            var tcs = new TaskCompletionSource<int>();
            Task<int> doubled = tcs.Task.ContinueWith(t => t.Result * 2, Sync);
            Task<string> described = doubled.ContinueWith(t => string.Concat("got ", t.Result.ToString()), Sync);
            tcs.SetResult(O(21));
            C("continue.chain", doubled.Result + " " + described.Result);
            var failing = new TaskCompletionSource<int>();
            Task<string> seen = failing.Task.ContinueWith(t => t.Status + " " + t.Exception.InnerException.Message, Sync);
            Task skipped = failing.Task.ContinueWith(t => L("should not run"), TaskContinuationOptions.OnlyOnRanToCompletion | Sync);
            failing.SetException(new FormatException("cw"));
            C("continue.faulted", seen.Result);
            C("continue.skipped", skipped.Status + " " + TakeLog());
            Task<int> throwing = Task.FromResult(1).ContinueWith<int>(t => throw new InvalidOperationException("in continuation"), Sync);
            C("continue.throws", throwing.Status + " " + throwing.Exception.InnerException.Message);
        }

        // The type's name without reflection (the runtime has none).
        private static string Name(Exception e) => e switch
        {
            TaskCanceledException => "TaskCanceledException",
            OperationCanceledException => "OperationCanceledException",
            AggregateException => "AggregateException",
            ArgumentOutOfRangeException => "ArgumentOutOfRangeException",
            ArgumentNullException => "ArgumentNullException",
            ArgumentException => "ArgumentException",
            FormatException => "FormatException",
            InvalidOperationException => "InvalidOperationException",
            _ => "Exception",
        };

        private static string Catch(Action a)
        {
            try
            {
                a();
                return "no exception";
            }
            catch (Exception e)
            {
                return string.Concat(Name(e), ": ", e.Message);
            }
        }

        private static string Catch(Func<string> f)
        {
            try
            {
                return f();
            }
            catch (Exception e)
            {
                return string.Concat(Name(e), ": ", e.Message);
            }
        }
    }
}
