using MicroOS.Kernel.Boot;
using MicroOS.Kernel.Diagnostics;
using MicroOS.Kernel.Objects;
using MicroOS.Kernel.Tasks;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Syscalls
{
    // process_create_frame (issue 17, item 4): a program that is not a boot module — the shell's `run`
    // reads it from the disk into a Frame — becomes a suspended process, exactly as process_create
    // makes one from a boot module: the same ELF checks (ElfImage.Parse), the same fit check against
    // its limit (ImageFit), its limit carved out of the caller's own budget, its name and arguments
    // from `text`, its capabilities whatever the caller then transfers (cap_transfer) before
    // process_resume.
    //
    // The kernel reads the image in place, through its map of physical memory: it is neither copied
    // first nor mapped into the new process. The loader copies each segment into fresh pages of the
    // new process anyway (ProcessManager.LoadSegments), as it does for boot modules, so the child
    // never shares a page with the frame and the caller keeps no way into the child's memory. Reading
    // in place is safe because a syscall never stops halfway (Preemption: interrupts only, no switch):
    // no thread can revoke, delete or rewrite the frame while the loader reads it; a frame revoked
    // before the call fails the decode (InvalidCapability or ObjectGone).
    //
    // What must stay true, for a hostile caller:
    // - every byte read lies inside the frame: 0 < imageLength ≤ its pages (else InvalidArgument /
    //   OutOfRange), and ElfImage never reads outside the span it is given;
    // - Read is the right needed (a frame the caller can only read gives nothing it could not read
    //   already); a device frame (`mmio:`) is refused: the kernel reads only RAM it allocated;
    // - a malformed image is InvalidArgument, and a refusal allocates nothing on the kernel heap (it is
    //   never collected): the first DescribedRefusals are described in the log, then a fixed line;
    //   nor is a frame's image put in ProcessManager's cache of refused boot modules (checked here
    //   first, so the loader only sees images that parse);
    // - the limit comes out of the caller's budget (OutOfMemory when it has not that much left, or
    //   when the image does not fit the limit asked for), never the kernel's root budget.
    internal static unsafe class ProcessImageSyscalls
    {
        private const int MaxCreateText = 512;
        private const ulong MaxCreateMemoryKiB = 256 * 1024;
        // Refusals described in full (each allocates its error text once); later ones are a fixed text.
        private const int DescribedRefusals = 16;
        private static int s_described;

        private static readonly byte[] s_text = new byte[MaxCreateText];
        private static readonly string s_name = ReusedText.Make(Process.MaxNameLength);
        private static readonly string s_arguments = ReusedText.Make(MaxCreateText);
        private static readonly ElfImage s_check = new ElfImage();

        // process_create_frame(frame cap, dst, text, packed, imageLength): packed as process_create's
        // (ProcessCreateArgs: text length | memory KiB << 16 | high << 63).
        public static long CreateFromFrame(SyscallFrame* f, CapSlot cap, CapSlot destination)
        {
            var frame = (Frame)cap.Object;
            ulong packed = f->Arg3, imageLength = f->Arg4;
            int length = ProcessCreateArgs.Length(packed);
            ulong memoryKiB = ProcessCreateArgs.MemoryKiB(packed);
            bool high = ProcessCreateArgs.High(packed);
            if (length == 0 || length > MaxCreateText || memoryKiB == 0 || memoryKiB > MaxCreateMemoryKiB || !ProcessCreateArgs.ReservedClear(packed))
                return (long)SyscallError.InvalidArgument;
            if (frame.Device || imageLength == 0)
                return (long)SyscallError.InvalidArgument;
            if (imageLength > (ulong)frame.Pages * Memory.PhysicalMemory.FrameSize)
                return (long)SyscallError.OutOfRange;
            SyscallError? error = UserSpan.TryCreate(f->Arg2, (ulong)length, out UserSpan text);
            if (error != null)
                return (long)error.Value;
            var bytes = new System.Span<byte>(s_text, 0, length);
            error = text.CopyIn(bytes);
            if (error != null)
                return (long)error.Value;
            int nameEnd = 0;
            while (nameEnd < length && bytes[nameEnd] != (byte)' ')
                nameEnd++;
            if (nameEnd == 0 || nameEnd > Process.MaxNameLength)
                return (long)SyscallError.InvalidArgument;
            string name = ReusedText.Write(s_name, bytes.Slice(0, nameEnd));
            var image = new System.ReadOnlySpan<byte>(Memory.PhysMap.ToVirtual(frame.Physical), (int)imageLength);

            bool describe = s_described < DescribedRefusals;
            if (ElfImage.Parse(image, Process.ImageBase, Process.HeapBase, out string why, s_check, describe) == null)
            {
                if (describe)
                    s_described++;
                Log.Write("loader: refused image '");
                Log.Write(name);
                Log.Write("' from a frame of ");
                WriteProcess(Scheduler.Current.Process);
                Log.Write(": ");
                Log.Write(why);
                Log.Write("\n");
                return (long)SyscallError.InvalidArgument;
            }
            string arguments = nameEnd + 1 < length ? ReusedText.Write(s_arguments, bytes.Slice(nameEnd + 1)) : "";
            // Over its creator's budget or too small a limit for the image: ProcessManager logs which.
            Process p = ProcessManager.Start(name, image, memoryKiB << 10, high ? Priority.High : Priority.Normal, arguments, true, Scheduler.Current.Process);
            if (p == null)
                return (long)SyscallError.OutOfMemory;
            ProcessObjects.Of(Scheduler.Current.Process).Caps.InsertOriginal(destination, CapType.Process, CapRights.All, 0, p, (ulong)p.Id);
            return p.Id;
        }

        private static void WriteProcess(Process p)
        {
            Log.Write(p.Name);
            Log.Write(" (pid ");
            Log.WriteDecimal(p.Id);
            Log.Write(")");
        }
    }
}
