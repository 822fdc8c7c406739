using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Test-only server. Its first argument picks what it does:
    //   busy <label> [n] count without yielding, printing progress; forever, or until n reports
    //   spin             loop forever silently
    //   exit [code]      use some heap memory, then exit (the 64-process leak test)
    //   memhog           map memory until the limit says OutOfMemory
    //   rogue <attack>   try something a server must not do (see Rogue.cs)
    //   attack <group>   one case of the attack catalogue, picked by pid (Attack.cs, AttackCatalogue.cs)
    //   xmm-check        SSE/x87/general registers survive syscalls and preemption (RegisterCheck.cs)
    //   sse-churn        rewrite SSE/x87 state forever (the xmm-check's neighbour)
    //   bench            measure syscall and context-switch cost (./microos bench)
    //   fuzz <seed>      random syscalls with random arguments (SyscallFuzz.cs)
    //   gc [rounds]      allocate far past the memory limit, checking live data (GcStress.cs)
    //   heap             the heap grows with the live set and shrinks after it (HeapGrowth.cs)
    //   irqoff           the longest syscalls there are, for the kernel's `irqoff` measurement (LongSyscalls.cs)
    //   ipc <role>       IPC and capability tests and benchmarks (IpcProbe.cs)
    //   system <role>    Init, Names and supervisor tests (SystemProbe.cs)
    //   hw <role>        io_port_enable and frame_unmap tests (HardwareProbe.cs)
    //   ata client       the ata driver's client checks (AtaProbe.cs)
    //   fat client       the fat server's client checks (FatProbe.cs)
    //   block-liar MODE  a lying block device in ata's place (BlockLiar.cs)
    //   confine <role>   recycled references, budgets, exhaustion, the capability fuzz (Confine.cs)
    //   destroy <role>   object_destroy attacked, and a churn that must stay flat (Destroy.cs)
    //   fatflat ...      the fat server's figures through open/close cycles and clients coming and going (FatFlat.cs)
    //   restartbench     `fs restart` and `ata restart` for tools/bench.sh (RestartBench.cs)
    //   timer <role>     notification_signal_after, the one-shot timer (TimerProbe.cs)
    //   trace <role>     the IPC trace ring: trace_control, trace_read, a burst (TraceProbe.cs)
    //   calltest         a contract the shell knows nothing of, for `call` and `contracts` (CallTestServer.cs)
    //   frameexec        process_create_frame, attacked (FrameExecProbe.cs)
    internal static class ProbeServer
    {
        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            string[] args = ServerRuntime.Arguments.Split(' ');
            string mode = args[0];
            string label = args.Length > 1 ? args[1] : "";
            switch (mode)
            {
                case "busy":
                    Busy(label, args.Length > 2 && int.TryParse(args[2], out int limit) ? limit : 0);
                    return 0;
                case "spin":
                    while (true) { }
                case "exit":
                    return ExitAfterWork(label);
                case "memhog":
                    return MemoryHog();
                case "rogue":
                    return Rogue.Attack(label);
                case "attack":
                    return Attack.Run(label);
                case "xmm-check":
                    return RegisterCheck.Check();
                case "sse-churn":
                    return RegisterCheck.ChurnForever();
                case "bench":
                    return Bench.Run(label);
                case "fuzz":
                    return SyscallFuzz.Run(label);
                case "gc":
                    return GcStress.Run(label);
                case "irqoff":
                    return label == "holder" ? LongSyscalls.Holder() : LongSyscalls.Run();
                case "ipc":
                    return IpcProbe.Run(args);
                case "heap":
                    return HeapGrowth.Run();
                case "system":
                    return SystemProbe.Run(args);
                case "hw":
                    return HardwareProbe.Run(args);
                case "ata":
                    return AtaProbe.Run(args);
                case "fat":
                    return FatProbe.Run(args);
                case "block-liar":
                    return BlockLiar.Run(args);
                case "confine":
                    return Confine.Run(args);
                case "destroy":
                    return Destroy.Run(args);
                case "fatflat":
                    return FatFlat.Run(args);
                case "restartbench":
                    return RestartBench.Run();
                case "trace":
                    return TraceProbe.Run(args);
                case "timer":
                    return TimerProbe.Run(args);
                case "lab":
                    return label == "notes-check" ? NotesProbe.Run(args) : label == "ipc-tax" ? IpcTax.Run(args) : KeyValueProbe.Run(args);
                case "calltest":
                    return CallTestServer.Run();
                case "lab3":
                    return CapabilityLab.Run(args);
                case "frameexec":
                    return FrameExecProbe.Run(args);
                case "evil-fat":
                    return EvilFat.Run();
                default:
                    Sys.Write(string.Concat("probe: unknown mode '", mode, "' (busy, spin, exit, memhog, rogue, attack, xmm-check, sse-churn, bench, fuzz, gc)"));
                    return 2;
            }
        }

        // Never yields: only the timer can take the CPU away.
        private static unsafe void Busy(string label, int maxReports)
        {
            if (label == "witness")
            {
                // Hold memory the rogue probe will try to read from its own address space.
                byte* held = (byte*)Sys.MapMemory(3 * 1024 * 1024);
                for (int i = 0; i < 3 * 1024 * 1024; i += 4096)
                    held[i] = 0x5A;
                Sys.Write(string.Concat("busy witness: holding 3072 KiB at 0x", ((ulong)held).ToString("X")));
            }
            ulong iterations = 0;
            int reports = 0;
            ulong volatileSink = 0;
            while (true)
            {
                volatileSink += iterations * 3;
                if (++iterations % 4_000_000 == 0)
                {
                    WriteProgress(label, ++reports);
                    if (reports == maxReports)
                        return;
                }
                if (volatileSink == 1)
                    Sys.Yield();      // never true; keeps the loop from being folded away
            }
        }

        // "busy <label>: <n>" built on the stack: no allocation per report, so a busy probe never
        // makes the collector run and its timing stays even.
        private static unsafe void WriteProgress(string label, int count)
        {
            byte* line = stackalloc byte[96];
            int length = 0;
            Append(line, ref length, "busy ");
            Append(line, ref length, label);
            Append(line, ref length, ": ");
            byte* digits = stackalloc byte[12];
            int n = 0;
            do
            {
                digits[n++] = (byte)('0' + count % 10);
                count /= 10;
            } while (count > 0);
            while (n > 0)
                line[length++] = digits[--n];
            Sys.Call(Syscall.DebugWrite, (ulong)line, (ulong)length);
        }

        private static unsafe void Append(byte* line, ref int length, string text)
        {
            for (int i = 0; i < text.Length && length < 80; i++)
                line[length++] = (byte)text[i];
        }

        private static int ExitAfterWork(string code)
        {
            var items = new List<string>();
            for (int i = 0; i < 200; i++)
                items.Add(i.ToString());
            int exitCode = int.TryParse(code, out int c) ? c : 0;
            return items.Count == 200 ? exitCode : 99;
        }

        private static unsafe int MemoryHog()
        {
            ulong mapped = 0;
            while (true)
            {
                long result = Sys.Call(Syscall.MapMemory, 64 * 1024);
                if (result < 0)
                {
                    Sys.Write(string.Concat("memhog: map_memory refused with ", result == (long)SyscallError.OutOfMemory ? "OutOfMemory" : result.ToString(),
                        " after ", (mapped >> 10).ToString(), " KiB"));
                    return 0;
                }
                // Touch every page: the memory must really be there.
                byte* p = (byte*)result;
                for (int i = 0; i < 64 * 1024; i += 4096)
                    p[i] = 1;
                mapped += 64 * 1024;
            }
        }
    }
}
