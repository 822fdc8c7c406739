using MicroOS.Kernel.Arch.X64;
using MicroOS.Kernel.Memory;
using MicroOS.Shared.Abi;

namespace MicroOS.Kernel.Tasks
{
    // The fault upcall: the two CPU faults C# code expects as exceptions reach the faulting
    // server's runtime instead of killing it. Called by Idt.Dispatch for a ring-3 CPU exception,
    // before ProcessManager.KillCurrentForFault; false means "kill as before".
    //
    // Why an upcall, and why so narrow: ILC's code relies on the hardware for two checks. A null
    // dereference is an access at (or a field offset past) address 0, and an unsigned or a
    // signed `x / 0` is a bare `div`, so #PF below 4096 and #DE are how C# raises
    // NullReferenceException and DivideByZeroException (or OverflowException, for a #DE whose
    // divisor is not zero: int.MinValue / -1; Arch/X64/DivideFault.cs). NativeAOT does the same on Linux with
    // signals: the faulting instruction becomes the throw site. Everything else (#GP, #UD, a #PF
    // anywhere else, a fault outside the image's managed code, e.g. in an assembly helper) means
    // the program is broken or hostile and still kills it: the runtime could only die more slowly.
    //
    // What must stay true:
    //   - Delivery disarms the upcall; the runtime re-arms it (set_fault_handler again) only after
    //     it has captured the context on a valid stack. A fault in between, in the entry stub or
    //     on a bad stack, finds it disarmed and kills the process as today.
    //   - The user stack is checked before ring 3 resumes on it: the entry stub writes below the
    //     interrupted rsp's red zone, so [rsp - StackNeeded, rsp) must be mapped, user, writable.
    //   - The new rip is the registered entry, checked to lie in the user half at registration
    //     (iretq to a non-canonical rip would fault in ring 0).
    //   - Only rdi, rsi, rdx, rcx and rip change: the callee-saved registers the runtime's unwinder
    //     starts from are the faulting instruction's own.
    internal static unsafe class FaultUpcall
    {
        private const ulong DivideError = 0, PageFault = 14;
        private const ulong NullPageLimit = 4096;
        private const ulong StackNeeded = 512;       // 128 red zone + 64 context + alignment + a call, rounded up
        private const ulong DirectionFlag = 1UL << 10;

        public static bool TryDeliver(InterruptFrame* frame)
        {
            Process process = Scheduler.Current.Process;
            if (!process.FaultUpcallArmed)
                return false;
            FaultKind kind;
            ulong address = 0;
            if (frame->Vector == DivideError)
            {
                kind = FaultKind.DivideByZero;
            }
            else if (frame->Vector == PageFault && (address = Cpu.ReadCr2()) < NullPageLimit)
            {
                kind = FaultKind.NullReference;
            }
            else
            {
                return false;
            }
            if (frame->Rip < process.FaultCodeStart || frame->Rip >= process.FaultCodeEnd)
                return false;
            if (!StackIsUsable(process, frame->Rsp))
                return false;
            if (kind == FaultKind.DivideByZero && DivideFault.DivisorIsNonZero(frame))
                kind = FaultKind.Overflow;      // int.MinValue / -1: .NET's OverflowException

            process.FaultUpcallArmed = false;
            frame->Rdi = (ulong)kind;
            frame->Rsi = frame->Rip;
            frame->Rdx = frame->Rsp;
            frame->Rcx = address;
            frame->Rip = process.FaultEntry;
            frame->Rflags &= ~DirectionFlag;       // the ABI's state at a function entry
            return true;
        }

        // [rsp - StackNeeded, rsp) in the user half and every page of it mapped user-writable: a page
        // table query, no user memory is touched.
        private static bool StackIsUsable(Process process, ulong rsp)
        {
            if (rsp < StackNeeded || !VirtualAddress.IsUserRange(rsp - StackNeeded, StackNeeded))
                return false;
            for (ulong page = VirtualAddress.PageBase(rsp - StackNeeded); page < rsp; page += PhysicalMemory.FrameSize)
            {
                if (!process.Space.TryTranslate(page, out PageTableEntry leaf) || !leaf.IsUser || !leaf.IsWritable)
                    return false;
            }
            return true;
        }

        // set_fault_handler(entry, code start, code end): entry 0 turns the upcall off.
        public static long Register(ulong entry, ulong codeStart, ulong codeEnd)
        {
            Process process = Scheduler.Current.Process;
            if (entry == 0)
            {
                process.FaultUpcallArmed = false;
                process.FaultEntry = 0;
                return 0;
            }
            if (!VirtualAddress.IsUserRange(entry, 1) || codeStart >= codeEnd || !VirtualAddress.IsUserRange(codeStart, codeEnd - codeStart))
                return (long)SyscallError.InvalidArgument;
            process.FaultEntry = entry;
            process.FaultCodeStart = codeStart;
            process.FaultCodeEnd = codeEnd;
            process.FaultUpcallArmed = true;
            return 0;
        }
    }
}
