; Interrupt entry stubs. Each vector pushes a dummy error code where the CPU does not push one,
; then its number, so the C# handler always sees one frame layout (InterruptFrame in Idt.cs):
;   r15 .. rax (15 GPRs, pushed below), vector, error code, rip, cs, rflags, rsp, ss.
bits 64
section .text
extern InterruptDispatch
extern mos_smap_enabled, mos_kernel_mxcsr

%macro ISR_NOERR 1
isr%1:
    push 0
    push %1
    jmp isr_common
%endmacro

%macro ISR_ERR 1
isr%1:
    push %1
    jmp isr_common
%endmacro

ISR_NOERR 0
ISR_NOERR 1
ISR_NOERR 2
ISR_NOERR 3
ISR_NOERR 4
ISR_NOERR 5
ISR_NOERR 6
ISR_NOERR 7
ISR_ERR   8
ISR_NOERR 9
ISR_ERR   10
ISR_ERR   11
ISR_ERR   12
ISR_ERR   13
ISR_ERR   14
ISR_NOERR 15
ISR_NOERR 16
ISR_ERR   17
ISR_NOERR 18
ISR_NOERR 19
ISR_NOERR 20
ISR_ERR   21
ISR_NOERR 22
ISR_NOERR 23
ISR_NOERR 24
ISR_NOERR 25
ISR_NOERR 26
ISR_NOERR 27
ISR_NOERR 28
ISR_ERR   29
ISR_ERR   30
ISR_NOERR 31
%assign i 32
%rep 224
ISR_NOERR i
%assign i i+1
%endrep

isr_common:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    cld
    ; Event delivery does not clear RFLAGS.AC: a ring-3 program could enter with AC set and so
    ; switch SMAP off for the handler. Close it (stac/clac exist only where SMAP does).
    cmp byte [rel mos_smap_enabled], 0
    je .smap_closed
    clac
.smap_closed:
    mov rdi, rsp                    ; InterruptFrame*
    mov rbx, rsp
    and rsp, -16                    ; the ABI wants a 16-byte aligned stack at the call
    sub rsp, 512
    fxsave64 [rsp]                  ; C# handlers use SSE: keep the interrupted code's registers
    ldmxcsr [rel mos_kernel_mxcsr]  ; and run with the kernel's MXCSR, not the interrupted code's
    call InterruptDispatch
    fxrstor64 [rsp]
    mov rsp, rbx
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    add rsp, 16                     ; vector and error code
    iretq

section .rodata
global mos_isr_table
align 8
mos_isr_table:
%assign i 0
%rep 256
    dq isr %+ i
%assign i i+1
%endrep

section .text
global mos_isr_table_address
mos_isr_table_address:
    lea rax, [rel mos_isr_table]
    ret
