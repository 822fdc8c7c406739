; The register-level half of exception dispatch (the C# half is Internal/Runtime/ExceptionHandling.cs).
; Every entry here captures or restores an ExceptionContext (ExceptionHandling.cs, 64 bytes):
;   +0 rip  +8 rsp  +16 rbp  +24 rbx  +32 r12  +40 r13  +48 r14  +56 r15
; Only the callee-saved registers are kept: ILC's code keeps nothing live in the others across a
; call, and a catch or finally funclet reads the parent frame through rbp alone.
bits 64
section .text

%macro SAVE_CALLEE_SAVED 0                   ; into the context at rsp (rip and rsp set by the caller)
    mov [rsp + 16], rbp
    mov [rsp + 24], rbx
    mov [rsp + 32], r12
    mov [rsp + 40], r13
    mov [rsp + 48], r14
    mov [rsp + 56], r15
%endmacro

; void RhpThrowEx(object exception): ILC's `throw`. The context describes the throwing method as it
; will be after this call returns: rip = the return address, rsp = just above it.
extern RhThrowFromContext
global RhpThrowEx
RhpThrowEx:
    mov rax, [rsp]
    lea rcx, [rsp + 8]
    sub rsp, 72                     ; 64-byte context + 8: rsp 16-byte aligned for the call
    mov [rsp], rax
    mov [rsp + 8], rcx
    SAVE_CALLEE_SAVED
    mov rsi, rsp                    ; (exception, context)
    call RhThrowFromContext
    int3                            ; dispatch never returns here

; void RhpRethrow(): ILC's `throw;` inside a catch funclet; the exception is that catch's own.
extern RhRethrowFromContext
global RhpRethrow
RhpRethrow:
    mov rax, [rsp]
    lea rcx, [rsp + 8]
    sub rsp, 72
    mov [rsp], rax
    mov [rsp + 8], rcx
    SAVE_CALLEE_SAVED
    mov rdi, rsp                    ; (context)
    call RhRethrowFromContext
    int3

; The kernel's fault upcall (MicroOS.Kernel/Tasks/FaultUpcall.cs) resumes ring 3 here instead of
; killing the process: rdi = fault kind, rsi = faulting rip, rdx = faulting rsp, rcx = fault
; address; every other register is as it was at the faulting instruction. The faulting method
; is treated as if it had thrown at that instruction (the stack above rsp is left untouched,
; and so are the 128 red-zone bytes below it).
extern RhFaultFromContext
global mos_fault_entry
mos_fault_entry:
    sub rsp, 128
    and rsp, -16
    sub rsp, 64
    mov [rsp], rsi
    mov [rsp + 8], rdx
    SAVE_CALLEE_SAVED
    mov rsi, rsp                    ; (kind, context, address)
    mov rdx, rcx
    call RhFaultFromContext
    int3

; nint mos_call_funclet(object exception, void* funclet, ExceptionContext* frame, FuncletCall* call)
; Calls a catch, filter or finally funclet ILC compiled out of the method whose frame is `frame`:
; the funclet addresses that frame's locals through rbp, so every callee-saved register is loaded
; from the context first. The FuncletCall pointer stays at [rsp] above the funclet's return address:
; a stack walk that unwinds out of the funclet lands on mos_funclet_return and finds it there, which
; tells it which frame and clause the funclet belongs to. Returns the funclet's rax (a catch: the
; address to resume at; a filter: 0 or 1).
global mos_call_funclet, mos_funclet_return
mos_call_funclet:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    push rcx                        ; 7 pushes + return address: rsp 16-byte aligned at the call
    mov rbp, [rdx + 16]
    mov rbx, [rdx + 24]
    mov r12, [rdx + 32]
    mov r13, [rdx + 40]
    mov r14, [rdx + 48]
    mov r15, [rdx + 56]
    call rsi
mos_funclet_return:
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; void mos_resume(ExceptionContext* context, void* ip, nint rax): continues at `ip` with the context's
; stack and callee-saved registers (everything below that stack is abandoned).
global mos_resume
mos_resume:
    mov rbp, [rdi + 16]
    mov rbx, [rdi + 24]
    mov r12, [rdi + 32]
    mov r13, [rdi + 40]
    mov r14, [rdi + 48]
    mov r15, [rdi + 56]
    mov rsp, [rdi + 8]
    mov rax, rdx
    jmp rsi

; Addresses the C# side needs (the linker script defines the symbols).
extern __eh_frame_hdr_start, __eh_frame_hdr_end, __managedcode_start, __managedcode_end
global mos_eh_frame_hdr, mos_eh_frame_hdr_end, mos_managed_code_start, mos_managed_code_end
global mos_funclet_return_address, mos_fault_entry_address
mos_eh_frame_hdr:
    lea rax, [rel __eh_frame_hdr_start]
    ret
mos_eh_frame_hdr_end:
    lea rax, [rel __eh_frame_hdr_end]
    ret
mos_managed_code_start:
    lea rax, [rel __managedcode_start]
    ret
mos_managed_code_end:
    lea rax, [rel __managedcode_end]
    ret
mos_funclet_return_address:
    lea rax, [rel mos_funclet_return]
    ret
mos_fault_entry_address:
    lea rax, [rel mos_fault_entry]
    ret

extern __microos_names_start, __microos_names_end
global mos_names_start, mos_names_end
mos_names_start:
    lea rax, [rel __microos_names_start]
    ret
mos_names_end:
    lea rax, [rel __microos_names_end]
    ret
