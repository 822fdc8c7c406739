using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Manifest;

namespace MicroOS.Kernel.Objects
{
    // Every initial capability, and only to Init (ServerStartup.StartInit), which hands each
    // system server what its manifest line declares (docs/boot-manifest.md). The slots are fixed,
    // and Init's arguments say what is where:
    //   1      the boot manifest (or, with `testmanifest`, the test manifest), a read-only Frame of its module (`manifest=OFFSET+BYTES`)
    //   2..10  the devices: COM1 (the serial driver's), slot 3 the IPC trace ring (IpcTraceCap; COM2,
    //          whose slot it was, is the kernel log's: never granted), PS/2 data, PS/2 command, IRQ 1, 3, 4, VGA text, VGA cursor ports
    //   11     Init's own Process, read only (the supervisor's `ps` row for init: `proc:init:r`)
    //   12..14 the ATA primary channel (the ata driver's): command block 1F0+8, control 3F6+1, IRQ 14
    //   15..16 the CMOS clock (the rtc driver's, lab 4): index and data ports 70+2, IRQ 8
    //   17..   a BootImage per boot module but the manifest (`images=a.elf,b.elf,...`, in that order)
    internal static class InitCaps
    {
        public const int ManifestSlot = InitSlots.Manifest;          // Init reads them by these names (Shared/Abi/InitSlots.cs)
        public const int SelfSlot = InitSlots.Self;
        public const int AtaCommandSlot = 12, AtaControlSlot = 13, AtaIrqSlot = 14;
        public const int CmosPortsSlot = 15, CmosIrqSlot = 16;
        public const int FirstImageSlot = InitSlots.FirstImage;

        private static bool IsImage(BootModule m) => m.Name != "manifest" && m.Name != "manifest-test";

        public static string Arguments(BootInfo boot, BootModule manifest, string section)
        {
            string images = "";
            foreach (BootModule m in boot.Modules)
                if (IsImage(m))
                    images = images.Length == 0 ? m.Name : string.Concat(images, ",", m.Name);
            ulong offset = manifest.Start & 0xFFF;
            string text = string.Concat("manifest=", offset.ToString(), "+", (manifest.End - manifest.Start).ToString(), " images=", images);
            return section == null ? text : string.Concat(text, " section=", section);
        }

        // `requested`: the servers= test entries, started by the kernel with their own caps= (e.g. the
        // IPC tests' serial-driver, irq:4): an IRQ line one of them takes is not made for Init, since
        // a line has one owner and Init's would outlive its hand-off.
        public static void Grant(Process init, BootInfo boot, BootModule manifest, System.Collections.Generic.List<ManifestEntry> requested)
        {
            ProcessObjects objects = ProcessObjects.Of(init);
            ulong first = manifest.Start & ~0xFFFUL;
            int pages = (int)((manifest.End - first + 0xFFF) >> 12);
            Insert(init, objects, ManifestSlot, Frame.CreateDevice(init, first, pages), CapType.Frame, CapRights.Read);
            Insert(init, objects, 2, IoPortRange.Create(init, 0x3F8, 8), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            // Not COM2 (0x2F8): it is the kernel log's port (Arch/X64/Serial.cs), polled by the kernel
            // from its first line; a server writing there would garble it (docs/console.md). Slot 3 is
            // the trace ring's instead (`trace:rw`, the shell's in [system]).
            Insert(init, objects, InitSlots.Trace, IpcTraceCap.Create(init), CapType.Trace, CapRights.Read | CapRights.Write);
            Insert(init, objects, 4, IoPortRange.Create(init, 0x60, 1), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            Insert(init, objects, 5, IoPortRange.Create(init, 0x64, 1), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            if (!Requested(requested, 1))
                Insert(init, objects, 6, IrqLine.Create(init, 1), CapType.IrqLine, CapRights.All);
            if (!Requested(requested, 3))
                Insert(init, objects, 7, IrqLine.Create(init, 3), CapType.IrqLine, CapRights.All);
            if (!Requested(requested, 4))
                Insert(init, objects, 8, IrqLine.Create(init, 4), CapType.IrqLine, CapRights.All);
            Insert(init, objects, 9, Frame.CreateDevice(init, 0xB8000, 1), CapType.Frame, CapRights.Read | CapRights.Write);
            Insert(init, objects, 10, IoPortRange.Create(init, 0x3D4, 2), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            // The ATA primary channel: the disk, when there is one (the driver finds out with IDENTIFY).
            // 0x3F6 is the channel's device control (write) and alternate status (read); 0x3F7 is the
            // legacy floppy controller's and stays out.
            Insert(init, objects, AtaCommandSlot, IoPortRange.Create(init, 0x1F0, 8), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            Insert(init, objects, AtaControlSlot, IoPortRange.Create(init, 0x3F6, 1), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            if (!Requested(requested, 14))
                Insert(init, objects, AtaIrqSlot, IrqLine.Create(init, 14), CapType.IrqLine, CapRights.All);
            // The CMOS clock (rtc, lab 4): the kernel reads it once at boot (Arch/X64/Rtc.cs), before
            // Init runs, and never again, so the ports can be a driver's from here on.
            Insert(init, objects, CmosPortsSlot, IoPortRange.Create(init, 0x70, 2), CapType.IoPortRange, CapRights.Read | CapRights.Write);
            if (!Requested(requested, 8))
                Insert(init, objects, CmosIrqSlot, IrqLine.Create(init, 8), CapType.IrqLine, CapRights.All);
            // Not adopted (a process does not own itself): a plain reference, as process_create's caps are.
            objects.Caps.InsertOriginal(objects.Caps.At(SelfSlot), CapType.Process, CapRights.Read, 0, init, (ulong)init.Id);
            int slot = FirstImageSlot;
            foreach (BootModule m in boot.Modules)
                if (IsImage(m) && slot < CapTable.DefaultSlotCount)
                    Insert(init, objects, slot++, BootImage.CreateForModule(init, m.Start, m.End), CapType.BootImage, CapRights.Write);
        }

        private static bool Requested(System.Collections.Generic.List<ManifestEntry> requested, int irq)
        {
            var specs = new System.Collections.Generic.List<CapSpec>();
            foreach (ManifestEntry e in requested)
            {
                string list = ManifestCaps.Find(e.Arguments);
                specs.Clear();
                if (list == null || ManifestCaps.Parse(list, specs) != null)
                    continue;
                foreach (CapSpec c in specs)
                    if (c.Kind == CapSpecKind.Irq && c.Base == (ulong)irq)
                        return true;
            }
            return false;
        }

        private static void Insert(Process init, ProcessObjects objects, int slot, KernelObject obj, CapType type, CapRights rights)
        {
            if (obj == null || !objects.TryAdopt(obj))
            {
                Log.Write("servers: init: capability ");
                Log.WriteDecimal(slot);
                Log.Write(" not granted\n");
                return;
            }
            objects.Caps.InsertOriginal(objects.Caps.At((ulong)slot), type, rights, 0, obj, obj.Generation);
        }
    }
}
