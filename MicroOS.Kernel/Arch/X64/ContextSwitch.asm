; Thread switching and the first entry of a new thread. ContextSwitch.cs holds the C# names; the
; scheduler (Tasks/Scheduler.cs) is the only caller.
bits 64

USER_DATA_SELECTOR equ 0x20 | 3
USER_CODE_SELECTOR equ 0x28 | 3
RFLAGS_IF          equ 0x200

section .rodata
; A clean x87/SSE state for a new user thread: every register zero, x87 control word 0x37F and
; MXCSR 0x1F80 (all exceptions masked). Loaded whole, so nothing of an earlier thread survives.
align 16
clean_fpu_state:
    dw 0x37F
    times 22 db 0
    dd 0x1F80
    dd 0xFFFF                       ; MXCSR_MASK: ignored by fxrstor
    times 512 - 32 db 0

section .text

; void mos_switch_context(ulong* saveRsp, ulong nextRsp)
; Saves the callee-saved registers on the current kernel stack, stores rsp, switches to the next
; thread's stack and returns into it (its own mos_switch_context call, or a trampoline below).
; No FPU state moves here: a thread's user x87/SSE state is saved by the entry stub that took it
; into the kernel (SyscallEntry.asm, Interrupts.asm) on its own kernel stack, and C# keeps no SSE
; value live across this call (every XMM register is caller-saved in the System V ABI).
global mos_switch_context
mos_switch_context:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; First return of a new kernel thread: r12 = entry (void(*)(ulong)), r13 = its argument.
global mos_kernel_thread_start
extern KernelThreadExit
mos_kernel_thread_start:
    mov rdi, r13
    call r12
    call KernelThreadExit
    ud2

; First return of a new user thread: r12 = user rip, r13 = user rsp, r14/r15 = first two arguments.
; Every register the thread can see starts zero (or its argument).
global mos_user_thread_start
mos_user_thread_start:
    fxrstor64 [rel clean_fpu_state]
    push USER_DATA_SELECTOR
    push r13
    push RFLAGS_IF
    push USER_CODE_SELECTOR
    push r12
    mov rdi, r14
    mov rsi, r15
    xor eax, eax
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    xor ebp, ebp
    xor r8d, r8d
    xor r9d, r9d
    xor r10d, r10d
    xor r11d, r11d
    xor r12d, r12d
    xor r13d, r13d
    xor r14d, r14d
    xor r15d, r15d
    iretq

; The idle loop's wait: enable interrupts and halt atomically (sti's one-instruction shadow).
global mos_wait_for_interrupt
mos_wait_for_interrupt:
    sti
    hlt
    cli
    ret

; A preemption window in a long syscall: pending interrupts are taken between sti's shadow and cli.
global mos_interrupt_window
mos_interrupt_window:
    sti
    nop
    cli
    ret

global mos_kernel_thread_start_address, mos_user_thread_start_address
mos_kernel_thread_start_address:
    lea rax, [rel mos_kernel_thread_start]
    ret
mos_user_thread_start_address:
    lea rax, [rel mos_user_thread_start]
    ret
