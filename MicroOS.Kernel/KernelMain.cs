using System;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Memory;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel
{
    // Called by Boot.asm in long mode on the boot stack, interrupts off, with the multiboot2 magic
    // and the physical address of the boot information.
    internal static unsafe class KernelMain
    {
        public const string Version = "0.1.0";

        // Set once the command line is known; the panic path reads it (a plain static, no cctor).
        public static bool ExitOnFailure;

        [UnmanagedCallersOnly(EntryPoint = "KernelMain")]
        private static void Main(ulong magic, ulong bootInfoPhysical, nint* modulesStart, nint* modulesEnd)
        {
            // Nothing above this line may allocate or touch a static with a reference type.
            RuntimeHost.Initialize(&KernelHeapPages.MoreManagedMemory, &Panic.RuntimeFatal, &Log.Write);
            StartupCodeHelpers.InitializeModules(modulesStart, modulesEnd);

            Serial.Initialize();
            VgaText.Initialize();
            Gdt.Initialize();
            Idt.Initialize();
            UserCopy.Initialize();

            BootInfo boot = null;
            uint bootInfoSize = 0;
            if (magic == Multiboot2.BootloaderMagic)
            {
                bootInfoSize = *(uint*)PhysMap.ToVirtual(bootInfoPhysical);
                boot = Multiboot2.Parse(new ReadOnlySpan<byte>(PhysMap.ToVirtual(bootInfoPhysical), (int)bootInfoSize), out string error);
                if (boot == null)
                    Panic.Halt(string.Concat("malformed multiboot2 information: ", error), QemuExitCode.Panic);
            }
            else
            {
                Panic.Halt(string.Concat("not booted by a multiboot2 loader (magic ", Log.Hex(magic), ")"), QemuExitCode.Panic);
            }

            // The loader's line (its file table and grub.cfg: `manifest=system`, the whole OS up to the shell) unless QEMU's fw_cfg
            // carries one: that one replaces it, so a boot test gets exactly the options it names.
            string commandLine = boot.CommandLine;
            string fromQemu = FwCfg.ReadFile("opt/microos/cmdline");
            if (fromQemu != null)
                commandLine = fromQemu;
            var options = new KernelCommandLine(commandLine);
            ExitOnFailure = options.Has("exit");
            if (options.Has("irqoff"))
                Preemption.Start();
            ProcessManager.ReportExitTimes = options.Has("timing");

            PhysicalMemory.Initialize(boot, bootInfoPhysical, bootInfoSize);
            AddressSpace.InitializeKernel();
            Pic.Initialize();
            SyscallMsrs.Initialize();
            Syscalls.SyscallTable.Verify();
            // Under `irqoff` every syscall goes through Preemption.Measure: the fast path, which would skip it, is off.
            Syscalls.IpcFastPath.Initialize(enabled: !options.Has("ipcslow") && !options.Has("irqoff"));
            // The IPC trace ring (Diagnostics/IpcTrace.cs), allocated once; `trace` records from the first message.
            Diagnostics.IpcTrace.Initialize(options.Has("trace"));

            ulong usable = boot.UsableBytes;
            Log.WriteLine(string.Concat("MicroOS ", Version, " (x86_64 microkernel in C#) booting"));
            Log.WriteLine(string.Concat("boot: loader '", boot.BootLoaderName, "', command line '", commandLine.Trim(), "'"));
            Log.WriteLine(string.Concat("boot: kernel entered at TSC ", BootStub.EntryTsc().ToString(),
                " (under -icount shift=0: guest instructions since reset)"));
            Protections.Enable();
            Time.Clock.ReadBootTime();
            if (!options.Has("quiet"))
            {
                foreach (MemoryRegion r in boot.MemoryMap)
                    Log.WriteLine(string.Concat("memory: ", Log.Hex(r.Start), " - ", Log.Hex(r.End), " ", KindName(r.Kind)));
                foreach (BootModule m in boot.Modules)
                    Log.WriteLine(string.Concat("module: ", m.Name, " at ", Log.Hex(m.Start), " (", (m.End - m.Start).ToString(), " bytes)"));
            }
            foreach (string word in options.Unknown)
                Log.WriteLine(string.Concat("warning: unknown kernel option '", word, "' ignored"));
            Log.WriteLine(string.Concat("MicroOS ", Version, " ready: usable memory ", (usable >> 10).ToString(), " KiB (",
                (usable >> 20).ToString(), " MiB), free frames ", PhysicalMemory.FreeFrames.ToString()));

            Log.Write("mem: ");
            Log.WriteDecimal(PhysicalMemory.ManagedFrames);
            Log.Write(" frames managed (4 KiB each), ");
            Log.WriteDecimal(PhysicalMemory.FreeFrames);
            Log.Write(" free, ");
            Log.WriteDecimal(PhysicalMemory.AllocatedFrames);
            Log.Write(" in use; kernel heap ");
            Log.WriteDecimal(Internal.Runtime.Heap.AllocatedBytes);
            Log.Write(" bytes; boot heap ");
            Log.WriteDecimal(KernelHeapPages.BootHeapUsedBytes);
            Log.Write(" of ");
            Log.WriteDecimal(KernelHeapPages.BootHeapBytes);
            Log.Write(" bytes used\n");

            string test = options.Get("test");
            if (test != null)
                TestModes.Run(test);

            Scheduler.Initialize(&IdleLoop);
            ServerStartup.StartFromManifest(boot, options);
            Scheduler.Start();
        }

        // The idle thread: halts until the next interrupt. Under test (`exit`), ends QEMU once every
        // process has exited.
        private static void IdleLoop(ulong unused)
        {
            while (true)
            {
                if (ProcessManager.LiveCount == 0)
                    Scheduler.ReapDeadThreads();
                // A wave starts with interrupts off: the idle thread is preempted at any tick, and the
                // first server it makes ready would otherwise run (and make syscalls that change the
                // same process, object and capability lists) while the next one is half-built, its
                // capabilities not yet granted.
                if (ProcessManager.LiveCount == 0)
                {
                    Cpu.DisableInterrupts();
                    bool started = ServerStartup.StartNextWave();
                    Cpu.EnableInterrupts();
                    if (started)
                        continue;
                }
                if (ExitOnFailure && ProcessManager.LiveCount == 0)
                {
                    Preemption.Report();
                    ProcessManager.ReportFrames();
                    Log.WriteLine("idle: nothing left to run");
                    QemuDebugExit.Exit(QemuExitCode.Success);
                }
                Time.Clock.ReportOnce();
                ContextSwitch.WaitForInterrupt();
            }
        }

        private static string KindName(MemoryRegionKind kind) => kind switch
        {
            MemoryRegionKind.Usable => "usable",
            MemoryRegionKind.AcpiReclaimable => "ACPI reclaimable",
            MemoryRegionKind.AcpiNvs => "ACPI NVS",
            MemoryRegionKind.Defective => "defective",
            _ => "reserved",
        };
    }
}
