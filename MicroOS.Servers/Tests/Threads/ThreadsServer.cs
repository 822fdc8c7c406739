using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Threads
{
    // The thread boot tests' programs (MicroOS.Tests/Boot/ThreadTests.cs). The first argument is the role:
    //   server N      two worker threads serve N calls on slot 1 (ep mt) while the main thread waits
    //                 on a notification; then it kills the workers, blocked in Recv
    //   client N      N calls to the server (slot 1), each reply checked
    //   kill          threads killed blocked in Call, in a reply wait, holding a call, in a
    //                 notification wait; what their partners and the queues see
    //   create-loop   thread_create until OutOfMemory; exits and kills give the memory back
    //   bad-args      thread syscalls with bad arguments, wrong caps, missing rights, stale caps
    //   main-exit     the main thread returns while a worker waits in Recv: the process ends
    //   exceptions    a worker catches a throw and a null dereference; an unhandled one ends the server
    internal static unsafe class ThreadsServer
    {
        // An entry that ends the thread at once without touching its stack (Entry.asm).
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("threads_exit_entry_address")]
        private static extern ulong ExitEntry();

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            string[] args = ServerRuntime.Arguments.Split(' ');
            string role = args[0];
            int n = args.Length > 1 && int.TryParse(args[1], out int v) ? v : 20;
            switch (role)
            {
                case "server": return Server(n);
                case "client": return Client(n);
                case "kill": return Kill();
                case "create-loop": return CreateLoop();
                case "bad-args": return BadArgs();
                case "main-exit": return MainExit();
                case "exceptions": return Exceptions();
            }
            Sys.Write(string.Concat("threads: unknown role '", role, "'"));
            return 2;
        }

        // Error names for the log (the probe's enums carry no member names at run time).
        private static string Name(long r) => r >= 0 ? r.ToString() : SyscallErrors.Name(r);

        private static ThreadInfo StateOf(ServerThread t)
        {
            t.Inspect(out ThreadInfo state, out _);
            return state;
        }

        // Waits (parked, so the other threads run) until `done` holds, at most about two seconds.
        private static bool WaitUntil(Func<bool> done)
        {
            for (int i = 0; i < 200; i++)
            {
                if (done())
                    return true;
                Sys.Sleep(10);
            }
            return done();
        }

        private const int ServerEndpoint = 1, ServerNotification = 5;
        private const uint PingLabel = 1, PongLabel = 2;
        private static int s_target, s_served;
        private static readonly int[] s_perWorker = new int[2];
        private static bool s_dataLost;

        private static int Server(int calls)
        {
            s_target = calls;
            if (Caps.CreateNotification(ServerNotification) != 0)
                return 1;
            ServerThread a = ServerThread.Start(10, () => Worker(0), out long ea);
            ServerThread b = ServerThread.Start(11, () => Worker(1), out long eb);
            if (a == null || b == null)
            {
                Sys.Write(string.Concat("threads: start failed ", Name(ea), " ", Name(eb)));
                return 1;
            }
            Sys.Write("threads: two workers serving");
            long w = new Notification(ServerNotification).Wait(out ulong bits);
            bool parked = WaitUntil(() => StateOf(a) == ThreadInfo.Blocked && StateOf(b) == ThreadInfo.Blocked);
            Sys.Write(string.Concat("threads: served ", s_served.ToString(), " calls (worker 0: ", s_perWorker[0] > 0 ? "some" : "none",
                ", worker 1: ", s_perWorker[1] > 0 ? "some" : "none", "), notification ", Name(w), " bits ", bits.ToString(),
                ", both back in recv ", parked ? "yes" : "no", ", live data ", s_dataLost ? "lost" : "intact"));
            // Kill worker 0 while it waits in Recv: the endpoint's queue must hold worker 1 only,
            // so a message sent now reaches worker 1.
            Caps.Copy(a.Slot, 12);          // Kill also empties a.Slot: the copy shows what a stale cap says
            long killed = a.Kill();
            long gone = SysCalls.ThreadInspect(12);
            var m = new Message(PingLabel, 1000);
            long sent = new Endpoint(ServerEndpoint).TrySend(ref m);
            bool seen = WaitUntil(() => s_served == calls + 1 && StateOf(b) == ThreadInfo.Blocked);
            Sys.Write(string.Concat("threads: killed worker 0 in recv ", Name(killed), ", its cap ", Name(gone),
                ", send after the kill ", Name(sent), ", worker 1 got it ", seen ? "yes" : "no"));
            long killedB = b.Kill();
            Sys.Write(string.Concat("threads: killed worker 1 in recv ", Name(killedB), "; exiting"));
            return 0;
        }

        // Each call is answered once by one of the two workers; both keep data alive across their
        // Recv while the other collects (a collector that missed a parked thread's stack loses it).
        private static void Worker(int k)
        {
            var ep = new Endpoint(ServerEndpoint);
            var kept = new List<string>();
            var values = new List<ulong>();
            long r = ep.Receive(out Message m);
            while (true)
            {
                if (r < 0)
                {
                    Sys.Write(string.Concat("worker ", k.ToString(), ": receive failed ", Name(r)));
                    return;
                }
                s_served++;
                s_perWorker[k]++;
                kept.Add(m.W0.ToString());
                values.Add(m.W0);
                for (int i = 0; i < 50; i++)
                    _ = string.Concat("garbage ", i.ToString());
                if (s_served % 4 == 0)
                    GC.Collect();
                for (int i = 0; i < kept.Count; i++)
                    if (kept[i] != values[i].ToString())
                        s_dataLost = true;
                if (m.W0 == 1000)
                    Sys.Write(string.Concat("worker ", k.ToString(), ": got the message sent after the kill"));
                m = new Message(PongLabel, m.W0 + 1, (ulong)k, m.Badge);
                if (s_served == s_target)
                    new Notification(ServerNotification).Signal();
                r = ep.ReplyReceive(ref m);
            }
        }

        private static int Client(int calls)
        {
            var ep = new Endpoint(ServerEndpoint);
            int good = 0, by0 = 0, by1 = 0;
            Caps.Inspect(ServerEndpoint, out ulong badge);
            for (int i = 0; i < calls; i++)
            {
                var m = new Message(PingLabel, (ulong)(i * 10));
                long r = ep.Call(ref m);
                if (r == 0 && m.Label == PongLabel && m.W0 == (ulong)(i * 10 + 1) && m.W2 == badge)
                {
                    good++;
                    if (m.W1 == 0) by0++; else if (m.W1 == 1) by1++;
                }
            }
            Sys.Write(string.Concat("client: ", good.ToString(), " of ", calls.ToString(), " calls answered correctly (",
                (by0 + by1).ToString(), " by a worker)"));
            return 0;
        }

        private static long s_result;
        private static bool s_returned;

        private static int Kill()
        {
            const int E = 2, N = 3;
            if (Caps.CreateEndpoint(E) != 0 || Caps.CreateNotification(N) != 0)
                return 1;
            var ep = new Endpoint(E);
            var ntfn = new Notification(N);

            // 1. Two threads call E; the first is killed while it waits to be received: the next
            // receive meets the second.
            long yResult = 1;
            ulong yReply = 0;
            ServerThread x = ServerThread.Start(10, () => { var m = new Message(PingLabel, 100); ep.Call(ref m); Sys.Write("kill: x came back"); }, out _);
            WaitUntil(() => StateOf(x) == ThreadInfo.Blocked);
            ServerThread y = ServerThread.Start(11, () => { var m = new Message(PingLabel, 200); yResult = ep.Call(ref m); yReply = m.W0; }, out _);
            WaitUntil(() => StateOf(y) == ThreadInfo.Blocked);
            long k1 = x.Kill();
            long got = ep.Receive(out Message req);
            ulong first = req.W0;
            var reply = new Message(PongLabel, first + 1);
            long replied = Ipc.Reply(ref reply);
            WaitUntil(() => y.HasEnded);
            Sys.Write(string.Concat("kill: caller blocked in call killed ", Name(k1), "; the queue then gave ", first.ToString(),
                " (", Name(got), "), reply ", Name(replied), ", the other caller got ", Name(yResult), " ", yReply.ToString()));

            // 2. A caller killed while it waits for its reply: the reply finds nobody.
            ServerThread z = ServerThread.Start(12, () => { var m = new Message(PingLabel, 300); ep.Call(ref m); Sys.Write("kill: z came back"); }, out _);
            long got2 = ep.Receive(out Message req2);
            long k2 = z.Kill();
            var reply2 = new Message(PongLabel, 301);
            long replied2 = Ipc.Reply(ref reply2);
            Sys.Write(string.Concat("kill: caller killed in its reply wait ", Name(k2), " (its call ", req2.W0.ToString(), " ", Name(got2),
                "), the reply then ", Name(replied2)));

            // 3. A server thread killed while it holds a call: the caller's call ends with ObjectGone.
            ServerThread s = ServerThread.Start(13, () => { ep.Receive(out _); ntfn.Wait(out _); Sys.Write("kill: s came back"); }, out _);
            WaitUntil(() => StateOf(s) == ThreadInfo.Blocked);
            s_returned = false;
            ServerThread c = ServerThread.Start(14, () => { var m = new Message(PingLabel, 400); s_result = ep.Call(ref m); s_returned = true; }, out _);
            WaitUntil(() => StateOf(s) == ThreadInfo.Blocked && StateOf(c) == ThreadInfo.Blocked);
            long k3 = s.Kill();
            WaitUntil(() => s_returned);
            Sys.Write(string.Concat("kill: server thread killed holding a call ", Name(k3), ", the caller got ", Name(s_result)));

            // 4. A thread killed in a notification wait: a later signal stays for the next waiter.
            ServerThread w = ServerThread.Start(15, () => { ntfn.Wait(out _); Sys.Write("kill: w came back"); }, out _);
            WaitUntil(() => StateOf(w) == ThreadInfo.Blocked);
            long k4 = w.Kill();
            long signalled = ntfn.Signal();
            long polled = ntfn.Poll(out ulong bits);
            Sys.Write(string.Concat("kill: waiter killed in notification wait ", Name(k4), ", signal ", Name(signalled), ", poll ", Name(polled), " bits ", bits.ToString()));

            // 5. A thread that returns ends alone; its cap then answers ObjectGone.
            ServerThread r = ServerThread.Start(16, () => Sys.Write("kill: r returns"), out _);
            WaitUntil(() => r.HasEnded);
            long inspect = r.Inspect(out _, out _);
            long killAgain = x.Kill();
            Sys.Write(string.Concat("kill: a returned thread's cap ", Name(inspect), ", a killed thread killed again ", Name(killAgain)));

            // 6. A thread's IPC buffer page is pinned while registered (unmap_memory refuses it); once
            // the thread has ended, the page is the process's again.
            byte* buffer = (byte*)Sys.MapMemory(4096);
            bool registered = false;
            ServerThread b = ServerThread.Start(17, () => { registered = Ipc.SetBuffer(buffer, 0) == 0; ntfn.Wait(out _); }, out _);
            WaitUntil(() => StateOf(b) == ThreadInfo.Blocked);
            long whileRegistered = Sys.UnmapMemory(buffer, 4096);
            long k6 = b.Kill();
            long afterEnd = Sys.UnmapMemory(buffer, 4096);
            Sys.Write(string.Concat("kill: a worker's IPC buffer registered ", registered ? "yes" : "no", ", unmapped while it waits ",
                Name(whileRegistered), ", killed ", Name(k6), ", unmapped then ", Name(afterEnd)));
            return 0;
        }

        // The charge of a thread (its kernel stack) is what stops the loop; if an ended thread kept
        // any of it, the later rounds would make fewer.
        private static int CreateLoop()
        {
            byte* page = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)page + 4096;
            const int FirstSlot = 20;
            int made = MakeThreads(FirstSlot, top, out long error);
            // Round 1 ends by itself: every thread runs and exits.
            for (int i = 0; i < made; i++)
                SysCalls.ThreadResume((ulong)(FirstSlot + i));
            bool allGone = WaitUntil(() =>
            {
                for (int i = 0; i < made; i++)
                    if (SysCalls.ThreadInspect((ulong)(FirstSlot + i)) != (long)SyscallError.ObjectGone)
                        return false;
                return true;
            });
            DeleteCaps(FirstSlot, made);
            // Round 2 is killed while suspended.
            int again = MakeThreads(FirstSlot, top, out _);
            long killed = 0;
            for (int i = 0; i < again; i++)
                killed += SysCalls.ThreadKill((ulong)(FirstSlot + i));
            DeleteCaps(FirstSlot, again);
            int third = MakeThreads(FirstSlot, top, out _);
            Sys.Write(string.Concat("create-loop: ", made.ToString(), " threads, then ", Name(error), "; after they exited (all gone ",
                allGone ? "yes" : "no", ") ", again.ToString(), " again, after the kills (", Name(killed), ") ", third.ToString(), " again"));
            return 0;
        }

        private static int MakeThreads(int firstSlot, ulong top, out long error)
        {
            int made = 0;
            error = 0;
            while (firstSlot + made < 128)
            {
                error = SysCalls.ThreadCreate((ulong)(firstSlot + made), ExitEntry(), top, 0);
                if (error < 0)
                    break;
                made++;
            }
            return made;
        }

        private static void DeleteCaps(int firstSlot, int count)
        {
            for (int i = 0; i < count; i++)
                Caps.Delete(firstSlot + i);
        }

        private static int BadArgs()
        {
            byte* page = (byte*)Sys.MapMemory(4096);
            ulong top = (ulong)page + 4096;
            ulong entry = ExitEntry();
            const int T = 20, Spare = 21, ReadOnly = 22, Ep = 23;
            string Create(ulong e, ulong stack, int slot = Spare) =>
                Name(SysCalls.ThreadCreate((ulong)slot, e, stack, 0));
            string On(Syscall s, int slot) => Name(Ipc.Syscall4(s, (ulong)slot, 0, 0, 0, out _));
            Caps.CreateEndpoint(Ep);
            Sys.Write(string.Concat("bad-args: entry 0 ", Create(0, top), ", kernel entry ", Create(0xFFFF_FFFF_8000_0000, top),
                ", non-canonical entry ", Create(0x0000_8000_0000_0000, top), ", entry in data ", Create((ulong)page, top)));
            Sys.Write(string.Concat("bad-args: stack misaligned ", Create(entry, top - 8), ", kernel stack ", Create(entry, 0xFFFF_FF00_0000_1000),
                ", unmapped stack ", Create(entry, 0x0000_7000_0000_0000), ", non-canonical stack ", Create(entry, 0x0008_0000_0000_0000)));
            Sys.Write(string.Concat("bad-args: occupied slot ", Create(entry, top, Ep), ", slot out of range ", Create(entry, top, 100000)));
            long tid = SysCalls.ThreadCreate(T, entry, top, 0);
            Caps.Mint(T, ReadOnly, CapRights.Read);
            Sys.Write(string.Concat("bad-args: created ", tid > 0 ? "yes" : Name(tid), ", inspect with read ", On(Syscall.ThreadInspect, ReadOnly) == tid.ToString() ? "tid" : "?",
                ", kill with read only ", On(Syscall.ThreadKill, ReadOnly), ", resume with read only ", On(Syscall.ThreadResume, ReadOnly)));
            Sys.Write(string.Concat("bad-args: resume an endpoint ", On(Syscall.ThreadResume, Ep), ", kill an empty slot ", On(Syscall.ThreadKill, 99),
                ", inspect slot -1 ", Name(SysCalls.ThreadInspect(ulong.MaxValue))));
            string first = On(Syscall.ThreadResume, T);
            bool gone = WaitUntil(() => SysCalls.ThreadInspect(T) == (long)SyscallError.ObjectGone);
            Sys.Write(string.Concat("bad-args: resume ", first, ", then (it exited ", gone ? "yes" : "no", ") resume ", On(Syscall.ThreadResume, T),
                ", kill ", On(Syscall.ThreadKill, T), ", inspect ", On(Syscall.ThreadInspect, ReadOnly)));
            SysCalls.ThreadCreate(T + 10, entry, top, 0);
            Sys.Write(string.Concat("bad-args: resume twice ", On(Syscall.ThreadResume, T + 10), " ", On(Syscall.ThreadResume, T + 10)));
            return 0;
        }

        private static int MainExit()
        {
            Caps.CreateEndpoint(2);
            ServerThread t = ServerThread.Start(10, () => { new Endpoint(2).Receive(out _); Sys.Write("main-exit: worker came back"); }, out long e);
            bool waiting = t != null && WaitUntil(() => StateOf(t) == ThreadInfo.Blocked);
            Sys.Write(string.Concat("main-exit: worker waits in recv ", waiting ? "yes" : Name(e), "; main returns 7"));
            return 7;
        }
    

        private static string s_nothing;

        // Exceptions unwind a worker's own stack: caught there, and a fault (the kernel's upcall
        // lands on the worker) becomes NullReferenceException; an unhandled one ends the server.
        private static int Exceptions()
        {
            string caught = "none", fault = "none";
            ServerThread t = ServerThread.Start(10, () =>
            {
                try { throw new InvalidOperationException("on a worker"); }
                catch (InvalidOperationException e) { caught = e.Message; }
                try { fault = s_nothing.Length.ToString(); }
                catch (NullReferenceException) { fault = "NullReferenceException"; }
            }, out _);
            WaitUntil(() => t.HasEnded);
            Sys.Write(string.Concat("exceptions: caught '", caught, "', fault ", fault));
            ServerThread.Start(11, () => throw new InvalidOperationException("unhandled on a worker"), out _);
            Sys.Sleep(2000);
            Sys.Write("exceptions: the main thread is still here");
            return 0;
        }
    }
}
