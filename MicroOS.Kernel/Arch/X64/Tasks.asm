; Thread switching, entry into ring 3 and the SYSCALL entry point. The C# side is in
; Tasks/Scheduler.cs (switching) and Syscalls/SyscallDispatcher.cs (the table).
bits 64

USER_DATA_SELECTOR equ 0x20 | 3
USER_CODE_SELECTOR equ 0x28 | 3
RFLAGS_IF          equ 0x200

section .data
align 8
global mos_syscall_kernel_rsp
mos_syscall_kernel_rsp: dq 0          ; top of the current thread's kernel stack (set on every switch)
mos_syscall_user_rsp:   dq 0          ; scratch: the user rsp while the entry stub switches stacks

section .text

; void mos_switch_context(ulong* saveRsp, ulong nextRsp)
; Saves the callee-saved registers on the current kernel stack, stores rsp, switches to the
; next thread's stack and returns into it (its own mos_switch_context call, or a trampoline below).
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
global mos_user_thread_start
mos_user_thread_start:
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

; SYSCALL lands here (LSTAR) with interrupts masked (FMASK), rcx = user rip, r11 = user rflags,
; rsp still the user's. rax = number, arguments in rdi, rsi, rdx, r10, r8, r9 (Linux order).
; Builds a SyscallFrame (Syscalls/SyscallFrame.cs) on the kernel stack and calls SyscallDispatch.
global mos_syscall_entry
extern SyscallDispatch
mos_syscall_entry:
    mov [rel mos_syscall_user_rsp], rsp
    mov rsp, [rel mos_syscall_kernel_rsp]
    push qword [rel mos_syscall_user_rsp]
    push r11
    push rcx
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    push r9
    push r8
    push r10
    push rdx
    push rsi
    push rdi
    push rax
    mov rdi, rsp                    ; SyscallFrame*
    call SyscallDispatch            ; returns the result in rax
    add rsp, 8                      ; number
    pop rdi
    pop rsi
    pop rdx
    pop r10
    pop r8
    pop r9
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    pop rcx
    pop r11
    pop rsp
    o64 sysret

; void mos_load_gdt(void* descriptor): loads the GDT and reloads every segment register.
global mos_load_gdt
mos_load_gdt:
    lgdt [rdi]
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    pop rdi                         ; far return to reload cs
    push 0x08
    push rdi
    retfq

; void mos_load_tss(ushort selector)
global mos_load_tss
mos_load_tss:
    ltr di
    ret

; FPU/SSE state of a thread (512-byte area, 16-byte aligned).
global mos_fxsave, mos_fxrstor, mos_fninit
mos_fxsave:
    fxsave [rdi]
    ret
mos_fxrstor:
    fxrstor [rdi]
    ret
mos_fninit:
    fninit
    ret

; The idle loop's wait: enable interrupts and halt atomically (sti's one-instruction shadow).
global mos_wait_for_interrupt
mos_wait_for_interrupt:
    sti
    hlt
    cli
    ret

; Addresses of the entry points above, for C# to store in MSRs and initial stack frames.
global mos_syscall_entry_address, mos_kernel_thread_start_address, mos_user_thread_start_address
mos_syscall_entry_address:
    lea rax, [rel mos_syscall_entry]
    ret
mos_kernel_thread_start_address:
    lea rax, [rel mos_kernel_thread_start]
    ret
mos_user_thread_start_address:
    lea rax, [rel mos_user_thread_start]
    ret

; void mos_set_syscall_stack(ulong top): the kernel stack SYSCALL switches to (the current thread's).
global mos_set_syscall_stack
mos_set_syscall_stack:
    mov [rel mos_syscall_kernel_rsp], rdi
    ret
