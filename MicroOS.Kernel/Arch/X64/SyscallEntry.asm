; Every way a ring-3 program enters the kernel by instruction, except `int n` (IDT: Interrupts.asm).
; SyscallMsrs.cs declares the C# names for the symbols here and points the MSRs at them:
;   LSTAR  -> mos_syscall_entry         64-bit `syscall`
;   CSTAR  -> mos_syscall_compat_entry  `syscall` from compatibility mode (unreachable: the GDT has
;                                       no 32-bit user code segment; kills the caller if it ever runs)
;   SYSENTER_CS = 0                     `sysenter` raises #GP in ring 3 before any transition
; The full table of entry paths is docs/entry-paths.md.
bits 64

MXCSR_DEFAULT equ 0x1F80            ; all SIMD exceptions masked, round to nearest

section .data
align 16
global mos_syscall_kernel_rsp
mos_syscall_kernel_rsp: dq 0          ; top of the current thread's kernel stack (set on every switch)
mos_syscall_user_rsp:   dq 0          ; scratch: the user rsp while the entry stub switches stacks
global mos_kernel_mxcsr
mos_kernel_mxcsr:       dd MXCSR_DEFAULT

section .text

; SYSCALL lands here with interrupts masked (FMASK also clears TF, DF, AC, NT), rcx = user rip,
; r11 = user rflags, rsp still the user's. rax = number, arguments in rdi, rsi, rdx, r10, r8, r9.
; Builds a SyscallFrame (Syscalls/SyscallFrame.cs) on the kernel stack and calls SyscallDispatch.
; The user's x87/SSE state is saved below the frame and restored before SYSRET: the kernel's C#
; uses SSE registers freely, and must run with its own MXCSR whatever the caller left there.
; Every general register is restored from the frame, so nothing of the kernel's reaches ring 3
; except rax (the result) and what a handler writes into the frame on purpose.
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
    mov rdi, rsp                    ; SyscallFrame* (16 pushes: rsp is still 16-byte aligned)
    sub rsp, 512
    fxsave64 [rsp]
    ldmxcsr [rel mos_kernel_mxcsr]
    call SyscallDispatch            ; returns the result in rax
    fxrstor64 [rsp]
    add rsp, 512 + 8                ; FPU area, number
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

; SYSCALL from compatibility mode (CSTAR). Same entry conditions as above, but the caller is a
; 32-bit program, which MicroOS does not run: the process is killed, on its kernel stack.
global mos_syscall_compat_entry
extern SyscallFromCompatibilityMode
mos_syscall_compat_entry:
    mov rsp, [rel mos_syscall_kernel_rsp]
    ldmxcsr [rel mos_kernel_mxcsr]
    call SyscallFromCompatibilityMode   ; kills the caller; never returns
    ud2

; ulong* mos_syscall_stack_slot(): where the kernel stack SYSCALL switches to is kept (the current
; thread's); SyscallMsrs.SetSyscallStack writes it on every switch.
global mos_syscall_stack_slot
mos_syscall_stack_slot:
    lea rax, [rel mos_syscall_kernel_rsp]
    ret

global mos_syscall_entry_address, mos_syscall_compat_entry_address
mos_syscall_entry_address:
    lea rax, [rel mos_syscall_entry]
    ret
mos_syscall_compat_entry_address:
    lea rax, [rel mos_syscall_compat_entry]
    ret
