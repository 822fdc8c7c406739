using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    // Exception dispatch, NativeAOT's model on ILC's own tables (Unwinder.cs reads them):
    //   throw (RhpThrowEx), `throw;` (RhpRethrow) and the kernel's fault upcall (mos_fault_entry)
    //   capture an ExceptionContext in Native/Exceptions.asm and land here.
    //   Pass 1 walks the stack from there and picks the first catch whose type matches or whose
    //   filter says yes (filters run now, on top of the stack). Nothing is unwound yet, so an
    //   unhandled exception is reported with the stack intact and no finally has run.
    //   Pass 2 walks again, calling every finally (ILC: fault funclet) up to that catch, then the
    //   catch funclet, then resumes the catching method at the address the funclet returned with
    //   that method's stack pointer and callee-saved registers; everything below is abandoned.
    // Funclets run deeper on the stack than the frames they belong to. When a walk unwinds out of
    // one it meets mos_funclet_return and the FuncletCall record pushed there, and goes on from
    // the funclet's parent frame, past the clause the funclet belongs to: so an exception thrown in
    // a catch or finally replaces the one being handled and is looked for in the enclosing handlers
    // only; one thrown out of a filter ends at the filter, which counts as false (as in .NET).
    //
    // The collector needs nothing from this: it scans the whole stack conservatively and never moves
    // objects, so references held by frames being unwound (or still in the dispatcher's locals and
    // records, which live on the stack too) stay valid; an abandoned region is below rsp afterwards
    // and no longer scanned.
    internal static unsafe class ExceptionHandling
    {
        private const int CatchCall = 0, FinallyCall = 1, FilterCall = 2;

        // Fault kinds of the kernel's upcall: must match MicroOS.Shared.Abi.FaultKind.
        private const int FaultDivideByZero = 1, FaultNullReference = 2, FaultOverflow = 3;

        // Lives in the dispatcher's stack frame while its funclet runs.
        internal struct FuncletCall
        {
            public ExceptionContext Parent;     // the frame the funclet belongs to
            public int Kind;
            public int ClauseIndex;
            public uint TryStart, TryEnd;
            public nint Exception;              // a catch's exception (for `throw;`); on the stack, so scanned
            public FuncletCall* NextActive;
        }

        // Catch funclets that are running, innermost first: `throw;` rethrows the first one's.
        private static FuncletCall* s_activeCatches;
        private static bool s_reportingUnhandled;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_call_funclet")]
        private static extern nint CallFunclet(object exception, byte* funclet, ExceptionContext* frame, FuncletCall* call);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_resume")]
        private static extern void Resume(ExceptionContext* context, ulong ip, nint rax);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_funclet_return_address")]
        private static extern ulong FuncletReturnAddress();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("mos_fault_entry_address")]
        internal static extern ulong FaultEntryAddress();

        [RuntimeExport("RhThrowFromContext")]
        private static void ThrowFromContext(object exception, ExceptionContext* context)
        {
            if (exception == null)
                exception = new NullReferenceException();   // `throw null`
            if (exception is Exception e)
                e._throwIp = context->Rip;
            Dispatch(exception, *context);
        }

        [RuntimeExport("RhRethrowFromContext")]
        private static void RethrowFromContext(ExceptionContext* context)
        {
            if (s_activeCatches == null)
                RuntimeHost.Fatal("System.InvalidOperationException", "rethrow outside a catch");
            object exception = Unsafe.As<nint, object>(ref s_activeCatches->Exception);
            Dispatch(exception, *context);
        }

        // The kernel delivered a CPU fault the runtime turns into an exception at the faulting
        // instruction (see MicroOS.Kernel/Tasks/FaultUpcall.cs for which ones and why).
        [RuntimeExport("RhFaultFromContext")]
        private static void FaultFromContext(int kind, ExceptionContext* context, ulong address)
        {
            // The kernel disarmed the upcall on delivery; re-arm it now that the context is safe on
            // a valid stack (a fault before this point kills the process instead of recursing).
            if (RuntimeHost.s_faultHandled != null)
                RuntimeHost.s_faultHandled();
            // No unwind data: one of the runtime's assembly helpers (Native/Runtime.asm,
            // mos_fault_text), which fault before they push anything. The throw site is its caller.
            if (!Unwinder.Find(context->Rip, out _))
            {
                context->Rip = *(ulong*)context->Rsp;
                context->Rsp += 8;
            }
            Exception e = kind == FaultDivideByZero ? new DivideByZeroException()
                : kind == FaultOverflow ? new OverflowException()
                : new NullReferenceException();
            e._throwIp = context->Rip;
            Dispatch(e, *context);
        }

        private static void Dispatch(object exception, ExceptionContext throwContext)
        {
            ulong funcletReturn = FuncletReturnAddress();

            // Pass 1: find the handler.
            FrameIterator frames = default;
            int ordinal = 0, handlerOrdinal = -1, handlerClause = -1;
            FrameIterator.Step step = frames.Start(in throwContext);
            while (step == FrameIterator.Step.Frame)
            {
                handlerClause = FindHandler(exception, ref frames);
                if (handlerClause >= 0)
                {
                    handlerOrdinal = ordinal;
                    break;
                }
                step = frames.Next(funcletReturn);
                ordinal++;
            }
            if (step == FrameIterator.Step.End)
                Unhandled(exception, in throwContext);

            // Pass 2: run the finallys up to the handler (or the filter boundary), then the catch.
            step = frames.Start(in throwContext);
            for (ordinal = 0; ; ordinal++)
            {
                if (step == FrameIterator.Step.Boundary)
                {
                    // Thrown out of a filter: that filter answers false; the filter's caller goes on.
                    ExceptionContext atFilterCaller = frames.Context;
                    PopActiveCatches(atFilterCaller.Rsp);
                    Resume(&atFilterCaller, funcletReturn, 0);
                }
                if (step == FrameIterator.Step.End)
                    RuntimeHost.Fatal("System.ExecutionEngineException", "the second pass lost the handler");
                RunFinallys(ref frames, ordinal == handlerOrdinal ? handlerClause : int.MaxValue);
                if (ordinal == handlerOrdinal)
                    break;
                step = frames.Next(funcletReturn);
            }

            EhClause clause = ClauseAt(in frames, handlerClause);
            FuncletCall call = default;
            call.Parent = frames.Context;
            call.Kind = CatchCall;
            call.ClauseIndex = handlerClause;
            call.TryStart = clause.TryStart;
            call.TryEnd = clause.TryEnd;
            call.Exception = Unsafe.As<object, nint>(ref exception);
            call.NextActive = s_activeCatches;
            s_activeCatches = &call;
            ExceptionContext target = frames.Context;
            ulong resumeAt = (ulong)CallFunclet(exception, clause.Handler, &target, &call);
            // Everything below the catching frame is gone, this catch's record with it.
            PopActiveCatches(target.Rsp);
            Resume(&target, resumeAt, 0);
        }

        private static void PopActiveCatches(ulong stackPointer)
        {
            while (s_activeCatches != null && (ulong)s_activeCatches < stackPointer)
                s_activeCatches = s_activeCatches->NextActive;
        }

        // The index of the clause of this frame that catches `exception`, or -1.
        private static int FindHandler(object exception, ref FrameIterator frame)
        {
            byte* ehInfo = frame.Code.EhInfo;
            if (ehInfo == null)
                return -1;
            uint offset = (uint)(frame.Context.Rip - (ulong)frame.Code.MethodStart);
            var reader = new EhClauseReader(ehInfo, frame.Code.MethodStart);
            bool skipping = frame.SkipsClauses;
            for (int i = 0; i < (int)reader.Count; i++)
            {
                reader.Next(out EhClause clause);
                if (!frame.Applies(i, in clause, offset, ref skipping))
                    continue;
                if (clause.Kind == EhClause.Typed)
                {
                    if (TypeCast.IsInstanceOfException(clause.CatchType, exception))
                        return i;
                }
                else if (clause.Kind == EhClause.FilterKind)
                {
                    FuncletCall call = default;
                    call.Parent = frame.Context;
                    call.Kind = FilterCall;
                    call.ClauseIndex = i;
                    call.TryStart = clause.TryStart;
                    call.TryEnd = clause.TryEnd;
                    ExceptionContext context = frame.Context;
                    if (CallFunclet(exception, clause.Filter, &context, &call) != 0)
                        return i;
                }
            }
            return -1;
        }

        // Calls this frame's finally funclets whose try holds the frame's ip, innermost first, up to
        // (not including) clause `stop`.
        private static void RunFinallys(ref FrameIterator frame, int stop)
        {
            byte* ehInfo = frame.Code.EhInfo;
            if (ehInfo == null)
                return;
            uint offset = (uint)(frame.Context.Rip - (ulong)frame.Code.MethodStart);
            var reader = new EhClauseReader(ehInfo, frame.Code.MethodStart);
            bool skipping = frame.SkipsClauses;
            for (int i = 0; i < (int)reader.Count && i < stop; i++)
            {
                reader.Next(out EhClause clause);
                if (!frame.Applies(i, in clause, offset, ref skipping) || clause.Kind != EhClause.Fault)
                    continue;
                FuncletCall call = default;
                call.Parent = frame.Context;
                call.Kind = FinallyCall;
                call.ClauseIndex = i;
                call.TryStart = clause.TryStart;
                call.TryEnd = clause.TryEnd;
                ExceptionContext context = frame.Context;
                CallFunclet(null, clause.Handler, &context, &call);
            }
        }

        private static EhClause ClauseAt(in FrameIterator frame, int index)
        {
            var reader = new EhClauseReader(frame.Code.EhInfo, frame.Code.MethodStart);
            EhClause clause;
            int i = 0;
            do
                reader.Next(out clause);
            while (i++ < index);
            return clause;
        }

        // No handler anywhere: one line naming the type, the message and the method that threw,
        // then the image's end (a server exits; the kernel panics). Builds the line without
        // allocating when it can: the exception may well be an OutOfMemoryException.
        private static void Unhandled(object exception, in ExceptionContext throwContext)
        {
            if (s_reportingUnhandled)
                RuntimeHost.Fatal("unhandled exception while reporting an unhandled exception", null);
            s_reportingUnhandled = true;
            Exception e = exception as Exception;
            if (RuntimeHost.s_unhandledException == null)
                RuntimeHost.Fatal(e != null ? e.TypeName : "System.Object", e != null ? e.Message : "a non-exception object was thrown");
            const int Capacity = 512;
            byte* line = stackalloc byte[Capacity];
            int length = 0;
            Append(line, ref length, Capacity, "unhandled exception ");
            if (SymbolNames.FindType(exception, out byte* typeName, out int typeLength))
                Append(line, ref length, Capacity, typeName, typeLength);
            else
                Append(line, ref length, Capacity, e != null ? e.TypeName : "System.Object");
            Append(line, ref length, Capacity, ": ");
            Append(line, ref length, Capacity, e != null ? e.Message : "a non-exception object was thrown");
            Append(line, ref length, Capacity, " (thrown in ");
            ulong ip = e != null ? e._throwIp : 0;
            if (ip == throwContext.Rip)
                ip = FirstFrameOutsideRuntime(in throwContext);
            if (SymbolNames.FindMethod(ip, out byte* method, out int methodLength))
            {
                Append(line, ref length, Capacity, method, methodLength);
            }
            else
            {
                Append(line, ref length, Capacity, "0x");
                AppendHex(line, ref length, Capacity, ip);
            }
            Append(line, ref length, Capacity, ")");
            RuntimeHost.s_unhandledException(line, length);
            RuntimeHost.Fatal("unhandled exception", null);
        }

        // A throw from the runtime's own helpers (a failed cast, an exhausted heap, a bounds check)
        // is reported at the method that called them, as .NET's stack trace would show it.
        private static ulong FirstFrameOutsideRuntime(in ExceptionContext throwContext)
        {
            FrameIterator frames = default;
            FrameIterator.Step step = frames.Start(in throwContext);
            while (step == FrameIterator.Step.Frame)
            {
                if (!SymbolNames.FindMethod(frames.Context.Rip, out byte* name, out int length)
                    || !(StartsWith(name, length, "Internal.Runtime.") || StartsWith(name, length, "System.Runtime.")))
                    return frames.Context.Rip;
                step = frames.Next(FuncletReturnAddress());
            }
            return throwContext.Rip;
        }

        private static bool StartsWith(byte* name, int length, string prefix)
        {
            if (length < prefix.Length)
                return false;
            for (int i = 0; i < prefix.Length; i++)
                if (name[i] != prefix[i])
                    return false;
            return true;
        }

        private static void Append(byte* line, ref int length, int capacity, byte* text, int count)
        {
            for (int i = 0; i < count && length < capacity; i++)
                line[length++] = text[i];
        }

        private static void Append(byte* line, ref int length, int capacity, string text)
        {
            if (text == null)
                return;
            for (int i = 0; i < text.Length && length < capacity; i++)
                line[length++] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
        }

        private static void AppendHex(byte* line, ref int length, int capacity, ulong value)
        {
            for (int shift = 60; shift >= 0 && length < capacity; shift -= 4)
            {
                int digit = (int)((value >> shift) & 0xF);
                line[length++] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
            }
        }

        // Walks frames from a context. Out of a funclet it continues in the funclet's parent frame,
        // where the clauses up to the funclet's own (and those sharing its try) no longer apply.
        internal struct FrameIterator
        {
            public enum Step { Frame, Boundary, End }

            public ExceptionContext Context;
            public CodeInfo Code;
            private int _skipThrough;
            private uint _skipTryStart, _skipTryEnd;

            public Step Start(in ExceptionContext context)
            {
                Context = context;
                _skipThrough = -1;
                return Unwinder.Find(Context.Rip, out Code) ? Step.Frame : Step.End;
            }

            public Step Next(ulong funcletReturn)
            {
                if (!Unwinder.Unwind(ref Context, in Code))
                    return Step.End;
                _skipThrough = -1;
                if (Context.Rip == funcletReturn)
                {
                    FuncletCall* call = *(FuncletCall**)Context.Rsp;
                    if (call->Kind == FilterCall)
                        return Step.Boundary;
                    Context = call->Parent;
                    _skipThrough = call->ClauseIndex;
                    _skipTryStart = call->TryStart;
                    _skipTryEnd = call->TryEnd;
                }
                return Unwinder.Find(Context.Rip, out Code) ? Step.Frame : Step.End;
            }

            // Clauses are visited in order, `skipping` starting as SkipsClauses. Right after the
            // funclet's own clause, the clauses with the very same try range are its siblings (other
            // catches of that try) and are passed over too; the first clause with another range ends
            // that run. ILC puts an empty clause between two nested trys that compile to the same
            // range, so an enclosing try with identical offsets still gets its turn.
            public bool SkipsClauses => _skipThrough >= 0;

            public bool Applies(int index, in EhClause clause, uint offset, ref bool skipping)
            {
                if (index <= _skipThrough)
                    return false;
                if (skipping)
                {
                    if (clause.TryStart == _skipTryStart && clause.TryEnd == _skipTryEnd)
                        return false;
                    skipping = false;
                }
                return clause.Contains(offset);
            }
        }
    }
}
